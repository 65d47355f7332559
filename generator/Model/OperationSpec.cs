using OpenApiClientGenerator.Runtime;

namespace OpenApiClientGenerator.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

internal enum BodyKind
{
    Json,
    MergePatch,
    JsonPatch,

    /// <summary><c>application/x-www-form-urlencoded</c>: a typed record, its members sent as fields by <see cref="BodySpec.FormEncodings"/>.</summary>
    Form,

    /// <summary><c>text/plain</c> and other text types: a string.</summary>
    Text,

    /// <summary><c>application/octet-stream</c>, <c>image/*</c>, <c>*/*</c> or a <c>format: binary</c> schema: a stream, bytes or content.</summary>
    Binary,

    /// <summary><c>multipart/form-data</c>: a record of typed parts, <see cref="BodySpec.Parts"/>, files among them as streams.</summary>
    Multipart,

    /// <summary>A media type the generator cannot type: the caller passes the <c>HttpContent</c> itself.</summary>
    Raw,
}

/// <summary>How a multipart part is sent: a file (a stream with its name and type), a scalar as text, or any value as JSON.</summary>
internal enum PartKind
{
    File,

    /// <summary>A list of files (<c>type: array</c> of <c>format: binary</c>): each sent as a part of its own under the same name.</summary>
    Files,
    Text,
    Json,
}

/// <summary>One part of a <c>multipart/form-data</c> body: a top-level property of its schema.</summary>
internal sealed record PartSpec
{
    public required string Name { get; init; }

    public required string WireName { get; init; }

    public required PartKind Kind { get; init; }

    /// <summary>Gets the value's type; <see cref="TypeRef.Any"/> for a file.</summary>
    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    /// <summary>Gets the part's media type from the <c>encoding</c> object, if the spec names one.</summary>
    public string? ContentType { get; init; }

    public string? Description { get; init; }
}

/// <summary>One entry of a form body's <c>encoding</c> object.</summary>
internal sealed record FormEncodingSpec(string Name, ParameterStyle Style, bool Explode, bool IsJson);

/// <summary>One API operation: becomes a request record and an async client method.</summary>
internal sealed record OperationSpec
{
    public required string Name { get; init; }

    /// <summary>
    /// Gets the name of the client's method (<c>{Name}Async</c>). Claimed among the type names: inside the client the method
    /// would hide a schema's type of its name; a collision takes the next free name and is reported (OAG008).
    /// </summary>
    public required string MethodName { get; init; }

    public required string HttpMethod { get; init; }

    public required string PathTemplate { get; init; }

    /// <summary>Gets the operation's first tag, which names the file of the client it is generated in; null when it has none.</summary>
    public string? Tag { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets where the spec says more about the operation.</summary>
    public ExternalDocsSpec? ExternalDocs { get; init; }

    public required string RequestTypeName { get; init; }

    public required EquatableArray<ParameterSpec> Parameters { get; init; }

    /// <summary>Gets the preferred request body (JSON where the spec offers it), the request record's.</summary>
    public BodySpec? Body { get; init; }

    /// <summary>Gets the bodies of the other kinds of media type the operation takes, each sent by an overload with a request record of its own.</summary>
    public EquatableArray<AlternateBodySpec> AlternateBodies { get; init; } = EquatableArray<AlternateBodySpec>.Empty;

    public ResponseSpec? SuccessResponse { get; init; }

    /// <summary>
    /// Gets the name of the client's private method that sends a stream's request when its loop starts (a stream without
    /// documented headers); null for any other success. Claimed among the type names: inside the client the method would
    /// hide a schema's type of its name (<c>OpenTailStream.ReadFrom</c>).
    /// </summary>
    public string? StreamOpenerName { get; init; }

    public required EquatableArray<ResponseSpec> ErrorResponses { get; init; }

    /// <summary>
    /// Gets the client's method that turns this operation's error statuses into typed exceptions, which every operation
    /// documenting the same typed errors shares (see <see cref="ApiSpec.ErrorReaders"/>); null when no error status is typed.
    /// </summary>
    public ErrorReaderSpec? ErrorReader { get; init; }

    /// <summary>Gets the <c>Accept</c> header: the media types the responses document, the success's first, JSON first among them; null when none is documented.</summary>
    public string? Accept { get; init; }

    /// <summary>
    /// Gets the operation's security requirement (its own <c>security</c>, or the spec's): alternatives, any one of which
    /// suffices. Empty when the operation needs none (<c>security: []</c>, or no <c>security</c> anywhere).
    /// </summary>
    public EquatableArray<SecurityRequirementSpec> Security { get; init; } = EquatableArray<SecurityRequirementSpec>.Empty;

    /// <summary>
    /// Gets the name of the client's static field that holds <see cref="Security"/>; null when the operation requires none.
    /// Claimed among the type names, as <see cref="StreamOpenerName"/> is.
    /// </summary>
    public string? SecurityFieldName { get; init; }
}

/// <summary>A request body of another kind than the preferred one, and the request record (parameters and this body) its overload takes.</summary>
internal sealed record AlternateBodySpec(string RequestTypeName, BodySpec Body);

internal sealed record ParameterSpec
{
    public required string Name { get; init; }

