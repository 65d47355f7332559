using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.ModelBuilding;
using OpenApiClientGenerator.Reading;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// The reachability of a selection follows the references the checks collected, fragment by fragment (<see cref="ReachGraph"/>),
/// where they show all that a walk of the tree follows; it must keep and take out exactly what the walk does.
/// </summary>
public sealed class ReachGraphTests
{
    public static IEnumerable<object[]> RepositorySpecNames()
        => GeneratorHarness.RepositorySpecs().Select(spec => new object[] { Path.GetFileName(spec.Path) });

    [Theory]
    [MemberData(nameof(RepositorySpecNames))]
    public void The_references_collected_keep_what_a_walk_of_the_tree_keeps(string specName)
    {
        var yaml = GeneratorHarness.RepositorySpecs().Single(s => Path.GetFileName(s.Path) == specName).GetText()!.ToString();
        var (root, checks) = Checked(SpecDocumentReader.Read(yaml).Root!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var operations = Operations(root);

        AssertSameAsWalk(root, checks, (tree, graph) => SchemaReachability.KeepOnlyReachable(tree, operations.Where((_, i) => i % 2 == 0), [], graph));
        AssertSameAsWalk(root, checks, (tree, graph) => SchemaReachability.LeaveOut(tree, Webhooks(tree).Concat(operations.Take(1)), graph));
    }

    /// <summary>
    /// A <c>$ref</c> in an example is data to the checks, which do not collect it, and a discriminator's mapping names
    /// schemas without a <c>$ref</c>; the walk follows both. The fragments that hold them are walked, the others not.
    /// </summary>
    [Fact]
    public void A_fragment_whose_references_do_not_show_what_the_walk_follows_is_walked()
    {
        const string Spec = """
            {"openapi": "3.0.3", "info": {"title": "Mixed", "version": "1"},
             "paths": {
               "/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Sample"}}}}}}},
               "/b": {"get": {"operationId": "getB", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}},
               "/c": {"get": {"operationId": "getC", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Plain"}}}}}}}
             },
             "components": {"schemas": {
               "Sample": {"type": "object", "example": {"$ref": "#/components/schemas/InExample"}},
               "InExample": {"type": "string"},
               "Pet": {"type": "object", "properties": {"kind": {"type": "string"}}, "discriminator": {"propertyName": "kind", "mapping": {"cat": "Cat"}}},
               "Cat": {"type": "object", "properties": {"purrs": {"type": "boolean"}}},
               "Plain": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Next"}}},
               "Next": {"type": "string"},
               "Unused": {"type": "string"}
             }}}
            """;
        var (root, checks) = Checked(Spec);
        var graph = new ReachGraph(new FragmentIndex(checks));

        Assert.Null(graph.ReachesOf("/components/schemas/Sample", "/components/schemas/Sample"));
        Assert.Null(graph.ReachesOf("/components/schemas/Pet", "/components/schemas/Pet"));
        Assert.Equal(["/components/schemas/Next"], graph.ReachesOf("/components/schemas/Plain", "/components/schemas/Plain")!);
        var kept = AssertSameAsWalk(root, checks, (tree, reachGraph) => SchemaReachability.KeepOnlyReachable(tree, Operations(tree), [], reachGraph));
        Assert.Equal(["Cat", "InExample", "Next", "Pet", "Plain", "Sample"], ((JsonObject)kept["components"]!["schemas"]!).Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>The spec read in fragments and checked as the pipeline does, and the tree a parse puts together from them.</summary>
    private static (JsonNode Root, IReadOnlyList<FragmentCheck> Checks) Checked(string json)
    {
        var reads = SpecFragmenter.Split("spec.openapi.json", json).Select(FragmentRead.Read).ToList();
        Assert.True(reads.Count > 1, "The JSON spec was not split.");
        var checks = FragmentChecks.CheckAll(reads);
        var assembled = SpecFragmenter.Assemble(new LineIndex(json), reads, checks.Select(c => c.Tree?.DeepClone()).ToList());
        return (assembled!.Root!, checks);
    }

    /// <summary>Applies <paramref name="apply"/> to a copy of the tree with the graph and to another without, and asserts the same tree comes out.</summary>
    private static JsonNode AssertSameAsWalk(JsonNode root, IReadOnlyList<FragmentCheck> checks, Action<JsonNode, ReachGraph?> apply)
    {
        var walked = root.DeepClone();
        apply(walked, null);
        var followed = root.DeepClone();
        apply(followed, new ReachGraph(new FragmentIndex(checks)));
        Assert.Equal(walked.ToJsonString(), followed.ToJsonString());
        return followed;
    }

    private static List<string> Operations(JsonNode root)
        => ((root["paths"] as JsonObject) ?? [])
            .SelectMany(path => OperationSelection.Methods.Where(m => (path.Value as JsonObject)?.ContainsKey(m) == true).Select(m => JsonPointers.Append(JsonPointers.Append("/paths", path.Key), m)))
            .ToList();

    private static IEnumerable<string> Webhooks(JsonNode root)
        => OperationSelection.WebhookMaps.SelectMany(map => ((root[map] as JsonObject) ?? []).Select(w => JsonPointers.Append("/" + map, w.Key))).ToList();
}
