using System;

namespace OpenApiClientGenerator.Model;

/// <summary>
/// Which operations of a spec to generate, and which component schemas to keep besides those they reach, from the
/// spec's <c>OpenApiInclude…</c>/<c>OpenApiExclude…</c> item metadata (docs/options.md, "Generating only what you use").
/// An operation is selected when, for each kind of include that is given, it matches one of its values, and it matches
/// no exclude. Each list is sorted and free of duplicates, so that reordering the metadata changes nothing downstream.
/// </summary>
internal sealed record SpecSelection(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> ExcludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths,
    EquatableArray<string> IncludeOperations,
    EquatableArray<string> ExcludeOperations,
    EquatableArray<string> IncludeSchemas)
{
    public const string IncludeTagsMetadata = "OpenApiIncludeTags";
    public const string ExcludeTagsMetadata = "OpenApiExcludeTags";
    public const string IncludePathsMetadata = "OpenApiIncludePaths";
    public const string ExcludePathsMetadata = "OpenApiExcludePaths";
    public const string IncludeOperationsMetadata = "OpenApiIncludeOperations";
    public const string ExcludeOperationsMetadata = "OpenApiExcludeOperations";
    public const string IncludeSchemasMetadata = "OpenApiIncludeSchemas";

    /// <summary>
    /// The selection the metadata asks for; null when it asks for none, and then every operation and every component
    /// schema is generated. <paramref name="metadata"/> gives a metadata value by name, or null.
    /// </summary>
    public static SpecSelection? FromMetadata(Func<string, string?> metadata)
    {
        var selection = new SpecSelection(
            List(IncludeTagsMetadata),
            List(ExcludeTagsMetadata),
            List(IncludePathsMetadata),
            List(ExcludePathsMetadata),
            List(IncludeOperationsMetadata),
            List(ExcludeOperationsMetadata),
            List(IncludeSchemasMetadata));
        return selection.IncludeTags.IsEmpty && selection.ExcludeTags.IsEmpty && selection.IncludePaths.IsEmpty && selection.ExcludePaths.IsEmpty
            && selection.IncludeOperations.IsEmpty && selection.ExcludeOperations.IsEmpty && selection.IncludeSchemas.IsEmpty
            ? null
            : selection;

        EquatableArray<string> List(string name) => MetadataList.Parse(metadata(name));
    }
}
