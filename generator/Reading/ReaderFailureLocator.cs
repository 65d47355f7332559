using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Finds the node a reader fails on when the failure does not say where: Microsoft.OpenApi throws FormatException for
/// <c>minLength: "x"</c> from deep inside, naming the value but not its place. A node is to blame when reading the
/// document without it no longer fails.
/// </summary>
internal static class ReaderFailureLocator
{
    /// <summary>Each attempt reads the whole document again; past this many, the node found so far is close enough.</summary>
    private const int MaxAttempts = 200;

    /// <summary>Members a document cannot be read at all without, so that taking them away would hide any failure.</summary>
    private static readonly string[] VersionMembers = ["openapi", "swagger"];

    private static readonly Regex QuotedValue = new("'([^']*)'", RegexOptions.CultureInvariant);

    /// <returns>The JSON Pointer of the node to blame; empty for the root.</returns>
    public static string Locate(JsonNode root, Exception failure, Action<JsonNode> read)
    {
        var budget = new Budget();
        return NamedValue(root, failure, read, budget) ?? Bisect(root, failure, read, budget);
    }

    /// <summary>A parse failure quotes the value it could not convert: the scalars with that text are the first suspects.</summary>
    private static string? NamedValue(JsonNode root, Exception failure, Action<JsonNode> read, Budget budget)
    {
        var quoted = new HashSet<string>(QuotedValue.Matches(failure.Message).Cast<Match>().Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        if (quoted.Count == 0)
        {
            return null;
        }

        foreach (var (path, value) in Scalars(root, []))
        {
            if (quoted.Contains(Convert.ToString(value.GetValue<object>(), CultureInfo.InvariantCulture) ?? string.Empty)
                && budget.Spend()
                && Attempt(root, path.Take(path.Count - 1).ToList(), [path[path.Count - 1]], failure, read) == Outcome.Cured)
            {
                return ToPointer(path);
            }
        }

        return null;
    }

    /// <summary>
    /// From the root down, looks for the child whose removal cures the failure, halving the candidates at each step; the
    /// node where no single child is to blame is the answer.
    /// </summary>
    private static string Bisect(JsonNode root, Exception failure, Action<JsonNode> read, Budget budget)
    {
        var path = new List<string>();
        var node = root;
        while (true)
        {
            var candidates = ChildNames(node, isRoot: path.Count == 0);
            while (candidates.Count > 1 && budget.Spend())
            {
                var firstHalf = candidates.Take(candidates.Count / 2).ToList();
                candidates = Attempt(root, path, firstHalf, failure, read) == Outcome.Cured ? firstHalf : candidates.Skip(firstHalf.Count).ToList();
            }

            if (candidates.Count != 1 || !budget.Spend() || Attempt(root, path, candidates, failure, read) != Outcome.Cured)
            {
                return ToPointer(path);
            }

            path.Add(candidates[0]);
            node = Child(node!, candidates[0]);
        }
    }

    private static IEnumerable<(List<string> Path, JsonValue Value)> Scalars(JsonNode? node, List<string> path)
    {
        switch (node)
        {
            case JsonValue value:
                yield return (path, value);
                break;
            case JsonObject or JsonArray:
                foreach (var name in ChildNames(node, isRoot: path.Count == 0))
                {
                    foreach (var scalar in Scalars(Child(node, name), [.. path, name]))
                    {
                        yield return scalar;
                    }
                }

                break;
        }
    }

    private static List<string> ChildNames(JsonNode? node, bool isRoot) => node switch
    {
        JsonObject mapping => mapping.Select(member => member.Key).Where(key => !isRoot || !VersionMembers.Contains(key)).ToList(),
        JsonArray sequence => Enumerable.Range(0, sequence.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
        _ => [],
    };

    private static JsonNode? Child(JsonNode node, string name)
        => node is JsonArray sequence ? sequence[int.Parse(name, CultureInfo.InvariantCulture)] : node[name];

    /// <summary>Reads a copy of the document without the named children of the node at <paramref name="path"/>.</summary>
    private static Outcome Attempt(JsonNode root, List<string> path, List<string> removed, Exception failure, Action<JsonNode> read)
    {
        var copy = root.DeepClone();
        var parent = path.Aggregate(copy, (node, segment) => Child(node, segment)!);
        if (parent is JsonArray sequence)
        {
            foreach (var index in removed.Select(name => int.Parse(name, CultureInfo.InvariantCulture)).OrderByDescending(i => i))
            {
                sequence.RemoveAt(index);
            }
        }
        else if (parent is JsonObject mapping)
        {
            foreach (var name in removed)
            {
                mapping.Remove(name);
            }
        }

        try
        {
            read(copy);
            return Outcome.Cured;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return exception.GetType() == failure.GetType() && exception.Message == failure.Message ? Outcome.Same : Outcome.Other;
        }
    }

    private static string ToPointer(IEnumerable<string> path) => string.Concat(path.Select(segment => "/" + JsonPointers.Escape(segment)));

    private enum Outcome
    {
        Cured,
        Same,
        Other,
    }

    private sealed class Budget
    {
        private int _attempts;

        public bool Spend() => _attempts++ < MaxAttempts;
    }
}
