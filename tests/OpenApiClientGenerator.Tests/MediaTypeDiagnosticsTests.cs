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
        Assert.Empty(run.CompilationProblems());

        static string RecordText(string source, string name)
        {
            var start = source.IndexOf("public sealed partial record " + name + "\n", StringComparison.Ordinal);
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
    public void A_streams_documented_headers_are_a_warning_and_a_downloads_are_its_typed_headers_record()
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

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAG006", 12), (warning.Id, warning.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Equal(
            "The response header 'X-Model' of a stream (Server-Sent Events or JSON lines) is not supported; the IAsyncEnumerable result does not carry it: read it with a DelegatingHandler",
            warning.GetMessage(CultureInfo.InvariantCulture));
        var client = run.ClientText("DemoClient");
        Assert.Contains("Task<FileResponse<DownloadHeaders>> DownloadAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public required string ETag { get; init; }", client, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateItemHeaders", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }
}
