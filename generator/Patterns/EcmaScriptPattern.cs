using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiClientGenerator.Patterns;

/// <summary>
/// Translates an ECMA-262 pattern, read in Unicode mode (the <c>u</c> flag, as JSON Schema 2020-12 asks), into a .NET
/// pattern that matches the same strings; docs/patterns.md says what that means. <c>RegexOptions.ECMAScript</c> does not
/// do this: it narrows <c>\d</c> and <c>\w</c> but also narrows <c>\s</c> to ASCII, keeps .NET's <c>$</c>, <c>.</c> and
/// <c>\b</c>, knows no code points beyond U+FFFF, and refuses lookbehind and named groups.
/// </summary>
/// <remarks>
/// The pattern is parsed as ECMA-262's grammar has it, and each piece is written in the .NET form with the same meaning:
/// every character set (a class, <c>.</c>, <c>\d</c>, <c>\p{...}</c>) becomes a <see cref="CodePointSet"/> that matches one
/// code point, so a supplementary character is one character as in the <c>u</c> flag; <c>$</c> becomes <c>\z</c>;
/// <c>\b</c> and <c>\B</c> become lookarounds over ECMA-262's word characters; a backreference becomes a conditional that
/// matches the empty string while its group has not taken part, as ECMA-262 says. What has no .NET form, or is not
/// ECMA-262 (Java's <c>\p{Print}</c>, <c>\A</c>), throws <see cref="UnsupportedPatternException"/>.
/// </remarks>
internal sealed class EcmaScriptPattern
{
    private const string WordClass = "[0-9A-Z_a-z]";
    private const string WordBoundary = "(?:(?<=" + WordClass + ")(?!" + WordClass + ")|(?<!" + WordClass + ")(?=" + WordClass + "))";
    private const string NotWordBoundary = "(?:(?<=" + WordClass + ")(?=" + WordClass + ")|(?<!" + WordClass + ")(?!" + WordClass + "))";

    private static readonly CodePointSet Digits = CodePointSet.Of('0', '9');
    private static readonly CodePointSet WordCharacters = CodePointSet.FromRanges(new[] { (0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A) });

