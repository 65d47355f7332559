using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Issue 13 §4: the dialect of Huawei's API Gateway exports is read, and what it changes is reported at the spec's own
/// lines (0-based below), copies of <c>x-apigateway-any-method</c> included.
/// </summary>
public sealed class ApiGatewayExportDiagnosticsTests
{
    private const string Head = """
        openapi: 3.0.1
        info:
          title: Demo
          version: '1.0'
        """;

    [Fact]
    public void Each_zero_limit_on_a_string_parameter_is_a_warning_at_its_keyword_and_checks_nothing()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """

            paths:
              /items/{id}:
                get:
                  operationId: showItem
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema: { type: string, maxLength: 0 }
                    - name: page
                      in: query
                      schema:
                        type: string
                        minimum: 0
                        maximum: 0
                    - name: size
                      in: query
                      schema: { type: integer, minimum: 0, maximum: 0 }
                    - name: code
                      in: query
                      schema: { type: string, maxLength: 4 }
                  responses:
                    '204': { description: OK }
            """));

        Assert.Equal(
            [
                (12, 45, "'maxLength: 0' on the string parameter 'id'"),
                (17, 21, "'minimum: 0' on the string parameter 'page'"),
                (18, 21, "'maximum: 0' on the string parameter 'page'"),
            ],
            Warnings(run, "OAG019").Select(w => (w.Line, w.Column, w.Message.Substring(0, w.Message.IndexOf(" is how", StringComparison.Ordinal)))));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("OAG019", d.Id));
        var client = run.ClientText("DemoClient");
        Assert.DoesNotContain("context.MaxLength(idValue", client, StringComparison.Ordinal);
        Assert.DoesNotContain("context.MaxLength(\"id\"", client, StringComparison.Ordinal);
        Assert.Contains("context.MaxLength(\"code\", Code, 4, required: false)", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void An_any_method_operation_is_generated_for_the_free_common_methods_and_its_problems_are_reported_once_at_its_lines()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """

            paths:
              /files/{proxy+}:
                get:
                  operationId: readFile
                  parameters:
                    - { name: proxy, in: path, required: true, schema: { type: string } }
                  responses:
                    '204': { description: OK }
                x-apigateway-any-method:
                  operationId: forwardFile
                  parameters:
                    - { name: proxy, in: path, required: true, schema: { type: string, maxLength: 0 } }
                    - { name: session, in: query, style: label, schema: { type: string } }
                  responses:
                    '204': { description: OK }
            """));

        Assert.Equal([(15, 86)], Warnings(run, "OAG019").Select(w => (w.Line, w.Column)));
        var labelInQuery = Assert.Single(Warnings(run, "OAG006"));
        Assert.Equal(16, labelInQuery.Line);
        var client = run.Compilation.GetTypeByMetadataName("Demo.DemoClient")!;
        Assert.Equal(
            ["ForwardFileDeleteAsync", "ForwardFilePatchAsync", "ForwardFilePostAsync", "ForwardFilePutAsync", "ReadFileAsync"],
            client.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_shared_parameter_of_a_greedy_segment_is_copied_greedy_and_still_serves_other_paths_under_its_name()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """

            paths:
              /files/{proxy+}:
                get:
                  operationId: readFile
                  parameters:
                    - $ref: '#/components/parameters/Proxy'
                  responses:
                    '204': { description: OK }
              /folders/{proxy}:
                get:
                  operationId: readFolder
                  parameters:
                    - $ref: '#/components/parameters/Proxy'
                  responses:
                    '204': { description: OK }
            components:
              parameters:
                Proxy:
                  name: proxy
                  in: path
                  required: true
                  schema: { type: string, maxLength: 0 }
            """));

        // The placeholder is reported once, at the shared parameter's own line, though two paths use it.
        Assert.Equal([(25, 41)], Warnings(run, "OAG019").Select(w => (w.Line, w.Column)));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var client = run.ClientText("DemoClient");
        Assert.Contains("ApiHttp.EscapePath(request.Proxy)", client, StringComparison.Ordinal);
        Assert.Contains("ApiHttp.Escape(request.Proxy)", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void An_any_method_that_is_not_an_operation_object_is_a_warning_and_generates_nothing()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", Head + """

            paths:
              /items:
                get:
                  operationId: listItems
                  responses:
                    '204': { description: OK }
                x-apigateway-any-method: ANY
            """));

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAG006", 10), (warning.Id, warning.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("x-apigateway-any-method that is not an operation object", warning.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(run.Compilation.GetTypeByMetadataName("Demo.DemoClient")!.GetMembers().OfType<IMethodSymbol>(), m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.DeclaredAccessibility == Accessibility.Public);
        Assert.Empty(run.CompilationProblems());
    }

    private static (int Line, int Column, string Message)[] Warnings(GeneratorRun run, string id)
        => [.. run.GeneratorDiagnostics.Where(d => d.Id == id)
            .Select(d => (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character, d.GetMessage(CultureInfo.InvariantCulture)))
            .OrderBy(w => w.Line)];
}
