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

    /// <summary>
    /// Microsoft.OpenApi reads a 3.0 oneOf or anyOf of bare types as a list of types, and drops its <c>nullable</c>; a
    /// 3.1 type list says the same. Each is a union of one variant per type, in the order the spec writes them, named
    /// after those types when they are plain scalars (see <see cref="ScalarUnionNamesTests"/>), else after its member.
    /// </summary>
    [Theory]
    [InlineData("3.0.3", "oneOf: [ { type: string }, { type: integer } ]", "\"oneOf\"", "String Integer", false, "StringOrInteger")]
    [InlineData("3.0.3", "anyOf: [ { type: integer }, { type: array, items: { type: string } } ]\n          nullable: true", "\"anyOf\"", "Integer Array", true, "SettingValue")]
    [InlineData("3.0.3", "anyOf: [ { type: string }, { type: integer }, { type: 'null' } ]", "\"anyOf\"", "String Integer", true, "StringOrInteger")]
    [InlineData("3.1.0", "type: [boolean, string, 'null']\n          maxLength: 3", "\"anyOf\"", "Boolean String", true, "SettingValue")]
    public void A_union_of_bare_types_is_a_union_of_one_variant_per_type_in_the_spec_s_order(string version, string schema, string keyword, string variants, bool nullable, string typeName)
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", $$"""
            openapi: {{version}}
            info: { title: Demo, version: '1.0' }
            paths: {}
            components:
              schemas:
                Setting:
                  type: object
                  properties:
                    value:
                      {{schema}}
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = Models(run);
        Assert.Contains($"public {typeName}? Value {{ get; init; }}", models, StringComparison.Ordinal);
        Assert.Contains("private static readonly UnionShape s_shape = new(\n            " + keyword + ",", models.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(variants, string.Join(" ", System.Text.RegularExpressions.Regex.Matches(models, "public bool Is(\\w+) => _variant ==").Select(m => m.Groups[1].Value)));
        Assert.Equal(nullable, ValidatesNull(run));
        Assert.Empty(run.CompilationProblems());

        // Whether null is a value the spec allows: a nullable union is read from null without a violation.
        static bool ValidatesNull(GeneratorRun run)
        {
            using var assembly = GeneratedAssembly.Load(run.Compilation);
            var setting = assembly.FromJson(assembly.Type("Demo.Setting"), """{"value":null}""");
            return ((System.Collections.IList)setting.GetType().GetMethod("Validate")!.Invoke(setting, null)!).Count == 0;
        }
    }

    /// <summary>
    /// The OpenAPI 3.0 specification's Pet, which Cat and Dog extend through allOf: a reference to Pet is AnyPet, the union
    /// of Pet and what extends it, read by petType; Pet, Cat and Dog stay records, as the components they are.
    /// </summary>
    [Fact]
    public void A_reference_to_a_discriminated_base_is_the_union_of_the_base_and_what_extends_it()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Demo, version: '1.0' }
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet: { $ref: '#/components/schemas/Pet' }
                Pet:
                  type: object
                  required: [petType]
                  properties:
                    petType: { type: string }
                  discriminator:
                    propertyName: petType
                    mapping:
                      dog: '#/components/schemas/Dog'
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
                Puppy:
                  allOf:
                    - $ref: '#/components/schemas/Dog'
                    - type: object
                      properties:
                        age: { type: integer }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = Models(run);
        Assert.Contains("public AnyPet? Pet { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("new[] { \"Pet\" },", models, StringComparison.Ordinal);
        Assert.Contains("new[] { \"Cat\" },", models, StringComparison.Ordinal);
        Assert.Contains("new[] { \"dog\", \"Dog\" },", models, StringComparison.Ordinal);
        Assert.Contains("new[] { \"Puppy\" },", models, StringComparison.Ordinal);
        Assert.Contains("public static implicit operator AnyPet(Puppy value)", models, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record Pet : IPet", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_one_of_beside_members_is_a_union_of_records_that_have_the_members_and_their_part()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Demo, version: '1.0' }
            paths: {}
            components:
              schemas:
                Contact:
                  type: object
                  properties:
                    name: { type: string }
                    email: { type: string }
                    phone: { type: string }
                  oneOf:
                    - required: [email]
                    - required: [phone]
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = Models(run);
        Assert.Contains("public sealed partial class Contact : IEquatable<Contact>, IUnionValue", models, StringComparison.Ordinal);
        Assert.Contains("public bool TryGetWithEmail(out ContactWithEmail value)", models, StringComparison.Ordinal);
        Assert.Contains("public bool TryGetWithPhone(out ContactWithPhone value)", models, StringComparison.Ordinal);
        Assert.Contains("json.TryGetProperty(\"email\", out _)", models, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(models, "public string\\? Name \\{ get; init; \\}").Count);
        Assert.Empty(run.CompilationProblems());
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
