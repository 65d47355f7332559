using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

public sealed class TemplateOverrideTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths:
          /pets/{id}:
            get:
              operationId: GetPet
              parameters:
                - { name: id, in: path, required: true, schema: { type: string, maxLength: 10 } }
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: { type: object, properties: { name: { type: string } } }
        """;

    [Fact]
    public void A_template_with_an_embedded_templates_name_replaces_it()
    {
        const string Custom = """
            // Custom client for {{ title }}
            namespace {{ namespace }}
            {
                public static class {{ client_name }}Operations
                {
            {{~ for operation in operations ~}}
                    public const string {{ operation.name }} = {{ operation.http_method | string.literal }};
            {{~ end ~}}
                }
            }
            """;

        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Client.sbncs", Custom)]);

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("PetsClient");
        Assert.Contains("// Custom client for Pets", client, System.StringComparison.Ordinal);
        Assert.Contains("public const string GetPet = \"GET\";", client, System.StringComparison.Ordinal);
        Assert.DoesNotContain("partial class PetsClient", client, System.StringComparison.Ordinal);
        // The other templates are still the embedded ones.
        Assert.Contains("record GetPetResponse", run.ModelsText("PetsClient"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_of_the_included_validation_template_is_what_the_client_includes()
    {
        // Every rule becomes a comment naming its kind, so the request's maxLength check shows where it went.
        var validation = System.IO.File.ReadAllText(System.IO.Path.Combine(Repository.Root, "templates", "Validation.sbncs")).Replace(
            "{{ indent }}{{ rule.expression }};",
            "{{ indent }}// {{ rule.kind }} rule\n{{ indent }}{{ rule.expression }};",
            System.StringComparison.Ordinal);
        Assert.Contains("// {{ rule.kind }} rule", validation, System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Validation.sbncs", validation)]);

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("PetsClient");
        Assert.Contains("// call rule\n                context.PathParameter(idValue, refuseEmpty: true);", client, System.StringComparison.Ordinal);
        Assert.Contains("// call rule\n                context.MaxLength(idValue, 10);", client, System.StringComparison.Ordinal);
        Assert.DoesNotContain("// call rule", GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec)]).ClientText("PetsClient"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_users_template_keeps_scribans_auto_indent_of_a_value_written_over_several_lines()
    {
        // The embedded templates render without auto-indent (their values are single lines); a user's template renders as
        // Scriban renders by default, where each further line of an indented value gets the blanks before its {{.
        const string Custom = """
            // {{ title }}
                {{ "first\nsecond" }}
            """;

        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Client.sbncs", Custom)]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("// Pets\n    first\n    second", run.ClientText("PetsClient"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_included_template_is_reported_with_its_file()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/Validation.sbncs", "{{ func write_rules(rules, indent) }}{{ for x in }}{{ end }}")]);

        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("OAG012", d.Id));
        Assert.Contains(run.GeneratorDiagnostics, d => d.GetMessage().Contains("/project/Validation.sbncs", System.StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName == "PetsClient.g.cs");
    }

    [Fact]
    public void A_broken_template_is_reported_with_its_file_and_generates_nothing_from_it()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/Client.sbncs", "{{ for x in }}")]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("/project/Client.sbncs", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName == "PetsClient.g.cs");
    }

    [Fact]
    public void A_Runtime_sbncs_override_is_reported_as_no_longer_a_template_and_the_runtime_is_emitted_as_it_is()
    {
        const string OldOverride = "// CUSTOM RUNTIME\nnamespace OpenApiClientGenerator.Runtime { }";
        var plain = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec)]);

        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Runtime.sbncs", OldOverride)]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/project/templates/Runtime.sbncs", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("'/project/templates/Runtime.sbncs' is not used: the runtime is no longer a template but C# that the generator emits as it is", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("(Polyfills.sbncs)", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(
            plain.Sources.Select(s => (s.HintName, Text: s.SourceText.ToString())),
            run.Sources.Select(s => (s.HintName, Text: s.SourceText.ToString())));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void An_override_named_like_no_template_is_reported_with_the_names_there_are()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Cleint.sbncs", "// typo")]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG017", diagnostic.Id);
        Assert.Contains("'/project/templates/Cleint.sbncs' is not used: no embedded template has this name; they are Client.sbncs, ClientOptions.sbncs, ClientResponses.sbncs, Models.sbncs, Polyfills.sbncs, ServiceCollection.sbncs", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("// typo", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_polyfills_are_emitted_only_for_what_the_target_lacks()
    {
        var modern = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec)]);
        Assert.DoesNotContain(modern.Sources, s => s.HintName == "OpenApiClientGenerator.Polyfills.g.cs");

        // A target with IsExternalInit (as .NET 5 and 6 have) but no RequiredMemberAttribute.
        var withInit = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec)], compilation: Bare("namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }"));
        var polyfills = withInit.Sources.Single(s => s.HintName == "OpenApiClientGenerator.Polyfills.g.cs").SourceText.ToString();
        Assert.StartsWith("// <auto-generated/>\n", polyfills, System.StringComparison.Ordinal);
        Assert.Contains("\n" + GeneratedNullableContext.Directives, polyfills, System.StringComparison.Ordinal);
        Assert.Contains("class RequiredMemberAttribute", polyfills, System.StringComparison.Ordinal);
        Assert.Contains("class SetsRequiredMembersAttribute", polyfills, System.StringComparison.Ordinal);
        Assert.DoesNotContain("IsExternalInit", polyfills, System.StringComparison.Ordinal);

        var bare = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec)], compilation: Bare());
        Assert.Contains("class IsExternalInit", bare.Sources.Single(s => s.HintName == "OpenApiClientGenerator.Polyfills.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_Polyfills_sbncs_override_renders_with_the_options()
    {
        const string Custom = "// needs init: {{ needs_init_polyfill }}, needs required: {{ needs_required_member_polyfill }}";

        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Polyfills.sbncs", Custom)], compilation: Bare());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("// needs init: true, needs required: true", run.Sources.Single(s => s.HintName == "OpenApiClientGenerator.Polyfills.g.cs").SourceText.ToString());
    }

    /// <summary>A compilation without references, so that it lacks every compiler-support type but those it declares.</summary>
    private static CSharpCompilation Bare(params string[] sources)
        => CSharpCompilation.Create("Consumer", sources.Select(s => CSharpSyntaxTree.ParseText(s, GeneratorDrivers.ParseOptions)));
}
