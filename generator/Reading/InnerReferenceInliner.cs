using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Diagnostics;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// A <c>$ref</c> may be any JSON Pointer into the document (<c>#/components/schemas/Video/properties/name</c>,
/// <c>#/paths/~1x/get/parameters/0</c>, <c>#/components/schemas/X/$defs/Y</c>), but Microsoft.OpenApi resolves only
/// references to a component (<c>#/components/&lt;section&gt;/&lt;name&gt;</c>) and takes the last segment of any other for a
/// component's name. Before it reads the document, each such reference is replaced by a copy of what it points at, with
/// the reference's sibling keywords applied over it (OpenAPI 3.1 applies siblings; a 3.0 spec that writes them means
/// them). Diagnostics inside a copy are placed at the reference. A reference into the schema that contains it (a
/// recursive type written without a component) cannot be copied: it is reported, and the value is left untyped.
/// The references have been checked: each points at a node of this document, and none leads only back to itself.
/// </summary>
internal sealed class InnerReferenceInliner(JsonNode root, SpecDiagnostics diagnostics)
{
    /// <summary>
    /// Copies hold references in turn, so a few references can ask for more copies than any real spec needs (as a YAML
    /// alias bomb does); past this many, the references left are reported instead of copied.
    /// </summary>
    private const int MaxCopies = 20_000;

    private int _copies;

    public static void Inline(JsonNode root, SpecDiagnostics diagnostics)
        => new InnerReferenceInliner(root, diagnostics).Visit(root, new PointerPath(), []);

    /// <param name="path">Where <paramref name="node"/> stands; its pointer is written out only at an inner reference.</param>
    /// <param name="expanding">The targets copied on the way down to this node: one met again is a recursive structure.</param>
    private void Visit(JsonNode node, PointerPath path, List<string> expanding)
    {
        switch (node)
        {
            case JsonObject mapping:
                var isPropertyMap = path.IsMember("properties");
                for (var i = 0; i < mapping.Count; i++)
                {
                    // A scalar holds no reference.
                    var member = mapping.GetAt(i);
                    if (member.Value is JsonObject or JsonArray && (isPropertyMap || !Checking.ReferenceChecker.IsFreeFormData(member.Key)))
                    {
                        path.PushMember(member.Key);
                        var copy = VisitMember(member.Value, path, expanding);
                        path.Pop();
                        if (copy is not null)
                        {
                            mapping.SetAt(i, copy);
                        }
                    }
                }

                break;
            case JsonArray sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    if (sequence[i] is { } item and (JsonObject or JsonArray))
                    {
                        path.PushItem(i);
                        var copy = VisitMember(item, path, expanding);
                        path.Pop();
                        if (copy is not null)
                        {
                            sequence[i] = copy;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>Visits a member; when it is an inner reference, returns the copy that replaces it, visited in turn.</summary>
    private JsonNode? VisitMember(JsonNode member, PointerPath path, List<string> expanding)
    {
        var copied = 0;
        var node = member;
        string? pointer = null;
        while (InnerTarget(node) is { } target)
        {
            pointer ??= path.ToString();
            var referenceObject = (JsonObject)node;
            var targetNode = JsonPointers.Find(root, target);
            if (targetNode is JsonValue targetValue && targetValue.TryGetValue(out bool _))
            {
                // A boolean schema is read by Microsoft.OpenApi as it reads any reference.
                break;
            }

            if (targetNode is not JsonObject found)
            {
                // A string, a number or a list is no schema, parameter or response; Microsoft.OpenApi would take the
                // pointer's last segment for a component's name and fail on it.
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    diagnostics.LocationOf(JsonPointers.Append(pointer, "$ref")),
                    $"The reference '{referenceObject["$ref"]}' to a value that is no object",
                    "the value is generated as a JsonElement");
                node = WithSiblings(new JsonObject(), referenceObject);
                break;
            }

            var isRecursive = expanding.Contains(target) || pointer.StartsWith(target + "/", StringComparison.Ordinal);
            if (isRecursive || _copies >= MaxCopies)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    diagnostics.LocationOf(JsonPointers.Append(pointer, "$ref")),
                    isRecursive
                        ? $"The reference '{referenceObject["$ref"]}' into the schema that contains it, which is not a component"
                        : $"The reference '{referenceObject["$ref"]}', past {MaxCopies.ToString(CultureInfo.InvariantCulture)} copies of references into components and operations,",
                    "the inner value is generated as a JsonElement; name the schema under components/schemas to type it");
                node = WithSiblings(new JsonObject(), referenceObject);
                break;
            }

            _copies++;

            node = WithSiblings((JsonObject)found.DeepClone(), referenceObject);
            expanding.Add(target);
            copied++;
        }

        if (!ReferenceEquals(node, member) && diagnostics.Map.TryGetPosition(JsonPointers.Append(pointer!, "$ref"), out var position))
        {
            diagnostics.Map.AddAliasCopy(pointer!, position, node);
        }

        Visit(node, path, expanding);
        expanding.RemoveRange(expanding.Count - copied, copied);
        return ReferenceEquals(node, member) ? null : node;
    }

    /// <summary>The pointer an inner reference points at; null for a reference to a component, or for no reference.</summary>
    private static string? InnerTarget(JsonNode node)
    {
        if (JsonPointers.ReferencedBy(node) is not { } target)
        {
            return null;
        }

        return IsInner(target) ? target : null;
    }

    /// <summary>Whether a reference's target is inlined: any that is not a component (<c>/components/section/name</c>), which Microsoft.OpenApi resolves itself.</summary>
    public static bool IsInner(string target)
    {
        var segments = target.Split('/');
        return !(segments.Length == 4 && segments[0].Length == 0 && segments[1] == "components");
    }

    /// <summary>The copy of a target with the reference's sibling keywords over it.</summary>
    private static JsonObject WithSiblings(JsonObject copy, JsonObject reference)
    {
        foreach (var sibling in reference.Where(m => m.Key != "$ref").ToList())
        {
            copy[sibling.Key] = sibling.Value?.DeepClone();
        }

        return copy;
    }
}
