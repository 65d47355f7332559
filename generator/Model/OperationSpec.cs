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
internal sealed record OperationSpec(
    string Name,
    string HttpMethod,
    string PathTemplate,
    string? Summary,
    string? Description,
    string RequestTypeName,
    EquatableArray<ParameterSpec> Parameters,
    BodySpec? Body,
    ResponseSpec? SuccessResponse,
    EquatableArray<ResponseSpec> ErrorResponses);

internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    string? Description,
    TypeRef Type,
    bool IsRequired,
    bool IsSensitive,
    string? DefaultValue);

internal sealed record BodySpec(string MediaType, BodyKind Kind, TypeRef Type, bool IsRequired, string? Description);

/// <summary>
/// A documented response. <see cref="StatusCode"/> is 0 for <c>default</c>. <see cref="TrackingIdProperty"/> names the body
/// property that identifies accepted work (from <c>x-operation-id-property</c>, or <c>id</c> on a 202).
/// </summary>
internal sealed record ResponseSpec(
    int StatusCode,
    string? Description,
    TypeRef? Body,
    string? TrackingIdProperty,
    bool HasRequestIdHeader);
