using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.Parsing;

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
    /// Returns an empty string when the name has no letters or digits.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, MaxLength));
        var startOfWord = true;
        foreach (var c in name)
        {
            if (builder.Length == MaxLength)
            {
                break;
            }

            if (!IsIdentifierPart(c))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length > 0 && !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            // A leading digit cannot start an identifier; an underscore keeps the digits readable.
            builder.Insert(0, '_');
        }

        return Shorten(builder.ToString());
    }

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

/// <summary>
/// Hands out unique names within one scope (a namespace or a type), suffixing a number on collision, and remembers what
/// took each name, to say so when a later name collides with it.
/// </summary>
internal sealed class NameScope
{
    private readonly Dictionary<string, string> _takenBy = new(System.StringComparer.Ordinal);

    /// <summary>Takes names for the generator's own use; <paramref name="describe"/> says what each is, for a collision message.</summary>
    public NameScope Reserve(IEnumerable<string> names, System.Func<string, string> describe)
    {
        foreach (var name in names)
        {
            _takenBy[name] = describe(name);
        }

        return this;
    }

    public bool IsTaken(string name) => _takenBy.ContainsKey(name);

    /// <summary>What took <paramref name="name"/>: "'max_num'" for a name from the spec, or a description of the generator's own member.</summary>
    public string? TakenBy(string name) => _takenBy.TryGetValue(name, out var claimant) ? claimant : null;

    /// <summary>Returns <paramref name="preferred"/> if free, otherwise the first free <c>preferred2</c>, <c>preferred3</c>, ….</summary>
    /// <param name="claimant">What the name is for, quoted, as <see cref="TakenBy"/> will say; by default the name itself.</param>
    public string Claim(string preferred, string? claimant = null)
    {
        var candidate = preferred;
        for (var suffix = 2; _takenBy.ContainsKey(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _takenBy[candidate] = claimant ?? "'" + candidate + "'";
        return candidate;
    }
}
