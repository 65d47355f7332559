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

    /// <summary>Framework and runtime types the generated code names without qualification, which a schema must not shadow.</summary>
    public static readonly string[] Types =
    [
        "System", "Task", "HttpClient", "HttpMethod", "HttpRequestMessage", "CancellationToken", "JsonElement", "JsonEncodedText",
        "JsonTokenType", "JsonException", "Utf8JsonReader", "Utf8JsonWriter", "Regex", "RegexOptions", "TimeSpan", "Uri",
        "Optional", "ValidationError", "ValidationContext", "RequestValidationException", "IValidatedRequest", "WebhookPayloadException", "WebhookBodies", "ApiException", "ApiResponse",
        "AcceptedResponse", "ApiResponseFormatException", "JsonRead", "JsonWrite", "JsonMemberNames", "JsonPointer", "ApiHttp", "TextRules", "Base64Text", "MapEntries",
        "ElementRules", "JsonTypes", "MergePatch", "UnionShape", "UnionVariant", "UnionJson", "IUnionValue", "IJsonWritable", "IValidatable", "ResponseMismatch", "ApiResponseValidationException", "ResponseCheck", "ResponseChecks", "AkSk", "HuaweiCloudSignature", "HuaweiCloudSigningHandler",

        // Media types: the request content the client methods build.
        "FormUrlEncoder", "FormEncoding", "ParameterStyle", "ParameterValue", "ParameterSerializer", "BinaryBody", "RequestContent", "HttpContent", "FilePart", "Multipart",
        "MultipartFormDataContent", "FileResponse", "ServerSentEvent", "ServerSentEvents", "ResponseStreams", "IAsyncEnumerable",
        "JsonLines", "ResponseLines", "ResponseHeaders", "ApiResponseWithHeaders", "StreamResponse", "DateTimeOffset",

        // Authentication and client options.
        "ApiAuthentication", "ApiAuthenticationException", "ApiKeyLocation", "BasicCredentials", "OAuth2ClientCredentials",
        "OAuth2TokenCache", "ServerAddress", "ServerVariable", "ValueTask", "DelegatingHandler", "HttpMessageHandler",
        "HttpClientHandler", "InvalidOperationException",

        "IReadOnlyList", "IReadOnlyDictionary", "List", "Dictionary", "StringComparer", "StringBuilder", "JsonPropertyNameAttribute",
        "JsonPropertyName", "ArgumentNullException", "ArgumentException", "Action", "Func", "Exception", "String", "Object",
        .. ClientMembers,
    ];
}
