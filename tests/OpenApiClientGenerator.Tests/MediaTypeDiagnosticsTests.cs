using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Issue "media types": no operation loses its body or its response in silence. A media type the generator cannot type
/// keeps the body as a raw <c>HttpContent</c> and says so where the spec names it; status ranges and <c>default</c> need
/// no warning at all.
/// </summary>
public sealed class MediaTypeDiagnosticsTests
{
    private const string Head = """
        openapi: 3.0.3
        info:
          title: Demo
          version: '1.0'
        paths:
          /items:
            post:
              operationId: createItem

        """;

    [Fact]
    public void A_body_of_a_media_type_without_a_typed_form_is_a_raw_content_and_a_warning_where_the_spec_names_it()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  requestBody:
                    required: true
                    content:
                      application/xml:
                        schema: { type: object }
                  responses:
                    '204': { description: Stored. }
            """));

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG006", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(11, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(
            "The request media type 'application/xml' is not supported; the method takes the body as a raw HttpContent",
            warning.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("public required HttpContent Body { get; init; }", StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Json_is_the_request_records_body_and_the_other_media_types_are_overloads_without_a_warning()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  requestBody:
                    content:
                      application/xml:
                        schema: { $ref: '#/components/schemas/Item' }
                      application/x-www-form-urlencoded:
                        schema: { $ref: '#/components/schemas/Item' }
                      application/json:
                        schema: { $ref: '#/components/schemas/Item' }
                  responses:
                    '204': { description: Stored. }
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: { type: string }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("DemoClient");
        Assert.Contains("public Item? Body { get; init; }", RecordText(client, "CreateItemRequest"), StringComparison.Ordinal);
        Assert.Contains("public Item? Body { get; init; }", RecordText(client, "CreateItemFormRequest"), StringComparison.Ordinal);
        Assert.Contains("public HttpContent? Body { get; init; }", RecordText(client, "CreateItemContentRequest"), StringComparison.Ordinal);
        Assert.Contains("CreateItemAsync(CreateItemRequest request, ", client, StringComparison.Ordinal);
        Assert.Contains("CreateItemAsync(CreateItemFormRequest request, ", client, StringComparison.Ordinal);
        Assert.Contains("CreateItemAsync(CreateItemContentRequest request, ", client, StringComparison.Ordinal);

        // Each overload's docs name its media type and the preferred JSON method.
        Assert.Contains(
            "/// <remarks>Sends the body as <c>application/x-www-form-urlencoded</c>; <see cref=\"CreateItemAsync(CreateItemRequest, System.Threading.CancellationToken)\"/> sends it as <c>application/json</c>.</remarks>",
            client,
            StringComparison.Ordinal);
        Assert.Contains("/// <remarks>Sends the body as <c>application/xml</c>; <see cref=\"CreateItemAsync(CreateItemRequest, System.Threading.CancellationToken)\"/> sends it as <c>application/json</c>.</remarks>", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());

        static string RecordText(string source, string name)
        {
            var start = source.IndexOf("public sealed partial record " + name + " : IValidatedRequest\n", StringComparison.Ordinal);
            Assert.True(start >= 0, name + " is not generated");
            return source.Substring(start, source.IndexOf("\n    }\n", start, StringComparison.Ordinal) - start);
        }
    }

    [Fact]
    public void Accept_names_the_success_media_types_json_first_then_the_errors_each_once()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  responses:
                    '200':
                      description: The item.
                      content:
                        application/xml:
                          schema: { $ref: '#/components/schemas/Item' }
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
                    '404':
                      description: No such item.
                      content:
                        text/plain:
                          schema: { type: string }
                        application/problem+json:
                          schema: { $ref: '#/components/schemas/Item' }
                        APPLICATION/JSON:
                          schema: { $ref: '#/components/schemas/Item' }
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: { type: string }
            """));

        var client = run.ClientText("DemoClient");
        Assert.Contains(
            "message.Headers.TryAddWithoutValidation(\"Accept\", \"application/json, application/xml, application/problem+json, text/plain\");",
            client,
            StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Status_ranges_and_default_are_typed_without_a_warning()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  responses:
                    '2XX':
                      description: Created.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
                    '4XX': { description: Refused. }
                    '5xx': { description: Failed. }
                    default: { description: Anything else. }
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: { type: string }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("DemoClient");
        Assert.Contains("Task<ApiResponse<Item>> CreateItemAsync(", client, StringComparison.Ordinal);
        Assert.Contains("documented: 4XX (Refused.), 5XX (Failed.).", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_form_encoding_entry_that_is_no_object_is_ignored_not_a_crash()
    {
        // Found by FuzzTests (an encoding entry replaced by a string): the reader leaves such an entry null.
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            tags: { type: array, items: { type: string } }
                        encoding:
                          tags: double
                  responses:
                    '204': { description: Stored. }
            """));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "OAG011");
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("FormUrlEncoder.Content(", StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Every_status_range_from_1XX_to_5XX_types_its_own_body_in_the_order_a_status_is_matched()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  responses:
                    '1XX': { description: Informational., content: { application/json: { schema: { type: object, properties: { info: { type: string } } } } } }
                    '2XX': { description: Any success., content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
                    '3XX': { description: Elsewhere., content: { application/json: { schema: { type: object, properties: { choices: { type: array, items: { type: string } } } } } } }
                    '404': { description: Missing., content: { application/json: { schema: { type: object, properties: { what: { type: string } } } } } }
                    '4XX': { description: Refused., content: { application/json: { schema: { type: object, properties: { reason: { type: string } } } } } }
                    '5XX': { description: Failed., content: { application/json: { schema: { type: object, properties: { trace: { type: string } } } } } }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("DemoClient");
        Assert.Contains("public Task<ApiResponse<CreateItemResponse>> CreateItemAsync(", client, StringComparison.Ordinal);
        var arms = client.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("=> ApiHttp.ReadError<", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                ">= 100 and <= 199 => ApiHttp.ReadError<CreateItemError1XX>(exception, body, CreateItemError1XX.ReadFrom),",
                ">= 300 and <= 399 => ApiHttp.ReadError<CreateItemError3XX>(exception, body, CreateItemError3XX.ReadFrom),",
                "404 => ApiHttp.ReadError<CreateItemError404>(exception, body, CreateItemError404.ReadFrom),",
                ">= 400 and <= 499 => ApiHttp.ReadError<CreateItemError4XX>(exception, body, CreateItemError4XX.ReadFrom),",
                ">= 500 and <= 599 => ApiHttp.ReadError<CreateItemError5XX>(exception, body, CreateItemError5XX.ReadFrom),",
            ],
            arms);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_status_documented_without_a_body_keeps_the_plain_exception_before_a_range_or_default_that_types_others()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  responses:
                    '201': { description: Created. }
                    '404': { description: Missing. }
                    '409': { description: Taken., content: { application/json: { schema: { type: object, properties: { holder: { type: string } } } } } }
                    '4XX': { description: Refused., content: { application/json: { schema: { type: object, properties: { reason: { type: string } } } } } }
                    '503': { description: Down. }
                    default: { description: Failed., content: { application/json: { schema: { type: object, properties: { trace: { type: string } } } } } }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("DemoClient");
        var reader = client.Substring(client.IndexOf("private static ApiException Read404AsApiExceptionAnd409AsCreateItemError409And4XXAsCreateItemError4XXAnd503AsApiExceptionAndOthersAsCreateItemError(", StringComparison.Ordinal));
        var arms = reader.Substring(0, reader.IndexOf("};", StringComparison.Ordinal)).Split('\n').Select(l => l.Trim()).Where(l => l.Contains("=>", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(
            [
                "404 => exception,",
                "409 => ApiHttp.ReadError<CreateItemError409>(exception, body, CreateItemError409.ReadFrom),",
                ">= 400 and <= 499 => ApiHttp.ReadError<CreateItemError4XX>(exception, body, CreateItemError4XX.ReadFrom),",
                "503 => exception,",
                "_ => ApiHttp.ReadError<CreateItemError>(exception, body, CreateItemError.ReadFrom),",
            ],
            arms);
        Assert.DoesNotContain("ApiException&lt;&gt;", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_streams_and_a_downloads_documented_headers_are_their_typed_headers_records_without_a_warning()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """
                  responses:
                    '200':
                      description: Events.
                      headers:
                        X-Model: { schema: { type: string } }
                      content:
                        text/event-stream:
                          schema: { type: string }
              /lines:
                get:
                  operationId: export
                  responses:
                    '200':
                      description: A value per line.
                      headers:
                        X-Total-Count: { required: true, schema: { type: integer, format: int32 } }
                      content:
                        application/x-ndjson:
                          schema: { type: object, properties: { name: { type: string } } }
              /ticks:
                get:
                  operationId: tick
                  responses:
                    '200':
                      description: Events; only the headers every response has.
                      headers:
                        X-Request-Id: { schema: { type: string } }
                      content:
                        text/event-stream:
                          schema: { type: string }
              /files/{name}:
                get:
                  operationId: download
                  parameters:
                    - { name: name, in: path, required: true, schema: { type: string } }
                  responses:
                    '200':
                      description: The file.
                      headers:
                        ETag: { required: true, schema: { type: string } }
                      content:
                        application/octet-stream:
                          schema: { type: string, format: binary }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("DemoClient");
        Assert.Contains("public Task<StreamResponse<ServerSentEvent<string>, ModelHeaders>> CreateItemAsync(", client, StringComparison.Ordinal);
        Assert.Contains("ServerSentEvents.OpenTextAsync<ModelHeaders>(_httpClient, message, readError: null, ModelHeaders.Read, cancellationToken)", client, StringComparison.Ordinal);
        Assert.Contains("public string? Model { get; init; }", client, StringComparison.Ordinal);
        Assert.Contains("public Task<StreamResponse<ExportItem, TotalCountHeaders>> ExportAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public required int TotalCount { get; init; }", client, StringComparison.Ordinal);

        // A stream that documents only what every response carries stays the enumerable sent when the loop starts.
        Assert.Contains("public IAsyncEnumerable<ServerSentEvent<string>> TickAsync(", client, StringComparison.Ordinal);
        Assert.Equal(["ETagHeaders", "ModelHeaders", "TotalCountHeaders"], System.Text.RegularExpressions.Regex.Matches(client, @"public sealed partial record (\w+Headers)\b").Select(m => m.Groups[1].Value));
        Assert.Contains("Task<FileResponse<ETagHeaders>> DownloadAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public required string ETag { get; init; }", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }
}
