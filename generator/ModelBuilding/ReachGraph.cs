using System;
using System.Collections.Generic;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// What each unit of a spec (<see cref="SchemaReachability"/>) refers to, from the references the checks of its
/// fragments collected, so that the reachability need not walk the tree at each run: the fragments' parts are cached with
/// them (<see cref="FragmentCheck.Reaches"/>). A fragment whose references do not show all that a walk follows
/// (<see cref="CheckFindings.ReachesUncollected"/>) has no part here, and its units are walked.
/// </summary>
internal sealed class ReachGraph
{
    private readonly FragmentIndex _fragments;

    public ReachGraph(FragmentIndex fragments) => _fragments = fragments;

    /// <summary>The units that <paramref name="unit"/> refers to; null when they are not known, and its tree is to be walked.</summary>
    /// <param name="fragment">Where the fragment that holds the unit would stand: the unit's, or its path item's for an operation.</param>
    public IReadOnlyList<string>? ReachesOf(string unit, string fragment)
        => (_fragments.Find(fragment) ?? _fragments.Checks[0]).Reaches is { } part
            ? part.TryGetValue(unit, out var targets) ? targets : []
            : null;

    /// <summary>The units that what stays anyway (<see cref="SchemaReachability"/>) refers to; null when they are not all known.</summary>
    public IReadOnlyList<string>? ReachesOfWhatStays()
    {
        var targets = new List<string>();
        foreach (var check in _fragments.Checks)
        {
            var pointer = check.Read.Fragment.Pointer;
            if (pointer.Length == 0 || SchemaReachability.UnitOf(pointer) is null)
            {
                if (check.Reaches is not { } part)
                {
                    return null;
                }

                if (part.TryGetValue(string.Empty, out var staying))
                {
                    targets.AddRange(staying);
                }
            }
        }

        return targets;
    }

    /// <summary>
    /// The units a fragment's references reach, by the unit that holds each (the empty key for what stays anyway, no key
    /// for what neither is kept nor stays), each once. Only for references that show all that a walk follows
    /// (<see cref="FragmentCheck.Reaches"/> asks <see cref="CheckFindings.ReachesUncollected"/> first).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> PartOf(CheckFindings findings)
    {
        var reached = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var reference in findings.References)
        {
            // The pointer is the $ref member's: a walk follows it from the object that holds it.
            if (reference.Kind != FindingKind.Reference
                || JsonPointers.FromReference(reference.Args[0]) is not { } target
                || SchemaReachability.UnitOf(target) is not { } targetUnit
                || SchemaReachability.UnitOrStaying(reference.Pointer.Substring(0, reference.Pointer.LastIndexOf('/'))) is not { } source)
            {
                continue;
            }

            if (!reached.TryGetValue(source, out var targets))
            {
                reached[source] = targets = new HashSet<string>(StringComparer.Ordinal);
            }

            targets.Add(targetUnit);
        }

        var part = new Dictionary<string, IReadOnlyList<string>>(reached.Count, StringComparer.Ordinal);
        foreach (var entry in reached)
        {
            part[entry.Key] = [.. entry.Value];
        }

        return part;
    }
}
