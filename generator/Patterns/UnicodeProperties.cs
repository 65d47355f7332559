using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace OpenApiClientGenerator.Patterns;

/// <summary>
/// The code points of the Unicode properties an ECMA-262 property escape can name (<c>\p{Lu}</c>, <c>\p{Letter}</c>,
/// <c>\p{Script=Greek}</c>, <c>\p{scx=Grek}</c>, <c>\p{ASCII}</c>). .NET knows general categories only for UTF-16 code
/// units and no scripts at all (its <c>IsGreek</c> is a block), so the ranges come from a table generated from Unicode
/// data by <c>tools/unicode-properties.mjs</c>; the same table on every machine keeps the generated code deterministic.
/// </summary>
internal static class UnicodeProperties
{
    private static readonly Lazy<Dictionary<string, CodePointSet>> Table = new(Load);

    /// <summary>
    /// Finds a property by what a <c>\p{...}</c> escape says: <c>name=value</c> for General_Category (<c>gc</c>), Script
    /// (<c>sc</c>) and Script_Extensions (<c>scx</c>), or a lone general category value or binary property. Names are
    /// case-sensitive, as in ECMA-262.
    /// </summary>
    public static CodePointSet? Find(string expression)
    {
        var equals = expression.IndexOf('=');
        var key = equals < 0
            ? (Table.Value.ContainsKey("gc:" + expression) ? "gc:" : "binary:") + expression
            : expression.Substring(0, equals) switch
            {
                "General_Category" or "gc" => "gc:",
                "Script" or "sc" => "sc:",
                "Script_Extensions" or "scx" => "scx:",
                _ => "none:",
            } + expression.Substring(equals + 1);
        return Table.Value.TryGetValue(key, out var set) ? set : null;
    }

    private static Dictionary<string, CodePointSet> Load()
    {
        using var stream = typeof(UnicodeProperties).Assembly.GetManifestResourceStream("UnicodeProperties.txt")
            ?? throw new InvalidOperationException("The Unicode property table is not embedded in the generator.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, CodePointSet>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(" : ", StringComparison.Ordinal);
            var names = line.Substring(0, colon).Split(' ');
            var set = ParseRanges(line.Substring(colon + 3));
            for (var i = 1; i < names.Length; i++)
            {
                table[names[0] + ":" + names[i]] = set;
            }
        }

        return table;
    }

    private static CodePointSet ParseRanges(string text)
    {
        var ranges = new List<(int Low, int High)>();
        foreach (var range in text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = range.IndexOf('-');
            var low = int.Parse(dash < 0 ? range : range.Substring(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var high = dash < 0 ? low : int.Parse(range.Substring(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            ranges.Add((low, high));
        }

        return CodePointSet.FromRanges(ranges);
    }
}
