using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Where a node is in the spec text. Line and column are 0-based, as Roslyn's <c>LinePosition</c>; offset and length
/// count UTF-16 characters of the text.
/// </summary>
internal readonly record struct SourcePosition(int Line, int Column, int Offset, int Length);

/// <summary>
/// The position of every node of a spec, keyed by JSON Pointer (RFC 6901). A spec read in fragments has a map made of
/// layers (see <see cref="Layered"/>): what the stages after reading add, over each fragment's map placed where the
/// fragment stands, over the skeleton's map. The layers below are shared with the cached readings and never changed.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AliasCopy> _aliasCopies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _relocations = new(StringComparer.Ordinal);
    private readonly SourceMap? _skeleton;
    private readonly SkeletonLayout? _layout;
    private readonly Dictionary<string, PlacedFragment>? _fragments;

    /// <summary>The positions the reading recorded in the document's shape, rather than by pointer (see <see cref="PositionTree"/>).</summary>
    private readonly PositionTree? _read;

    public SourceMap()
    {
    }

    public SourceMap(PositionTree read) => _read = read;

    private SourceMap(SourceMap skeleton, SkeletonLayout? layout, Dictionary<string, PlacedFragment> fragments)
    {
        _skeleton = skeleton;
        _layout = layout;
        _fragments = fragments;
    }

    /// <summary>
    /// The map of a spec read in fragments: the skeleton's positions and each fragment's (relative to its first
    /// character) are moved to where they are in the spec's text by <paramref name="layout"/>. Without a layout the
    /// skeleton is the whole text, and its positions are the spec's.
    /// </summary>
    public static SourceMap Layered(SourceMap skeleton, SkeletonLayout? layout, IReadOnlyList<(string Pointer, SourceMap Map)> fragments)
    {
        var placed = new Dictionary<string, PlacedFragment>(fragments.Count, StringComparer.Ordinal);
        foreach (var (pointer, map) in fragments)
        {
            skeleton.TryGetValue(pointer, out var origin);
            placed[pointer] = new PlacedFragment(map, layout!.ToText(origin.Offset));
        }

        return new SourceMap(skeleton, layout, placed);
    }

    /// <summary>The position of the node itself; for a mapping entry, the position of its value.</summary>
    public bool TryGetPosition(string jsonPointer, out SourcePosition position)
        => TryGetValue(jsonPointer, out position) || TryGetPositionInAliasCopy(jsonPointer, out position);

    /// <summary>The position of a mapping entry's key, which is where a problem with the name belongs.</summary>
    public bool TryGetKeyPosition(string jsonPointer, out SourcePosition position) => TryGet(jsonPointer, key: true, out position);

    /// <summary>The node itself, else its nearest recorded ancestor, else the start of the text.</summary>
    public SourcePosition Find(string jsonPointer)
    {
        var pointer = jsonPointer;
        while (true)
        {
            if (TryGetValue(pointer, out var position))
            {
                return position;
            }

            if (pointer.Length == 0)
            {
                return default;
            }

            var slash = pointer.LastIndexOf('/');
            pointer = slash > 0 ? pointer.Substring(0, slash) : string.Empty;
        }
    }

    internal void AddValue(string pointer, SourcePosition position) => _values[pointer] = position;

    internal void AddKey(string pointer, SourcePosition position) => _keys[pointer] = position;

    internal void AddAliasCopy(string pointer, SourcePosition position, JsonNode copy) => _aliasCopies[pointer] = new AliasCopy(position, copy);

    /// <summary>The nodes under <paramref name="pointer"/> were written under <paramref name="original"/> (a schema moved to a component of its own).</summary>
    internal void AddRelocation(string pointer, string original) => _relocations[pointer] = original;

    /// <summary>
    /// The nodes inside an alias's copy are where the alias is. They are looked up on demand: recording each one would
    /// cost as much as the copies themselves, which an alias bomb makes huge.
    /// </summary>
    private bool TryGetPositionInAliasCopy(string jsonPointer, out SourcePosition position)
    {
        position = default;
        if (_aliasCopies.Count == 0)
        {
            // A spec read in fragments is JSON, which has no aliases: only a spec read whole has them in its skeleton.
            return _skeleton is not null && _skeleton.TryGetPositionInAliasCopy(jsonPointer, out position) && FromSkeleton(ref position);
        }

        // An alias holds no recorded node, so the first alias found up the pointer is the copy it points into.
        for (var slash = jsonPointer.LastIndexOf('/'); slash > 0; slash = jsonPointer.LastIndexOf('/', slash - 1))
        {
            if (_aliasCopies.TryGetValue(jsonPointer.Substring(0, slash), out var alias))
            {
                if (!Contains(alias.Copy, jsonPointer.Substring(slash + 1).Split('/')))
                {
                    return false;
                }

                position = alias.Position;
                return true;
            }
        }

        return false;
    }

    private static bool Contains(JsonNode? node, string[] segments)
    {
        foreach (var segment in segments)
        {
            var name = JsonPointers.Unescape(segment);
            switch (node)
            {
                case JsonObject mapping when mapping.TryGetPropertyValue(name, out var member):
                    node = member;
                    break;
                case JsonArray sequence when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < sequence.Count && name == index.ToString(CultureInfo.InvariantCulture):
                    node = sequence[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private bool TryGetValue(string jsonPointer, out SourcePosition position) => TryGet(jsonPointer, key: false, out position);

    /// <summary>A value's or a key's position: what the stages after reading added (or the reading itself), else the fragment's, else the skeleton's.</summary>
    private bool TryGet(string jsonPointer, bool key, out SourcePosition position)
    {
        if ((key ? _keys : _values).TryGetValue(jsonPointer, out position) || (_read is not null && _read.TryGet(jsonPointer, key, out position)))
        {
            return true;
        }

        if (FragmentOf(jsonPointer, out var fragment, out var inner) && fragment.Map.TryGet(inner, key, out position))
        {
            position = _layout!.InFragment(fragment.Origin, position);
            return true;
        }

        return (_skeleton is not null && _skeleton.TryGet(jsonPointer, key, out position) && FromSkeleton(ref position))
            || TryGetRelocated(jsonPointer, key, out position);
    }

    private bool TryGetRelocated(string jsonPointer, bool key, out SourcePosition position)
    {
        position = default;
        return JsonPointers.TryMovePrefix(_relocations, jsonPointer, out var original) && TryGet(original, key, out position);
    }

    private bool FromSkeleton(ref SourcePosition position)
    {
        position = _layout?.FromSkeleton(position) ?? position;
        return true;
    }

    /// <summary>
    /// The fragment that holds a node below its value (the value itself is the skeleton's), and the node's pointer
    /// inside it. Fragments stand two levels deep (a path item) or three (a component).
    /// </summary>
    private bool FragmentOf(string jsonPointer, out PlacedFragment fragment, out string inner)
    {
        fragment = default;
        inner = string.Empty;
        if (_fragments is not { Count: > 0 })
        {
            return false;
        }

        var first = jsonPointer.Length > 1 ? jsonPointer.IndexOf('/', 1) : -1;
        var second = first < 0 ? -1 : jsonPointer.IndexOf('/', first + 1);
        if (second < 0)
        {
            return false;
        }

        if (_fragments.TryGetValue(jsonPointer.Substring(0, second), out fragment))
        {
            inner = jsonPointer.Substring(second);
            return true;
        }

        var third = jsonPointer.IndexOf('/', second + 1);
        if (third < 0 || !_fragments.TryGetValue(jsonPointer.Substring(0, third), out fragment))
        {
            return false;
        }

        inner = jsonPointer.Substring(third);
        return true;
    }

    private readonly record struct AliasCopy(SourcePosition Position, JsonNode Copy);

    /// <summary>A fragment's map and the offset of the fragment's first character in the spec's text.</summary>
    private readonly record struct PlacedFragment(SourceMap Map, int Origin);
}
