using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>The renderers share one read-only copy of Scriban's builtin functions: a template cannot change them for the others.</summary>
public sealed class TemplateContextTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths:
          /pets:
            get:
              operationId: ListPets
              responses:
                '204': { description: None. }
        components:
          schemas:
            Pet: { type: object, properties: { name: { type: string } } }
        """;

    [Fact]
    public void A_template_that_adds_to_a_builtin_object_is_reported_and_the_next_template_does_not_see_it()
    {
        // Models.sbncs renders first, Client.sbncs after it with the same context.
        const string Adding = "{{ string.shout = \"added\" }}// models\n";
        const string Reading = "// {{ string.shout ?? \"as it was\" }}\n";
        AdditionalText[] files =
        [
            new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec),
            new InMemoryAdditionalText("/project/templates/Models.sbncs", Adding),
            new InMemoryAdditionalText("/project/templates/Client.sbncs", Reading),
        ];

        var run = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG012", diagnostic.Id);
        Assert.Contains("/project/templates/Models.sbncs(1,4)", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("readonly", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName == "PetsClient.Models.Pet.g.cs");
        Assert.Equal("// as it was\n", run.Sources.Single(s => s.HintName == "PetsClient.g.cs").SourceText.ToString());
    }
}
