using System;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// A schema named like a type the generated code uses keeps its name where C# allows it: beside <c>Task&lt;T&gt;</c>
/// and the other types the code names only with type arguments, and beside the runtime's <c>ValidationError</c>,
/// <c>ApiResponse</c> and <c>FileResponse</c> and the framework's <c>Uri</c>, which the code then names by their full
/// names (FastAPI's specs all have a <c>ValidationError</c>, the Petstore an <c>ApiResponse</c>). Was: <c>Task2</c>,
/// <c>ValidationError2</c>, <c>ApiResponse2</c>, with warning OAG008.
/// </summary>
public sealed class FrameworkTypeNamesTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Tasks, version: '1.0' }
        servers:
          - url: https://tasks.example.com
        paths:
          /tasks:
            get:
              operationId: listTasks
              responses:
                '200':
                  description: The tasks.
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Task' } }
                '422':
                  description: Invalid.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/ValidationError' }
            post:
              operationId: createTask
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Task' }
              responses:
                '200':
                  description: What the server says.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/ApiResponse' }
          /tasks/{id}:
            delete:
              operationId: deleteTask
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '204': { description: Deleted. }
          /tasks/{id}/attachment:
            get:
              operationId: downloadAttachment
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: The file.
                  content:
                    application/octet-stream:
                      schema: { type: string, format: binary }
        components:
          schemas:
            Task:
              type: object
              required: [title]
              properties:
                title: { type: string, maxLength: 100 }
                action: { $ref: '#/components/schemas/Action' }
                steps: { type: array, items: { $ref: '#/components/schemas/List' } }
                links: { type: object, additionalProperties: { $ref: '#/components/schemas/Uri' } }
                next: { oneOf: [{ $ref: '#/components/schemas/Func' }, { $ref: '#/components/schemas/Dictionary' }] }
                failure: { $ref: '#/components/schemas/Exception' }
                file: { $ref: '#/components/schemas/FileResponse' }
            Action: { type: object, properties: { name: { type: string } } }
            Func: { type: object, required: [kind], properties: { kind: { type: string, enum: [func] } } }
            Dictionary: { type: object, required: [words], properties: { words: { type: integer } } }
            List: { type: object, properties: { items: { type: integer } } }
            Uri: { type: object, properties: { href: { type: string } } }
            Exception: { type: object, properties: { message: { type: string } } }
            String: { type: string, enum: [a, b] }
            Object: { type: object, properties: { id: { type: integer } } }
            FileResponse: { type: object, properties: { size: { type: integer } } }
            ApiResponse: { type: object, properties: { code: { type: integer }, message: { type: string } } }
            ValidationError:
              type: object
              required: [loc, msg]
              properties:
                loc: { type: array, items: { type: string } }
                msg: { type: string }
        """;

    [Fact]
    public void Schemas_named_like_framework_and_runtime_types_keep_their_names_and_the_code_compiles()
    {
        var run = GeneratorHarness.RunSpecs(("tasks.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        var models = run.ModelsText("TasksClient");
        foreach (var name in new[] { "Task", "Action", "Func", "Dictionary", "List", "Uri", "Exception", "Object", "FileResponse", "ApiResponse", "ValidationError" })
        {
            Assert.Matches(new Regex(@"public sealed partial (record|class) " + name + @"\b"), models);
        }

        Assert.Matches(new Regex(@"public enum String\b"), models);

        // The runtime's and the framework's types of those names, by their full names; the rest as they are.
        var client = run.ClientText("TasksClient");
        Assert.Contains("public Task<ApiResponse<IReadOnlyList<Task>>> ListTasksAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public Task<ApiResponse<ApiResponse>> CreateTaskAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public Task<global::OpenApiClientGenerator.Runtime.ApiResponse> DeleteTaskAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public Task<global::OpenApiClientGenerator.Runtime.FileResponse> DownloadAttachmentAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public IReadOnlyList<global::OpenApiClientGenerator.Runtime.ValidationError> Validate()", models, StringComparison.Ordinal);
        Assert.Contains("public global::System.Uri? BaseAddress { get; set; }", OptionsText(run), StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"(?<![\w.:])ValidationError>"), models);
    }

    [Fact]
    public void A_spec_without_such_schemas_names_the_runtime_types_plainly()
    {
        var run = GeneratorHarness.RunSpecs(("tasks.openapi.yaml", Spec.Replace("ValidationError", "Problem", StringComparison.Ordinal).Replace("Uri", "Link", StringComparison.Ordinal)));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("TasksClient");
        Assert.Contains("public IReadOnlyList<ValidationError> Validate()", models, StringComparison.Ordinal);
        Assert.Contains("public Uri? BaseAddress { get; set; }", OptionsText(run), StringComparison.Ordinal);
        Assert.DoesNotContain("global::", models, StringComparison.Ordinal);
    }

    /// <summary>
    /// Schemas named like types and namespaces the generated code writes without qualification and without type
    /// arguments take a number, with OAG008, and the code compiles. Was, for these: code that did not compile
    /// (<c>Array.Empty</c> in a request's <c>Validate()</c>, <c>JsonValueKind</c> in a union's, <c>ArgumentOutOfRangeException</c>
    /// in an enum's, <c>using OpenApiClientGenerator.Runtime</c> in every file).
    /// </summary>
    [Fact]
    public void Schemas_named_like_types_the_code_writes_plainly_are_renamed_and_the_code_compiles()
    {
        var run = GeneratorHarness.RunSpecs(("names.openapi.yaml", """
            openapi: 3.0.3
            info: { title: Names, version: '1.0' }
            paths:
              /things:
                post:
                  operationId: addThing
                  requestBody:
                    content:
                      application/json:
                        schema:
                          oneOf: [{ $ref: '#/components/schemas/Array' }, { $ref: '#/components/schemas/JsonValueKind' }]
                  responses:
                    '204': { description: Added. }
                get:
                  operationId: listThings
                  parameters:
                    - { name: kind, in: query, schema: { $ref: '#/components/schemas/ArgumentOutOfRangeException' } }
                  responses:
                    '200':
                      description: The things.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/OpenApiClientGenerator' }
            components:
              schemas:
                Array: { type: object, required: [items], properties: { items: { type: integer } } }
                JsonValueKind: { type: object, required: [kind], properties: { kind: { type: string } } }
                ArgumentOutOfRangeException: { type: string, enum: [low, high] }
                OpenApiClientGenerator: { type: object, properties: { version: { type: string } } }
            """));

        Assert.Equal(4, run.GeneratorDiagnostics.Count(d => d.Id == "OAG008"));
        Assert.Empty(run.CompilationProblems());
        var models = run.ModelsText("NamesClient");
        Assert.Contains("public sealed partial record Array2", models, StringComparison.Ordinal);
        Assert.Contains("public enum ArgumentOutOfRangeException2", models, StringComparison.Ordinal);
    }

    private static string OptionsText(GeneratorRun run) => run.Sources.Single(s => s.HintName == "TasksClient.Options.g.cs").SourceText.ToString();
}
