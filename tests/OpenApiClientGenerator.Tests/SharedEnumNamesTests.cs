using System;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// An inline enum that members of several records or operations share under one name is named after that name
/// (<c>MergeMethod</c>), not after the use read first (<c>MergePullRequest</c>'s, which another operation's member
/// would then name): unless another enum is a member of that name too, a type has it already, or the enum is used as
/// something else than a member.
/// </summary>
public sealed class SharedEnumNamesTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Tracker, version: '1.0' }
        paths:
          /pulls/{number}/merge:
            # Both operations take the path's parameters: each request record is an owner of their enums.
            parameters:
              - { name: number, in: path, required: true, schema: { type: integer } }
              - name: merge_method
                in: query
                schema: { type: string, enum: [merge, squash, rebase] }
              - name: sort
                in: query
                schema: { type: string, enum: [created, updated] }
              - name: priority
                in: query
                schema: { type: string, enum: [low, high] }
              - name: labels
                in: query
                schema: { type: array, items: { type: string, enum: [bug, feature] } }
            put:
              operationId: MergePullRequest
              responses:
                '204': { description: Merged. }
            post:
              operationId: EnableAutoMerge
              responses:
                '204': { description: Enabled. }
          /issues:
            get:
              operationId: ListIssues
              parameters:
                - name: sort
                  in: query
                  schema: { type: string, enum: [created, comments] }
                - name: state
                  in: query
                  schema: { type: string, enum: [open, closed] }
                - name: direction
                  in: query
                  schema: { type: string, enum: [asc, desc] }
              responses:
                '200':
                  description: The issues.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/issue' }
        components:
          schemas:
            priority:
              type: string
              enum: [p1, p2]
            repository:
              type: object
              properties:
                merge_method: { type: string, enum: [merge, squash, rebase] }
                tint:
                  oneOf:
                    - { type: string, enum: [red, blue] }
                    - { type: integer }
            issue:
              type: object
              properties:
                tint: { type: string, enum: [red, blue] }
                state: { type: string, enum: [open, closed] }
        """;

    [Fact]
    public void An_inline_enum_that_members_of_several_owners_share_under_one_name_is_named_after_it()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("TrackerClient");
        var client = run.ClientText("TrackerClient");
        Assert.Single(Regex.Matches(models, @"public enum MergeMethod\b"));
        Assert.Equal(2, Regex.Matches(client, @"public MergeMethod\? MergeMethod \{ get; init; \}").Count);
        Assert.Contains("public MergeMethod? MergeMethod { get; init; }", models, StringComparison.Ordinal);

        // An array's items are named with Item after the member, as they are otherwise.
        Assert.Equal(2, Regex.Matches(client, @"public IReadOnlyList<LabelsItem>\? Labels \{ get; init; \}").Count);

        // A record's property and an operation's parameter are two owners.
        Assert.Matches(@"public enum State\b", models);
        Assert.Contains("public State? State { get; init; }", client, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void An_enum_keeps_the_name_of_its_use_where_another_enum_a_type_or_another_use_would_contest_the_shared_one()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.ModelsText("TrackerClient");
        var client = run.ClientText("TrackerClient");

        // One owner: named after it.
        Assert.Matches(@"public enum ListIssuesRequestDirection\b", models);

        // Two enums of different values are both members named sort: neither is Sort.
        Assert.DoesNotMatch(@"public enum Sort\b", models);
        Assert.Matches(@"public enum MergePullRequestRequestSort\b", models);
        Assert.Matches(@"public enum ListIssuesRequestSort\b", models);

        // The component schema priority is Priority: the parameters' enum keeps the name of its first use.
        Assert.Matches(@"public enum MergePullRequestRequestPriority\b", models);
        Assert.Equal(2, Regex.Matches(client, @"public MergePullRequestRequestPriority\? Priority \{ get; init; \}").Count);

        // The tint enum is also a union's variant: not only a member, so it keeps its first use's name.
        Assert.DoesNotMatch(@"public enum Tint\b", models);
        Assert.DoesNotMatch(@"\w2\b \w+ \{ get; init; \}", models + client);
        Assert.Empty(run.CompilationProblems());
    }
}
