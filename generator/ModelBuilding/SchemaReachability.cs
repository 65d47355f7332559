using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// Takes out of a spec's JSON tree the operations that were not selected, and every component and webhook that what
/// stays does not reach. Reaching goes through every <c>$ref</c> anywhere in a node (so through <c>allOf</c>,
/// <c>items</c>, <c>properties</c>, <c>additionalProperties</c>, parameters, responses, request bodies, headers...),
/// through <c>discriminator.mapping</c>, and from a schema with a <c>discriminator</c> to the component schemas that
/// extend it with <c>allOf</c>, which a response of the base type may carry. What stays is then complete: no kept
/// <c>$ref</c> points at anything taken out. What a unit refers to comes from the references the checks collected
/// (<see cref="ReachGraph"/>), cached with its fragment, where they show all that the walk would follow; the tree is
/// walked for the rest.
/// </summary>
internal static class SchemaReachability
{
    /// <summary>The component maps whose entries stay only when reached; security schemes are named by requirements, not referenced, and all stay.</summary>
    private static readonly HashSet<string> PrunedComponents = new(StringComparer.Ordinal)
    {
        "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks", "pathItems",
    };

    /// <param name="root">The spec's checked JSON tree, changed in place.</param>
    /// <param name="operations">The pointers of the selected operations (<c>/paths/~1repos/get</c>).</param>
    /// <param name="schemaNames">Component schemas to keep with what they reach, selected or not.</param>
    /// <param name="graph">What the units refer to, as the checks collected it; null when a stage after them wrote references, and the tree is walked.</param>
    public static void KeepOnlyReachable(JsonNode root, IEnumerable<string> operations, IEnumerable<string> schemaNames, ReachGraph? graph)
    {
        var walk = new Walk(root, graph);
        foreach (var operation in operations)
        {
            walk.Reach(operation);
        }

        foreach (var name in schemaNames)
        {
            walk.Reach(JsonPointers.Append("/components/schemas", name));
        }

        walk.ReachWhatStaysAnyway();
        walk.Run();
        RemoveUnreached(root, walk.Kept);
    }

    /// <summary>
    /// Takes <paramref name="units"/> (webhooks the spec's metadata leaves out) out of a spec's JSON tree, with the
    /// components that only they reach. Everything else stays as it is, unreached components included: without an
    /// operation selection, every component schema is generated, but one that only a left-out webhook uses is that
    /// webhook's payload (GitHub's <c>webhook-*</c> schemas), which no call of the client reads or writes.
    /// </summary>
    public static void LeaveOut(JsonNode root, IEnumerable<string> units, ReachGraph? graph)
    {
        var leftOut = new HashSet<string>(units, StringComparer.Ordinal);
        var fromLeftOut = new Walk(root, graph);
        foreach (var unit in leftOut)
        {
            fromLeftOut.Reach(unit);
        }

        fromLeftOut.Run();

        var fromTheRest = new Walk(root, graph);
        foreach (var unit in Units(root).Where(u => !leftOut.Contains(u) && !fromLeftOut.Kept.Contains(u)))
        {
            fromTheRest.Reach(unit);
        }

        fromTheRest.ReachWhatStaysAnyway();
        fromTheRest.Run();

        foreach (var map in OperationSelection.WebhookMaps)
        {
            RemoveEntries((root as JsonObject)?[map] as JsonObject, "/" + map, leftOut.Contains);
        }

        foreach (var map in (root as JsonObject)?["components"] as JsonObject ?? [])
        {
            if (PrunedComponents.Contains(map.Key))
            {
                RemoveEntries(map.Value as JsonObject, JsonPointers.Append("/components", map.Key), unit => fromLeftOut.Kept.Contains(unit) && !fromTheRest.Kept.Contains(unit));
            }
        }
    }

    /// <summary>The unit that <paramref name="pointer"/> is in (<see cref="Walk"/>); null for a pointer outside every unit.</summary>
    public static string? UnitOf(string pointer) => UnitOf(new PointerHead(pointer));

    /// <summary>
    /// As <see cref="UnitOf(string)"/>, or the empty string for a pointer in what stays anyway and is walked from
    /// (<see cref="Walk.ReachWhatStaysAnyway"/>): a member of the document other than an extension, <c>paths</c>,
    /// <c>webhooks</c> and <c>components</c>, or of a component map that is not pruned.
    /// </summary>
    public static string? UnitOrStaying(string pointer)
    {
        var head = new PointerHead(pointer);
        return UnitOf(head) ?? head switch
        {
            { First: "components", Count: >= 3 } when !PrunedComponents.Contains(head.Second!) && !IsExtension(head.Second!) => string.Empty,
            { Count: >= 2 } when !IsExtension(head.First!) && head.First is not ("paths" or "webhooks" or "components") => string.Empty,
            _ => null,
        };
    }

