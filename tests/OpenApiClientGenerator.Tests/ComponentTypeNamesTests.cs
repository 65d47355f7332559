using System;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// A schema written inside a component response, parameter or request body is named after that component and what it
/// is, whichever operation refers to it first (GitHub's <c>service_unavailable</c> response gives
/// <c>ServiceUnavailableResponse</c>), and a component schema keeps its own name beside it.
/// </summary>
public sealed class ComponentTypeNamesTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Tracker, version: '1.0' }
        paths:
          /issues:
            get:
              operationId: ListIssues
              parameters:
                - $ref: '#/components/parameters/direction'
                - $ref: '#/components/parameters/issue-state'
              responses:
                '200':
                  $ref: '#/components/responses/issue_page'
                '503':
                  $ref: '#/components/responses/service_unavailable'
            post:
              operationId: CreateIssue
              requestBody:
                $ref: '#/components/requestBodies/new_issue'
              responses:
                '204': { description: Created. }
                '503':
                  $ref: '#/components/responses/service_unavailable'
          /milestones:
            get:
              operationId: ListMilestones
              parameters:
                - $ref: '#/components/parameters/direction'
              responses:
                '200':
                  description: The milestones.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/issue-state' }
                '503':
                  $ref: '#/components/responses/service_unavailable'
        components:
          parameters:
            direction:
              name: direction
              in: query
              schema: { type: string, enum: [asc, desc] }
            issue-state:
              name: state
              in: query
              schema: { type: string, enum: [open, closed, all] }
          requestBodies:
            new_issue:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    required: [title]
                    properties:
                      title: { type: string, minLength: 1 }
          responses:
            issue_page:
              description: A page of issues.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      total: { type: integer }
            service_unavailable:
              description: Service unavailable.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      code: { type: string }
                      message: { type: string }
          schemas:
            issue-state:
              type: string
              enum: [open, closed]
        """;

    [Fact]
    public void A_schema_written_in_a_component_is_named_after_the_component_and_shared_by_every_operation_that_refers_to_it()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("TrackerClient");
        Assert.Single(Regex.Matches(models, @"public sealed partial record ServiceUnavailableResponse\b"));
        Assert.Single(Regex.Matches(models, @"public enum DirectionParameter\b"));
        Assert.Matches(@"public sealed partial record IssuePageResponse\b", models);
        Assert.Matches(@"public sealed partial record NewIssueBody\b", models);
        var client = run.ClientText("TrackerClient");
        Assert.Equal(2, Regex.Matches(client, @"public DirectionParameter\? Direction \{ get; init; \}").Count);
        Assert.Contains("public required NewIssueBody Body { get; init; }", client, StringComparison.Ordinal);
        Assert.Contains("ApiHttp.ReadError<ServiceUnavailableResponse>(", client, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(ListIssues|CreateIssue|ListMilestones)(Error503|Response\b|RequestDirection|Body\b)", models + client);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_component_schema_keeps_its_name_beside_a_parameter_of_the_same_name()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("TrackerClient");
        Assert.Matches(@"public enum IssueState\s*\{\s*(///[^\n]*\s*|\[[^\n]*\s*)*Open,\s*(///[^\n]*\s*|\[[^\n]*\s*)*Closed,\s*\}", models);
        Assert.Matches(@"public enum IssueStateParameter\b", models);
        Assert.Contains("public IssueStateParameter? State { get; init; }", run.ClientText("TrackerClient"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }
}
