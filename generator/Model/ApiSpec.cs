namespace OpenApiClientGenerator.Model;

/// <summary>Everything generated from one spec file: its types, its operations and the client that calls them.</summary>
internal sealed record ApiSpec(
    string SourcePath,
    string HintPrefix,
    string Namespace,
    string ClientName,
    string Title,
    string? Description,
    string? DefaultBaseAddress,
    EquatableArray<TypeSpec> Types,
    EquatableArray<OperationSpec> Operations);

/// <summary>
/// The result of parsing one spec: the model when it can be generated, and what to report either way. <see cref="NameLocation"/>
/// is where the name of the client comes from (<c>info.title</c>), for a collision with another spec's client.
/// </summary>
internal sealed record SpecParseResult(ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, LocationInfo? NameLocation = null);
