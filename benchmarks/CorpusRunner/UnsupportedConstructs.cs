using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CorpusRunner;

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

    private static readonly Regex JsonMemberLine = new(@"^(?<indent> *)""(?<key>(?:[^""\\]|\\.)*)"": (?:""(?<string>(?:[^""\\]|\\.)*)"")?", RegexOptions.CultureInvariant);

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
    /// The media types of the body an OAG006 reports on <paramref name="line"/> (0-based) of the re-indented spec: the
    /// keys of the <c>content</c> object there, or, when the body is a <c>$ref</c> (the diagnostic then points at the
    /// reference, the nearest node the spec has), the keys of the <c>content</c> of the body it names.
    /// </summary>
    public static IReadOnlyList<string> MediaTypesAt(IReadOnlyList<string> lines, int line, JsonElement root)
    {
        var members = MembersOfObjectAt(lines, line);
        if (members is not [("$ref", var reference)])
        {
            return members.Select(m => m.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        }

        for (var hops = 0; hops < 8 && Resolve(root, reference) is { ValueKind: JsonValueKind.Object } target; hops++)
        {
            if (target.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
            {
                return content.EnumerateObject().Select(m => m.Name).OrderBy(k => k, StringComparer.Ordinal).ToList();
            }

            if (!target.TryGetProperty("$ref", out var next) || next.ValueKind != JsonValueKind.String)
            {
                break;
            }

            reference = next.GetString()!;
        }

        return ["$ref " + reference];
    }

    /// <summary>
    /// The members of the JSON object that starts on <paramref name="line"/> (0-based) of the re-indented spec, each with
    /// its value when the value is a string. The re-indented text puts each member on its own line, two spaces deeper
    /// than its object.
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> MembersOfObjectAt(IReadOnlyList<string> lines, int line)
    {
        if (line < 0 || line >= lines.Count || !lines[line].TrimEnd().EndsWith('{'))
        {
            return [];
        }

        var indent = lines[line].Length - lines[line].TrimStart(' ').Length;
        var members = new List<(string, string)>();
        for (var i = line + 1; i < lines.Count; i++)
        {
            var memberIndent = lines[i].Length - lines[i].TrimStart(' ').Length;
            if (memberIndent <= indent)
            {
                break;
            }

            var match = JsonMemberLine.Match(lines[i]);
            if (match.Success && match.Groups["indent"].Length == indent + 2)
            {
                var value = match.Groups["string"].Success ? JsonString(match.Groups["string"].Value) : string.Empty;
                members.Add((JsonString(match.Groups["key"].Value), value));
            }
        }

        return members;
    }

    /// <summary>The node a local reference (<c>#/components/requestBodies/X</c>) names, or null.</summary>
    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var node = root;
        foreach (var token in reference[2..].Split('/').Select(t => Uri.UnescapeDataString(t).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(token, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static string JsonString(string escaped) => JsonSerializer.Deserialize<string>("\"" + escaped + "\"")!;
}
