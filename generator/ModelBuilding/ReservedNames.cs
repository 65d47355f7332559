namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>The names the generated code declares or uses, which a name from the spec must not take.</summary>
internal static class ReservedNames
{
    /// <summary>Members generated records have (merge patches also IsEmpty, FromDiff and FromWhole), which a property must not shadow.</summary>
    public static readonly string[] RecordMembers =
    [
        "Validate", "ValidateMembers", "WriteTo", "ReadFrom", "ToJson", "FromJson", "AdditionalProperties", "EqualityContract",
        "ToString", "GetHashCode", "Equals", "Clone", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize",
        "IsEmpty", "FromDiff", "FromWhole",

        // Types the records name in expressions (JsonRead.String, ValidationContext.Rent), where a property would hide them.
        "JsonRead", "JsonWrite", "JsonElement", "JsonTokenType", "ValidationContext", "StringComparer", "MergePatch", "TextRules",
        "ElementRules", "JsonTypes", "Regex", "RegexOptions", "TimeSpan",
    ];

    /// <summary>Framework and runtime types the generated code names without qualification, which a schema must not shadow.</summary>
    public static readonly string[] Types =
    [
        "System", "Task", "HttpClient", "HttpMethod", "HttpRequestMessage", "CancellationToken", "JsonElement", "JsonEncodedText",
        "JsonTokenType", "JsonException", "Utf8JsonReader", "Utf8JsonWriter", "Regex", "RegexOptions", "TimeSpan", "Uri",
        "Optional", "ValidationError", "ValidationContext", "RequestValidationException", "ApiException", "ApiResponse",
        "AcceptedResponse", "ApiResponseFormatException", "JsonRead", "JsonWrite", "JsonMemberNames", "JsonPointer", "ApiHttp", "TextRules",
        "IReadOnlyList", "IReadOnlyDictionary", "List", "Dictionary", "StringComparer", "StringBuilder", "JsonPropertyNameAttribute",
        "JsonPropertyName", "ArgumentNullException", "ArgumentException", "Action", "Func", "Exception", "String", "Object",
    ];
}
