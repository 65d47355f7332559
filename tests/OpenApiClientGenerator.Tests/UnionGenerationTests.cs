using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// How oneOf and anyOf become unions (docs/unions.md): names, discriminator values, nullability and what is still
/// reported. GeneratedClients.Tests runs the generated unions against Kestrel.
/// </summary>
public sealed class UnionGenerationTests
{
    /// <summary>The OpenAPI 3.1 specification's discriminator example (its external Monster aside).</summary>
    private const string Specification31Example = """
        openapi: 3.1.0
        info: { title: Pets, version: '1.0' }
        paths:
          /pets:
            get:
              operationId: GetPet
              responses:
                '200':
                  description: A pet.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MyResponseType'
        components:
          schemas:
            MyResponseType:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
                - $ref: '#/components/schemas/Lizard'
              discriminator:
                propertyName: petType
                mapping:
                  dog: '#/components/schemas/Dog'
            Pet:
              type: object
              required: [petType]
              properties:
                petType: { type: string }
              discriminator:
                propertyName: petType
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    name: { type: string }
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    bark: { type: string }
            Lizard:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    lovesRocks: { type: boolean }
        """;

    [Fact]
    public void The_OpenAPI_3_1_discriminator_example_is_a_union_read_by_mapping_and_by_schema_name()
    {
        var run = GeneratorHarness.RunSpecs(("pets.openapi.yaml", Specification31Example));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = Models(run);
        Assert.Contains("public sealed partial class MyResponseType : IEquatable<MyResponseType>", models, StringComparison.Ordinal);
        Assert.Contains("new[] { \"Cat\" },", models, StringComparison.Ordinal);
        Assert.Contains("new[] { \"dog\", \"Dog\" },", models, StringComparison.Ordinal);
        Assert.Contains("new[] { \"Lizard\" },", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void An_inline_union_is_named_after_its_member_and_takes_the_next_free_name_on_a_collision()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Demo, version: '1.0' }
            paths: {}
            components:
              schemas:
                SettingValue: { type: object, properties: { x: { type: string } } }
                Setting:
                  type: object
                  properties:
                    value:
                      anyOf: [ { type: string, maxLength: 3 }, { type: integer, minimum: 0 }, { type: 'null' } ]
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = Models(run);
        Assert.Contains("public SettingValue2? Value { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class SettingValue2 : IEquatable<SettingValue2>", models, StringComparison.Ordinal);
        Assert.Contains("public static implicit operator SettingValue2(string value)", models, StringComparison.Ordinal);
        Assert.Contains("public bool TryGetInteger(out long value)", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Variants_named_like_the_unions_own_members_compile()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Demo, version: '1.0' }
            paths: {}
            components:
              schemas:
                Match: { type: object, properties: { a: { type: string } } }
                Json: { type: object, required: [b], properties: { b: { type: string } } }
                Members: { type: string, enum: [x, y] }
                Either:
                  oneOf:
                    - $ref: '#/components/schemas/Match'
                    - $ref: '#/components/schemas/Json'
                    - $ref: '#/components/schemas/Members'
                    - type: array
                      items: { $ref: '#/components/schemas/Match' }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = Models(run);
        Assert.Contains("public bool IsJson2 =>", models, StringComparison.Ordinal);
        Assert.Contains("public bool IsMembers2 =>", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_union_in_a_query_parameter_is_laid_out_by_its_style_from_its_json()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Demo, version: '1.0' }
            paths:
              /items:
                get:
                  operationId: ListItems
                  parameters:
                    - name: id
                      in: query
                      schema:
                        oneOf: [ { type: string, maxLength: 3 }, { type: integer, minimum: 0 } ]
                  responses:
                    '204': { description: None. }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("ParameterValue.FromJson(", run.ClientText("DemoClient"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>Microsoft.OpenApi reads a oneOf or anyOf of bare types as a list of types: the value is a JsonElement, as before unions.</summary>
    [Fact]
    public void A_union_of_bare_types_is_a_json_element_of_those_types()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Demo, version: '1.0' }
            paths: {}
            components:
              schemas:
                Setting:
                  type: object
                  properties:
                    value:
                      anyOf: [ { type: string }, { type: integer } ]
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("public JsonElement? Value { get; init; }", Models(run), StringComparison.Ordinal);
    }

    [Fact]
    public void A_oneOf_of_one_schema_and_null_stays_that_schema_made_nullable()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.1.0
            info: { title: Demo, version: '1.0' }
            paths: {}
            components:
              schemas:
                Tag: { type: object, properties: { name: { type: string } } }
                Label:
                  type: object
                  properties:
                    tag:
                      oneOf: [ { $ref: '#/components/schemas/Tag' }, { type: 'null' } ]
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain("IEquatable<", Models(run), StringComparison.Ordinal);
        Assert.Contains("public Tag? Tag { get; init; }", Models(run), StringComparison.Ordinal);
    }

    private static string Models(GeneratorRun run)
        => string.Concat(run.Sources.Where(s => s.HintName.Contains(".Models.")).Select(s => s.SourceText.ToString()));
}
