using System.Collections.Generic;
using System.Globalization;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// Hands out unique names within one scope (a namespace or a type), suffixing a number on collision, and remembers what
/// took each name, to say so when a later name collides with it.
/// </summary>
internal sealed class NameScope
{
    private readonly Dictionary<string, string> _takenBy = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The names taken for the generator's own use, with what says what each is. The description is written only for a
    /// collision message: a scope is made per type and per operation, and almost none of its reserved names collide.
    /// </summary>
    private readonly Dictionary<string, System.Func<string, string>> _reserved = new(System.StringComparer.Ordinal);

    /// <summary>Takes names for the generator's own use; <paramref name="describe"/> says what each is, for a collision message.</summary>
    public NameScope Reserve(IEnumerable<string> names, System.Func<string, string> describe)
    {
        foreach (var name in names)
        {
            _takenBy.Remove(name);
            _reserved[name] = describe;
        }

        return this;
    }

    public bool IsTaken(string name) => _takenBy.ContainsKey(name) || _reserved.ContainsKey(name);

    /// <summary>What took <paramref name="name"/>: "'max_num'" for a name from the spec, or a description of the generator's own member.</summary>
    public string? TakenBy(string name)
        => _takenBy.TryGetValue(name, out var claimant) ? claimant
            : _reserved.TryGetValue(name, out var describe) ? describe(name)
            : null;

    /// <summary>Returns <paramref name="preferred"/> if free, otherwise the first free <c>preferred2</c>, <c>preferred3</c>, ….</summary>
    /// <param name="claimant">What the name is for, quoted, as <see cref="TakenBy"/> will say; by default the name itself.</param>
    public string Claim(string preferred, string? claimant = null)
    {
        var candidate = preferred;
        for (var suffix = 2; IsTaken(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _takenBy[candidate] = claimant ?? "'" + candidate + "'";
        return candidate;
    }
}
