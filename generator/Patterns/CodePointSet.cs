using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OpenApiClientGenerator.Patterns;

/// <summary>
/// A set of Unicode code points, as an ECMA-262 character class, shorthand or property escape denotes it, and the .NET
/// pattern that matches exactly one of its code points in a UTF-16 string.
/// </summary>
internal sealed class CodePointSet
{
    public const int MaxCodePoint = 0x10FFFF;
    private const int HighSurrogateStart = 0xD800;
    private const int LowSurrogateStart = 0xDC00;
    private const int SurrogateEnd = 0xDFFF;

    private readonly (int Low, int High)[] _ranges;

    private CodePointSet((int Low, int High)[] ranges) => _ranges = ranges;

    public static CodePointSet Empty { get; } = new(Array.Empty<(int, int)>());

    public static CodePointSet Of(int low, int high) => new(new[] { (low, high) });

    /// <summary>Sorts and merges overlapping or adjacent ranges.</summary>
    public static CodePointSet FromRanges(IEnumerable<(int Low, int High)> ranges)
    {
        var merged = new List<(int Low, int High)>();
        foreach (var (low, high) in ranges.OrderBy(r => r.Low))
        {
            if (merged.Count > 0 && low <= merged[merged.Count - 1].High + 1)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Low, Math.Max(last.High, high));
            }
            else
            {
                merged.Add((low, high));
            }
        }

        return new CodePointSet(merged.ToArray());
    }

    public CodePointSet Union(CodePointSet other) => FromRanges(_ranges.Concat(other._ranges));

    public CodePointSet Complement()
    {
        var result = new List<(int Low, int High)>();
        var next = 0;
        foreach (var (low, high) in _ranges)
        {
            if (low > next)
            {
                result.Add((next, low - 1));
            }

            next = high + 1;
        }

        if (next <= MaxCodePoint)
        {
            result.Add((next, MaxCodePoint));
        }

        return new CodePointSet(result.ToArray());
    }

    private IEnumerable<(int Low, int High)> Within(int start, int end)
        => _ranges.Where(r => r.High >= start && r.Low <= end).Select(r => (Math.Max(r.Low, start), Math.Min(r.High, end)));

    /// <summary>
    /// The .NET pattern for one code point of the set: a class for the code points of the Basic Multilingual Plane, surrogate
    /// pairs for the others, and a surrogate that is not half of a pair on its own, as ECMA-262's Unicode mode reads it.
    /// </summary>
    public string ToDotNet()
    {
        var alternatives = new List<string>();
        alternatives.AddRange(SupplementaryAlternatives());
        var basic = FromRanges(Within(0, HighSurrogateStart - 1).Concat(Within(SurrogateEnd + 1, 0xFFFF)));
        if (basic._ranges.Length > 0)
        {
            alternatives.Add(basic.ToBasicClass());
        }

        if (Within(HighSurrogateStart, LowSurrogateStart - 1).Any())
        {
            alternatives.Add(ClassOf(Within(HighSurrogateStart, LowSurrogateStart - 1)) + @"(?![\udc00-\udfff])");
        }

        if (Within(LowSurrogateStart, SurrogateEnd).Any())
        {
            alternatives.Add(@"(?<![\ud800-\udbff])" + ClassOf(Within(LowSurrogateStart, SurrogateEnd)));
        }

        // A BMP class alone is one atom; a surrogate pair or an alternation needs a group before a quantifier can follow it.
        return alternatives.Count switch
        {
            0 => "(?!)",
            1 when basic._ranges.Length > 0 => alternatives[0],
            _ => "(?:" + string.Join("|", alternatives) + ")",
        };
    }

    /// <summary>A class of BMP code points, written negated when that is shorter; surrogates never belong to it.</summary>
    private string ToBasicClass()
    {
        if (_ranges.Length == 1 && _ranges[0].Low == _ranges[0].High)
        {
            return Literal(_ranges[0].Low, inClass: false);
        }

        var excluded = FromRanges(Complement().Within(0, 0xFFFF).Concat(new[] { (HighSurrogateStart, SurrogateEnd) }));
        return excluded._ranges.Length < _ranges.Length
            ? "[^" + RangesText(excluded._ranges) + "]"
            : ClassOf(_ranges);
    }

    private static string ClassOf(IEnumerable<(int Low, int High)> ranges) => "[" + RangesText(ranges) + "]";

    private static string RangesText(IEnumerable<(int Low, int High)> ranges)
    {
        var builder = new StringBuilder();
        foreach (var (low, high) in ranges)
        {
            builder.Append(Literal(low, inClass: true));
            if (high > low)
            {
                builder.Append(high > low + 1 ? "-" : string.Empty).Append(Literal(high, inClass: true));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Surrogate pairs for the supplementary code points, one alternative per run of high surrogates with the same low halves.
    /// The high surrogates whose every low half is in the set (a million code points for <c>.</c> or a negated class) are
    /// taken as one block per range rather than one by one.
    /// </summary>
    private IEnumerable<string> SupplementaryAlternatives()
    {
        var anyLowHalf = ClassOf(new[] { (LowSurrogateStart, SurrogateEnd) });
        var partialLows = new Dictionary<int, List<(int Low, int High)>>();
        var blocks = new List<(int First, int Last, string? Lows)>();
        foreach (var (low, high) in Within(0x10000, MaxCodePoint))
        {
            for (var start = low; start <= high;)
            {
                var highSurrogate = HighSurrogateOf(start);
                var end = Math.Min(high, LastCodePointOf(highSurrogate));
                if (start == FirstCodePointOf(highSurrogate) && end == LastCodePointOf(highSurrogate))
                {
                    var lastFull = high == LastCodePointOf(HighSurrogateOf(high)) ? HighSurrogateOf(high) : HighSurrogateOf(high) - 1;
                    blocks.Add((highSurrogate, lastFull, anyLowHalf));
                    start = LastCodePointOf(lastFull) + 1;
                    continue;
                }

                if (!partialLows.TryGetValue(highSurrogate, out var lows))
                {
                    partialLows[highSurrogate] = lows = new List<(int, int)>();
                    blocks.Add((highSurrogate, highSurrogate, null));
                }

                lows.Add((LowSurrogateStart + ((start - 0x10000) & 0x3FF), LowSurrogateStart + ((end - 0x10000) & 0x3FF)));
                start = end + 1;
            }
        }

        var runs = new List<(int First, int Last, string Lows)>();
        foreach (var block in blocks.OrderBy(b => b.First))
        {
            var lows = block.Lows ?? (partialLows[block.First] is { Count: 1 } one && one[0].Low == one[0].High
                ? Literal(one[0].Low, inClass: false)
                : ClassOf(partialLows[block.First]));
            if (runs.Count > 0 && runs[runs.Count - 1].Last == block.First - 1 && runs[runs.Count - 1].Lows == lows)
            {
                runs[runs.Count - 1] = (runs[runs.Count - 1].First, block.Last, lows);
            }
            else
            {
                runs.Add((block.First, block.Last, lows));
            }
        }

        return runs.Select(run => (run.First == run.Last ? Literal(run.First, inClass: false) : ClassOf(new[] { (run.First, run.Last) })) + run.Lows);
    }

    private static int HighSurrogateOf(int codePoint) => HighSurrogateStart + ((codePoint - 0x10000) >> 10);

    private static int FirstCodePointOf(int highSurrogate) => 0x10000 + ((highSurrogate - HighSurrogateStart) << 10);

    private static int LastCodePointOf(int highSurrogate) => FirstCodePointOf(highSurrogate + 1) - 1;

    /// <summary>One UTF-16 code unit as a .NET pattern: printable ASCII as itself (escaped where it is special), tab, LF and CR by name, the rest as <c>\uXXXX</c>.</summary>
    public static string Literal(int codeUnit, bool inClass)
    {
        var special = inClass ? @"\]-^[" : @"\^$.|?*+()[]{}";
        if (codeUnit is >= 0x20 and < 0x7F)
        {
            var c = (char)codeUnit;
            return special.IndexOf(c) >= 0 ? "\\" + c : c.ToString();
        }

        return codeUnit switch
        {
            '\t' => @"\t",
            '\n' => @"\n",
            '\r' => @"\r",
            _ => @"\u" + codeUnit.ToString("x4", CultureInfo.InvariantCulture),
        };
    }
}
