using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// The JSON Pointer of the node a walk over the tree stands on, kept as its segments and written out only when asked
/// for: a walk over a large spec meets millions of nodes, and only the few that hold a reference need their pointer.
/// </summary>
internal sealed class PointerPath
{
    /// <summary>A member's name (unescaped), or null for an item of a list, whose index is in <see cref="_indexes"/>.</summary>
    private readonly List<string?> _names = [];
    private readonly List<int> _indexes = [];

    public void PushMember(string name)
    {
        _names.Add(name);
        _indexes.Add(-1);
    }

    public void PushItem(int index)
    {
        _names.Add(null);
        _indexes.Add(index);
    }

    public void Pop()
    {
        _names.RemoveAt(_names.Count - 1);
        _indexes.RemoveAt(_indexes.Count - 1);
    }

    /// <summary>Whether the node is a member named <paramref name="name"/>, as a pointer ending in <c>/name</c> says.</summary>
    public bool IsMember(string name) => _names.Count > 0 && _names[_names.Count - 1] == name;

    /// <summary>
    /// Whether the node is <c>/paths</c>, <c>/webhooks</c> or a section of <c>/components</c>, whose objects are a split
    /// spec's fragments (<see cref="SpecFragmenter.Split"/>); <c>/x-webhooks</c> holds fragments too, but the walks skip extensions.
    /// </summary>
    public bool HoldsFragments()
        => (_names.Count == 1 && _names[0] is "paths" or "webhooks") || (_names.Count == 2 && _names[0] == "components" && _names[1] is not null);

    public override string ToString()
    {
        var pointer = new StringBuilder();
        for (var i = 0; i < _names.Count; i++)
        {
            pointer.Append('/').Append(_names[i] is { } name ? JsonPointers.Escape(name) : _indexes[i].ToString(CultureInfo.InvariantCulture));
        }

        return pointer.ToString();
    }
}
