namespace OpenApiClientGenerator.Model;

/// <summary>
/// One file a spec generates, with the part of the model its rendering reads: the pipeline renders each file on its own,
/// and again only when that part changes, so that editing one schema re-renders the file of that schema alone.
/// </summary>
/// <param name="SourcePath">The spec the file comes from.</param>
/// <param name="Client">The full name of the spec's client, which no other spec's may have.</param>
/// <param name="HintName">The file's name, which depends on nothing but the names in it, so an added schema renames no other file.</param>
/// <param name="Template">The template that lays the file out.</param>
/// <param name="Slice">The spec with only what the file reads: a models file's types and those they consult, say.</param>
/// <param name="RenderedTypes">The names of the types of <see cref="Slice"/> the file declares; the others are only consulted.</param>
internal sealed record RenderInput(string SourcePath, string Client, string HintName, string Template, ApiSpec Slice, EquatableArray<string> RenderedTypes);
