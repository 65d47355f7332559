using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// Applies a spec's <see cref="SpecSelection"/> to its checked JSON tree, before Microsoft.OpenApi reads it: the
/// operations left out, and everything only they reach (<see cref="SchemaReachability"/>), are taken out of the tree,
/// so that nothing downstream reads, checks or generates them. A selector that matches nothing is reported (OAG030), as
/// is a selection that leaves no operation (OAG031); both at the spec's first line, since the metadata is not in the spec.
/// </summary>
internal static class OperationSelection
{
    /// <summary>The members of a path item that are operations.</summary>
    public static readonly IReadOnlyList<string> Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static void Apply(JsonNode root, SpecSelection selection, SpecDiagnostics diagnostics)
    {
        var operations = OperationsOf(root);
        ReportUnmatched(root, selection, operations, diagnostics);

        var selected = operations.Where(new Selector(selection).Selects).ToList();
        if (selected.Count == 0 && operations.Count > 0)
        {
            diagnostics.Report(DiagnosticDescriptors.SelectionLeavesNoOperations, diagnostics.LocationOf(string.Empty), diagnostics.FileName, operations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        SchemaReachability.KeepOnlyReachable(root, selected.Select(o => o.Pointer), selection.IncludeSchemas);
    }

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
