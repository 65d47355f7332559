using System;
using System.Linq;

namespace OpenApiClientGenerator.Model;

/// <summary>A list given as MSBuild item metadata (the operation selection, the webhooks).</summary>
internal static class MetadataList
{
    /// <summary>
    /// The values of <paramref name="value"/>, separated by <c>;</c>, which the package's targets turn into <c>|</c> on
    /// the way, since the compiler's analyzer config would end the value at the first <c>;</c>. Blanks around the values
    /// are ignored; the list is sorted and free of duplicates, so that reordering the metadata changes nothing downstream.
    /// </summary>
    public static EquatableArray<string> Parse(string? value)
        => (value ?? string.Empty)
            .Split(';', '|')
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(item => item, StringComparer.Ordinal)
            .ToEquatableArray();
}