    /// <summary>ECMA-262 WhiteSpace and LineTerminator: tab to CR, SP, NBSP, the Zs category, LS, PS and ZWNBSP.</summary>
    private static readonly CodePointSet WhiteSpace = CodePointSet.FromRanges(new[]
    {
        (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F),
        (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
    });

    private static readonly CodePointSet AnyButLineTerminators = CodePointSet.FromRanges(new[] { (0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029) }).Complement();

    /// <summary>Java's POSIX and java.lang.Character classes, which specs written for Java use and ECMA-262 does not have.</summary>
    private static readonly HashSet<string> JavaClasses = new(StringComparer.Ordinal)
    {
        "Lower", "Upper", "Alpha", "Digit", "Alnum", "Punct", "Graph", "Print", "Blank", "Cntrl", "XDigit", "Space", "all",
        "javaLowerCase", "javaUpperCase", "javaWhitespace", "javaMirrored", "javaLetter", "javaDigit", "javaLetterOrDigit",
    };

    private readonly string _pattern;
    private readonly StringBuilder _output;

    /// <summary>For each ECMA-262 group number (from 1), how .NET refers to the group: .NET numbers named groups after the others.</summary>
    private readonly List<string> _groups = new();
    private bool _hasBackreference;
    private int _groupsOpened;
    private int _index;

    private EcmaScriptPattern(string pattern)
    {
        _pattern = pattern;
        _output = new StringBuilder(pattern.Length * 2);
    }

    /// <summary>Returns the .NET pattern, or throws <see cref="UnsupportedPatternException"/> saying what cannot be translated.</summary>
    public static string ToDotNet(string pattern)
    {
        var translation = new EcmaScriptPattern(pattern);
        translation.NumberGroups();
        translation.Disjunction();
        if (translation._index < pattern.Length)
        {
            throw Unsupported("a ')' closes no group");
        }

        return translation._output.ToString();
    }

    private void NumberGroups()
    {
        var unnamed = 0;
        for (var i = 0; i < _pattern.Length; i++)
        {
            switch (_pattern[i])
            {
                case '\\':
                    i++;
                    _hasBackreference |= i < _pattern.Length && (_pattern[i] is >= '1' and <= '9' || At(i, "k<"));
                    break;
                case '[':
                    for (i++; i < _pattern.Length && _pattern[i] != ']'; i++)
                    {
                        i += _pattern[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '(' when !At(i + 1, "?"):
                    _groups.Add((++unnamed).ToString(CultureInfo.InvariantCulture));
                    break;
                case '(' when At(i + 1, "?<") && !At(i + 1, "?<=") && !At(i + 1, "?<!"):
                    var close = _pattern.IndexOf('>', i);
                    _groups.Add(close < 0 ? string.Empty : _pattern.Substring(i + 3, close - i - 3));
                    break;
            }
        }
    }

    private void Disjunction()
    {
        Alternative();
        while (_index < _pattern.Length && _pattern[_index] == '|')
        {
            _output.Append('|');
            _index++;
            Alternative();
        }
    }

    private void Alternative()
    {
        while (_index < _pattern.Length && _pattern[_index] is not ('|' or ')'))
        {
            Term();
        }
    }

    private void Term()
    {
        var c = _pattern[_index];
        var atomStart = _output.Length;
        var groupsBefore = _groupsOpened;
        if (c is '^' or '$' || At(_index, @"\b") || At(_index, @"\B"))
        {
            _output.Append(c switch { '^' => "^", '$' => @"\z", _ => _pattern[_index + 1] == 'b' ? WordBoundary : NotWordBoundary });
            _index += c == '\\' ? 2 : 1;
            RefuseQuantifier();
            return;
        }

        if (At(_index, "(?=") || At(_index, "(?!") || At(_index, "(?<=") || At(_index, "(?<!"))
        {
            var opening = _pattern[_index + 2] == '<' ? 4 : 3;
            Group(_pattern.Substring(_index, opening), opening);
            RefuseQuantifier();
            return;
        }

        switch (c)
        {
            case '(' when At(_index, "(?:"):
                Group("(?:", 3);
                break;
            case '(' when At(_index, "(?<"):
                var close = _pattern.IndexOf('>', _index);
                var name = close < 0 ? string.Empty : _pattern.Substring(_index + 3, close - _index - 3);
                if (name.Length == 0 || char.IsDigit(name[0]) || !IsWordText(name))
                {
                    throw Unsupported($"the group name '{name}' is not one .NET accepts (letters, digits and '_', not first a digit)");
                }

                _groupsOpened++;
                Group("(?<" + name + ">", close + 1 - _index);
                break;
            case '(' when At(_index, "(?"):
                throw Unsupported($"'{_pattern.Substring(_index, Math.Min(3, _pattern.Length - _index))}' is not an ECMA-262 group");
            case '(':
                _groupsOpened++;
                Group("(", 1);
                break;
            case '*' or '+' or '?':
                throw Unsupported($"'{c}' has nothing to repeat");
            case '{' when BraceQuantifierLength(_index) > 0:
                throw Unsupported("'{' has nothing to repeat");
            case '.':
                _index++;
                _output.Append(AnyButLineTerminators.ToDotNet());
                break;
            case '[':
                _output.Append(CharacterClass().ToDotNet());
                break;
            case '\\':
                AtomEscape();
                break;
            default:
                // A lone '{', '}' or ']' is a literal, as Annex B reads it; Unicode mode would refuse it.
                var codePoint = ReadCodePoint();
                _output.Append(CodePointSet.Of(codePoint, codePoint).ToDotNet());
                break;
        }

        Quantifier(atomStart, groupsBefore);
    }

    private void Group(string opening, int length)
    {
        _output.Append(opening);
        _index += length;
        Disjunction();
        if (_index >= _pattern.Length)
        {
            throw Unsupported("a group is not closed");
        }

        _output.Append(')');
        _index++;
    }

    /// <summary>
    /// Writes the quantifier after the atom written from <paramref name="atomStart"/>. ECMA-262 forgets the atom's captures
    /// at each repetition (§22.2.2, RepeatMatcher step 4), .NET keeps the last; where a backreference could tell, each
    /// repetition first drops the capture of each group inside the atom.
    /// </summary>
    private void Quantifier(int atomStart, int groupsBefore)
    {
        if (_index >= _pattern.Length)
        {
            return;
        }

        var c = _pattern[_index];
        var length = c is '*' or '+' or '?' ? 1 : BraceQuantifierLength(_index);
        if (length == 0)
        {
            return;
        }

        var quantifier = _pattern.Substring(_index, length);
        var repeats = c is '*' or '+' || (c == '{' && (quantifier.EndsWith(",}", StringComparison.Ordinal) || MaxCount(quantifier) > 1));
        if (repeats && _hasBackreference && _groupsOpened > groupsBefore)
        {
            var forget = new StringBuilder("(?:");
            for (var group = groupsBefore; group < _groupsOpened; group++)
            {
                forget.Append("(?(").Append(_groups[group]).Append(")(?<-").Append(_groups[group]).Append(">))");
            }

            _output.Insert(atomStart, forget.ToString()).Append(')');
        }

        _output.Append(quantifier);
        _index += length;
        if (At(_index, "?"))
        {
            _output.Append('?');
            _index++;
        }

        RefuseQuantifier();
    }

    private void RefuseQuantifier()
    {
        if (_index < _pattern.Length && (_pattern[_index] is '*' or '+' or '?' || BraceQuantifierLength(_index) > 0))
        {
            throw Unsupported($"'{_pattern[_index]}' has nothing to repeat");
        }
    }

    private static int MaxCount(string braceQuantifier)
    {
        var body = braceQuantifier.Substring(1, braceQuantifier.Length - 2);
        return int.Parse(body.Substring(body.IndexOf(',') + 1), CultureInfo.InvariantCulture);
    }

    /// <summary>The length of <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at the index, or 0 when there is none.</summary>
    private int BraceQuantifierLength(int start)
    {
        if (!At(start, "{"))
        {
            return 0;
        }

        var close = _pattern.IndexOf('}', start);
        if (close < 0)
        {
            return 0;
        }

        var body = _pattern.Substring(start + 1, close - start - 1);
        var comma = body.IndexOf(',');
        var minText = comma < 0 ? body : body.Substring(0, comma);
        var maxText = comma < 0 ? string.Empty : body.Substring(comma + 1);
        if (minText.Length == 0 || !IsDigits(minText) || !IsDigits(maxText))
        {
            return 0;
        }

        if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || (maxText.Length > 0 && !int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw Unsupported($"the count in '{{{body}}}' is larger than .NET allows");
        }

        if (maxText.Length > 0 && int.Parse(maxText, CultureInfo.InvariantCulture) < min)
        {
            throw Unsupported($"the counts in '{{{body}}}' are out of order");
        }

        return close + 1 - start;
    }

    private void AtomEscape()
    {
        var escaped = EscapedCharacter();
        if (escaped is >= '1' and <= '9')
        {
            var start = _index + 1;
            var end = start;
            while (end < _pattern.Length && char.IsDigit(_pattern[end]))
            {
                end++;
            }

            var number = int.Parse(_pattern.Substring(start, end - start), CultureInfo.InvariantCulture);
            if (number > _groups.Count)
            {
                throw Unsupported($"'\\{number}' refers to group {number}, and the pattern has {_groups.Count}");
            }

            _index = end;
            Backreference(_groups[number - 1]);
        }
        else if (escaped == 'k')
        {
            var close = At(_index + 2, "<") ? _pattern.IndexOf('>', _index) : -1;
            var name = close < 0 ? string.Empty : _pattern.Substring(_index + 3, close - _index - 3);
            if (!_groups.Contains(name) || name.Length == 0 || char.IsDigit(name[0]))
            {
                throw Unsupported($"'\\k' refers to no group named '{name}'");
            }

            _index = close + 1;
            Backreference(name);
        }
        else
        {
            _output.Append(ClassEscape() is { } set ? set.ToDotNet() : SingleCodePoint(CharacterEscape()));
        }
    }

    /// <summary>
    /// A backreference to a group that has not taken part (it is later in the pattern, inside itself, or in an alternative
    /// not taken) matches the empty string in ECMA-262 (§22.2.2, BackreferenceMatcher: an undefined capture succeeds),
    /// but fails in .NET; the conditional keeps ECMA-262's meaning.
    /// </summary>
    private void Backreference(string group)
        => _output.Append("(?(").Append(group).Append(')').Append(char.IsDigit(group[0]) ? @"\" + group : @"\k<" + group + ">").Append(')');

    private static string SingleCodePoint(int codePoint) => CodePointSet.Of(codePoint, codePoint).ToDotNet();

    private CodePointSet CharacterClass()
    {
        _index++;
        var negated = At(_index, "^");
        _index += negated ? 1 : 0;
        var set = CodePointSet.Empty;
        while (true)
        {
            if (_index >= _pattern.Length)
            {
                throw Unsupported("a character class is not closed");
            }

            if (_pattern[_index] == ']')
            {
                _index++;
                return negated ? set.Complement() : set;
            }

            var (lowSet, low) = ClassAtom();
            if (At(_index, "-") && _index + 1 < _pattern.Length && _pattern[_index + 1] != ']')
            {
                _index++;
                var (_, high) = ClassAtom();
                if (low < 0 || high < 0)
                {
                    throw Unsupported("a class escape such as '\\d' cannot be the end of a range");
                }

                if (high < low)
                {
                    throw Unsupported("a range in a character class is out of order");
                }

                set = set.Union(CodePointSet.Of(low, high));
            }
            else
            {
                set = set.Union(lowSet);
            }
        }
    }

    /// <summary>One class member: a set with code point -1 for a class escape, else the code point and the set of it alone.</summary>
    private (CodePointSet Set, int CodePoint) ClassAtom()
    {
        int codePoint;
        if (_pattern[_index] != '\\')
        {
            codePoint = ReadCodePoint();
        }
        else if (EscapedCharacter() == 'b')
        {
            _index += 2;
            codePoint = '\b';
        }
        else if (EscapedCharacter() == '-')
        {
            _index += 2;
            codePoint = '-';
        }
        else if (ClassEscape() is { } set)
        {
            return (set, -1);
        }
        else
        {
            codePoint = CharacterEscape();
        }

        return (CodePointSet.Of(codePoint, codePoint), codePoint);
    }

    /// <summary>Reads <c>\d</c>, <c>\D</c>, <c>\w</c>, <c>\W</c>, <c>\s</c>, <c>\S</c>, <c>\p{...}</c> or <c>\P{...}</c>; null, reading nothing, for any other escape.</summary>
    private CodePointSet? ClassEscape()
    {
        var escaped = EscapedCharacter();
        var set = escaped switch
        {
            'd' => Digits,
            'D' => Digits.Complement(),
            'w' => WordCharacters,
            'W' => WordCharacters.Complement(),
            's' => WhiteSpace,
            'S' => WhiteSpace.Complement(),
            _ => null,
        };
        if (set is not null)
        {
            _index += 2;
            return set;
        }

        if (escaped is not ('p' or 'P'))
        {
            return null;
        }

        var close = At(_index + 2, "{") ? _pattern.IndexOf('}', _index) : -1;
        if (close < 0)
        {
            throw Unsupported($"'\\{escaped}' is not followed by a property in braces, as ECMA-262 requires");
        }

        var property = _pattern.Substring(_index + 3, close - _index - 3);
        var members = UnicodeProperties.Find(property) ?? throw Unsupported(UnknownProperty(escaped, property));
        _index = close + 1;
        return escaped == 'P' ? members.Complement() : members;
    }

    private static string UnknownProperty(char escaped, string property)
    {
        var escape = $"'\\{escaped}{{{property}}}'";
        return JavaClasses.Contains(property) || property.StartsWith("Is", StringComparison.Ordinal) || property.StartsWith("In", StringComparison.Ordinal)
            ? $"{escape} is a Java (or .NET) character class, not an ECMA-262 Unicode property"
            : $"{escape} names no Unicode property ECMA-262 knows (names are case-sensitive)";
    }

    /// <summary>Reads an escape that stands for one code point: a control escape, <c>\cX</c>, <c>\0</c>, <c>\xHH</c>, <c>\uHHHH</c>, <c>\u{H...}</c> or an identity escape.</summary>
    private int CharacterEscape()
    {
        var escaped = EscapedCharacter();
        _index += 2;
        switch (escaped)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'v': return '\v';
            case 'f': return '\f';
            case 'r': return '\r';
            case '0' when !(_index < _pattern.Length && char.IsDigit(_pattern[_index])):
                return 0;
            case 'c' when _index < _pattern.Length && _pattern[_index] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'):
                return _pattern[_index++] % 32;
            case 'x' when HexDigits(_index, 2) is { } value:
                _index += 2;
                return value;
            case 'u' when At(_index, "{"):
                var close = _pattern.IndexOf('}', _index);
                var digits = close < 0 ? string.Empty : _pattern.Substring(_index + 1, close - _index - 1);
                if (digits.Length == 0 || HexDigits(_index + 1, digits.Length) is not { } codePoint || codePoint > CodePointSet.MaxCodePoint)
                {
                    throw Unsupported($"'\\u{{{digits}}}' is not a code point");
                }

                _index = close + 1;
                return codePoint;
            case 'u' when HexDigits(_index, 4) is { } unit:
                _index += 4;
                if (unit is >= 0xD800 and <= 0xDBFF && At(_index, @"\u") && HexDigits(_index + 2, 4) is { } low and >= 0xDC00 and <= 0xDFFF)
                {
                    _index += 6;
                    return char.ConvertToUtf32((char)unit, (char)low);
                }

                return unit;
        }

        if (escaped < 0x80 && char.IsLetterOrDigit(escaped))
        {
            throw Unsupported($"'\\{escaped}' is not an ECMA-262 escape");
        }

        // An identity escape: a syntax character, '/' or '-', or (as Annex B allows, and SendGrid's "\_") any other character
        // that is not an ASCII letter or digit stands for itself.
        _index -= 1;
        return ReadCodePoint();
    }

    private char EscapedCharacter()
        => _index + 1 < _pattern.Length ? _pattern[_index + 1] : throw Unsupported("the pattern ends in a '\\'");

    /// <summary>Reads one code point of the pattern: a surrogate pair is one, as in Unicode mode.</summary>
    private int ReadCodePoint()
    {
        var c = _pattern[_index++];
        if (char.IsHighSurrogate(c) && _index < _pattern.Length && char.IsLowSurrogate(_pattern[_index]))
        {
            return char.ConvertToUtf32(c, _pattern[_index++]);
        }

        return c;
    }

    private int? HexDigits(int start, int count)
    {
        if (start + count > _pattern.Length || count > 8)
        {
            return null;
        }

        return int.TryParse(_pattern.Substring(start, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private bool At(int index, string text) => index + text.Length <= _pattern.Length && string.CompareOrdinal(_pattern, index, text, 0, text.Length) == 0;

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordText(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static UnsupportedPatternException Unsupported(string reason) => new(reason);
}

/// <summary>A pattern that is not ECMA-262, or uses what .NET cannot match the same way; the message says which part.</summary>
internal sealed class UnsupportedPatternException : ArgumentException
{
    public UnsupportedPatternException(string message)
        : base(message)
    {
    }
}
