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
/// component's name. Before it reads the document, each such reference is replaced: by a reference to a component made
/// of the schema it points at, when that is a schema inside a component schema (<see cref="Hoist"/>), else by a copy of
/// what it points at, with the reference's sibling keywords applied over it (OpenAPI 3.1 applies siblings; a 3.0 spec
/// that writes them means them). Diagnostics inside a copy are placed at the reference. A reference into the schema
/// that contains it (a recursive type written in an operation) cannot be copied: it is reported, and the value is left
/// untyped.
/// The references have been checked: each points at a node of this document, and none leads only back to itself.
/// </summary>
/// <param name="own">Makes the node at a pointer the parse's own before a hoist changes it (<see cref="Checking.FragmentTrees.Own"/>).</param>
internal sealed class InnerReferenceInliner(JsonNode root, SpecDiagnostics diagnostics, Action<string> own)
{
    /// <summary>
    /// Copies hold references in turn, so a few references can ask for more copies than any real spec needs (as a YAML
    /// alias bomb does); past this many, the references left are reported instead of copied.
    /// </summary>
    private const int MaxCopies = 20_000;

    private int _copies;

    /// <summary>The schemas moved to components of their own (<see cref="Hoist"/>), by where they were written.</summary>
    private readonly Dictionary<string, string> _hoisted = new(StringComparer.Ordinal);

