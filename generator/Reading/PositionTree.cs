using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// The positions of a document's nodes in the document's shape: each collection holds the spans of its members' keys
/// and values, and a pointer is looked up by walking its segments. A map keyed by pointer costs a string per node,
/// most of a large spec's reading; the few pointers ever looked up cost a walk instead. It is a copy of the shape as
/// read, so that the stages that change the tree afterwards leave it as it was.
/// </summary>
internal sealed class PositionTree(PositionTree.Collection root, LineIndex lines)
{
    public bool TryGet(string jsonPointer, bool key, out SourcePosition position)
    {
        position = default;
        if (jsonPointer.Length == 0)
        {
            return !key && Position(root.Start, root.Length, out position);
        }

        if (jsonPointer[0] != '/')
        {
            return false;
        }

        var collection = root;
        var start = 1;
        while (true)
        {
            var end = jsonPointer.IndexOf('/', start);
            var index = collection.IndexOf(jsonPointer.Substring(start, (end < 0 ? jsonPointer.Length : end) - start));
            if (index < 0)
            {
                return false;
            }

            if (end < 0)
            {
                var span = collection.Spans;
                return key
                    ? collection.IsMapping && Position(span[index * 4], span[(index * 4) + 1], out position)
                    : Position(span[(index * 4) + 2], span[(index * 4) + 3], out position);
            }

            if (collection.Children[index] is not { } child)
            {
                return false;
            }

            collection = child;
            start = end + 1;
        }
    }

    private bool Position(int offset, int length, out SourcePosition position)
    {
        position = lines.Position(offset, length);
        return true;
    }

    /// <summary>
    /// Collects the positions of the collections being read, innermost last, as a reader goes through a text in order:
    /// a collection's members are added after their own members, and the collection takes them off at its end.
    /// </summary>
    internal sealed class Builder
    {
        private readonly List<string> _names = [];
        private readonly List<int> _spans = [];
        private readonly List<Collection?> _children = [];

        /// <summary>Where the members of a collection that starts now will begin on the stacks.</summary>
        public (int Names, int Members) Open() => (_names.Count, _children.Count);

        /// <summary>A member of the innermost open collection: a sequence's item has no name, and its key's span is unused.</summary>
        public void Add(string? name, int keyStart, int keyLength, int valueStart, int valueLength, Collection? child)
        {
            if (name is not null)
            {
                _names.Add(name);
            }

            _spans.Add(keyStart);
            _spans.Add(keyLength);
            _spans.Add(valueStart);
            _spans.Add(valueLength);
            _children.Add(child);
        }

        /// <summary>The collection opened at <paramref name="opened"/>, spanning <paramref name="start"/> and <paramref name="length"/>, with its members taken off the stacks.</summary>
        public Collection Close((int Names, int Members) opened, bool isMapping, int start, int length)
            => new(start, length, isMapping ? Take(_names, opened.Names) : null, Take(_spans, opened.Members * 4), Take(_children, opened.Members));

        private static T[] Take<T>(List<T> stack, int first)
        {
            var items = new T[stack.Count - first];
            stack.CopyTo(first, items, 0, items.Length);
            stack.RemoveRange(first, items.Length);
            return items;
        }
    }

    /// <summary>
    /// A mapping or a sequence: for member <c>i</c>, <see cref="Spans"/> holds its key's offset and length (unused in a
    /// sequence) at <c>4i</c> and <c>4i + 1</c>, its value's at <c>4i + 2</c> and <c>4i + 3</c>; a child collection
    /// for a member that is one.
    /// </summary>
    internal sealed class Collection(int start, int length, string[]? names, int[] spans, Collection?[] children)
    {
        /// <summary>Past this many members a name is found by a dictionary, built at the first look-up.</summary>
        private const int LinearSearchLimit = 8;

        private Dictionary<string, int>? _indexByName;

        /// <summary>The offset of the opening bracket.</summary>
        public int Start { get; } = start;

        /// <summary>From the opening bracket to the closing one, both included.</summary>
        public int Length { get; } = length;

        public bool IsMapping => names is not null;

        public int[] Spans { get; } = spans;

        public Collection?[] Children { get; } = children;

        /// <summary>The member a pointer's segment names, or -1: a segment as a map by pointer would have it, escaped once and an index in canonical form.</summary>
        public int IndexOf(string segment)
        {
            if (names is null)
            {
                return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var item)
                    && item < Children.Length && segment == item.ToString(CultureInfo.InvariantCulture) ? item : -1;
            }

            var name = JsonPointers.Unescape(segment);
            if (segment.IndexOf('~') >= 0 && JsonPointers.Escape(name) != segment)
            {
                return -1;
            }

            if (names.Length <= LinearSearchLimit)
            {
                return Array.IndexOf(names, name);
            }

            // Built whole before it is published, so that readers on other threads see it complete or not at all.
            var indexByName = _indexByName;
            if (indexByName is null)
            {
                indexByName = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
                for (var i = 0; i < names.Length; i++)
                {
                    indexByName[names[i]] = i;
                }

                _indexByName = indexByName;
            }

            return indexByName.TryGetValue(name, out var index) ? index : -1;
        }
    }
}
