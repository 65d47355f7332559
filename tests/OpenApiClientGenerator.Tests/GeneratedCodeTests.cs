using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

public sealed class GeneratedCodeTests
{
    [Fact]
    public void The_five_operation_specs_generate_code_without_any_diagnostic()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        var methods = run.Compilation.GetSymbolsWithName(n => n.EndsWith("Async", StringComparison.Ordinal), SymbolFilter.Member)
            .OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.ContainingType.Name.EndsWith("Client", StringComparison.Ordinal))
            .Select(m => m.ContainingType.Name + "." + m.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(
            [
                "DataArtsFabricClient.UpdateEndpointAsync",
                "DataArtsFabricClient.UpdateServiceInstanceAsync",
                "GaussDBForOpenGaussClient.InstallKernelPluginAsync",
                "ModelArtsClient.PatchServiceAsync",
                "ModelArtsClient.UpdatePluginAsync",
            ],
            methods);
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_of_the_additional_files()
    {
        var specs = GeneratorHarness.RepositorySpecs().ToList();
        var forward = GeneratorHarness.Run(specs).Sources;
        specs.Reverse();
        var backward = GeneratorHarness.Run(specs).Sources;

        Assert.Equal(forward.Select(s => s.HintName), backward.Select(s => s.HintName));
        Assert.Equal(forward.Select(s => s.SourceText.ToString()), backward.Select(s => s.SourceText.ToString()));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        var invariant = Generate(CultureInfo.InvariantCulture);
        var local = Generate(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(invariant, local);

        static string[] Generate(CultureInfo culture)
        {
            var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            try
            {
                return GeneratorHarness.Run(GeneratorHarness.RepositorySpecs()).Sources.Select(s => s.HintName + "\n" + s.SourceText).ToArray();
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
            }
        }
    }

    /// <summary>
    /// The client tests build their specs with the generator in a real build, where the generated files' header keeps
    /// nullable warnings off; here the same specs, with the same options (tests/GeneratedClients.Tests/GeneratedClients.Tests.csproj),
    /// are compiled with the warnings switched back on, so that the code they exercise is proven nullable-clean. (Their
    /// dependency-injection extensions need Microsoft.Extensions.Http, which this compilation lacks: that file keeps
    /// <c>#nullable enable</c>, and the client tests' build checks it.)
    /// </summary>
    [Fact]
    public void The_client_tests_specs_with_their_build_options_compile_without_a_warning_with_nullable_warnings_on()
    {
        var clientTestSpecs = Repository.PathOf("tests", "GeneratedClients.Tests", "specs");
        var specs = GeneratorHarness.RepositorySpecs()
            .Concat(Directory.GetFiles(clientTestSpecs, "*.openapi.yaml")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p))))
            .ToList();
        var run = GeneratorHarness.Run(
            specs,
            new Dictionary<string, string> { ["build_property.OpenApiRootNamespace"] = "HuaweiCloud", ["build_property.OpenApiEmitDataAnnotations"] = "true" },
            fileOptions: new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Path.Combine(clientTestSpecs, "selection.openapi.yaml")] = new Dictionary<string, string>
                {
                    ["build_metadata.AdditionalFiles.OpenApiIncludeTags"] = "pets|stores",
                    ["build_metadata.AdditionalFiles.OpenApiExcludeOperations"] = "deletePet",
                },
                [Path.Combine(clientTestSpecs, "json-schema-2020.openapi.yaml")] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiWebhooks"] = "true" },
            });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".Webhooks.g.cs", StringComparison.Ordinal));
        Assert.All(run.Sources, s => Assert.True(
            s.SourceText.ToString().Contains("\n" + GeneratedNullableContext.Directives, StringComparison.Ordinal),
            s.HintName + " does not declare the generated files' nullable context, so the tests would not switch its warnings back on."));
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>
    /// The header turns nullable warnings off in the consumer's build, not in the tests': the test harness compiles
    /// generated code with <c>#nullable enable</c> in its place, so a template that writes a nullable mistake fails.
    /// </summary>
    [Fact]
    public void A_nullable_mistake_in_generated_code_is_hidden_from_consumers_but_fails_the_tests()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Shapes, version: '1' }
            paths: {}
            components:
              schemas:
                Shape: { type: object, properties: { name: { type: string } } }
            """;
        var models = "// <auto-generated/>\n" + GeneratedNullableContext.Directives + """

            namespace {{ namespace }}
            {
                public static class Careless
                {
                    public static string Name() => null;
                }
            }
            """;

        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/shapes.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Models.sbncs", models)]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["CS8603"], run.CompilationProblems().Select(d => d.Id));
        var asConsumersGetIt = GeneratorHarness.CreateCompilation([.. run.Sources.Select(s => s.SourceText.ToString())]);
        Assert.Empty(asConsumersGetIt.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