    public required string WireName { get; init; }

    public required ParameterLocation Location { get; init; }

    /// <summary>Gets whether a path parameter fills a greedy segment (<c>{proxy+}</c>): its value may hold <c>/</c>.</summary>
    public bool IsGreedy { get; init; }

    public string? Description { get; init; }

    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    public bool IsSensitive { get; init; }

    public required ParameterStyle Style { get; init; }

    /// <summary>Gets whether each item of a list, or member of an object, is its own <c>name=value</c> pair (<c>explode</c>).</summary>
    public required bool Explode { get; init; }

    /// <summary>Gets whether a query value keeps RFC 3986's reserved characters unescaped (<c>allowReserved</c>).</summary>
    public bool AllowReserved { get; init; }

    /// <summary>Gets whether the value is sent as its JSON text (the parameter's <c>content</c> is a JSON media type).</summary>
    public bool IsJsonContent { get; init; }

    /// <summary>Gets the spec's default value as JSON text.</summary>
    public string? DefaultValue { get; init; }
}

internal sealed record BodySpec
{
    public required string MediaType { get; init; }

    public required BodyKind Kind { get; init; }

    /// <summary>Gets the body's type: the record of a JSON or form body, a string for text; <see cref="TypeRef.Any"/> for binary and raw bodies, which have no schema type.</summary>
    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets a multipart body's parts, in the schema's order, and the name of the record that holds them.</summary>
    public EquatableArray<PartSpec> Parts { get; init; } = EquatableArray<PartSpec>.Empty;

    public string? PartsTypeName { get; init; }

    /// <summary>Gets a form body's encodings: only the members whose encoding differs from the default (<c>form</c>, exploded).</summary>
    public EquatableArray<FormEncodingSpec> FormEncodings { get; init; } = EquatableArray<FormEncodingSpec>.Empty;
}

/// <summary>How a success is read: a JSON body, a file streamed to the caller, a stream of server-sent events or of JSON lines, or text.</summary>
internal enum ResponseKind
{
    Json,
    File,
    EventStream,

    /// <summary>Line-delimited JSON (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/json-seq</c>): <see cref="ResponseSpec.Body"/> is each line's value.</summary>
    JsonLines,

    /// <summary><c>text/*</c>, or XML that nothing else types: the body as a string.</summary>
    Text,
}

/// <summary>What a documented response header's schema makes of its text.</summary>
internal enum ResponseHeaderKind
{
    /// <summary>A string, or a schema no other kind reads (an array, an object): the header's text as it came.</summary>
    Text,
    Int32,
    Int64,
    Double,
    Boolean,

    /// <summary>A string of <c>format: date-time</c> or <c>date</c>: RFC 3339, or an HTTP-date (RFC 9110 §5.6.7), as a <c>DateTimeOffset</c>.</summary>
    DateTime,
}

/// <summary>A header a success response documents: a typed member of the result's headers record.</summary>
internal sealed record ResponseHeaderSpec
{
    /// <summary>Gets the member's name (<c>RateLimitRemaining</c> for <c>X-RateLimit-Remaining</c>).</summary>
    public required string Name { get; init; }

