using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Checking;

/// <summary>
/// Checks every <c>$ref</c> before Microsoft.OpenApi sees the document, so that each bad one is reported at its own line
/// and no external file or URL is ever loaded.
/// </summary>
internal static class ReferenceChecker
{
    /// <summary>A chain of references longer than this is taken for a loop; no real spec chains references so deep.</summary>
    private const int MaxChainLength = 64;

    /// <summary>
    /// Notes every reference in the tree of a whole spec or of its skeleton (<paramref name="pointer"/> empty), or of the
    /// fragment that stands at <paramref name="pointer"/>, with where it stands; each is checked once the whole spec is
    /// known (<see cref="CheckReference"/>). A fragment's place in the skeleton is noted where the walk meets it.
    /// </summary>
    public static void Collect(JsonNode tree, string pointer, CheckFindings findings)
    {
        var path = new PointerPath();
        foreach (var segment in pointer.Split('/').Skip(1))
        {
            path.PushMember(JsonPointers.Unescape(segment));
        }

        Collect(tree, path, findings);
    }

    /// <param name="path">Where <paramref name="node"/> stands; its pointer is written out only for a reference.</param>
    private static void Collect(JsonNode node, PointerPath path, CheckFindings findings)
    {
        switch (node)
        {
            case JsonObject mapping:
                var isPropertyMap = path.IsMember("properties");
                var holdsFragments = path.HoldsFragments();
                for (var i = 0; i < mapping.Count; i++)
                {
                    // By index: an enumerator of a JsonObject is an allocation, and a spec has hundreds of thousands of objects.
                    var member = mapping.GetAt(i);

                    // A scalar holds no reference: most members are, and get no pointer.
                    if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue(out string? reference))
                    {
                        findings.Reference(JsonPointers.Append(path.ToString(), member.Key), reference);
                    }
                    else if (member.Value is JsonObject or JsonArray)
                    {
                        if (!isPropertyMap && IsFreeFormData(member.Key))
                        {
                            if (!findings.ReachesUncollected && HoldsReach(member.Value))
                            {
                                findings.NoteReachUncollected();
                            }

                            continue;
                        }

                        if (member.Key == "discriminator" && member.Value is JsonObject)
                        {
                            findings.NoteReachUncollected();
                        }

                        if (holdsFragments && member.Value is JsonObject { Count: 0 })
                        {
                            findings.FragmentPlaceInReferenceWalk(JsonPointers.Append(path.ToString(), member.Key));
                            continue;
                        }

                        path.PushMember(member.Key);
                        Collect(member.Value, path, findings);
                        path.Pop();
                    }
                }

                break;
            case JsonArray sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    if (sequence[i] is { } item and (JsonObject or JsonArray))
                    {
                        path.PushItem(i);
                        Collect(item, path, findings);
                        path.Pop();
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Whether free-form data holds what <see cref="ModelBuilding.SchemaReachability"/> follows all the same: a
    /// <c>$ref</c>, or a <c>discriminator</c>, whose mapping it follows.
    /// </summary>
    private static bool HoldsReach(JsonNode node)
    {
        switch (node)
        {
            case JsonObject mapping:
                for (var i = 0; i < mapping.Count; i++)
                {
                    var member = mapping.GetAt(i);
                    if ((member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue(out string? _))
                        || (member.Key == "discriminator" && member.Value is JsonObject)
                        || (member.Value is JsonObject or JsonArray && HoldsReach(member.Value)))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    if (sequence[i] is { } item and (JsonObject or JsonArray) && HoldsReach(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// An example or an extension holds any JSON, where a <c>$ref</c> member is data, not a reference; the inliner skips
    /// the same members, so that it meets no reference the checks did not (<see cref="FragmentCheck.MayHoldInnerReference"/>).
    /// </summary>
    internal static bool IsFreeFormData(string key)
        => key == "example" || key.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>Checks a reference at <paramref name="pointer"/> against <paramref name="root"/>, the whole spec, whose source map <paramref name="diagnostics"/> holds.</summary>
    /// <param name="plain">
    /// The references found to point at a node that is no reference in turn, which are right wherever they stand: a
    /// spec refers to the same schema thousands of times, and each is looked up once.
    /// </param>
    public static void CheckReference(JsonNode root, string reference, string pointer, SpecDiagnostics diagnostics, HashSet<string> plain)
    {
        if (plain.Contains(reference))
        {
            return;
        }

        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            diagnostics.Report(DiagnosticDescriptors.ExternalReference, diagnostics.LocationOf(pointer), reference);
        }
        else if (!diagnostics.Map.TryGetPosition(JsonPointers.FromReference(reference)!, out _))
        {
            diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, diagnostics.LocationOf(pointer), reference);
        }
        else if (NextReference(root, JsonPointers.FromReference(reference)!) is null)
        {
            plain.Add(reference);
        }
        else if (LeadsBackToItself(root, reference, pointer))
        {
            diagnostics.Report(DiagnosticDescriptors.ReferenceCycle, diagnostics.LocationOf(pointer), reference);
        }
    }

    /// <summary>The reference within the document that the node at <paramref name="targetPointer"/> is, if it is one.</summary>
    private static string? NextReference(JsonNode root, string targetPointer)
        => JsonPointers.Find(root, targetPointer) is JsonObject target
            && target.TryGetPropertyValue("$ref", out var next)
            && next is JsonValue nextValue
            && nextValue.TryGetValue(out string? nextReference)
            && nextReference.StartsWith("#", StringComparison.Ordinal)
            ? nextReference
            : null;

    /// <summary>
    /// Whether following the reference, and the references it points at in turn, comes back to it. A reference that
    /// runs into a loop it is not part of is not one: the loop's own references are reported, and fixing them fixes it.
    /// </summary>
    private static bool LeadsBackToItself(JsonNode root, string reference, string pointer)
    {
        // Most references lead to a schema at once: the set of pointers seen is made at the first reference to a reference.
        HashSet<string>? visited = null;
        for (var hops = 0; hops < MaxChainLength; hops++)
        {
            var targetPointer = JsonPointers.FromReference(reference)!;
            if (NextReference(root, targetPointer) is not { } nextReference)
            {
                return false;
            }

            var nextPointer = JsonPointers.Append(targetPointer, "$ref");
            visited ??= new HashSet<string>(StringComparer.Ordinal) { pointer };
            if (!visited.Add(nextPointer))
            {
                return nextPointer == pointer;
            }

            reference = nextReference;
        }

        return true;
    }
}
