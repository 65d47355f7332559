using System;
using System.Globalization;
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
}
