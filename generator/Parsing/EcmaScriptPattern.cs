using System.Text;

namespace OpenApiClientGenerator.Parsing;

/// <summary>
/// Rewrites an ECMA-262 pattern, which is what OpenAPI and JSON Schema prescribe, into a .NET pattern that matches the
/// same strings. <c>RegexOptions.ECMAScript</c> does not do this: it narrows <c>\d</c> and <c>\w</c> but also narrows
/// <c>\s</c> to ASCII, keeps .NET's <c>$</c> (which matches before a final line feed) and <c>.</c> (which matches
/// U+2028 and U+2029), and refuses constructs such as lookbehind and named groups.
/// </summary>
/// <remarks>
/// A negated shorthand inside a class (<c>[\D]</c>, <c>[\W]</c>, <c>[\S]</c>) cannot be spelled out in a .NET class
/// and keeps .NET's meaning, which differs only for characters beyond ASCII.
/// </remarks>
internal static class EcmaScriptPattern
{
    /// <summary>ECMA-262 WhiteSpace and LineTerminator: tab, VT, FF, SP, NBSP, ZWNBSP, the Zs category, LF, CR, LS, PS.</summary>
    private const string WhiteSpace = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    private const string WordCharacters = "a-zA-Z0-9_";

    public static string ToDotNet(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i++;
                builder.Append(Escape(pattern[i], inClass));
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                // A '[' in an ECMA-262 class is a literal; in .NET it could start a class subtraction.
                builder.Append(c == '[' ? @"\[" : c.ToString());
                continue;
            }

            switch (c)
            {
                case '[':
                    var negated = i + 1 < pattern.Length && pattern[i + 1] == '^';
                    var first = i + (negated ? 2 : 1);
                    if (first < pattern.Length && pattern[first] == ']')
                    {
                        // In ECMA-262 "[]" matches nothing and "[^]" anything; .NET would read the ']' as a literal.
                        builder.Append(negated ? @"[\s\S]" : "(?!)");
                        i = first;
                        break;
                    }

                    inClass = true;
                    builder.Append(negated ? "[^" : "[");
                    i = negated ? i + 1 : i;
                    break;
                case '.':
                    builder.Append(@"[^\n\r\u2028\u2029]");
                    break;
                case '$':
                    builder.Append(@"\z");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Escape(char escaped, bool inClass) => (escaped, inClass) switch
    {
        ('d', false) => "[0-9]",
        ('d', true) => "0-9",
        ('D', false) => "[^0-9]",
        ('w', false) => "[" + WordCharacters + "]",
        ('w', true) => WordCharacters,
        ('W', false) => "[^" + WordCharacters + "]",
        ('s', false) => "[" + WhiteSpace + "]",
        ('s', true) => WhiteSpace,
        ('S', false) => "[^" + WhiteSpace + "]",
        _ => "\\" + escaped,
    };
}
