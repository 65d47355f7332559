using System.Text.RegularExpressions;

namespace OpenApiClientGenerator.Testing;

/// <summary>Edits of a spec's text that keep it valid, as a user's edits look to the generator.</summary>
internal static class SpecEdits
{
    private static readonly Regex OneLineDescription = new(@"(?<key>\bdescription: )(?<first>[^>|'""\s])", RegexOptions.CultureInvariant);

    /// <summary>
    /// Puts "Edited. " in front of every one-line description. Block and quoted descriptions are left as they are, so the
    /// YAML stays valid and the spec still generates, with changed documentation.
    /// </summary>
    public static string EditDescriptions(string specText) => OneLineDescription.Replace(specText, "${key}Edited. ${first}");
}
