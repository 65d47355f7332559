using System;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>Turns wire names into C# identifiers. The result only ever depends on the input, never on culture.</summary>
internal static class IdentifierNames
{
    /// <summary>
    /// C# takes identifiers of up to 512 characters, and generated names add suffixes ("ServiceCollectionExtensions") and
    /// become file names; a longer name from the spec is cut, and a collision from the cut is handled like any other.
    /// </summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Splits on anything that cannot appear in an identifier and upper-cases the first letter of each part:
    /// <c>max_num</c> and <c>maxNum</c> both become <c>MaxNum</c>; <c>X-Auth-Token</c> becomes <c>XAuthToken</c>.
    /// A sign before a number is spelled, where it starts the name or a part: <c>+1</c> and <c>-1</c> (GitHub's
    /// reactions) become <c>Plus1</c> and <c>Minus1</c>, not one <c>_1</c> twice; <c>utf-8</c> is still <c>Utf8</c>.
    /// Returns an empty string when the name has no letters or digits.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        // Written into the thread's buffer, not a StringBuilder: a spec's every member, parameter and schema name passes here.
        var buffer = t_pascalCaseBuffer ??= new char[MaxLength + 1];
        var length = 0;
        var startOfWord = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (length == MaxLength)
            {
                break;
            }

            if (!IsIdentifierPart(c))
            {
                if (c is '+' or '-' && startOfWord && i + 1 < name.Length && name[i + 1] is >= '0' and <= '9')
                {
                    var sign = c == '+' ? "Plus" : "Minus";
                    var copied = Math.Min(sign.Length, MaxLength - length);
                    sign.CopyTo(0, buffer, length, copied);
                    length += copied;
                    startOfWord = false;
                    continue;
                }

                startOfWord = true;
                continue;
            }

            buffer[length++] = startOfWord ? char.ToUpperInvariant(c) : c;
            startOfWord = false;
        }

        if (length > 0 && !SyntaxFacts.IsIdentifierStartCharacter(buffer[0]))
        {
            // A leading digit cannot start an identifier; an underscore keeps the digits readable.
            Array.Copy(buffer, 0, buffer, 1, length++);
            buffer[0] = '_';
        }

        // A name already in Pascal case (a component's, often) is returned as it is.
        return Shorten(length == name.Length && name.AsSpan().SequenceEqual(buffer.AsSpan(0, length)) ? name : new string(buffer, 0, length));
    }

    /// <summary>Where <see cref="ToPascalCase"/> writes a name: room for the longest name and a leading underscore.</summary>
    [ThreadStatic]
    private static char[]? t_pascalCaseBuffer;

    /// <summary>Cuts a name built from several parts (a nested type's, say) to <see cref="MaxLength"/>.</summary>
    public static string Shorten(string identifier) => identifier.Length <= MaxLength ? identifier : identifier.Substring(0, MaxLength);

    /// <summary>Like <see cref="ToPascalCase"/> but with a lower-case first letter, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        if (pascal.Length == 0)
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    public static bool IsValidIdentifier(string identifier)
        => SyntaxFacts.IsValidIdentifier(identifier) && SyntaxFacts.GetKeywordKind(identifier) == SyntaxKind.None;

    private static bool IsIdentifierPart(char c)
    {
        // Formatting characters are legal in identifiers but invisible, so they would make names that look equal but differ.
        return SyntaxFacts.IsIdentifierPartCharacter(c)
            && c != '_'
            && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format;
    }
}
