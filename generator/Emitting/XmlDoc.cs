using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>Writes XML doc comments from the spec's descriptions, with the constraints spelled out for the reader.</summary>
internal static class XmlDoc
{
    private static readonly Regex LineTerminator = new("\r\n|[\r\n\u0085\u2028\u2029]", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    /// <summary>Escapes text for one line of a doc comment.</summary>
    public static string Escape(string text) => SingleLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Text for one line of a comment: every character C# ends a line at (CR, LF, NEL, LS, PS) becomes a space, since
    /// the rest of the line would no longer be a comment. Most text has none of them, which a search for the characters
    /// finds quicker than the regex.
    /// </summary>
    public static string SingleLine(string text) => text.IndexOfAny(Reading.LineIndex.LineBreaks) < 0 ? text : LineTerminator.Replace(text, " ");

    /// <summary>The lines of a doc comment with a link after them to where the spec says more (its <c>externalDocs</c>), if it says.</summary>
    public static IReadOnlyList<string> WithSeeAlso(IReadOnlyList<string> lines, ExternalDocsSpec? docs)
        => docs is null
            ? lines
            : [.. lines, "/// <seealso href=\"" + Escape(docs.Url).Replace("\"", "&quot;") + "\">" + Escape(docs.Description ?? "More in the API's documentation") + "</seealso>"];

    public static IReadOnlyList<string> Summary(string text, bool escape = true)
        => Element("summary", escape ? Escape(Normalize(text)) : Normalize(text));

    /// <summary>
    /// A member's summary from the spec (none where the spec describes nothing: a placeholder would only be noise) and
    /// remarks with what the declaration does not show: that the spec requires a member declared nullable, its
    /// constraints, the service's default, whether it is a secret.
    /// </summary>
    /// <param name="isRequiredThoughNullable">
    /// Whether the spec requires the member although its declaration admits null (a record read leniently from responses,
    /// whose <c>Validate()</c> reports it missing); a <c>required</c> member says it itself, and an optional one is nullable.
    /// </param>
    public static IReadOnlyList<string> Property(string? description, TypeRef type, bool isRequiredThoughNullable, string? defaultValue, bool isSensitive)
    {
        var lines = new List<string>(string.IsNullOrWhiteSpace(description) ? [] : Summary(description!));
        var facts = new List<string>();
        if (isRequiredThoughNullable)
        {
            facts.Add("Required.");
        }

        facts.AddRange(Constraints(type));
        if (defaultValue is not null)
        {
            facts.Add("The service's default is " + defaultValue + ".");
        }

        if (isSensitive)
        {
            facts.Add("A secret: never printed by ToString.");
        }

        if (facts.Count > 0)
        {
            lines.AddRange(Element("remarks", Escape(string.Join(" ", facts))));
        }

        return lines;
    }

    /// <summary>A doc element on one line when its text is short, as a person writes it; else the text wrapped between its tags.</summary>
    private static IReadOnlyList<string> Element(string tag, string text)
    {
        var open = "<" + tag + ">";
        var close = "</" + tag + ">";
        if (open.Length + text.Length + close.Length <= Width)
        {
            return ["/// " + open + text + close];
        }

        var lines = new List<string> { "/// " + open };
        AddWrapped(text, lines);
        lines.Add("/// " + close);
        return lines;
    }

    /// <summary>Sentences such as "1–36 characters: letters, digits and '-'." or "From 1 to 1000.".</summary>
    public static IEnumerable<string> Constraints(TypeRef type)
    {
        var c = type.Constraints;
        if (type.Kind == ValueKind.Bytes)
        {
            // The length and pattern below, if any, are the spec's: about this text, not the bytes.
            yield return "Sent as " + (type.IsBase64Url ? "base64url" : "base64") + " text" + (type.ContentMediaType is { } mediaType ? " (" + mediaType + ")" : string.Empty) + ".";
        }

        if (c.MinLength is not null || c.MaxLength is not null || c.Pattern?.CharacterClass is not null)
        {
            var length = (c.MinLength, c.MaxLength) switch
            {
                ({ } min, { } max) when min == max => Number(min) + " characters",
                ({ } min, { } max) => Number(min) + "–" + Number(max) + " characters",
                ({ } min, null) => "at least " + Number(min) + " characters",
                (null, { } max) => "at most " + Number(max) + " characters",
                _ => "Characters",
            };
            var characters = c.Pattern?.CharacterClass is { } characterClass ? ": " + CSharpFragments.DescribeCharacterSet(characterClass) : string.Empty;
            yield return Capitalize(length + characters) + ".";
        }

        if (c.Pattern is { CharacterClass: null } pattern)
        {
            yield return "Must match the pattern '" + pattern.Pattern + "'.";
        }

        var lower = c.Minimum is null ? null : (c.ExclusiveMinimum ? "greater than " : "at least ") + c.Minimum;
        var upper = c.Maximum is null ? null : (c.ExclusiveMaximum ? "less than " : "at most ") + c.Maximum;
        if (lower is not null || upper is not null)
        {
            yield return Capitalize(string.Join(" and ", new[] { lower, upper }.Where(s => s is not null))) + ".";
        }

        if (c.MultipleOf is not null)
        {
            yield return "A multiple of " + c.MultipleOf + ".";
        }

        if (c.MinItems is not null || c.MaxItems is not null)
        {
            yield return (c.MinItems, c.MaxItems) switch
            {
                ({ } min, { } max) => Number(min) + "–" + Number(max) + " items.",
                ({ } min, null) => "At least " + Number(min) + (min == 1 ? " item." : " items."),
                (_, { } max) => "At most " + Number(max) + (max == 1 ? " item." : " items."),
                _ => string.Empty,
            };
        }

        if (!c.AllowedValues.IsEmpty)
        {
            yield return "One of " + string.Join(", ", c.AllowedValues) + ".";
        }

        if (type.Element is { } element && (type.Kind is ValueKind.Array or ValueKind.Map))
        {
            var elementFacts = Constraints(element).ToList();
            if (elementFacts.Count > 0)
            {
                yield return (type.Kind == ValueKind.Array ? "Each item: " : "Each value: ") + string.Join(" ", elementFacts);
            }
        }
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>
    /// The text with each run of white space (as <c>\s</c> means it: <see cref="char.IsWhiteSpace(char)"/>) made one space,
    /// and none at either end. Every description of a spec passes here, and most have single spaces only: those are only
    /// trimmed.
    /// </summary>
    private static string Normalize(string text)
    {
        var i = 0;
        while (i < text.Length && (text[i] == ' ' ? i + 1 == text.Length || !char.IsWhiteSpace(text[i + 1]) : !char.IsWhiteSpace(text[i])))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text.Trim();
        }

        var normalized = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = normalized.Length > 0;
            }
            else
            {
                if (pendingSpace)
                {
                    normalized.Append(' ');
                    pendingSpace = false;
                }

                normalized.Append(c);
            }
        }

