using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// Applies a spec's <see cref="SpecSelection"/> and <see cref="WebhookSelection"/> to its checked JSON tree, before
/// Microsoft.OpenApi reads it: the operations and webhooks left out, and everything only they reach
/// (<see cref="SchemaReachability"/>), are taken out of the tree, so that nothing downstream reads, checks or generates
/// them. A selector that matches nothing is reported (OAG030), as is a selection that leaves no operation (OAG031); both
/// at the spec's first line, since the metadata is not in the spec. Webhooks left out are reported once per map (OAG021).
/// </summary>
internal static class OperationSelection
{
    /// <summary>The members of a path item that are operations.</summary>
    public static readonly IReadOnlyList<string> Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>The maps of webhooks: OpenAPI 3.1's <c>webhooks</c>, and <c>x-webhooks</c>, which 3.0 specs such as GitHub's write.</summary>
    public static readonly IReadOnlyList<string> WebhookMaps = ["webhooks", "x-webhooks"];

    /// <param name="graph">What the units of the spec refer to (<see cref="ReachGraph"/>); null when the tree is to be walked for it.</param>
    public static void Apply(JsonNode root, SpecOptions options, SpecDiagnostics diagnostics, ReachGraph? graph)
    {
        var webhooks = WebhooksOf(root);
        var webhookSelection = options.Webhooks ?? WebhookSelection.NotRequested;
        var leftOutWebhooks = LeaveOutWebhooks(webhooks, webhookSelection, diagnostics);
        if (options.Selection is not { } selection)
        {
            if (leftOutWebhooks.Count > 0)
            {
                SchemaReachability.LeaveOut(root, leftOutWebhooks.Select(w => w.Pointer), graph);
            }

            return;
        }

        var operations = OperationsOf(root);
        ReportUnmatched(root, selection, operations, diagnostics);

        var selected = operations.Where(new Selector(selection).Selects).ToList();
        if (selected.Count == 0 && operations.Count > 0)
        {
            diagnostics.Report(DiagnosticDescriptors.SelectionLeavesNoOperations, diagnostics.LocationOf(string.Empty), diagnostics.FileName, operations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // The webhooks asked for stay with what they reach, whatever the operations: they are not operations of the client.
        var keptWebhooks = webhooks.Except(leftOutWebhooks).Select(w => w.Pointer);
        SchemaReachability.KeepOnlyReachable(root, selected.Select(o => o.Pointer).Concat(keptWebhooks), selection.IncludeSchemas, graph);
    }

    /// <summary>
    /// The webhooks the selection leaves out. A name or glob that matches no webhook is reported (OAG030); the webhooks
    /// left out are reported once for each map they are in (OAG021), with the metadata that generates them, unless the
    /// metadata turned them off on purpose.
    /// </summary>
    private static List<Webhook> LeaveOutWebhooks(List<Webhook> webhooks, WebhookSelection selection, SpecDiagnostics diagnostics)
    {
        var globs = selection.Names.Select(name => (Name: name, Glob: new PathGlob(name))).ToList();
        foreach (var (name, glob) in globs.Where(g => !webhooks.Exists(w => g.Glob.Matches(w.Name))))
        {
            diagnostics.Report(DiagnosticDescriptors.SelectorMatchesNothing, diagnostics.LocationOf(string.Empty), WebhookSelection.Metadata, name, "webhook", diagnostics.FileName);
        }

        var leftOut = webhooks.Where(w => !selection.All && !globs.Exists(g => g.Glob.Matches(w.Name))).ToList();
        if (!selection.IsTurnedOff)
        {
            foreach (var map in leftOut.GroupBy(w => w.Map))
            {
                var count = map.Count();
                var subject = count == 1
                    ? $"The webhook '{map.First().Name}' under '{map.Key}' gets no typed payload reader"
                    : $"The {count.ToString(System.Globalization.CultureInfo.InvariantCulture)} webhooks under '{map.Key}' get no typed payload readers";
                var reason = selection.Names.IsEmpty
                    ? $"webhooks are generated only on request; set the spec's {WebhookSelection.Metadata} metadata (Webhooks on an OpenApiSpec item) to 'true' for all of them or to a list of their names, or to 'false' to leave them out without this message"
                    : $"the spec's {WebhookSelection.Metadata} metadata does not name {(count == 1 ? "it" : "them")}";
                diagnostics.Report(DiagnosticDescriptors.Webhook, diagnostics.LocationOfKey("/" + map.Key), subject, reason);
            }
        }

        return leftOut;
    }

    /// <summary>Every webhook of <c>webhooks</c> and <c>x-webhooks</c>, by its name and its pointer.</summary>
    private static List<Webhook> WebhooksOf(JsonNode root)
        => WebhookMaps
            .SelectMany(map => ((root as JsonObject)?[map] as JsonObject ?? []).Select(webhook => new Webhook(map, webhook.Key, JsonPointers.Append("/" + map, webhook.Key))))
            .ToList();

    /// <summary>
    /// Every operation of <c>paths</c>, with what a selector can match. The operations of a path item written as a
    /// <c>$ref</c> are its target's; they stay or go together, as the target may serve other paths.
    /// </summary>
    private static List<Operation> OperationsOf(JsonNode root)
    {
        var operations = new List<Operation>();
        foreach (var path in (root as JsonObject)?["paths"] as JsonObject ?? [])
        {
            var pathItem = JsonPointers.ReferencedBy(path.Value) is { } target
                ? JsonPointers.Find(root, target) as JsonObject
                : path.Value as JsonObject;
            foreach (var method in Methods)
            {
                if (pathItem?[method] is JsonObject operation)
                {
                    var tags = (operation["tags"] as JsonArray ?? []).Select(tag => tag is JsonValue value && value.TryGetValue(out string? name) ? name : null).OfType<string>().ToList();
                    var operationId = operation["operationId"] is JsonValue id && id.TryGetValue(out string? text) ? text : null;
                    operations.Add(new Operation(path.Key, JsonPointers.Append(JsonPointers.Append("/paths", path.Key), method), tags, operationId));
                }
            }
        }

        return operations;
    }

    /// <summary>A value that matches nothing is most likely a typo, which would otherwise select or keep the wrong operations in silence.</summary>
    private static void ReportUnmatched(JsonNode root, SpecSelection selection, List<Operation> operations, SpecDiagnostics diagnostics)
    {
        var tags = new HashSet<string>(operations.SelectMany(o => o.Tags), StringComparer.Ordinal);
        var operationIds = new HashSet<string>(operations.Select(o => o.OperationId).OfType<string>(), StringComparer.Ordinal);
        var schemas = ((root as JsonObject)?["components"] as JsonObject)?["schemas"] as JsonObject;

        Report(SpecSelection.IncludeTagsMetadata, selection.IncludeTags, "tag of an operation", tags.Contains);
        Report(SpecSelection.ExcludeTagsMetadata, selection.ExcludeTags, "tag of an operation", tags.Contains);
        Report(SpecSelection.IncludePathsMetadata, selection.IncludePaths, "path", MatchesSomePath);
        Report(SpecSelection.ExcludePathsMetadata, selection.ExcludePaths, "path", MatchesSomePath);
        Report(SpecSelection.IncludeOperationsMetadata, selection.IncludeOperations, "operationId", operationIds.Contains);
        Report(SpecSelection.ExcludeOperationsMetadata, selection.ExcludeOperations, "operationId", operationIds.Contains);
        Report(SpecSelection.IncludeSchemasMetadata, selection.IncludeSchemas, "component schema", name => schemas?.ContainsKey(name) == true);

        bool MatchesSomePath(string pattern)
        {
            var glob = new PathGlob(pattern);
            return operations.Exists(o => glob.Matches(o.Path));
        }

        void Report(string metadataName, EquatableArray<string> values, string what, Func<string, bool> matches)
        {
            foreach (var value in values.Where(v => !matches(v)))
            {
                diagnostics.Report(DiagnosticDescriptors.SelectorMatchesNothing, diagnostics.LocationOf(string.Empty), metadataName, value, what, diagnostics.FileName);
            }
        }
    }

    /// <param name="Map">The member of the document the webhook is in: <c>webhooks</c> or <c>x-webhooks</c>.</param>
    private sealed record Webhook(string Map, string Name, string Pointer);

    /// <param name="Path">The path template, the key under <c>paths</c>.</param>
    /// <param name="Pointer">The operation's JSON pointer, <c>/paths/~1repos/get</c>.</param>
    private sealed record Operation(string Path, string Pointer, List<string> Tags, string? OperationId);

    /// <summary>The selection rule: for each kind of include that is given, one of its values matches; no exclude matches.</summary>
    private sealed class Selector(SpecSelection selection)
    {
        private readonly HashSet<string> _includeTags = new(selection.IncludeTags, StringComparer.Ordinal);
        private readonly HashSet<string> _excludeTags = new(selection.ExcludeTags, StringComparer.Ordinal);
        private readonly List<PathGlob> _includePaths = selection.IncludePaths.Select(p => new PathGlob(p)).ToList();
        private readonly List<PathGlob> _excludePaths = selection.ExcludePaths.Select(p => new PathGlob(p)).ToList();
        private readonly HashSet<string> _includeOperations = new(selection.IncludeOperations, StringComparer.Ordinal);
        private readonly HashSet<string> _excludeOperations = new(selection.ExcludeOperations, StringComparer.Ordinal);

        public bool Selects(Operation operation)
            => (_includeTags.Count == 0 || operation.Tags.Exists(_includeTags.Contains))
                && (_includePaths.Count == 0 || _includePaths.Exists(glob => glob.Matches(operation.Path)))
                && (_includeOperations.Count == 0 || (operation.OperationId is { } included && _includeOperations.Contains(included)))
                && !operation.Tags.Exists(_excludeTags.Contains)
                && !_excludePaths.Exists(glob => glob.Matches(operation.Path))
                && !(operation.OperationId is { } excluded && _excludeOperations.Contains(excluded));
    }
}
