namespace OpenApiClientGenerator.Model;

/// <summary>
/// Where the spec says more about an operation, a schema or the API (its <c>externalDocs</c>): an absolute http or https
/// URL, and what is there when the spec says; the generated doc comment links to it.
/// </summary>
internal sealed record ExternalDocsSpec(string Url, string? Description);
