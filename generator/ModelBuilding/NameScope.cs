using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// Hands out unique names within one scope (a namespace or a type), suffixing a number on collision, and remembers what
/// took each name, to say so when a later name collides with it.
/// </summary>
internal sealed class NameScope
{
    /// <summary>
    /// What took each name, as a template with <c>{0}</c> for a name: the message is written only for a collision, as
    /// almost no name collides, and writing it for each claim cost a string per member and per operation.
    /// </summary>
    private readonly Dictionary<string, (string Template, string Name)> _takenBy = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The set of each array of reserved names (the lists of <see cref="ReservedNames"/>), made once: a scope is made
    /// per type and per operation, each with the same few dozen reserved names, and copying them into each scope cost
    /// more than the scope's own names.
    /// </summary>
    private static readonly ConditionalWeakTable<string[], HashSet<string>> ReservedSets = new();

    /// <summary>
    /// The names taken for the generator's own use, each set with what says what its names are, the latest last. The
    /// description is written only for a collision message, as almost none of the reserved names collide.
    /// </summary>
    private readonly List<(HashSet<string>? Names, string? Name, System.Func<string, string> Describe)> _reserved = [];

    /// <summary>The claimant template of a name from the spec: the name, quoted.</summary>
    public const string Quoted = "'{0}'";

    /// <summary>
    /// Empties the scope for names of another type, keeping its table's room: a scope made per record and per operation
    /// allocated its table each time, most of what naming members cost.
    /// </summary>
    public NameScope Clear()
    {
        _takenBy.Clear();
        _reserved.Clear();
        return this;
    }

    /// <summary>Takes names for the generator's own use; <paramref name="describe"/> says what each is, for a collision message.</summary>
    public NameScope Reserve(IEnumerable<string> names, System.Func<string, string> describe)
    {
        var kept = names is string[] list
            ? ReservedSets.GetValue(list, static list => new HashSet<string>(list, System.StringComparer.Ordinal))
            : new HashSet<string>(names, System.StringComparer.Ordinal);
        if (_takenBy.Count > 0)
        {
            foreach (var name in kept)
            {
                _takenBy.Remove(name);
            }
        }

        _reserved.Add((kept, null, describe));
        return this;
    }

    /// <summary>Takes one name for the generator's own use (a record's own name): a set of one per record cost more than its members.</summary>
    public NameScope Reserve(string name, System.Func<string, string> describe)
    {
        _takenBy.Remove(name);
        _reserved.Add((null, name, describe));
        return this;
    }

    public bool IsTaken(string name) => _takenBy.ContainsKey(name) || ReservedBy(name) is not null;

    /// <summary>What took <paramref name="name"/>: "'max_num'" for a name from the spec, or a description of the generator's own member.</summary>
    public string? TakenBy(string name)
        => _takenBy.TryGetValue(name, out var claimant)
            ? string.Format(CultureInfo.InvariantCulture, claimant.Template, claimant.Name)
            : ReservedBy(name)?.Invoke(name);

    /// <summary>Returns <paramref name="preferred"/> if free, otherwise the first free <c>preferred2</c>, <c>preferred3</c>, …; <see cref="TakenBy"/> will say it, quoted.</summary>
    public string Claim(string preferred)
    {
        var candidate = Free(preferred);
        _takenBy[candidate] = (Quoted, candidate);
        return candidate;
    }

    /// <summary>Claims a name like <see cref="Claim(string)"/>, for what <paramref name="template"/> says with <paramref name="claimant"/> for <c>{0}</c> (<see cref="Quoted"/>, or a description).</summary>
    public string Claim(string preferred, string template, string claimant)
    {
        var candidate = Free(preferred);
        _takenBy[candidate] = (template, claimant);
        return candidate;
    }

    private string Free(string preferred)
    {
        var candidate = preferred;
        for (var suffix = 2; IsTaken(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>The description of the latest reservation of <paramref name="name"/>; null when it is not reserved.</summary>
    private System.Func<string, string>? ReservedBy(string name)
    {
        for (var i = _reserved.Count - 1; i >= 0; i--)
        {
            if (_reserved[i].Names?.Contains(name) ?? _reserved[i].Name == name)
            {
                return _reserved[i].Describe;
            }
        }

        return null;
    }
}