    public static void Inline(JsonNode root, SpecDiagnostics diagnostics, Action<string> own)
        => new InnerReferenceInliner(root, diagnostics, own).Visit(root, new PointerPath(), []);

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
        while (InnerTarget(node) is { } reference)
        {
            pointer ??= path.ToString();
            var referenceObject = (JsonObject)node;
            var target = Relocated(reference);
            if (!IsInner(target))
            {
                // The schema it points at, or the one it stands in, has become a component.
                node = ReferenceTo(target, referenceObject);
                break;
            }

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

            if (JsonPointers.ReferencedBy(found) is null && HoistedName(target) is { } name)
            {
                node = ReferenceTo(Hoist(target, name), referenceObject);
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

    /// <summary>
    /// Moves a schema inside a component schema (<c>#/components/schemas/Pool/properties/owner</c>) to a component of its
    /// own and leaves a reference to it in its place: every reference to it is then that component, which is read once
    /// and typed once, rather than a copy each, and copies of copies. Azure's specs, bundled by APIs.guru, point into
    /// their schemas in chains that would take more than <see cref="MaxCopies"/> copies, and a schema that points into
    /// itself becomes a recursive component. Problems inside the component are placed where the schema was written.
    /// </summary>
    /// <returns>The component's pointer.</returns>
    /// <param name="preferredName">The component's name, unless another component has it (<see cref="HoistedName"/>).</param>
    private string Hoist(string pointer, string preferredName)
    {
        // The schema's fragment may be shared with the cache, which holds the tree the checks read.
        own(pointer);
        var schema = (JsonObject)JsonPointers.Find(root, pointer)!;
        var schemas = (JsonObject)root["components"]!["schemas"]!;
        var name = UniqueName(schemas, preferredName);
        var component = "/components/schemas/" + name;
        var slash = pointer.LastIndexOf('/');
        var place = new JsonObject { ["$ref"] = "#" + component };
        switch (JsonPointers.Find(root, pointer.Substring(0, slash)))
        {
            case JsonObject parent:
                parent[JsonPointers.Unescape(pointer.Substring(slash + 1))] = place;
                break;
            case JsonArray parent:
                parent[int.Parse(pointer.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture)] = place;
                break;
        }

        schemas[name] = schema;
        _hoisted.Add(pointer, component);
        diagnostics.Map.AddRelocation(component, pointer);

        // The walk may have passed the component map, or the schema's place, already; the references inside it are
        // rewritten now, and a second visit of them finds none.
        var path = new PointerPath();
        path.PushMember("components");
        path.PushMember("schemas");
        path.PushMember(name);
        Visit(schema, path, []);
        return component;
    }

    /// <summary>A name as a part of a component's name: its letters and digits, each run capitalized (<c>logit_bias</c>: <c>LogitBias</c>).</summary>
    private static string NamePart(string name)
    {
        var part = new System.Text.StringBuilder(name.Length);
        var startsRun = true;
        foreach (var character in name)
        {
            if (character is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                part.Append(startsRun ? char.ToUpperInvariant(character) : character);
                startsRun = false;
            }
            else
            {
                startsRun = true;
            }
        }

        return part.Length == 0 ? "Member" : part.ToString();
    }

    private static string UniqueName(JsonObject schemas, string name)
    {
        var unique = name;
        for (var number = 2; schemas.ContainsKey(unique); number++)
        {
            unique = name + number.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>
    /// The component a schema inside a component schema is hoisted to, by the keywords on its way, each of which holds
    /// a schema, a map of them or a list of them; null for any other node there (an <c>example</c>, an <c>enum</c>),
    /// which is copied, and for an allOf, oneOf or anyOf part itself: a part is named by its place among the others (a
    /// union's <c>Object2</c>), which a component of its own would change, and it is rarely the start of a chain of
    /// references. The name is its definition's (<c>$defs/AccountRef</c>: <c>AccountRef</c>), else the one its type has
    /// where it is written, the component's and its members' (<c>Pool/properties/owner</c>: <c>PoolOwner</c>), so that
    /// the types of the specs that point at nothing inside their schemas keep their names.
    /// </summary>
    private static string? HoistedName(string pointer)
    {
        var segments = pointer.Split('/');
        if (segments.Length < 5 || segments[1] != "components" || segments[2] != "schemas")
        {
            return null;
        }

        var name = new System.Text.StringBuilder(NamePart(JsonPointers.Unescape(segments[3])));
        for (var i = 4; i < segments.Length; i++)
        {
            var keyword = segments[i];
            var isPart = IndexedSchemaKeywords.Contains(keyword);
            if (NamedSchemaKeywords.Contains(keyword) || isPart)
            {
                if (++i == segments.Length || (isPart && i == segments.Length - 1))
                {
                    return null;
                }

                if (keyword is "$defs" or "definitions")
                {
                    name.Clear();
                }

                if (!isPart)
                {
                    name.Append(NamePart(JsonPointers.Unescape(segments[i])));
                }
                else if (keyword != "allOf")
                {
                    // An allOf part's members are its record's; a variant's record is named by the union.
                    name.Append("Part").Append(segments[i]);
                }
            }
            else if (SchemaKeywords.Contains(keyword))
            {
                name.Append(keyword switch { "items" => "Item", "additionalProperties" => "Value", _ => NamePart(keyword) });
            }
            else
            {
                return null;
            }
        }

        return name.ToString();
    }

    private static readonly HashSet<string> NamedSchemaKeywords = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    private static readonly HashSet<string> IndexedSchemaKeywords = new(StringComparer.Ordinal) { "allOf", "oneOf", "anyOf", "prefixItems" };

    private static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal)
    {
        "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    /// <summary>Where a pointer's node is now, past the schemas hoisted on its way (one inside a hoisted one moves again).</summary>
    private string Relocated(string pointer)
    {
        while (JsonPointers.TryMovePrefix(_hoisted, pointer, out var moved))
        {
            pointer = moved;
        }

        return pointer;
    }

    /// <summary>
    /// A reference to a component in the place of an inner one. Its sibling keywords apply beside it, as a copy of the
    /// target had them: the reference is then the one part of an allOf, beside which OpenAPI 3.0 keeps every keyword too.
    /// </summary>
    private static JsonObject ReferenceTo(string component, JsonObject reference)
    {
        var target = new JsonObject { ["$ref"] = "#" + component };
        return reference.Count == 1 ? target : WithSiblings(new JsonObject { ["allOf"] = new JsonArray(target) }, reference);
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
