using System;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// A union of plain scalars is named after its variants (<c>StringOrInteger</c>), whichever use is read first: the
/// uses share its type, and a name after one of them misled the others (GitHub's issue title was typed
/// <c>WorkflowIdParameter</c>, after the parameter of another operation). A union whose variants say more than their
/// types keeps the name of its use.
/// </summary>
public sealed class ScalarUnionNamesTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Tracker, version: '1.0' }
        paths:
          /workflows/{workflow_id}:
            get:
              operationId: GetWorkflow
              parameters:
                - $ref: '#/components/parameters/workflow-id'
              responses:
                '204': { description: Found. }
          /issues:
            post:
              operationId: CreateIssue
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [title]
                      properties:
                        title:
                          oneOf: [{ type: string }, { type: integer }]
                        labels:
                          type: array
                          items:
                            oneOf: [{ type: string, maxLength: 50 }, { type: number }]
                        weight:
                          type: [integer, boolean]
                        note:
                          description: A note, or its number.
                          oneOf: [{ type: string, description: The note. }, { type: integer }]
              responses:
                '204': { description: Created. }
        components:
          parameters:
            workflow-id:
              name: workflow_id
              in: path
              required: true
              schema:
                oneOf: [{ type: string }, { type: integer }]
        """;

    [Fact]
    public void A_union_of_plain_scalars_is_named_after_its_variants_and_shared_by_every_use()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("TrackerClient");
        Assert.Single(Regex.Matches(models, @"public sealed partial class StringOrInteger\b"));
        Assert.Contains("public required StringOrInteger Title { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public IntegerOrBoolean? Weight { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("public required StringOrInteger WorkflowId { get; init; }", run.ClientText("TrackerClient"), StringComparison.Ordinal);
        Assert.DoesNotContain("WorkflowIdParameter", models + run.ClientText("TrackerClient"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_union_whose_variants_say_more_than_their_types_keeps_the_name_of_its_use()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("TrackerClient");

        // A constrained variant: the shape is the use's own, though no other type is named after its types.
        Assert.Matches(@"public IReadOnlyList<CreateIssueBodyLabelsItem>\? Labels \{ get; init; \}", models);
        Assert.DoesNotContain("StringOrNumber", models, StringComparison.Ordinal);

        // The same types with a variant that describes itself are no twin of StringOrInteger, which keeps that name.
        Assert.Matches(@"public CreateIssueBodyNote\? Note \{ get; init; \}", models);
        Assert.DoesNotMatch(@"StringOrInteger\d", models);
        Assert.Empty(run.CompilationProblems());
    }
}
