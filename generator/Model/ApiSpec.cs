namespace OpenApiClientGenerator.Model;

/// <summary>Everything generated from one spec file: its types, its operations and the client that calls them.</summary>
internal sealed record ApiSpec
{
    public required string SourcePath { get; init; }

    public required string Namespace { get; init; }

    /// <summary>Gets the client class's name, which also starts the names of the spec's generated files.</summary>
    public required string ClientName { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets where the spec says more about the API.</summary>
    public ExternalDocsSpec? ExternalDocs { get; init; }

    /// <summary>Gets the first server's URL, if the spec names one.</summary>
    public string? DefaultBaseAddress { get; init; }

    /// <summary>Gets the first server, whose URL and variables the client options turn into a base address.</summary>
    public ServerSpec? Server { get; init; }

    /// <summary>Gets the security schemes the client can authenticate with, in the spec's order.</summary>
    public EquatableArray<SecuritySchemeSpec> SecuritySchemes { get; init; } = EquatableArray<SecuritySchemeSpec>.Empty;

    public required EquatableArray<TypeSpec> Types { get; init; }

    public required EquatableArray<OperationSpec> Operations { get; init; }

    /// <summary>Gets the error readers the operations share, each once, ordered by name: a file of their own declares them.</summary>
    public EquatableArray<ErrorReaderSpec> ErrorReaders { get; init; } = EquatableArray<ErrorReaderSpec>.Empty;

    /// <summary>Gets the records of the headers the operations' successes document, each once, ordered by name: a file of their own declares them.</summary>
    public EquatableArray<HeadersRecordSpec> HeadersRecords { get; init; } = EquatableArray<HeadersRecordSpec>.Empty;

    /// <summary>Gets the webhooks whose payloads the generated code reads, in the spec's order.</summary>
    public EquatableArray<WebhookSpec> Webhooks { get; init; } = EquatableArray<WebhookSpec>.Empty;

    /// <summary>
    /// Gets the names of <see cref="ModelBuilding.ReservedNames.QualifiedWhereShadowed"/> that a type of the spec has, in
    /// ordinal order: the generated code names the runtime's and the framework's types of these names by their full names.
    /// </summary>
    public EquatableArray<string> ShadowedNames { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>
/// The result of parsing one spec: the model when it can be generated, and what to report either way. <see cref="NameLocation"/>
/// is where the name of the client comes from (<c>info.title</c>), for a collision with another spec's client.
/// </summary>
internal sealed record SpecParseResult(ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, LocationInfo? NameLocation = null);