    public required string WireName { get; init; }

    public required ResponseHeaderKind Kind { get; init; }

    public required bool IsRequired { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// The record of the headers success answers document. Operations whose successes document the same headers (names,
/// types and docs) share it (GitHub's 195 successes with headers need 4), so it is named after its members
/// (<c>LinkHeaders</c>, <c>RateLimitHeaders</c>), and an edit of one operation renames no other's.
/// </summary>
/// <param name="Name">The record's name, claimed among the type names.</param>
/// <param name="Headers">The members, ordered by the headers' names.</param>
internal sealed record HeadersRecordSpec(string Name, EquatableArray<ResponseHeaderSpec> Headers);

/// <summary>
/// A documented response: a status, a range or <c>default</c>. <see cref="TrackingIdProperty"/> names the body
/// property that identifies accepted work (from <c>x-operation-id-property</c>, or <c>id</c> on a 202).
/// </summary>
/// <remarks>
/// A status <c>s</c> is covered by <c>404</c> when <c>s == 404</c>, by the range <c>4XX</c> (<see cref="StatusCode"/> 400,
/// <see cref="IsRange"/>) when <c>400 &lt;= s &lt;= 499</c>, and by <c>default</c> (0) always; the most specific wins.
/// </remarks>
internal sealed record ResponseSpec
{
    /// <summary>Gets the status; for a range its first status (400 for <c>4XX</c>); 0 for <c>default</c>.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Gets whether the response covers a range of a hundred statuses (<c>1XX</c> to <c>5XX</c>).</summary>
    public bool IsRange { get; init; }

    /// <summary>Gets how a success is read; for <see cref="ResponseKind.EventStream"/>, <see cref="Body"/> is each event's data.</summary>
    public ResponseKind Kind { get; init; }

    /// <summary>Gets whether a success may come without the body (another documented success has none: a 204, say).</summary>
    public bool BodyIsOptional { get; init; }

    public string? Description { get; init; }

    public TypeRef? Body { get; init; }

    public string? TrackingIdProperty { get; init; }

    public required bool HasRequestIdHeader { get; init; }

    /// <summary>Gets the record of the headers a success documents, each a typed member; null when it documents none.</summary>
    public HeadersRecordSpec? HeadersRecord { get; init; }

    /// <summary>Gets the key the spec documents the response under: <c>404</c>, <c>4XX</c> or <c>default</c>.</summary>
    public string StatusPattern => StatusCode == 0 ? "default" : new ErrorStatusSpec(StatusCode, IsRange).Pattern;
}

/// <summary>A documented error status: a status (<c>404</c>), or a range of a hundred (<c>4XX</c>, as its first status, 400).</summary>
internal sealed record ErrorStatusSpec(int StatusCode, bool IsRange)
{
    /// <summary>Gets the status as the spec writes it: <c>404</c> or <c>4XX</c>.</summary>
    public string Pattern => IsRange ? (StatusCode / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "XX" : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One arm of an error reader: the statuses whose answers carry <see cref="Body"/>, or, with no statuses, every other
/// status (the <c>default</c> response's arm, which comes last).
/// </summary>
/// <param name="Body">The error body's type; null for statuses documented without one, which keep the plain exception.</param>
internal sealed record ErrorCaseSpec(EquatableArray<ErrorStatusSpec> Statuses, TypeRef? Body);

/// <summary>
/// A method of the client that turns an error status into its typed exception. Operations that document the same typed
/// errors share it (GitHub's 486 operations with typed errors need 88), so it is named after what it reads
/// (<c>Read404AsBasicError</c>), and an edit of one operation renames no other's.
/// </summary>
/// <param name="Name">The method's name, claimed among the type names: inside the client it would hide a type of its name.</param>
/// <param name="Cases">The arms, in the order a status is matched against them.</param>
internal sealed record ErrorReaderSpec(string Name, EquatableArray<ErrorCaseSpec> Cases);
