namespace OpenApiClientGenerator.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

internal enum BodyKind
{
    Json,
    MergePatch,
    JsonPatch,
}

/// <summary>One API operation: becomes a request record and an async client method.</summary>
internal sealed record OperationSpec
{
    public required string Name { get; init; }

    public required string HttpMethod { get; init; }

    public required string PathTemplate { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public required string RequestTypeName { get; init; }

    public required EquatableArray<ParameterSpec> Parameters { get; init; }

    public BodySpec? Body { get; init; }

    public ResponseSpec? SuccessResponse { get; init; }

    public required EquatableArray<ResponseSpec> ErrorResponses { get; init; }

    /// <summary>
    /// Gets the operation's security requirement (its own <c>security</c>, or the spec's): alternatives, any one of which
    /// suffices. Empty when the operation needs none (<c>security: []</c>, or no <c>security</c> anywhere).
    /// </summary>
    public EquatableArray<SecurityRequirementSpec> Security { get; init; } = EquatableArray<SecurityRequirementSpec>.Empty;
}

internal sealed record ParameterSpec
{
    public required string Name { get; init; }

    public required string WireName { get; init; }

    public required ParameterLocation Location { get; init; }

    public string? Description { get; init; }

    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    public bool IsSensitive { get; init; }

    /// <summary>Gets the spec's default value as JSON text.</summary>
    public string? DefaultValue { get; init; }
}

internal sealed record BodySpec
{
    public required string MediaType { get; init; }

    public required BodyKind Kind { get; init; }

    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// A documented response. <see cref="StatusCode"/> is 0 for <c>default</c>. <see cref="TrackingIdProperty"/> names the body
/// property that identifies accepted work (from <c>x-operation-id-property</c>, or <c>id</c> on a 202).
/// </summary>
internal sealed record ResponseSpec
{
    public required int StatusCode { get; init; }

    public string? Description { get; init; }

    public TypeRef? Body { get; init; }

    public string? TrackingIdProperty { get; init; }

    public required bool HasRequestIdHeader { get; init; }
}
