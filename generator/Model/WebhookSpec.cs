namespace OpenApiClientGenerator.Model;

/// <summary>
/// A webhook of the spec (OpenAPI 3.1 <c>webhooks</c>): a request the API sends to its users, whose JSON payload a
/// generated method reads and checks for the endpoint that receives it.
/// </summary>
internal sealed record WebhookSpec
{
    /// <summary>Gets the webhook's name in the spec.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the HTTP method the API sends it with, upper case.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>Gets the reader's name (<c>ReadNewPet</c>; its asynchronous form adds <c>Async</c>).</summary>
    public required string MethodName { get; init; }

    /// <summary>Gets the payload: a record, which checks its own constraints, those on it as a whole included (enum, not, dependentRequired).</summary>
    public required TypeRef Payload { get; init; }

    public string? Description { get; init; }
}
