using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Names from a spec that C# cannot take as they are (keywords, leading digits, punctuation, spaces, non-ASCII, names
/// that collide once PascalCased or with their own type) become valid, distinct and stable C# names, and the code still
/// compiles without a warning and reads and writes the original wire names.
/// </summary>
public sealed class IdentifierTests
{
    /// <summary>
    /// Component keys must match <c>^[a-zA-Z0-9.\-_]+$</c> (OpenAPI 3.0.3, Components Object), so the odd schema names
    /// are keywords, leading digits, dots and dashes; property names and enum values may be anything.
    /// </summary>
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Names
          version: '1.0'
        paths:
          /things/{class}:
            post:
              operationId: create-thing
              parameters:
                - name: class
                  in: path
                  required: true
                  schema: { type: string }
                - name: 1st page
                  in: query
                  schema: { type: integer }
                - name: x-trace.id
                  in: header
                  schema: { type: string }
                - name: body
                  in: query
                  schema: { type: string }
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/class' }
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/a.b-c_d' }
        components:
          schemas:
            class:
              type: object
              properties:
                class: { type: string }
                namespace: { type: string }
                event: { type: integer }
                1st: { type: string }
                $price: { type: number }
                first-name: { type: string }
                last.name: { type: string }
                full name: { type: string }
                名称: { type: string }
                größe: { type: integer }
                Class: { type: boolean }
                max_num: { type: integer }
                maxNum: { type: integer }
                value: { type: string }
                validate: { type: string }
                kind:
                  type: string
                  enum: [class, 1st, a-b, a_b, 名称, '', ' ']
                tags:
                  type: array
                  items: { type: string, pattern: '^[a-z0-9-]+$' }
            a.b-c_d:
              type: object
              properties:
                名称: { type: string }
                größe: { type: string }
            2fa:
              type: object
              properties:
                code: { type: string }
            namespace:
              type: object
              properties:
                event: { $ref: '#/components/schemas/event' }
            event:
              type: string
              enum: ['on', 'off']
            Array:
              type: object
              properties:
                done: { type: boolean }
            Names:
              type: object
              properties:
                names: { type: string }
        """;

    /// <summary>Every property of the record <c>class</c>, wire name first, in the spec's order.</summary>
    private static readonly (string Wire, string CSharp)[] ClassProperties =
    [
        ("class", "Class2"), ("namespace", "Namespace"), ("event", "Event"), ("1st", "_1st"), ("$price", "Price"),
        ("first-name", "FirstName"), ("last.name", "LastName"), ("full name", "FullName"), ("名称", "名称"), ("größe", "Größe"),
        ("Class", "Class3"), ("max_num", "MaxNum"), ("maxNum", "MaxNum2"), ("value", "Value"), ("validate", "Validate2"),
        ("kind", "Kind"), ("tags", "Tags"),
    ];

    [Fact]
    public void Odd_names_generate_code_that_compiles_without_errors_or_warnings()
    {
        var run = GeneratorHarness.RunSpecs(("names.openapi.yaml", Spec));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("OAG008", d.Id));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Odd_property_names_become_valid_distinct_csharp_names_that_keep_their_wire_names()
    {
        var run = GeneratorHarness.RunSpecs(("names.openapi.yaml", Spec));

        Assert.Equal(ClassProperties, WireNames(run.Compilation, "Names.Class"));
        Assert.Equal([("名称", "名称"), ("größe", "Größe")], WireNames(run.Compilation, "Names.ABCD"));
        Assert.Equal([("names", "Names2")], WireNames(run.Compilation, "Names.Names"));
        Assert.All(ClassProperties, p => Assert.True(SyntaxFacts.IsValidIdentifier(p.CSharp), p.CSharp));
    }

    [Fact]
    public void Odd_schema_names_become_valid_distinct_type_names()
    {
        var run = GeneratorHarness.RunSpecs(("names.openapi.yaml", Spec));

        var types = run.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Names" && t.ContainingType is null)
            .Select(t => t.Name)
            .ToList();
        Assert.Equal(types.Count, types.Distinct(StringComparer.Ordinal).Count());
        Assert.Superset(new HashSet<string>(["Class", "ABCD", "_2fa", "Namespace", "Event", "Array2", "Names", "ClassKind", "CreateThingRequest", "NamesClient"]), new HashSet<string>(types));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG008" && d.GetMessage(CultureInfo.InvariantCulture).Contains("'Array' is generated as 'Array2'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ElementRules", "application/json", "ElementRules")]
    [InlineData("Merge", "application/merge-patch+json", "MergePatch")]
    public void A_schema_named_like_a_runtime_type_is_renamed_and_the_code_compiles(string schema, string mediaType, string runtimeType)
    {
        // Records name ElementRules (for a value without a single C# type) and MergePatch unqualified; a merge patch of "Merge" is named "MergePatch".
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", $$"""
            openapi: 3.0.3
            info: { title: Demo, version: '1.0' }
            paths:
              /things:
                patch:
                  requestBody:
                    content:
                      {{mediaType}}:
                        schema: { $ref: '#/components/schemas/{{schema}}' }
                  responses:
                    '200': { description: OK }
            components:
              schemas:
                {{schema}}:
                  type: object
                  properties:
                    tags: { type: array, items: { type: string }, minItems: 1 }
                    value: { type: string, pattern: '^[a-z]+$' }
                    any: { minLength: 2 }
            """));

        Assert.Empty(run.CompilationProblems());
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OAG008" && d.GetMessage(CultureInfo.InvariantCulture).Contains($"the type '{runtimeType}' that generated code uses", StringComparison.Ordinal));
    }

    [Fact]
    public void Odd_parameter_names_become_valid_distinct_request_members()
    {
        var run = GeneratorHarness.RunSpecs(("names.openapi.yaml", Spec));

        var request = run.Compilation.GetTypeByMetadataName("Names.CreateThingRequest");
        Assert.NotNull(request);
        Assert.Equal(
            ["Class", "_1stPage", "XTraceId", "Body2", "Body"],
            request.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsImplicitlyDeclared && p.DeclaredAccessibility == Accessibility.Public && p.Name != "EqualityContract").Select(p => p.Name));
        var collision = Assert.Single(run.GeneratorDiagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("'body'", StringComparison.Ordinal));
        Assert.Equal((19, 16), (collision.Location.GetLineSpan().StartLinePosition.Line, collision.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void Odd_enum_values_become_valid_distinct_members_that_keep_their_wire_values()
    {
        var run = GeneratorHarness.RunSpecs(("names.openapi.yaml", Spec));
        using var assembly = GeneratedAssembly.Load(run.Compilation);

        var kind = assembly.Type("Names.ClassKind");
        var wire = assembly.Type("Names.ClassKindJson").GetMethod("ToWire")!;
        var members = Enum.GetNames(kind).Select(name => (name, (string)wire.Invoke(null, [Enum.Parse(kind, name)])!)).ToList();
        Assert.Equal([("Class", "class"), ("_1st", "1st"), ("AB", "a-b"), ("AB2", "a_b"), ("名称", "名称"), ("Empty", ""), ("Empty2", " ")], members);
    }

    [Fact]
    public void Reading_and_writing_json_keeps_every_wire_name()
    {
        const string json = """
            {"class":"c","namespace":"n","event":1,"1st":"f","$price":1.5,"first-name":"fn","last.name":"ln","full name":"full",
             "名称":"名","größe":2,"Class":true,"max_num":3,"maxNum":4,"value":"v","validate":"x","kind":"a_b","tags":["x-1"]}
            """;
        var run = GeneratorHarness.RunSpecs(("names.openapi.yaml", Spec));
        using var assembly = GeneratedAssembly.Load(run.Compilation);

        var value = assembly.FromJson(assembly.Type("Names.Class"), json);
        var written = GeneratedAssembly.ToJson(value);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), "Written: " + written);
        Assert.Equal(3L, GeneratedAssembly.Property(value, "MaxNum"));
        Assert.Equal(4L, GeneratedAssembly.Property(value, "MaxNum2"));
        Assert.Equal("c", GeneratedAssembly.Property(value, "Class2"));
        Assert.Equal(true, GeneratedAssembly.Property(value, "Class3"));
        Assert.Equal("AB2", GeneratedAssembly.Property(value, "Kind")!.ToString());
        Assert.Equal("名", GeneratedAssembly.Property(value, "名称"));
    }

    /// <summary>
    /// A record's member names are read from one raw string literal, a name a line, unless a name cannot stand as such a
    /// line (empty, whitespace at an end, a control character, three quotes in a row): then they are listed as string
    /// literals. Both read and write every wire name.
    /// </summary>
    [Fact]
    public void Member_names_that_cannot_be_lines_of_a_raw_string_are_listed_and_both_forms_keep_every_wire_name()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Lines, version: '1.0' }
            paths: {}
            components:
              schemas:
                plain:
                  type: object
                  properties:
                    first-name: { type: string }
                    "a \"quoted\" name": { type: string }
                odd:
                  type: object
                  properties:
                    plain: { type: string }
                    " padded": { type: string }
                    "line\nbreak": { type: string }
                    "tab\tinside": { type: string }
                    "three \"\"\" quotes": { type: string }
                    "": { type: string }
            """;
        var run = GeneratorHarness.RunSpecs(("lines.openapi.yaml", spec));
        string SourceOf(string typeName) => run.Sources.Single(s => s.HintName.EndsWith(".Models." + typeName + ".g.cs", StringComparison.Ordinal)).SourceText.ToString();