        return normalized.ToString();
    }

    /// <summary>The width doc text wraps at, about 110 characters, so generated docs read well in a diff.</summary>
    private const int Width = 110;

    /// <summary>
    /// Adds <paramref name="text"/> as doc lines of words (what a space separates, an empty one included) that fit in
    /// <see cref="Width"/>, a longer word on a line of its own. Each line is a run of the text itself, so it is cut out
    /// of it once, rather than split into words and joined again.
    /// </summary>
    private static void AddWrapped(string text, List<string> lines)
    {
        // The line so far is text[lineStart, lineEnd); it is empty while lineStart is -1.
        var lineStart = -1;
        var lineEnd = 0;
        var wordStart = 0;
        while (true)
        {
            var space = text.IndexOf(' ', wordStart);
            var wordEnd = space < 0 ? text.Length : space;
            if (lineStart >= 0 && lineEnd - lineStart + 1 + wordEnd - wordStart > Width)
            {
                lines.Add("/// " + text.Substring(lineStart, lineEnd - lineStart));
                lineStart = -1;
            }

            // A word joins the line with the one space before it; an empty word does not start a line.
            if (lineStart >= 0)
            {
                lineEnd = wordEnd;
            }
            else if (wordEnd > wordStart)
            {
                (lineStart, lineEnd) = (wordStart, wordEnd);
            }

            if (space < 0)
            {
                break;
            }

            wordStart = space + 1;
        }

        if (lineStart >= 0)
        {
            lines.Add("/// " + text.Substring(lineStart, lineEnd - lineStart));
        }
    }
}
