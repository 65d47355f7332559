using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Reading;

/// <summary>JSON Pointer (RFC 6901) helpers: the model locates every node of a spec by pointer.</summary>
internal static class JsonPointers
{
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Escape(string segment)
        => segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0 ? segment : segment.Replace("~", "~0").Replace("/", "~1");

    public static string Unescape(string segment)
        => segment.IndexOf('~') < 0 ? segment : segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>The pointer a reference within the document (<c>#/…</c>) names, its URI escapes undone; null for a reference to another document.</summary>
    public static string? FromReference(string reference)
        => reference.StartsWith("#", StringComparison.Ordinal) ? Uri.UnescapeDataString(reference.Substring(1)) : null;

    /// <summary>The pointer the <c>$ref</c> of <paramref name="node"/> names within the document; null when it has none, or names another document.</summary>
    public static string? ReferencedBy(JsonNode? node)
        => node is JsonObject mapping && mapping["$ref"] is JsonValue value && value.TryGetValue(out string? reference) ? FromReference(reference) : null;

    /// <summary>The node <paramref name="pointer"/> points at in <paramref name="root"/>; null when there is none.</summary>
    public static JsonNode? Find(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var segment in pointer.Split('/').Skip(1))
        {
            node = Child(node, Unescape(segment));
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The member <paramref name="name"/> (unescaped) of a mapping, or the item of a sequence it numbers; null when there is none.</summary>
    public static JsonNode? Child(JsonNode node, string name)
        => node switch
        {
            JsonObject mapping => mapping.TryGetPropertyValue(name, out var member) ? member : null,
            JsonArray sequence when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Count => sequence[index],
            _ => null,
        };

    /// <summary>
    /// The node <paramref name="pointer"/> points at, in the tree <paramref name="root"/> of the part of a spec that
    /// stands at <paramref name="rootPointer"/> (a fragment, or the whole spec at the empty pointer); null when there is
    /// none, or when the pointer points outside that part.
    /// </summary>
    public static JsonNode? FindUnder(JsonNode root, string rootPointer, string pointer)
        => rootPointer.Length == 0 ? Find(root, pointer)
            : pointer.StartsWith(rootPointer, StringComparison.Ordinal) && (pointer.Length == rootPointer.Length || pointer[rootPointer.Length] == '/')
                ? Find(root, pointer.Substring(rootPointer.Length))
                : null;

    /// <summary>A pointer is empty or starts with '/', and every '~' is followed by '0' or '1'.</summary>
    public static bool IsValid(string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '~' && (i + 1 >= pointer.Length || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }
}
