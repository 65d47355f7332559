using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Checking;

/// <summary>
/// An entry of an <c>examples</c> map (of a media type, a parameter or a header) that is nothing but a reference to a
/// component example, <c>{"$ref": "#/components/examples/NAME"}</c>: documentation the generated code does not read,
/// which Microsoft.OpenApi reads at a cost, resolving each such reference again when it reads the map (GitHub's 642 of
/// them took 2 % of a re-run). Once the fragment's references are collected, such entries are left out of its checked
/// tree, which the pipeline caches, so a parse hands Microsoft.OpenApi the spec without them. Microsoft.OpenApi reports
/// nothing about them (a reference's target is checked by <see cref="ReferenceChecker"/>, from the references
/// collected before), and the reachability follows them in the collected references. Where a stage after the checks
/// walks the tree for references instead (an inner reference, a redirection: <see cref="PutBack"/>), they are put back first.
/// </summary>
internal static class ExampleReferences
{
    private const string ComponentExamples = "#/components/examples/";

    /// <summary>
    /// Leaves the references to component examples out of each map, and says what it left out. A fragment whose
    /// reachability walks its tree (<see cref="CheckFindings.ReachesUncollected"/>) keeps them, as that walk follows them.
    /// </summary>
    public static IReadOnlyList<LeftOutExample> LeaveOut(CheckFindings findings)
    {
        if (findings.ReachesUncollected || findings.ExampleMaps.Count == 0)
        {
            return [];
        }

        var leftOut = new List<LeftOutExample>();
        foreach (var (pointer, map) in findings.ExampleMaps)
        {
            var first = leftOut.Count;
            for (var i = 0; i < map.Count; i++)
            {
                var entry = map.GetAt(i);
                if (IsComponentExampleReference(entry.Value))
                {
                    leftOut.Add(new LeftOutExample(pointer, i, entry.Key, entry.Value!));
                }
            }

            // From the last, so that each entry's index is still the one it was noted at.
            for (var i = leftOut.Count - 1; i >= first; i--)
            {
                map.RemoveAt(leftOut[i].Index);
            }
        }

        return leftOut;
    }

    /// <summary>
    /// Puts every fragment's left-out entries back into <paramref name="root"/>, the assembled spec, each where it stood
    /// (a copy: the entry stays with the cached check).
    /// </summary>
    /// <param name="own">Makes the node at a pointer of <paramref name="root"/> the parse's own before it is changed (<see cref="FragmentTrees.Own"/>).</param>
    public static void PutBack(JsonNode root, IReadOnlyList<FragmentCheck> checks, Action<string> own)
    {
        foreach (var check in checks)
        {
            foreach (var example in check.LeftOutExamples)
            {
                own(example.MapPointer);
                if (JsonPointers.Find(root, example.MapPointer) is JsonObject map)
                {
                    map.Insert(example.Index, example.Name, example.Entry.DeepClone());
                }
            }
        }
    }

    private static bool IsComponentExampleReference(JsonNode? entry)
        => entry is JsonObject { Count: 1 } reference
            && reference["$ref"] is JsonValue value
            && value.TryGetValue(out string? target)
            && target.StartsWith(ComponentExamples, StringComparison.Ordinal)
            && target.IndexOf('/', ComponentExamples.Length) < 0;
}

/// <summary>An entry <see cref="ExampleReferences.LeaveOut"/> took out of the <c>examples</c> map at <paramref name="MapPointer"/>, where it was the <paramref name="Index"/>th.</summary>
internal sealed record LeftOutExample(string MapPointer, int Index, string Name, JsonNode Entry);
