using System;
using System.Collections.Generic;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// The names the templates declare in generated types, or name there without qualification, which a name from the spec
/// must not take: a property, a method or a type of that name would not compile, or would hide the template's own. This
/// is the one list of them; <c>ReservedNamesTests</c> checks it against the embedded templates, so a template that
/// declares a new member must add it here.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Members generated records have (merge patches also IsEmpty, FromDiff and FromWhole), which a property must not shadow.</summary>
    public static readonly string[] RecordMembers =
    [
        "Validate", "ValidateMembers", "WriteTo", "ReadFrom", "ToJson", "FromJson", "AdditionalProperties", "EqualityContract",
        "ToString", "GetHashCode", "Equals", "Clone", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize",
        "IsEmpty", "FromDiff", "FromWhole", "ValidateResponse",

        // Types the records name in expressions (JsonRead.String, ValidationContext.Rent), where a property would hide them.
        "JsonRead", "JsonWrite", "JsonElement", "JsonTokenType", "ValidationContext", "StringComparer", "MergePatch", "TextRules",
        "ElementRules", "JsonTypes", "Regex", "RegexOptions", "TimeSpan", "Base64Text", "MapEntries",
    ];

    /// <summary>Members of a response headers record beside the headers: its reader, and the types it names in expressions.</summary>
    public static readonly string[] HeadersRecordMembers = [.. RecordMembers, "Read", "ResponseHeaders", "DateTimeOffset"];
    /// <summary>
    /// Members of a union (<c>Union.sbncs</c>) beside those named after its variants (<c>IsCat</c>, <c>TryGetCat</c>,
    /// <c>FromCat</c>, <c>ValidateCat</c>): a variant's name must not make one of these.
    /// </summary>
    public static readonly string[] UnionMembers =
    [
        "Json", "IsUnknown", "DiscriminatorValue", "Match", "Validate", "ValidateMembers", "WriteTo", "ReadFrom", "ToJson",
        "FromJson", "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize",
    ];

    /// <summary>The prefixes of a union's members named after a variant.</summary>
    public static readonly string[] UnionVariantMemberPrefixes = ["Is", "TryGet", "From", "Validate"];

    /// <summary>The request record's body, a member only when the operation has a request body.</summary>
    public const string RequestBody = "Body";

    /// <summary>
    /// Members of a JSON Patch document, which its methods (named after the spec's op values and paths) must not take: a
    /// record's, those of a list (<c>Item</c> is the indexer's name), the document's own helpers, and the types its code
    /// names in expressions.
    /// </summary>
    public static readonly string[] JsonPatchDocumentMembers =
    [
        .. RecordMembers,
        "Count", "Item", "GetEnumerator", "CheckPath",
        "JsonPointer", "ArgumentException",
    ];

    /// <summary>
    /// JSON Patch document members that a method named after an op value overloads on purpose: the private
    /// <c>Add(op, path, value)</c> every method calls, beside the <c>Add(path, value)</c> of an <c>add</c> operation.
    /// </summary>
    public static readonly string[] JsonPatchDocumentOverloads = ["Add"];

    /// <summary>
    /// The client's own members beside its operations' methods (which end in <c>Async</c>, so no spec name meets these).
    /// A schema must not take them either: inside the client, a member hides a type its code names in an expression
    /// (<c>Pet.ReadFrom</c>).
    /// </summary>
    public static readonly string[] ClientMembers = ["ResponseValidation", "OnResponseMismatch"];

    /// <summary>
    /// Members of the client options class beside those named from the spec (server variables and security schemes), and
    /// the types it names in expressions.
    /// </summary>
    public static readonly string[] OptionsMembers =
    [
        "BaseAddress", "ResolveBaseAddress", "CreateAuthenticationHandler", "CreateHttpClient", "TimeProvider",
        "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize",
        "ServerAddress", "ServerVariable", "ApiAuthentication", "ApiKeyLocation", "HttpClient", "HttpClientHandler", "Uri",
    ];

    /// <summary>
    /// Framework and runtime types the generated code names without qualification, which a schema must not shadow. Those
    /// it names only with type arguments (<c>Task&lt;T&gt;</c>, <c>Action&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>) are
    /// not here: C# looks a generic name up among the types of its arity, which no schema's type has, so a schema
    /// named <c>Task</c> keeps its name. Nor are those of <see cref="QualifiedWhereShadowed"/>.
    /// </summary>
    public static readonly string[] Types =
    [
        "System", "HttpClient", "HttpMethod", "HttpRequestMessage", "CancellationToken", "JsonElement", "JsonEncodedText",
        "JsonTokenType", "JsonException", "Utf8JsonReader", "Utf8JsonWriter", "Regex", "RegexOptions", "TimeSpan",
        "Optional", "ValidationContext", "RequestValidationException", "IValidatedRequest", "WebhookPayloadException", "WebhookBodies", "ApiException",
        "AcceptedResponse", "ApiResponseFormatException", "JsonRead", "JsonWrite", "JsonMemberNames", "JsonPointer", "ApiHttp", "TextRules", "Base64Text", "MapEntries",
        "ElementRules", "JsonTypes", "MergePatch", "UnionShape", "UnionVariant", "UnionJson", "IUnionValue", "IJsonWritable", "IValidatable", "ResponseMismatch", "ApiResponseValidationException", "ResponseCheck", "ResponseChecks", "AkSk", "HuaweiCloudSignature", "HuaweiCloudSigningHandler",

        // Media types: the request content the client methods build.
        "FormUrlEncoder", "FormEncoding", "ParameterStyle", "ParameterValue", "ParameterSerializer", "BinaryBody", "RequestContent", "HttpContent", "FilePart", "Multipart",
        "MultipartFormDataContent", "ServerSentEvent", "ServerSentEvents", "ResponseStreams",
        "JsonLines", "ResponseLines", "ResponseHeaders", "ApiResponseWithHeaders", "StreamResponse", "DateTimeOffset",

        // Authentication and client options.
        "ApiAuthentication", "ApiAuthenticationException", "ApiKeyLocation", "BasicCredentials", "OAuth2ClientCredentials",
        "OAuth2TokenCache", "ServerAddress", "ServerVariable", "DelegatingHandler", "HttpMessageHandler",
        "HttpClientHandler", "InvalidOperationException",

        "StringComparer", "StringBuilder", "JsonPropertyNameAttribute", "JsonPropertyName", "ArgumentNullException",
        "ArgumentException", "ArgumentOutOfRangeException", "Array", "JsonValueKind", "IServiceCollection",
        "ServiceDescriptor",

        // Namespaces the generated code names types in.
        "Microsoft", "OpenApiClientGenerator",
        .. ClientMembers,
    ];

    /// <summary>
    /// Types the generated code names without type arguments that a schema may take all the same, by their full names: a
    /// spec with such a schema (FastAPI's <c>ValidationError</c>, the Petstore's <c>ApiResponse</c>) gets its type under
    /// the schema's name, and the generated code names these by their full names instead
    /// (<see cref="Model.ApiSpec.ShadowedNames"/>). Common nouns of APIs, unlike the rest of <see cref="Types"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> QualifiedWhereShadowed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ApiResponse"] = "global::OpenApiClientGenerator.Runtime.ApiResponse",
        ["FileResponse"] = "global::OpenApiClientGenerator.Runtime.FileResponse",
        ["Uri"] = "global::System.Uri",
        ["ValidationError"] = "global::OpenApiClientGenerator.Runtime.ValidationError",
    };
}
