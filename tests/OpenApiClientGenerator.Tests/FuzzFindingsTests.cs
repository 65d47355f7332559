using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// The emitter bugs the fuzz tests found, each reduced to a small valid spec that must generate code that compiles.
/// Parser bugs the fuzz tests found are covered in <see cref="DiagnosticsTests"/> and <see cref="IdentifierTests"/>.
/// </summary>
public sealed class FuzzFindingsTests
{
    private const string Head = """
        openapi: 3.0.3
        info: { title: Finding, version: '1.0' }
        """;

    /// <summary>A PATCH whose resource contains itself, as trees do. Was: endless recursion in SourceEmitter.CanDiff, a StackOverflowException that ends the compiler.</summary>
    [Fact]
    public void A_merge_patch_of_a_schema_that_contains_itself_generates_code_that_compiles()
        => AssertCompiles(Head + """

            paths:
              /nodes/{id}:
                patch:
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  requestBody:
                    content:
                      application/merge-patch+json:
                        schema: { $ref: '#/components/schemas/Node' }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Node' }
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    name: { type: string }
                    child: { $ref: '#/components/schemas/Node' }
            """);

    /// <summary>Was: OAG011 "ArgumentOutOfRangeException": DescribeCharacterSet removes a-z before it knows that A-Z is there.</summary>
    [Theory]
    [InlineData("^[a-z]+$")]
    [InlineData("^[A-Z]{2,3}$")]
    public void A_pattern_of_a_single_letter_range_generates_code_that_compiles(string pattern)
        => AssertCompiles(Head + $$"""

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    code: { type: string, pattern: '{{pattern}}' }
            """);

    /// <summary>Was: CS0246 "Regex could not be found" in the client file.</summary>
    [Fact]
    public void A_parameter_with_a_regex_pattern_generates_code_that_compiles()
        => AssertCompiles(Head + """

            paths:
              /items:
                get:
                  parameters:
                    - { name: q, in: query, schema: { type: string, pattern: '^(ab)+$' } }
                  responses:
                    '200': { description: OK }
            """);