        Assert.Contains("JsonMemberNames.FromLines(\"\"\"", SourceOf("Plain"), StringComparison.Ordinal);
        Assert.DoesNotContain("FromLines", SourceOf("Odd"), StringComparison.Ordinal);

        using var assembly = GeneratedAssembly.Load(run.Compilation);
        foreach (var (typeName, json) in new[]
        {
            ("Lines.Plain", """{"first-name":"f","a \"quoted\" name":"q"}"""),
            ("Lines.Odd", """{"plain":"p"," padded":"s","line\nbreak":"l","tab\tinside":"t","three \"\"\" quotes":"q","":"e"}"""),
        })
        {
            var written = GeneratedAssembly.ToJson(assembly.FromJson(assembly.Type(typeName), json));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), typeName + " written: " + written);
        }
    }

    [Fact]
    public void The_same_spec_always_gives_the_same_names()
    {
        var first = Generate(CultureInfo.InvariantCulture);
        var second = Generate(CultureInfo.InvariantCulture);
        var turkish = Generate(CultureInfo.GetCultureInfo("tr-TR"));

        Assert.Equal(first, second);
        Assert.Equal(first, turkish);

        static string[] Generate(CultureInfo culture)
        {
            var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            try
            {
                var spec = Spec.Replace("first-name", "id-index", StringComparison.Ordinal);
                return GeneratorHarness.RunSpecs(("names.openapi.yaml", spec)).Sources.Select(s => s.HintName + "\n" + s.SourceText).ToArray();
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
            }
        }
    }

    /// <summary>C# takes identifiers of up to 512 characters: longer names are cut, and names that are the same once cut get a suffix.</summary>
    [Fact]
    public void Very_long_names_are_shortened_and_stay_distinct()
    {
        var spec = $$"""
            openapi: 3.0.3
            info: { title: Long, version: '1.0' }
            paths: {}
            components:
              schemas:
                {{new string('a', 600)}}:
                  type: object
                  properties:
                    {{new string('b', 600)}}_1: { type: string }
                    {{new string('b', 600)}}_2: { type: string }
                    nested:
                      type: object
                      properties:
                        {{new string('c', 600)}}: { type: string }
            """;
        var run = GeneratorHarness.RunSpecs(("long.openapi.yaml", spec));

        Assert.Empty(run.CompilationProblems());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var types = run.Compilation.GetSymbolsWithName(n => n.StartsWith("Aaaa", StringComparison.Ordinal), SymbolFilter.Type).OfType<INamedTypeSymbol>().ToList();
        Assert.Equal(["A" + new string('a', 127), "A" + new string('a', 127) + "2"], types.Select(t => t.Name).Order(StringComparer.Ordinal));
        var properties = types.SelectMany(t => t.GetMembers().OfType<IPropertySymbol>()).Select(p => p.Name).Where(n => n.Length > 100).Order(StringComparer.Ordinal);
        Assert.Equal(["B" + new string('b', 127), "B" + new string('b', 127) + "2", "C" + new string('c', 127)], properties);
    }

    private static List<(string Wire, string CSharp)> WireNames(CSharpCompilation compilation, string typeName)
    {
        var type = compilation.GetTypeByMetadataName(typeName) ?? throw new InvalidOperationException(typeName + " was not generated");
        return type.GetMembers().OfType<IPropertySymbol>()
            .Select(p => (Property: p, Attribute: p.GetAttributes().SingleOrDefault(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute")))
            .Where(p => p.Attribute is not null)
            .Select(p => ((string)p.Attribute!.ConstructorArguments[0].Value!, p.Property.Name))
            .ToList();
    }
}