    private static string? UnitOf(PointerHead head)
        => head switch
        {
            { First: "paths", Count: >= 3 } when OperationSelection.Methods.Contains(head.Third!) => head.ThroughThird,
            { First: "paths", Count: >= 2 } => head.ThroughSecond,
            { First: "webhooks" or "x-webhooks", Count: >= 2 } => head.ThroughSecond,
            { First: "components", Count: >= 3 } when PrunedComponents.Contains(head.Second!) => head.ThroughThird,
            _ => null,
        };

    private static bool IsExtension(string key) => key.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>Every unit of the tree: each operation and path item, each webhook, each pruned component.</summary>
    private static IEnumerable<string> Units(JsonNode root)
    {
        foreach (var path in (root as JsonObject)?["paths"] as JsonObject ?? [])
        {
            var pathPointer = JsonPointers.Append("/paths", path.Key);
            yield return pathPointer;
            foreach (var method in OperationSelection.Methods.Where(m => (path.Value as JsonObject)?.ContainsKey(m) == true))
            {
                yield return JsonPointers.Append(pathPointer, method);
            }
        }

        foreach (var map in OperationSelection.WebhookMaps)
        {
            foreach (var webhook in (root as JsonObject)?[map] as JsonObject ?? [])
            {
                yield return JsonPointers.Append("/" + map, webhook.Key);
            }
        }

        foreach (var map in ((root as JsonObject)?["components"] as JsonObject ?? []).Where(m => PrunedComponents.Contains(m.Key)))
        {
            foreach (var entry in map.Value as JsonObject ?? [])
            {
                yield return JsonPointers.Append(JsonPointers.Append("/components", map.Key), entry.Key);
            }
        }
    }

    private static void RemoveUnreached(JsonNode root, HashSet<string> kept)
    {
        if ((root as JsonObject)?["paths"] is JsonObject paths)
        {
            foreach (var path in paths.ToList())
            {
                var pathPointer = JsonPointers.Append("/paths", path.Key);
                if (!kept.Contains(pathPointer))
                {
                    paths.Remove(path.Key);
                }
                else if (path.Value is JsonObject pathItem
                    && OperationSelection.Methods.Where(m => pathItem.ContainsKey(m) && !kept.Contains(JsonPointers.Append(pathPointer, m))).ToList() is { Count: > 0 } leftOut)
                {
                    // The path item's tree may be shared with the pipeline's cache (FragmentTrees): a copy loses the methods.
                    var trimmed = (JsonObject)pathItem.DeepClone();
                    foreach (var method in leftOut)
                    {
                        trimmed.Remove(method);
                    }

                    paths[path.Key] = trimmed;
                }
            }
        }

        foreach (var map in OperationSelection.WebhookMaps)
        {
            RemoveEntries((root as JsonObject)?[map] as JsonObject, "/" + map, unit => !kept.Contains(unit));
        }

        foreach (var map in (root as JsonObject)?["components"] as JsonObject ?? [])
        {
            if (PrunedComponents.Contains(map.Key))
            {
                RemoveEntries(map.Value as JsonObject, JsonPointers.Append("/components", map.Key), unit => !kept.Contains(unit));
            }
        }
    }

    private static void RemoveEntries(JsonObject? map, string mapPointer, Func<string, bool> remove)
    {
        foreach (var entry in map?.ToList() ?? [])
        {
            if (remove(JsonPointers.Append(mapPointer, entry.Key)))
            {
                map!.Remove(entry.Key);
            }
        }
    }

    /// <summary>
    /// A walk over the tree from the selected operations. What it keeps or drops as a whole is a unit: an operation
    /// (<c>/paths/p/get</c>), a path item's own members (<c>/paths/p</c>: its parameters, which apply to its operations), a
    /// webhook, or a component (<c>/components/schemas/Pet</c>). A reference into a unit keeps the whole unit.
    /// </summary>
    private sealed class Walk(JsonNode root, ReachGraph? graph)
    {
        private readonly Stack<JsonNode> _pending = new();
        private Dictionary<string, List<string>>? _extensionsOf;

        /// <summary>The units reached.</summary>
        public HashSet<string> Kept { get; } = new(StringComparer.Ordinal);

        /// <summary>Reaches the unit that <paramref name="pointer"/> is in; a pointer outside every unit is in what stays anyway.</summary>
        public void Reach(string pointer)
        {
            var head = new PointerHead(pointer);
            var unit = UnitOf(head);
            if (unit is null || !Kept.Add(unit))
            {
                return;
            }

            var isOperation = head is { First: "paths", Count: >= 3 } && OperationSelection.Methods.Contains(head.Third!);
            if (graph?.ReachesOf(unit, isOperation ? head.ThroughSecond : unit) is { } targets)
            {
                if (isOperation)
                {
                    Reach(head.ThroughSecond);
                }

                // A unit is its own unit: one reached already needs no split.
                foreach (var target in targets)
                {
                    if (!Kept.Contains(target))
                    {
                        Reach(target);
                    }
                }

                return;
            }

            var node = JsonPointers.Find(root, unit);
            switch (head)
            {
                case { First: "paths" } when isOperation:
                    // The path item's parameters apply to the operation. Under a path item written as a $ref, the
                    // operation is not in the tree at all: the path item's reference keeps the whole target.
                    Reach(head.ThroughSecond);
                    Push(node);
                    break;
                case { First: "paths" } when node is JsonObject pathItem:
                    ReachReferences(pathItem);
                    foreach (var member in pathItem.Where(m => !OperationSelection.Methods.Contains(m.Key)))
                    {
                        Push(member.Value);
                    }

                    break;
                case { First: "components", Second: "schemas" } when node is JsonObject schema && schema["discriminator"] is JsonObject:
                    Push(schema);
                    foreach (var extension in ExtensionsOf(unit))
                    {
                        Reach(extension);
                    }

                    break;
                default:
                    Push(node);
                    break;
            }
        }