    /// <summary>Was: CS1061 "does not contain a definition for 'GetRawText'"; then a JsonElement sent as JSON text.</summary>
    [Fact]
    public void An_object_query_parameter_is_a_typed_record_sent_by_its_style()
    {
        var run = AssertCompiles(Head + """

            paths:
              /items:
                get:
                  parameters:
                    - name: filter
                      in: query
                      schema:
                        type: object
                        properties:
                          color: { type: string }
                  responses:
                    '200': { description: OK }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var request = run.Compilation.GetTypeByMetadataName("Finding.GetItemsRequest")!;
        Assert.Equal("Finding.GetItemsRequestFilter?", request.GetMembers("Filter").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    [Fact]
    public void A_query_parameter_listing_objects_behind_an_allOf_is_a_typed_list()
    {
        var run = AssertCompiles(Head + """

            paths:
              /items:
                get:
                  parameters:
                    - name: filters
                      in: query
                      schema:
                        allOf:
                          - { type: array, items: { type: object, properties: { color: { type: string } } } }
                  responses:
                    '200': { description: OK }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var request = run.Compilation.GetTypeByMetadataName("Finding.GetItemsRequest")!;
        Assert.StartsWith("System.Collections.Generic.IReadOnlyList<", request.GetMembers("Filters").OfType<IPropertySymbol>().Single().Type.ToDisplayString(), StringComparison.Ordinal);
    }

    /// <summary>Was: CS1003: the XML doc of the enum member holds the raw line break.</summary>
    [Fact]
    public void An_enum_value_with_a_line_break_generates_code_that_compiles()
        => AssertCompiles(Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    kind: { type: string, enum: ["foo\nbar", "foo\rbaz", "foo\u2028qux", "foo\u0085quux"] }
            """);

    /// <summary>Was: CS1513: Scriban's TemplateContext.LimitToString cuts strings past 1 MB with "...", and the file ends there.</summary>
    [Fact]
    public void A_description_of_more_than_a_megabyte_generates_code_that_compiles()
        => AssertCompiles(Head + $$"""

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name:
                      type: string
                      description: {{new string('a', 1_100_000)}}
            """);

    /// <summary>Was: CS0120: inside Item, the property Tag hides the type Tag that reading the tags refers to.</summary>
    [Fact]
    public void A_property_named_like_a_type_the_record_uses_generates_code_that_compiles()
        => AssertCompiles(Head + """

            paths: {}
            components:
              schemas:
                Tag:
                  type: object
                  properties:
                    name: { type: string }
                Item:
                  type: object
                  properties:
                    tag: { type: string }
                    tags:
                      type: array
                      items: { $ref: '#/components/schemas/Tag' }
            """);

    /// <summary>
    /// Was: CS0119: inside the client, the private method OpenTailStream, which sends tail's stream request when its loop
    /// starts, hid the schema OpenTailStream that reading the items names (OpenTailStream.ReadFrom).
    /// </summary>
    [Fact]
    public void A_schema_named_like_a_streams_private_opener_generates_code_that_compiles()
    {
        var run = AssertCompiles(Head + """

            paths:
              /tail:
                get:
                  operationId: tail
                  responses:
                    '200':
                      description: A record per line.
                      content:
                        application/x-ndjson:
                          schema: { $ref: '#/components/schemas/OpenTailStream' }
            components:
              schemas:
                OpenTailStream:
                  type: object
                  properties:
                    name: { type: string }
            """);

        // The stream's code is compiled (it is generated for .NET Core 3.0 and later), and its opener took the next name.
        Assert.Contains("ResponseLines.WhenEnumerated(OpenTailStream2, request, cancellationToken)", run.ClientText("FindingClient"), StringComparison.Ordinal);
        Assert.Contains(run.Compilation.SyntaxTrees, tree => tree.Options.PreprocessorSymbolNames.Contains("NETCOREAPP3_0_OR_GREATER"));
    }

    /// <summary>
    /// Was: CS1061 and CS0119: inside the client, the static field GetUserSecurity (the operation's security requirement)
    /// and the method that reads its typed errors (now Read404AsProblem) hid the schemas of those names that reading the
    /// bodies names.
    /// </summary>
    [Fact]
    public void Schemas_named_like_an_operations_security_field_and_error_reader_generate_code_that_compiles()
    {
        var run = AssertCompiles(Head + """

            security: [ { token: [] } ]
            paths:
              /problems:
                get:
                  operationId: listProblems
                  responses:
                    '200':
                      description: The problems.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Read404AsProblem' }
              /user:
                get:
                  operationId: getUser
                  responses:
                    '200':
                      description: The user's security settings.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/GetUserSecurity' }
                    '404':
                      description: No such user.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Problem' }
            components:
              securitySchemes:
                token: { type: http, scheme: bearer }
              schemas:
                GetUserSecurity:
                  type: object
                  properties:
                    twoFactor: { type: boolean }
                Problem:
                  type: object
                  properties:
                    message: { type: string }
                Read404AsProblem:
                  type: object
                  properties:
                    problems: { type: array, items: { $ref: '#/components/schemas/Problem' } }
            """);

        // The schemas keep their names; the client's members take the next free ones.
        var client = run.ClientText("FindingClient");
        Assert.Contains("ApiAuthentication.Require(message, GetUserSecurity2);", client, StringComparison.Ordinal);
        Assert.Contains("Read404AsProblem.ReadFrom", client, StringComparison.Ordinal);
        Assert.Contains("private static ApiException Read404AsProblem2(", client, StringComparison.Ordinal);
    }

    /// <summary>
    /// Was: CS0119: inside the client, the method GetUserAsync hid the schema GetUserAsync that reading the body names
    /// (GetUserAsync.ReadFrom). The schema keeps its name; the method takes the next free one, and the collision is reported.
    /// </summary>
    [Fact]
    public void A_schema_named_like_an_operations_method_generates_code_that_compiles()
    {
        var run = AssertCompiles(Head + """

            paths:
              /user:
                get:
                  operationId: getUser
                  responses:
                    '200':
                      description: The user.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/GetUserAsync' }
            components:
              schemas:
                GetUserAsync:
                  type: object
                  properties:
                    name: { type: string }
            """);

        Assert.Contains("GetUserAsync2(GetUserRequest request, CancellationToken cancellationToken = default)", run.ClientText("FindingClient"), StringComparison.Ordinal);
        var collision = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAG008");
        Assert.Contains("'the method of getUser' is generated as 'GetUserAsync2'", collision.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Was: CS0102: the pattern helper MatchesPattern1 and the property MatchesPattern1 share the record.</summary>
    [Fact]
    public void A_property_named_like_a_pattern_helper_generates_code_that_compiles()
        => AssertCompiles(Head + """

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    code: { type: string, pattern: '^(ab)+$' }
                    matchesPattern1: { type: string }
            """);

    /// <summary>
    /// Inside a record a property hides any type of its name where the code names the type in an expression, so the
    /// runtime helpers the records call (JsonRead.String, ValidationContext.Rent, ...) must not be hidden by properties.
    /// </summary>
    [Fact]
    public void Properties_named_like_the_helpers_generated_code_calls_generate_code_that_compiles()
        => AssertCompiles(Head + """

            paths:
              /items/{id}:
                patch:
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  requestBody:
                    content:
                      application/merge-patch+json:
                        schema: { $ref: '#/components/schemas/Item' }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
            components:
              schemas:
                Kind:
                  type: string
                  enum: [a, b]
                Item:
                  type: object
                  required: [json_read]
                  properties:
                    json_read: { type: string, pattern: '^(ab)+$', minLength: 1 }
                    json_write: { type: integer, minimum: 1 }
                    json_element: { type: array, minItems: 1, items: { type: string, enum: [x, y] } }
                    json_token_type: { type: object, additionalProperties: { type: string } }
                    validation_context: { $ref: '#/components/schemas/Kind' }
                    string_comparer: { type: string }
                    merge_patch: { type: string }
                    text_rules: { type: string, pattern: '^[a-z]+$' }
                    regex: { type: string }
                    regex_options: { type: string }
                    time_span: { type: string }
                    json_types: { type: string }
                    element_rules: { oneOf: [ { type: string }, { type: integer } ], minLength: 2 }
                    optional: { type: string }
                    system: { type: string }
                    utf8_json_reader: { type: string }
                    utf8_json_writer: { type: string }
                    dictionary: { type: string }
                    list: { type: string }
                    api_http: { type: string }
                    json_pointer: { type: string }
                    encoding: { type: string }
                    x_json: { type: string }
                    cancellation_token: { type: string }
                    task: { type: string }
            """);

    /// <summary>Was: CS0246 and CS0116; C# ends a line at U+2028 and U+2029, so the rest of a one-line comment became code.</summary>
    [Fact]
    public void Line_and_paragraph_separators_in_one_line_texts_generate_code_that_compiles()
        => AssertCompiles("""
            openapi: 3.0.3
            info: { title: "Find\u2028ing", version: '1.0' }
            paths:
              /items:
                get:
                  responses:
                    '200': { description: OK }
                    '400': { description: "Invali\u2029d parameter" }
                    '404': { description: "Not\u0085found\rat all" }
              /things:
                get:
                  parameters:
                    - { name: code, in: query, schema: { type: string, pattern: "^[a-z\u2028]+$" } }
                  responses:
                    '200': { description: OK }
            """);

    /// <summary>Was: CS0111 for a repeated op value, and a raw line break in the doc comment of an op's method.</summary>
    [Fact]
    public void Odd_json_patch_op_values_generate_distinct_methods_that_compile()
        => AssertCompiles(Head + """

            paths:
              /items/{id}:
                patch:
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  requestBody:
                    content:
                      application/json-patch+json:
                        schema: { type: array, items: { $ref: '#/components/schemas/Operation' } }
                  responses:
                    '200': { description: OK }
            components:
              schemas:
                Operation:
                  type: object
                  required: [op, path]
                  properties:
                    op: { type: string, enum: [replace, replace, re-place, rePlace, count, json-write, "G\r!", "@@"] }
                    path: { type: string }
                    value: {}
                  x-json-patch-paths:
                    /name: { type: string }
                    /count: { type: integer }
            """);

    /// <summary>
    /// Was: the compiler ran for minutes on lists nested 40 deep: C# inferred each nested lambda's type by binding the
    /// inner lambdas again per level. The timeout only stops a regression from hanging the suite.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task Deeply_nested_lists_generate_code_that_compiles()
    {
        var schema = "{ type: string }";
        for (var depth = 0; depth < 40; depth++)
        {
            schema = "{ type: array, items: " + schema + " }";
        }

        await Task.Run(() => AssertCompiles(Head + $$"""

            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    deep: {{schema}}
                    map: { type: object, additionalProperties: {{schema}} }
            """));
    }

    /// <summary>Was: CS0029, the document's methods put a string into an item's path that the spec made an object.</summary>
    [Theory]
    [InlineData("path: { type: object, properties: { a: { type: string } } }", "value: {}")]
    [InlineData("path: { type: string }", "value: { type: string }")]
    [InlineData("path: { type: string }", "other: {}")]
    public void Items_with_op_and_path_of_other_shapes_make_a_plain_array_that_compiles(string path, string value)
        => AssertCompiles(Head + $$"""

            paths:
              /items/{id}:
                patch:
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  requestBody:
                    content:
                      application/json-patch+json:
                        schema: { type: array, items: { $ref: '#/components/schemas/Operation' } }
                  responses:
                    '200': { description: OK }
            components:
              schemas:
                Operation:
                  type: object
                  properties:
                    op: { type: string, enum: [replace] }
                    {{path}}
                    {{value}}
            """);

    /// <summary>
    /// Found by the corpus runner in APIs.guru's adobe.com/aem.json. Was: CS0165, the local of '1_property'
    /// (<c>_1PropertyValue</c>) was the name of the member '1_property.value'; so were the locals of '_x' and 'x' alike.
    /// </summary>
    [Fact]
    public void Parameters_and_members_whose_locals_would_share_a_name_generate_code_that_compiles()
    {
        var run = AssertCompiles(Head + """

            paths:
              /content:
                get:
                  operationId: GetContent
                  parameters:
                    - { name: 1_property, in: query, schema: { type: string, minLength: 1 } }
                    - { name: 1_property.value, in: query, schema: { type: string, minLength: 1 } }
                    - { name: _limit, in: query, schema: { type: integer, minimum: 1 } }
                    - { name: limit, in: query, schema: { type: integer, minimum: 1 } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    1_property: { type: string, minLength: 1 }
                    1_property.value: { type: string, minLength: 1 }
                    _name: { type: string, minLength: 1 }
                    name: { type: string, minLength: 1 }
            """);

        var client = run.ClientText("FindingClient");
        Assert.Contains("ParameterSerializer.AppendQuery(query, \"1_property\", _1PropertyValue2)", client, StringComparison.Ordinal);
        Assert.Contains("ParameterSerializer.AppendQuery(query, \"1_property.value\", _1PropertyValueValue)", client, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by the corpus runner in APIs.guru's ably.io/platform.json. Was: CS0102, each overload of an operation with
    /// a JSON and a form body declared the record of the success's headers again.
    /// </summary>
    [Fact]
    public void An_operation_with_several_bodies_and_typed_response_headers_declares_its_headers_record_once()
    {
        var run = AssertCompiles(Head + """

            paths:
              /messages:
                post:
                  operationId: Publish
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Message' }
                      application/x-www-form-urlencoded:
                        schema: { $ref: '#/components/schemas/Message' }
                  responses:
                    '2XX':
                      description: OK
                      headers:
                        x-server-id: { required: true, schema: { type: string } }
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Message' }
            components:
              schemas:
                Message:
                  type: object
                  properties:
                    name: { type: string }
            """);

        var client = run.ClientText("FindingClient");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(client, "public sealed partial record ServerIdHeaders\\b"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(client, "Task<ApiResponse<Message, ServerIdHeaders>> PublishAsync\\(").Count);
    }

    /// <summary>
    /// Success headers whose names start with the words of one of them (apidapp.com: <c>Access-Control-Allow-Headers</c>,
    /// <c>-Methods</c> and <c>-Origin</c>). Was: the record was named after the shared words, <c>AccessControlAllowHeaders</c>,
    /// the name of one of its members (CS0542).
    /// </summary>
    [Fact]
    public void A_headers_record_is_not_named_like_one_of_its_members()
    {
        var run = AssertCompiles(Head + """

            paths:
              /account:
                options:
                  operationId: accountOptions
                  responses:
                    '200':
                      description: CORS
                      headers:
                        Access-Control-Allow-Headers: { schema: { type: string } }
                        Access-Control-Allow-Methods: { schema: { type: string } }
                        Access-Control-Allow-Origin: { schema: { type: string } }
            """);

        var client = run.ClientText("FindingClient");
        Assert.Matches(@"public sealed partial record AccessControlAllowResponseHeaders\b", client);
        Assert.Contains("public string? AccessControlAllowHeaders { get; init; }", client, StringComparison.Ordinal);
    }

    /// <summary>A schema named <c>Encoding</c> beside a union (Azure Stream Analytics). Was: the union's <c>ToString</c> called <c>Encoding.UTF8</c>, which named the schema's type (CS1929).</summary>
    [Fact]
    public void A_schema_named_like_a_framework_type_the_unions_use_leaves_them_compiling()
        => AssertCompiles(Head + """

            paths:
              /inputs:
                put:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Serialization' }
                  responses:
                    '204': { description: Stored. }
            components:
              schemas:
                Encoding: { type: string, enum: [UTF8] }
                Serialization:
                  type: object
                  required: [type]
                  discriminator: { propertyName: type }
                  properties:
                    type: { type: string }
                Csv:
                  allOf:
                    - $ref: '#/components/schemas/Serialization'
                    - type: object
                      properties:
                        encoding: { $ref: '#/components/schemas/Encoding' }
            """);

    /// <summary>A JSON Patch-shaped array whose <c>value</c> is a oneOf (Box's skill cards). Was: read as a JSON Patch document, whose methods wrote a <c>JsonElement</c> into the typed union member (CS0029, CS0117).</summary>
    [Fact]
    public void An_array_of_patch_shaped_items_whose_value_is_a_union_is_an_array_of_its_records()
    {
        var run = AssertCompiles(Head + """

            paths:
              /cards:
                put:
                  requestBody:
                    content:
                      application/json-patch+json:
                        schema:
                          type: array
                          items:
                            type: object
                            properties:
                              op: { type: string, enum: [add, replace] }
                              path: { type: string }
                              value:
                                oneOf:
                                  - { type: object, required: [title], properties: { title: { type: string } } }
                                  - { type: object, required: [status], properties: { status: { type: integer } } }
                  responses:
                    '204': { description: Stored. }
            """);

        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("PatchDocument", StringComparison.Ordinal));
    }

    /// <summary>A query parameter and a multipart part of the same name (GSMTasks' <c>format</c>). Was: both added through a local <c>formatValue</c>, the part's inside the parameter's scope (CS0136).</summary>
    [Fact]
    public void A_multipart_part_named_like_a_query_parameter_generates_code_that_compiles()
        => AssertCompiles(Head + """

            paths:
              /exports:
                post:
                  parameters:
                    - { name: format, in: query, schema: { type: string } }
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            format: { type: string }
                  responses:
                    '204': { description: Stored. }
            """);

    private static GeneratorRun AssertCompiles(string spec)
    {
        var run = GeneratorHarness.RunSpecs(("finding.openapi.yaml", spec));

        Assert.True(
            !run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
            "The generator reported errors:\n" + string.Join("\n", run.GeneratorDiagnostics.Select(d => d.ToString().Length > 400 ? d.ToString().Substring(0, 400) : d.ToString())));
        var errors = run.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The generated code does not compile:\n" + string.Join("\n", errors.Take(5).Select(e => e.ToString().Length > 400 ? e.ToString().Substring(0, 400) : e.ToString())));
        return run;
    }
}
