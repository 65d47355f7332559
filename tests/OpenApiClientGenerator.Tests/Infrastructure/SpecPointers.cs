using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Tests.Infrastructure;

/// <summary>The pointers of a tree's nodes, and their positions in a source map, for comparing two readings node by node.</summary>
internal static class SpecPointers
{
    public delegate bool Lookup(string pointer, out SourcePosition position);

    public static SourcePosition? Position(Lookup lookup, string pointer) => lookup(pointer, out var position) ? position : null;

    /// <summary>The pointer of every node below <paramref name="node"/>, itself (at <paramref name="pointer"/>) first.</summary>
    public static IEnumerable<string> Every(JsonNode node, string pointer = "")
    {
        yield return pointer;
        var children = node switch
        {
            JsonObject mapping => mapping.Select(m => (JsonPointers.Append(pointer, m.Key), m.Value)),
            JsonArray sequence => sequence.Select((item, i) => (pointer + "/" + i.ToString(CultureInfo.InvariantCulture), item)),
            _ => [],
        };
        foreach (var (childPointer, child) in children)
        {
            foreach (var descendant in child is null ? [childPointer] : Every(child, childPointer))
            {
                yield return descendant;
            }
        }
    }
}