        /// <summary>
        /// Reaches from everything that is never taken out: <c>info</c>, <c>tags</c>, security schemes... but not from
        /// the extensions beside them, which the generator does not read and Microsoft.OpenApi keeps as plain JSON: a
        /// <c>$ref</c> there is data. GitHub's <c>x-webhooks</c> would otherwise keep every webhook payload schema.
        /// </summary>
        public void ReachWhatStaysAnyway()
        {
            if (graph?.ReachesOfWhatStays() is { } targets)
            {
                foreach (var target in targets)
                {
                    Reach(target);
                }

                return;
            }

            foreach (var member in (root as JsonObject ?? []).Where(m => !IsExtension(m.Key)))
            {
                if (member.Key == "components" && member.Value is JsonObject components)
                {
                    foreach (var map in components.Where(m => !PrunedComponents.Contains(m.Key) && !IsExtension(m.Key)))
                    {
                        Push(map.Value);
                    }
                }
                else if (member.Key is not ("paths" or "webhooks" or "components"))
                {
                    Push(member.Value);
                }
            }
        }

        /// <summary>
        /// Walks what is pending, reaching every reference met. What is reached is a set, so the order does not matter:
        /// each object's members are looked at once, by index (a <see cref="JsonObject"/>'s enumerator is an allocation,
        /// and GitHub's spec has hundreds of thousands of objects), and a scalar, which holds no reference, is not pushed.
        /// </summary>
        public void Run()
        {
            while (_pending.Count > 0)
            {
                switch (_pending.Pop())
                {
                    case JsonObject mapping:
                        for (var i = 0; i < mapping.Count; i++)
                        {
                            var member = mapping.GetAt(i);
                            if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue(out string? reference))
                            {
                                if (JsonPointers.FromReference(reference) is { } target)
                                {
                                    Reach(target);
                                }
                            }
                            else if (member.Key == "discriminator" && member.Value is JsonObject discriminator)
                            {
                                ReachMapping(discriminator);
                                _pending.Push(discriminator);
                            }
                            else if (member.Value is JsonObject or JsonArray)
                            {
                                _pending.Push(member.Value);
                            }
                        }

                        break;
                    case JsonArray sequence:
                        for (var i = 0; i < sequence.Count; i++)
                        {
                            if (sequence[i] is JsonObject or JsonArray)
                            {
                                _pending.Push(sequence[i]!);
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>Reaches what an object refers to itself: its <c>$ref</c>, and the schemas of its <c>discriminator.mapping</c>, each a reference or a component schema's name.</summary>
        private void ReachReferences(JsonObject node)
        {
            if (JsonPointers.ReferencedBy(node) is { } target)
            {
                Reach(target);
            }

            if (node["discriminator"] is JsonObject discriminator)
            {
                ReachMapping(discriminator);
            }
        }

        /// <summary>Reaches the schemas of a discriminator's <c>mapping</c>, each a reference or a component schema's name.</summary>
        private void ReachMapping(JsonObject discriminator)
        {
            if (discriminator["mapping"] is not JsonObject mapping)
            {
                return;
            }

            foreach (var value in mapping.Select(m => m.Value).OfType<JsonValue>())
            {
                if (value.TryGetValue(out string? mapped))
                {
                    Reach(JsonPointers.FromReference(mapped) ?? JsonPointers.Append("/components/schemas", mapped));
                }
            }
        }

        private void Push(JsonNode? node)
        {
            if (node is not null)
            {
                _pending.Push(node);
            }
        }

        /// <summary>The component schemas whose <c>allOf</c> refers to the schema at <paramref name="pointer"/>.</summary>
        private List<string> ExtensionsOf(string pointer)
        {
            if (_extensionsOf is null)
            {
                _extensionsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var schema in ((root as JsonObject)?["components"] as JsonObject)?["schemas"] as JsonObject ?? [])
                {
                    foreach (var part in ((schema.Value as JsonObject)?["allOf"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        if (JsonPointers.ReferencedBy(part) is { } basePointer)
                        {
                            if (!_extensionsOf.TryGetValue(basePointer, out var extensions))
                            {
                                _extensionsOf[basePointer] = extensions = [];
                            }

                            extensions.Add(JsonPointers.Append("/components/schemas", schema.Key));
                        }
                    }
                }
            }

            return _extensionsOf.TryGetValue(pointer, out var found) ? found : [];
        }
    }
}
