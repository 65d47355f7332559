using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Reading;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Microsoft.OpenApi's rule that every schema reference leads to a schema walks the whole document again; it is left
/// out only where it cannot find anything (<see cref="OpenApiDocumentLoader.SchemaReferencesResolve"/>), so that its
/// warning still comes where it did.
/// </summary>
public sealed class ValidationRuleSetTests
{
    private static readonly JsonNode Root = JsonNode.Parse("""
        { "components": { "schemas": { "Pet": { "properties": { "owner": { "$ref": "#/components/schemas/Missing" } } }, "a/b": { "type": "string" } } } }
        """)!;

    [Fact]
    public void References_to_schemas_that_are_there_and_to_components_where_their_section_is_read_cannot_fail()
    {
        Assert.True(Resolve([
            ("/paths/~1pets/get/responses/200/content/application~1json/schema/$ref", "#/components/schemas/Pet"),
            ("/components/schemas/Pet/properties/path/$ref", "#/components/schemas/a~1b"),
            ("/paths/~1pets/get/parameters/0/$ref", "#/components/parameters/per-page"),
            ("/paths/~1pets/parameters/1/$ref", "#/components/parameters/owner"),
            ("/paths/~1pets/get/responses/404/$ref", "#/components/responses/not_found"),
            ("/paths/~1pets/post/requestBody/$ref", "#/components/requestBodies/Pet"),
            ("/paths/~1pets/get/responses/200/content/application~1json/examples/default/$ref", "#/components/examples/pets"),
            ("/paths/~1pets/get/responses/200/headers/Link/$ref", "#/components/headers/link"),
            ("/components/responses/gone/$ref", "#/components/responses/not_found"),
        ]));
    }

    [Fact]
    public void A_reference_the_selection_left_out_with_the_schema_it_leads_to_cannot_fail()
    {
        Assert.True(Resolve([("/x-webhooks/pet/post/requestBody/content/application~1json/schema/$ref", "#/components/schemas/Hook")]));
    }

    [Theory]
    [InlineData("/components/schemas/Pet/properties/owner/$ref", "#/components/schemas/Missing")]
    [InlineData("/paths/~1pets/get/responses/200/content/application~1json/schema/$ref", "#/components/requestBodies/Pet")]
    [InlineData("/components/schemas/Pet/properties/parameters/items/$ref", "#/components/parameters/per-page")]
    [InlineData("/components/schemas/headers/items/$ref", "#/components/headers/link")]
    [InlineData("/paths/~1pets/get/responses/200/content/application~1json/schema/$ref", "#/components/schemas/Pet/properties/id")]
    [InlineData("/paths/~1pets/get/parameters/0/$ref", "other.yaml#/components/parameters/per-page")]
    [InlineData("/components/schemas/Pet/properties/path/$ref", "#/components/schemas/a%2Fb")]
    public void A_reference_that_may_lead_to_no_schema_keeps_the_rule(string pointer, string reference)
    {
        Assert.False(Resolve([("/paths/~1pets/get/parameters/0/$ref", "#/components/parameters/per-page"), (pointer, reference)]));
    }

    [Fact]
    public void A_schema_reference_to_a_request_body_is_still_warned_of_at_its_ref()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info:
              title: Demo
              version: '1.0'
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/requestBodies/Pet' }
            components:
              requestBodies:
                Pet:
                  content: {}
            """));

        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAG003");
        var message = warning.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref", message, StringComparison.Ordinal);
        Assert.Contains("does not point to an existing schema", message, StringComparison.Ordinal);
        Assert.Equal(13, warning.Location.GetLineSpan().StartLinePosition.Line);
    }

    /// <summary>Whether the rule can find nothing for <paramref name="references"/>, collected as one fragment's checks collect them.</summary>
    private static bool Resolve((string Pointer, string Reference)[] references)
        => OpenApiDocumentLoader.SchemaReferencesResolve(Root, [OpenApiDocumentLoader.SchemaReferencesOf(references)]);
}
