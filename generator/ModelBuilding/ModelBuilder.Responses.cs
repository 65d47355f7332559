using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>
    /// Reads the documented responses. A status (<c>404</c>), a range (<c>4XX</c>) and <c>default</c> each give a response;
    /// the errors come in the order a status is matched against them: exact statuses, then ranges, then <c>default</c>
    /// (the keys' ordinal order). The success is the first documented 2xx (a <c>2XX</c> range after the exact ones), or
    /// <c>default</c> when the spec documents no success at all. <c>Accept</c> names every documented media type.
    /// </summary>
    /// <param name="operationPointer">The operation's pointer, under which a response's is made where it is used (most responses' only pointer is their schema's), in one piece.</param>
    private (ResponseSpec? Success, List<ResponseSpec> Errors, string? Accept) ParseResponses(OpenApiResponses? responses, string operationPointer, string operationName)
    {
        ResponseSpec? success = null;
        var successIsOptional = false;
        var successMediaTypes = _successMediaTypes;
        var otherMediaTypes = _otherMediaTypes;
        successMediaTypes.Clear();
        otherMediaTypes.Clear();

        // Sorted in place: OrderBy made a sorter, its keys and a comparison for each operation.
        var entries = responses is null ? [] : responses.ToArray();
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var errors = new List<ResponseSpec>(entries.Length);
        foreach (var entry in entries)
        {
            if (ParseStatusPattern(entry.Key) is not { } status)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(ResponsePointer(operationPointer, entry.Key)), $"The status code pattern '{entry.Key}'", "the response is handled as an undocumented status");
                continue;
            }

            var (statusCode, isRange) = status;
            var response = Resolved(entry.Value);
            var isSuccess = statusCode is >= 200 and < 300;

            // default comes last in ordinal order: with no success documented before it, it describes the successes too.
            var describesSuccess = isSuccess || (statusCode == 0 && success is null);
            TypeRef? body = null;
            if (response.Content is not null && response.Content.FirstOrDefault(c => IsJsonMediaType(c.Key)) is { Key: not null } json && json.Value.Schema is not null)
            {
                var schemaPointer = new LazyPointer(operationPointer, ResponseSchemaPath(entry.Key, json.Key));
                var typeName = ComponentStem((entry.Value as OpenApiResponseReference)?.Reference, "Response") is { } component ? new NameHint(component)
                    : describesSuccess ? new NameHint(operationName, "Response")
                    : new NameHint(operationName, "Error", statusCode == 0 ? null : entry.Key.ToUpperInvariant());
                body = ResolveType(json.Value.Schema, schemaPointer, typeName, Usage.Response, mergePatch: false);
            }

            var kind = ResponseKind.Json;
            if (describesSuccess && body is null && response.Content is { Count: > 0 } nonJson && !nonJson.Keys.Any(IsJsonMediaType))
            {
                (kind, body) = ParseNonJsonSuccess(nonJson, ResponsePointer(operationPointer, entry.Key) + "/content", operationName);
            }

            (describesSuccess && success is null ? successMediaTypes : otherMediaTypes).AddRange(response.Content?.Keys ?? []);
            var hasRequestId = response.Headers?.Keys.Any(h => string.Equals(h, "X-Request-Id", StringComparison.OrdinalIgnoreCase)) ?? false;
            var trackingProperty = response.Extensions is not null && response.Extensions.TryGetValue("x-operation-id-property", out var trackingExtension)
                && trackingExtension is JsonNodeExtension { Node: JsonValue trackingValue } && trackingValue.TryGetValue(out string? configured)
                ? configured
                : statusCode == 202 && !isRange ? "id" : null;
            HeadersRecordSpec? headersRecord = null;
            if (describesSuccess && success is null && response.Headers is { Count: > 0 })
            {
                var responsePointer = ResponsePointer(operationPointer, entry.Key);
                var headers = ParseResponseHeaders(response, responsePointer);
                headersRecord = headers.Count == 0 ? null : HeadersRecordOf(headers, operationName, responsePointer);
            }

            var spec = new ResponseSpec
            {
                StatusCode = statusCode,
                IsRange = isRange,
                Kind = kind,
                Description = Clean(DescriptionOf((entry.Value as OpenApiResponseReference)?.Reference.Description, response.Description)),
                Body = body,
                TrackingIdProperty = trackingProperty,
                HasRequestIdHeader = hasRequestId,
                HeadersRecord = headersRecord,
            };

            // A success documented without content (204, or a 200 with no body beside a 201 with one) answers with no body.
            successIsOptional |= isSuccess && body is null;
            if (describesSuccess)
            {
                success ??= spec;
            }

            if (!isSuccess)
            {
                errors.Add(spec);
            }
        }

        return (success is { Body: not null } && successIsOptional ? success with { BodyIsOptional = true } : success, errors, Accept(successMediaTypes, otherMediaTypes, _acceptedMediaTypes));
    }

    /// <summary>
    /// The lists of an operation's media types while its responses are read (see <see cref="Accept"/>), kept for the next:
    /// three lists for each operation cost more than the one or two names most of them held.
    /// </summary>
    private readonly List<string> _successMediaTypes = [];
    private readonly List<string> _otherMediaTypes = [];
    private readonly List<string> _acceptedMediaTypes = [];

    private static string ResponsePointer(string operationPointer, string status) => operationPointer + "/responses/" + JsonPointers.Escape(status);

    /// <summary>
    /// The path from an operation to the schema of its response of a status and a media type, made once for each pair:
    /// most operations' responses are of a few statuses and one media type.
    /// </summary>
    private string ResponseSchemaPath(string status, string mediaType)
    {
        if (!_responseSchemaPaths.TryGetValue((status, mediaType), out var path))
        {
            path = "/responses/" + JsonPointers.Escape(status) + "/content/" + JsonPointers.Escape(mediaType) + "/schema";
            _responseSchemaPaths.Add((status, mediaType), path);
        }

        return path;
    }

    private readonly Dictionary<(string Status, string MediaType), string> _responseSchemaPaths = [];

    /// <summary>The error readers claimed so far, by their arms: the operations that document the same typed errors share one.</summary>
    private readonly Dictionary<EquatableArray<ErrorCaseSpec>, ErrorReaderSpec> _errorReaders = [];

    /// <summary>
    /// The error reader of an operation's errors: the one an earlier operation with the same arms claimed, or a new one,
    /// named after its arms so that no other operation's edit renames it. Null when no status is typed.
    /// </summary>
    private ErrorReaderSpec? ErrorReaderOf(List<ResponseSpec> errors, string operationName, string pointer)
    {
        var cases = ErrorCases(errors);
        if (cases.Count == 0)
        {
            return null;
        }

        if (!_errorReaders.TryGetValue(cases, out var reader))
        {
            var name = "Read" + string.Join("And", cases.Select(c => (c.Statuses.Count == 0 ? (cases.Count == 1 ? "Any" : "Others") : string.Join("Or", c.Statuses.Select(s => s.Pattern))) + "As" + (c.Body is null ? "ApiException" : NameOf(c.Body))));
            reader = new ErrorReaderSpec(ClaimTypeName(name, "the client's method that reads the errors of '{0}' and of the operations documenting the same", operationName, null, pointer), cases);
            _errorReaders.Add(cases, reader);
        }

        return reader;

        static string NameOf(TypeRef type) => type switch
        {
            { TypeName: { } typeName } => typeName,
            { Kind: ValueKind.Array, Element: { } item } => "ListOf" + NameOf(item),
            { Kind: ValueKind.Map, Element: { } value } => "MapOf" + NameOf(value),
            _ => type.Kind == ValueKind.Any ? "Json" : type.Kind.ToString(),
        };
    }

    /// <summary>
    /// The arms of an error reader: the documented error statuses with a body, one arm per type in the order of their first
    /// status; <c>default</c> last, taking every other status, so a status of the default's type needs no arm of its own. A
    /// status documented without a body keeps the plain exception where a later range or the default would type it: OpenAPI
    /// gives an explicit status precedence over a range, and any documented one over <c>default</c>.
    /// </summary>
    /// <remarks>Loops, not LINQ: this runs for each operation, and its iterators and closures cost more than the few responses.</remarks>
    private static EquatableArray<ErrorCaseSpec> ErrorCases(List<ResponseSpec> errors)
    {
        TypeRef? defaultBody = null;
        foreach (var error in errors)
        {
            if (error.StatusCode == 0)
            {
                defaultBody = error.Body;
                break;
            }
        }

        // Statuses come before ranges (404 before 4XX), and the first arm that matches wins, so order is kept: only
        // neighbours of one type share an arm, and the last ones of the default's type are left to the default.
        var documented = new List<ResponseSpec>(errors.Count);
        for (var i = 0; i < errors.Count; i++)
        {
            if (errors[i].StatusCode > 0 && (errors[i].Body is not null || defaultBody is not null || IsTypedByLaterRange(i)))
            {
                documented.Add(errors[i]);
            }
        }

        while (documented.Count > 0 && documented[documented.Count - 1].Body == defaultBody)
        {
            documented.RemoveAt(documented.Count - 1);
        }

        var cases = new List<ErrorCaseSpec>();
        var start = 0;
        for (var i = 1; i <= documented.Count; i++)
        {
            if (i == documented.Count || documented[i].Body != documented[start].Body)
            {
                var statuses = new ErrorStatusSpec[i - start];
                for (var j = start; j < i; j++)
                {
                    statuses[j - start] = new ErrorStatusSpec(documented[j].StatusCode, documented[j].IsRange);
                }

                cases.Add(new ErrorCaseSpec(statuses.ToEquatableArray(), documented[start].Body));
                start = i;
            }
        }

        if (defaultBody is not null)
        {
            cases.Add(new ErrorCaseSpec(EquatableArray<ErrorStatusSpec>.Empty, defaultBody));
        }

        return cases.ToEquatableArray();

        // Whether a later range of the status's class (4XX after 404) has a body, which the status would take without an arm.
        bool IsTypedByLaterRange(int index)
        {
            var status = errors[index];
            for (var i = index + 1; i < errors.Count; i++)
            {
                var later = errors[i];
                if (later.StatusCode > 0 && later.Body is not null && later.IsRange && !status.IsRange && status.StatusCode / 100 == later.StatusCode / 100)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A success without JSON: a stream of events whose data is JSON of the schema (text without one), a stream of JSON
    /// lines, a file download, or text. Anything else is read as no body.
    /// </summary>
    private (ResponseKind Kind, TypeRef? Body) ParseNonJsonSuccess(IDictionary<string, IOpenApiMediaType> content, string contentPointer, string operationName)
    {
        var events = content.FirstOrDefault(c => MediaTypeOf(c.Key).Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
        if (events.Key is not null)
        {
            return (ResponseKind.EventStream, ItemType(events.Key, events.Value, ValueKind.String, "Event"));
        }

        var lines = content.FirstOrDefault(c => IsJsonLinesMediaType(c.Key));
        if (lines.Key is not null)
        {
            return (ResponseKind.JsonLines, ItemType(lines.Key, lines.Value, ValueKind.Any, "Item"));
        }

        if (content.Any(c => RequestBodyKind(c.Key, c.Value) == BodyKind.Binary))
        {
            return (ResponseKind.File, null);
        }

        return content.Any(c => RequestBodyKind(c.Key, c.Value) == BodyKind.Text || IsXmlMediaType(c.Key))
            ? (ResponseKind.Text, new TypeRef { Kind = ValueKind.String })
            : (ResponseKind.Json, null);

        // Each item of a stream: OpenAPI 3.2's itemSchema, or the schema; without one, text for events and any JSON for lines.
        TypeRef ItemType(string mediaType, IOpenApiMediaType media, ValueKind withoutSchema, string suffix)
        {
            var schema = media.ItemSchema ?? media.Schema;
            if (schema is null || (withoutSchema == ValueKind.String && ShapeOf(schema) == ValueKind.String))
            {
                return withoutSchema == ValueKind.String ? new TypeRef { Kind = ValueKind.String } : TypeRef.Any;
            }

            var schemaPointer = JsonPointers.Append(JsonPointers.Append(contentPointer, mediaType), media.ItemSchema is null ? "schema" : "itemSchema");
            return ResolveType(schema, schemaPointer, new NameHint(operationName, suffix), Usage.Response, mergePatch: false);
        }
    }

    /// <summary>
    /// The headers a success documents, as typed members. <c>X-Request-Id</c> is every response's <c>RequestId</c> already;
    /// <c>Content-Type</c> and <c>Content-Length</c> are the content's.
    /// </summary>
    private List<ResponseHeaderSpec> ParseResponseHeaders(IOpenApiResponse response, string responsePointer)
    {
        var headers = new List<ResponseHeaderSpec>();
        if (response.Headers is null)
        {
            return headers;
        }

        var names = new NameScope().Reserve(ReservedNames.HeadersRecordMembers, ReservedMemberDescription);
        foreach (var entry in response.Headers.Where(h => h.Value is not null && !IsImplicitResponseHeader(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var headerPointer = JsonPointers.Append(JsonPointers.Append(responsePointer, "headers"), entry.Key);
            var header = Resolved(entry.Value);
            var schema = Unwrap(header.Schema);
            var headerKind = ShapeOf(schema) switch
            {
                ValueKind.Int32 => ResponseHeaderKind.Int32,
                ValueKind.Int64 => ResponseHeaderKind.Int64,
                ValueKind.Double => ResponseHeaderKind.Double,
                ValueKind.Boolean => ResponseHeaderKind.Boolean,
                ValueKind.String when schema?.Format is "date-time" or "date" => ResponseHeaderKind.DateTime,
                _ => ResponseHeaderKind.Text,
            };

            // X-RateLimit-Remaining reads as RateLimitRemaining: the X- prefix says nothing in C#.
            var wireName = entry.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && entry.Key.Length > 2 ? entry.Key.Substring(2) : entry.Key;
            headers.Add(new ResponseHeaderSpec
            {
                Name = ClaimMemberName(names, wireName, KeyAt(headerPointer)),
                WireName = entry.Key,
                Kind = headerKind,
                IsRequired = header.Required,
                Description = Clean(DescriptionOf((entry.Value as OpenApiHeaderReference)?.Reference.Description, header.Description)),
            });
        }

        return headers;
    }

    /// <summary>The headers records claimed so far, by their members: the successes that document the same headers share one.</summary>
    private readonly Dictionary<EquatableArray<ResponseHeaderSpec>, HeadersRecordSpec> _headersRecords = [];

    /// <summary>
    /// The record of a success's headers: the one an earlier success with the same headers claimed, or a new one, named
    /// after its members so that no other operation's edit renames it: the words its members' names start with
    /// (<c>RateLimitHeaders</c> for <c>RateLimitLimit</c> and <c>RateLimitRemaining</c>), or all of them
    /// (<c>LocationAndRetryAfterHeaders</c>, <c>ETagLastModifiedAndReportRowsHeaders</c>).
    /// </summary>
    private HeadersRecordSpec HeadersRecordOf(List<ResponseHeaderSpec> headers, string operationName, string responsePointer)
    {
        var members = headers.ToEquatableArray();
        if (!_headersRecords.TryGetValue(members, out var record))
        {
            var names = headers.Select(h => h.Name).ToList();
            var words = names.Select(Words).Aggregate((common, next) => common.Zip(next, (a, b) => (a, b)).TakeWhile(p => p.a == p.b).Select(p => p.a).ToList());
            var stem = names.Count > 1 && words.Count > 0 ? string.Concat(words)
                : names.Count > 1 ? string.Concat(names.Take(names.Count - 1)) + "And" + names[names.Count - 1]
                : names[0];
            // A member may have the name already (Access-Control-Allow-Headers beside -Methods and -Origin share the words
            // AccessControlAllow), and C# gives no member its type's name.
            var preferred = stem + "Headers";
            while (names.Contains(preferred))
            {
                preferred = preferred.Insert(stem.Length, "Response");
            }

            record = new HeadersRecordSpec(ClaimTypeName(preferred, "the response headers of '{0}' and of the operations documenting the same", operationName, null, responsePointer), members);
            _headersRecords.Add(members, record);
        }

        return record;

        // The words of a PascalCase name: each starts at a capital letter.
        static List<string> Words(string name)
        {
            var words = new List<string>();
            var start = 0;
            for (var i = 1; i <= name.Length; i++)
            {
                if (i == name.Length || char.IsUpper(name[i]))
                {
                    words.Add(name.Substring(start, i - start));
                    start = i;
                }
            }

            return words;
        }
    }

    private static bool IsImplicitResponseHeader(string name)
        => name.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>Accept</c> header: the success's media types before the errors', JSON first within each, each named once.
    /// A server that negotiates then answers as the method reads, and an error in a type the method can read.
    /// </summary>
    /// <param name="accepted">Where the header's media types are gathered; emptied first.</param>
    private static string? Accept(List<string> successMediaTypes, List<string> otherMediaTypes, List<string> accepted)
    {
        accepted.Clear();
        Add(accepted, successMediaTypes, json: true);
        Add(accepted, successMediaTypes, json: false);
        Add(accepted, otherMediaTypes, json: true);
        Add(accepted, otherMediaTypes, json: false);
        return accepted.Count == 0 ? null : string.Join(", ", accepted);

        // The JSON media types of a list, or the others, in their order, each named once.
        static void Add(List<string> accepted, List<string> mediaTypes, bool json)
        {
            foreach (var mediaType in mediaTypes)
            {
                var trimmed = mediaType.Trim();
                if (IsJsonMediaType(mediaType) == json && IsHeaderText(trimmed) && !IsNamed(accepted, trimmed))
                {
                    accepted.Add(trimmed);
                }
            }
        }

        static bool IsNamed(List<string> accepted, string mediaType)
        {
            foreach (var named in accepted)
            {
                if (string.Equals(named, mediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // A key with a line break or another control character would make the header invalid: no server documents one.
        static bool IsHeaderText(string mediaType)
        {
            for (var i = 0; i < mediaType.Length; i++)
            {
                if (mediaType[i] is < ' ' or >= '\u007F')
                {
                    return false;
                }
            }

            return mediaType.Length > 0;
        }
    }

    /// <summary>Reads a response key: a status (<c>404</c>), a range (<c>4XX</c>, as its first status, 400) or <c>default</c> (0).</summary>
    private static (int StatusCode, bool IsRange)? ParseStatusPattern(string key)
    {
        if (key == "default")
        {
            return (0, false);
        }

        if (key.Length == 3 && key[0] is >= '1' and <= '5' && (key[1] is 'X' or 'x') && (key[2] is 'X' or 'x'))
        {
            return ((key[0] - '0') * 100, true);
        }

        return key.Length == 3 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599
            ? (code, false)
            : null;
    }

    /// <summary>The media type without its parameters (<c>; charset=utf-8</c>).</summary>
    private static string MediaTypeOf(string mediaType)
        => (mediaType.IndexOf(';') is var end and >= 0 ? mediaType.Substring(0, end) : mediaType).Trim();

    /// <summary>A JSON value per line: NDJSON, JSON Lines, and RFC 7464's JSON text sequences (each record led by RS).</summary>
    private static bool IsJsonLinesMediaType(string mediaType)
        => MediaTypeOf(mediaType).ToLowerInvariant() is "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" or "application/json-seq"
        || MediaTypeOf(mediaType).EndsWith("+json-seq", StringComparison.OrdinalIgnoreCase);

    private static bool IsXmlMediaType(string mediaType)
        => MediaTypeOf(mediaType).Equals("application/xml", StringComparison.OrdinalIgnoreCase) || MediaTypeOf(mediaType).EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
}
