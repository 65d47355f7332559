using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Patterns;

/// <summary>
/// Recognises the patterns that are a single anchored character class, so generated code can check them with a plain loop
/// instead of a regex, and checks that every other pattern compiles.
/// </summary>
internal static class PatternAnalyzer
{
    private static readonly TimeSpan CompileCheckTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Returns the pattern's spec, or says why it cannot be checked in .NET as ECMA-262 means it.</summary>
    public static PatternSpec? Analyze(string pattern, out string? error)
    {
        string regexPattern;
        try
        {
            regexPattern = EcmaScriptPattern.ToDotNet(pattern);
        }
        catch (UnsupportedPatternException exception)
        {
            error = exception.Message;
            return null;
        }

        return TryCompile(regexPattern, out error) ? new PatternSpec(pattern, regexPattern, ParseCharacterClass(pattern)) : null;
    }

    private static bool TryCompile(string pattern, out string? error)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, CompileCheckTimeout);
            error = null;
            return true;
        }
        catch (ArgumentException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Parses <c>^[class]quantifier$</c> where quantifier is <c>*</c>, <c>+</c> or <c>{m,n}</c>; anything else gives null.</summary>
    internal static CharacterClassSpec? ParseCharacterClass(string pattern)
    {
        if (pattern.Length < 5 || pattern[0] != '^' || pattern[1] != '[' || pattern[pattern.Length - 1] != '$')
        {
            return null;
        }

        var index = 2;
        var negated = false;
        if (pattern[index] == '^')
        {
            negated = true;
            index++;
        }

        var ranges = new List<CharacterRange>();
        while (index < pattern.Length && pattern[index] != ']')
        {
            if (!TryReadClassCharacter(pattern, ref index, ranges, out var low))
            {
                return null;
            }

            if (low >= 0 && index + 1 < pattern.Length && pattern[index] == '-' && pattern[index + 1] != ']')
            {
                index++;
                if (!TryReadClassCharacter(pattern, ref index, ranges, out var high) || high < 0 || high < low)
                {
                    return null;
                }

                ranges.Add(new CharacterRange(low, high));
            }
            else if (low >= 0)
            {
                ranges.Add(new CharacterRange(low, low));
            }
        }

        if (index >= pattern.Length || ranges.Count == 0)
        {
            return null;
        }

        index++; // the closing bracket
        var quantifier = pattern.Substring(index, pattern.Length - 1 - index);
        var characterClass = quantifier switch
        {
            "*" => new CharacterClassSpec(negated, ranges.ToEquatableArray(), 0, null),
            "+" => new CharacterClassSpec(negated, ranges.ToEquatableArray(), 1, null),
            _ => ParseCountedQuantifier(quantifier, negated, ranges),
        };

        // The loop counts UTF-16 code units, the pattern code points: a negated class takes a supplementary character as
        // one, so only counts that one such character cannot cross (at most one, at least one) agree.
        return characterClass is { IsNegated: true } and not { MinCount: <= 1, MaxCount: null } ? null : characterClass;
    }

    private static CharacterClassSpec? ParseCountedQuantifier(string quantifier, bool negated, List<CharacterRange> ranges)
    {
        if (quantifier.Length < 3 || quantifier[0] != '{' || quantifier[quantifier.Length - 1] != '}')
        {
            return null;
        }

        var body = quantifier.Substring(1, quantifier.Length - 2);
        var comma = body.IndexOf(',');
        var minText = comma < 0 ? body : body.Substring(0, comma);
        var maxText = comma < 0 ? body : body.Substring(comma + 1);
        if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min))
        {
            return null;
        }

        int? max = null;
        if (maxText.Length > 0)
        {
            if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedMax) || parsedMax < min)
            {
                return null;
            }

            max = parsedMax;
        }

        return new CharacterClassSpec(negated, ranges.ToEquatableArray(), min, max);
    }

    /// <summary>
    /// Reads one character of a class. Shorthand classes (<c>\d</c>, <c>\w</c>) add their ranges directly and yield -1,
    /// since they cannot be a range endpoint. Returns false for anything this simple parser does not handle.
    /// </summary>
    private static bool TryReadClassCharacter(string pattern, ref int index, List<CharacterRange> ranges, out int character)
    {
        character = -1;
        var c = pattern[index];
        if (c == '[' || char.IsSurrogate(c))
        {
            return false;
        }

        if (c != '\\')
        {
            character = c;
            index++;
            return true;
        }

        if (index + 1 >= pattern.Length)
        {
            return false;
        }

        var escaped = pattern[index + 1];
        index += 2;
        switch (escaped)
        {
            case 'd':
                ranges.Add(new CharacterRange('0', '9'));
                return true;
            case 'w':
                ranges.Add(new CharacterRange('a', 'z'));
                ranges.Add(new CharacterRange('A', 'Z'));
                ranges.Add(new CharacterRange('0', '9'));
                ranges.Add(new CharacterRange('_', '_'));
                return true;
            case 't':
                character = '\t';
                return true;
            case 'n':
                character = '\n';
                return true;
            case 'r':
                character = '\r';
                return true;
            default:
                if (char.IsLetterOrDigit(escaped))
                {
                    return false; // \s, \p{..}, \u.... and friends: leave them to the regex engine
                }

                character = escaped;
                return true;
        }
    }
}
