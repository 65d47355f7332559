using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Issue "composition" §3: a spec that breaks a rule but whose meaning is clear generates code, with a warning (OAG020)
/// at the node that breaks it, quoting the spec. Each case is one found in real specs.
/// </summary>
public sealed class SpecFlawTests
{
    private const string Head = """
        openapi: 3.0.3
        info:
          title: Demo
          version: '1.0'
        """;

    [Fact]
    public void Two_paths_that_differ_only_in_parameter_names_are_both_generated_with_a_warning_at_the_second()
    {
        var run = Run(Head + """

            paths:
              /fields/{id}:
                get:
                  operationId: getField
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  responses:
                    '200': { description: OK }
              /fields/{fieldId}:
                delete:
                  operationId: deleteField
                  parameters:
                    - { name: fieldId, in: path, required: true, schema: { type: string } }
                  responses:
                    '204': { description: Deleted }
            """);

        var warning = Single(run, "OAG020");
        AssertAt(warning, 12, 2, "The path '/fields/{fieldId}' differs from '/fields/{id}' only in its parameter names", "both are generated");
        var client = Client(run);
        Assert.Contains("GetFieldAsync(", client, StringComparison.Ordinal);
        Assert.Contains("DeleteFieldAsync(", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_discriminator_missing_from_required_is_a_warning_at_its_property_name()
    {
        var run = Run(Head + """

            paths:
              /pets:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Pet' }
            components:
              schemas:
                Pet:
                  type: object
                  discriminator:
                    propertyName: petType
                  properties:
                    petType: { type: string }
                    name: { type: string }
            """);

        var warning = Single(run, "OAG020");
        AssertAt(warning, 19, 22, "The discriminator 'petType' is not in the schema's 'required' list");
        Assert.Contains("public string? PetType", Models(run), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_reference_into_a_component_property_or_an_operation_is_resolved()
    {
        var run = Run(Head + """

            paths:
              /videos:
                post:
                  operationId: createVideo
                  parameters:
                    - name: channel
                      in: query
                      schema:
                        type: string
                        maxLength: 8
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Video' }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Video/properties/name' }
              /videos/{id}:
                get:
                  operationId: getVideo
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                    - $ref: '#/paths/~1videos/post/parameters/0'
                  responses:
                    '200':
                      $ref: '#/paths/~1videos/post/responses/200'
            components:
              schemas:
                Video:
                  type: object
                  properties:
                    name: { type: string, minLength: 2 }
                    title:
                      $ref: '#/components/schemas/Video/properties/name'
                      description: The title, written like the name.
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var client = Client(run);
        Assert.Contains("Task<ApiResponse<string>> CreateVideoAsync(CreateVideoRequest request", client, StringComparison.Ordinal);
        Assert.Contains("Task<ApiResponse<string>> GetVideoAsync(GetVideoRequest request", client, StringComparison.Ordinal);
        Assert.Equal(2, client.Split("if (request.Channel is { } channelValue)").Length - 1);
        var models = Models(run);
        Assert.Contains("The title, written like the name.", models, StringComparison.Ordinal);
        Assert.Equal(2, models.Split("MinLength(").Length - 1);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_reference_into_the_schema_that_contains_it_is_untyped_with_a_warning_quoting_it()
    {
        var run = Run(Head + """

            paths:
              /tree:
                get:
                  operationId: getTree
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              children:
                                type: array
                                items: { $ref: '#/paths/~1tree/get/responses/200/content/application~1json/schema' }
            """);

        var warning = Single(run, "OAG006");
        AssertAt(warning, 18, 35, "The reference '#/paths/~1tree/get/responses/200/content/application~1json/schema' into the schema that contains it");
        Assert.Contains("IReadOnlyList<JsonElement>? Children", Models(run), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_schema_inside_a_component_that_references_point_at_is_one_type_and_may_contain_itself()
    {
        var run = Run(Head + """

            paths:
              /trees:
                get:
                  operationId: getTree
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Forest/properties/tree' }
            components:
              schemas:
                Forest:
                  type: object
                  properties:
                    tree:
                      type: object
                      description: A tree and the trees that grow from it.
                      properties:
                        name: { type: string, pattern: '([' }
                        children:
                          type: array
                          items: { $ref: '#/components/schemas/Forest/properties/tree' }
                    oldest:
                      $ref: '#/components/schemas/Forest/properties/tree'
            """);

        AssertAt(Single(run, "OAG009"), 23, 43, "The pattern '(['");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAG006");
        var models = Models(run);
        Assert.Contains("public sealed partial record ForestTree ", models, StringComparison.Ordinal);
        Assert.Contains("public IReadOnlyList<ForestTree>? Children { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public ForestTree? Tree { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public ForestTree? Oldest { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("Task<ApiResponse<ForestTree>> GetTreeAsync(", Client(run), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void References_into_a_component_that_would_be_copied_more_than_twenty_thousand_times_are_each_typed_once()
    {
        // Each level's two members point at the next level: copies of copies would be 2^16 of the last one.
        const int Levels = 16;
        var levels = new System.Text.StringBuilder();
        for (var level = 0; level < Levels; level++)
        {
            var next = level + 1 < Levels
                ? $"{{ $ref: '#/components/schemas/Chain/properties/level{level + 1}' }}"
                : "{ type: string, maxLength: 3 }";
            levels.Append(CultureInfo.InvariantCulture, $"""

                        level{level}:
                          type: object
                          properties:
                            left: {next}
                            right: {next}
                """);
        }

        var run = Run(Head + """

            paths:
              /chains:
                get:
                  operationId: getChain
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Chain' }
            components:
              schemas:
                Chain:
                  type: object
                  properties:
            """ + levels);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var models = Models(run);
        Assert.Contains("public ChainLevel15? Left { get; init; }", models, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, Levels), level => Assert.NotNull(run.Compilation.GetTypeByMetadataName("Demo.ChainLevel" + level.ToString(CultureInfo.InvariantCulture))));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Required_true_inside_a_property_schema_makes_the_property_required_in_its_object_with_a_warning()
    {
        var run = Run(Head + """

            paths:
              /pets:
                post:
                  operationId: addPet
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            name: { type: string, required: true }
                            age: { type: integer, required: false }
                  responses:
                    '200': { description: OK }
            """);

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "OAG020").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, warnings.Count);
        AssertAt(warnings[0], 14, 48, "The schema says 'required: true'", "'name' is treated as required in its object");
        AssertAt(warnings[1], 15, 48, "The schema says 'required: false'", "it is left out");
        Assert.Contains("public required string Name { get; init; }", Models(run), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Keywords_of_later_drafts_in_a_3_0_document_are_read_as_3_0_writes_them_with_a_warning_at_each()
    {
        var run = Run(Head + """

            paths:
              /levels:
                post:
                  operationId: setLevel
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            kind: { type: string, const: fixed }
                            level: { type: integer, exclusiveMinimum: 0 }
                            note: { type: [string, 'null'] }
                            sample: { type: string, examples: [a, b] }
                            pair: { type: array, prefixItems: [ { type: string } ] }
                  responses:
                    '200': { description: OK }
            """);

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "OAG020").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(
            [
                (14, "'const'", "it is read as 'enum: [\"fixed\"]'"),
                (15, "'exclusiveMinimum'", "it is read as 'minimum: 0' with 'exclusiveMinimum: true'"),
                (16, "'type'", "it is read as 'type: string' with 'nullable: true'"),
                (17, "'examples'", "its first value is read as 'example'"),
                (18, "'prefixItems'", "it is left out"),
            ],
            warnings.Select(w => (w.Location.GetLineSpan().StartLinePosition.Line, Quoted(w), w.GetMessage(CultureInfo.InvariantCulture).Split("; ")[1])));
        Assert.All(warnings, w => Assert.Contains("belongs to later JSON Schema drafts (OpenAPI 3.1), not to this OpenAPI 3.0 document", w.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var models = Models(run);
        Assert.Contains("context.Minimum(levelValue, 0d, \"0\", exclusive: true)", models, StringComparison.Ordinal);
        Assert.Contains("public string? Note { get; init; }", models, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());

        static string Quoted(Diagnostic warning) => "'" + warning.GetMessage(CultureInfo.InvariantCulture).Split('\'')[1] + "'";
    }

    [Fact]
    public void An_unknown_keyword_in_a_3_0_schema_is_reported_at_the_schema_not_at_the_first_line()
    {
        var run = Run(Head + """

            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: { type: string, minlength: 3 }
            """);

        AssertAt(Single(run, "OAG002"), 9, 30, "minlength is not a valid property");
    }

    [Fact]
    public void An_operation_without_responses_is_valid_in_3_1_and_a_warning_in_3_0()
    {
        const string Paths = """

            paths:
              /items:
                delete:
                  operationId: deleteItems
            """;

        var openApi31 = Run(Head.Replace("3.0.3", "3.1.0", StringComparison.Ordinal) + Paths);
        Assert.DoesNotContain(openApi31.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("DeleteItemsAsync(", Client(openApi31), StringComparison.Ordinal);
        Assert.Empty(openApi31.CompilationProblems());

        AssertAt(Single(Run(Head + Paths), "OAG020"), 6, 4, "The operation lists no responses, which OpenAPI 3.0 requires");
    }

    [Fact]
    public void A_not_or_an_enum_the_validator_cannot_check_is_reported_where_it_is_written()
    {
        var run = Run(Head.Replace("3.0.3", "3.1.0", StringComparison.Ordinal) + """

            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    tags: { type: array, items: { type: string }, enum: [[a], [b]] }
                    name: { type: string, not: { type: object, properties: { a: { type: string } } } }
            """);

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "OAG006").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, warnings.Count);
        AssertAt(warnings[0], 9, 54, "'enum' on a list or a map is not supported", "the value is not checked against it");
        AssertAt(warnings[1], 10, 30, "A 'not' schema with 'properties' is not supported");
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_webhook_without_a_json_body_is_reported_as_info_and_one_with_it_gets_a_reader()
    {
        var run = RunWithWebhooks(Head.Replace("3.0.3", "3.1.0", StringComparison.Ordinal) + """

            webhooks:
              newPet:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { name: { type: string } } }
              ping:
                post:
                  requestBody:
                    content:
                      text/plain:
                        schema: { type: string }
            """);

        var info = Single(run, "OAG021");
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        AssertAt(info, 12, 4, "The webhook 'ping' (POST) gets no typed payload reader: its request body is not JSON");
        var webhooks = Source(run, "DemoClient.Webhooks.g.cs");
        Assert.Contains("public static NewPetPayload ReadNewPet(ReadOnlySpan<byte> utf8Json)", webhooks, StringComparison.Ordinal);
        Assert.Contains("public static async Task<NewPetPayload> ReadNewPetAsync(System.IO.Stream body, CancellationToken cancellationToken = default)", webhooks, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_list_of_examples_on_a_media_type_is_left_out_with_a_warning_at_the_list()
    {
        var run = Run(Head + """

            paths:
              /pets:
                post:
                  operationId: addPet
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { name: { type: string } } }
                        examples:
                          - name: Rex
                  responses:
                    '200': { description: OK }
            """);

        AssertAt(Single(run, "OAG020"), 13, 14, "The 'examples' here must be a map of Example Objects by name, not a list", "they are left out");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.CompilationProblems());
    }

    /// <summary>enode.io (APIs.guru): the list of fields of one operation takes for its items the other operation's parameter of the same list.</summary>
    [Fact]
    public void A_schema_reference_to_a_parameter_is_read_as_its_schema_with_a_warning_at_the_reference()
    {
        var run = Run(Head + """

            paths:
              /vehicles:
                get:
                  operationId: listVehicles
                  parameters:
                    - in: query
                      name: 'field[]'
                      explode: true
                      schema:
                        type: array
                        items: { $ref: '#/paths/~1vehicles~1%7BvehicleId%7D/get/parameters/1' }
                  responses:
                    '204': { description: OK }
              /vehicles/{vehicleId}:
                get:
                  operationId: getVehicle
                  parameters:
                    - { in: path, name: vehicleId, required: true, schema: { type: string } }
                    - in: query
                      name: 'field[]'
                      schema:
                        type: array
                        items: { type: string, enum: [location, odometer] }
                  responses:
                    '204': { description: OK }
            """);

        AssertAt(
            Single(run, "OAG020"),
            14,
            27,
            "The schema reference '#/paths/~1vehicles~1%7BvehicleId%7D/get/parameters/1' points at a parameter, not at a schema",
            "it is read as the items of that parameter's list, '#/paths/~1vehicles~1%7BvehicleId%7D/get/parameters/1/schema/items'");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.CompilationProblems());
        var request = run.Compilation.GetTypeByMetadataName("Demo.ListVehiclesRequest")!;
        var field = request.GetMembers().OfType<IPropertySymbol>().Single(p => p.Name != "EqualityContract");
        // The two operations' field[] share the enum, which is named after them (see SharedEnumNamesTests).
        Assert.Equal("IReadOnlyList<FieldItem>?", field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        var item = run.Compilation.GetTypeByMetadataName("Demo.FieldItem")!;
        Assert.Equal(TypeKind.Enum, item.TypeKind);
        Assert.Equal(["Location", "Odometer"], item.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name));
    }

    private static GeneratorRun Run(string spec) => GeneratorHarness.RunSpecs(("demo.openapi.yaml", spec));

    /// <summary>Runs with the spec's webhooks asked for (<c>OpenApiWebhooks="true"</c>), which are otherwise left out.</summary>
    private static GeneratorRun RunWithWebhooks(string spec)
        => GeneratorHarness.Run(
            [new InMemoryAdditionalText("demo.openapi.yaml", spec)],
            fileOptions: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["demo.openapi.yaml"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiWebhooks"] = "true" } });

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got:\n" + string.Join("\n", run.GeneratorDiagnostics));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAG011");
        return matching[0];
    }

    /// <summary>The diagnostic starts at the 0-based line and column and its message has every part.</summary>
    private static void AssertAt(Diagnostic diagnostic, int line, int column, params string[] messageParts)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.True((line, column) == (start.Line, start.Character), $"{diagnostic.Id} at {start}, expected ({line},{column}): {message}");
        Assert.True(diagnostic.Location.SourceSpan.Length > 0, $"{diagnostic.Id} underlines nothing: {message}");
        Assert.All(messageParts, part => Assert.Contains(part, message, StringComparison.Ordinal));
    }

    /// <summary>The client: the file of its shared members and those of its operations.</summary>
    private static string Client(GeneratorRun run)
        => string.Concat(run.Sources
            .Where(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal) || s.HintName.Contains("Client.Operations.", StringComparison.Ordinal))
            .Select(s => s.SourceText.ToString()));

    private static string Models(GeneratorRun run) => string.Concat(run.Sources.Where(s => s.HintName.Contains(".Models.")).Select(s => s.SourceText.ToString()));

    private static string Source(GeneratorRun run, string suffix)
        => run.Sources.Single(s => s.HintName.EndsWith(suffix, StringComparison.Ordinal)).SourceText.ToString();
}
