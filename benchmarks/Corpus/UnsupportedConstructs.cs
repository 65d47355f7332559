using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Corpus;

/// <summary>
/// Reads the kind of an unsupported construct from an OAG006 message, "{construct} is not supported; {what happens}",
/// and sorts kinds into the families the issues' targets count. The kind is the construct with quoted values taken
/// out ("The status code pattern '…'"), so that one kind gathers every value; the values are counted on their own
/// where an issue needs them (status patterns; a dropped body's media types, read from the spec at the reported line).
/// Families go by keywords rather than by whole messages, so that rewording a message keeps it in its family.
/// </summary>
public static class UnsupportedConstructs
{
    public const string DiagnosticId = "OAG006";

    private static readonly Regex Quoted = new("'[^']*'", RegexOptions.CultureInvariant);

    private static readonly Regex StatusPattern = new(@"\b[1-5]XX\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex JsonKeyLine = new(@"^(?<indent> *)""(?<key>(?:[^""\\]|\\.)*)"":", RegexOptions.CultureInvariant);

    public static (string Kind, string Reason) Read(string message)
    {
        var separator = message.IndexOf(" is not supported", StringComparison.Ordinal);
        var construct = separator >= 0 ? message[..separator] : message.Split(';')[0];
        var semicolon = message.IndexOf("; ", StringComparison.Ordinal);
        var reason = semicolon >= 0 ? message[(semicolon + 2)..] : string.Empty;
        return (Quoted.Replace(construct, "'…'"), reason);
    }

    /// <summary>allOf, oneOf, anyOf or not: the constructs of issue "composition"'s 90 % target.</summary>
    public static bool IsComposition(string kind)
        => kind.Contains("allOf", StringComparison.Ordinal) || kind.Contains("oneOf", StringComparison.Ordinal)
        || kind.Contains("anyOf", StringComparison.Ordinal) || kind == "not" || kind.StartsWith("not ", StringComparison.Ordinal);

    /// <summary>A request body the method is generated without (issue "media types").</summary>
    public static bool IsDroppedBody(string kind) => kind.Contains("request body", StringComparison.OrdinalIgnoreCase);

    /// <summary>A status code range whose response is not typed (issue "media types").</summary>
    public static bool IsStatusRange(string kind) => kind.Contains("status code pattern", StringComparison.OrdinalIgnoreCase);

    /// <summary>The status pattern a message quotes (<c>4XX</c>), or "?" when it quotes none.</summary>
    public static string StatusRangeOf(string message)
    {
        var match = StatusPattern.Match(message);
        return match.Success ? match.Value.ToUpperInvariant() : "?";
    }

    /// <summary>
    /// The keys of the JSON object that starts on <paramref name="line"/> (0-based) of the re-indented spec: the media
    /// types of a body's <c>content</c>, where OAG006 points. The re-indented text puts each member on its own line,
    /// two spaces deeper than its object.
    /// </summary>
    public static IReadOnlyList<string> KeysOfObjectAt(IReadOnlyList<string> lines, int line)
    {
        if (line < 0 || line >= lines.Count || !lines[line].TrimEnd().EndsWith('{'))
        {
            return [];
        }

        var indent = lines[line].Length - lines[line].TrimStart(' ').Length;
        var keys = new List<string>();
        for (var i = line + 1; i < lines.Count; i++)
        {
            var memberIndent = lines[i].Length - lines[i].TrimStart(' ').Length;
            if (memberIndent <= indent)
            {
                break;
            }

            var match = JsonKeyLine.Match(lines[i]);
            if (match.Success && match.Groups["indent"].Length == indent + 2)
            {
                keys.Add(JsonSerializer.Deserialize<string>("\"" + match.Groups["key"].Value + "\"")!);
            }
        }

        return keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
    }
}
