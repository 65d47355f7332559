using System.Collections.Generic;
using System.Linq;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>The views of how an operation's success is read: its return type, body, stream items and typed headers.</summary>
internal static partial class SourceEmitter
{
    private sealed record SuccessViews(
        string ReturnType,
        string ResponseKind,
        ResponseBodyView? ResponseBody,
        string? ItemReader,
        string? ItemType,
        bool TextMayBeEmpty,
        string? HeadersType);

    private static SuccessViews BuildSuccess(ResponseSpec? success, string requestType, IReadOnlyDictionary<string, TypeSpec> types, TypeNamesView names, ValidationRules validation)
    {
        var headersType = success?.HeadersRecord?.Name;
        string WithHeaders(string bodyType) => headersType is null ? $"ApiResponse<{bodyType}>" : $"ApiResponse<{bodyType}, {headersType}>";

        // A stream with documented headers is opened before it is returned, so that they are read before its first item.
        string StreamOf(string itemType) => headersType is null ? $"IAsyncEnumerable<{itemType}>" : $"StreamResponse<{itemType}, {headersType}>";
        switch (success)
        {
            case { Kind: ResponseKind.File }:
                return new SuccessViews(headersType is null ? names.Of("FileResponse") : $"FileResponse<{headersType}>", "file", null, null, null, false, headersType);
            case { Kind: ResponseKind.EventStream, Body: { } eventData }:
                return new SuccessViews(
                    StreamOf($"ServerSentEvent<{CSharpFragments.TypeName(eventData)}>"),
                    "events",
                    null,
                    eventData.Kind == ValueKind.String ? null : Reader(eventData, readsNull: false, resultMayBeNull: false),
                    eventData.Kind == ValueKind.String ? null : CSharpFragments.TypeName(eventData),
                    false,
                    headersType);
            case { Kind: ResponseKind.JsonLines, Body: { } item }:
                return new SuccessViews(StreamOf(CSharpFragments.TypeName(item)), "lines", null, Reader(item, readsNull: false, resultMayBeNull: false), CSharpFragments.TypeName(item), false, headersType);
            case { Kind: ResponseKind.Text }:
                // A success that may come without content (a 204 beside a 200 with text) reads an empty body as null.
                return new SuccessViews(WithHeaders(success.BodyIsOptional ? "string?" : "string"), "text", null, null, null, success.BodyIsOptional, headersType);
            case { Body: { } successBody }:
                // A success that may come without content (a 204 beside a 200 with a body) reads an empty body as null, and
                // a body whose schema is nullable reads the JSON null as null.
                var mayBeNull = success.BodyIsOptional || successBody.IsNullable;
                var bodyType = mayBeNull ? CSharpFragments.NullableTypeName(successBody) : CSharpFragments.TypeName(successBody);
                var trackingExpression = TrackingExpression(success, successBody, types, mayBeNull ? "result?." : "result.");
                var rules = validation.For(successBody, mayBeNull ? "present" : "response", 0);

                // A record that is never null checks its own members through IValidatable, and a list of them is checked
                // item by item by one method of the runtime (GitHub has 190 such bodies); no rule needs no validator.
                var validatesItself = !mayBeNull && rules is [{ Kind: "call", MemberMethod: "context.Record" }];
                var listOfRecords = !mayBeNull && rules is [{ MemberMethod: "context.RecordItems" }];
                var responseBody = new ResponseBodyView
                {
                    Reader = Reader(successBody, successBody.IsNullable, mayBeNull),
                    Validator = validatesItself ? "ValidationContext.Run" : listOfRecords ? "ResponseChecks.RecordItems" : rules.Count == 0 ? null : requestType + ".ValidateResponse",
                    DeclaresValidator = !validatesItself && !listOfRecords && rules.Count > 0,
                    TrackingExpression = trackingExpression,

                    // The result's type: ReadBody gives null for the JSON null only where the schema allows it, and for an
                    // empty body where the success may come without one (before any check); the rules check what is there.
                    TypeName = bodyType,
                    PresentCondition = mayBeNull ? "response is { } present" : null,
                    Rules = rules,
                    MayBeEmpty = success.BodyIsOptional,
                };
                return new SuccessViews(trackingExpression is null ? WithHeaders(bodyType) : headersType is null ? $"AcceptedResponse<{bodyType}>" : $"AcceptedResponse<{bodyType}, {headersType}>", "json", responseBody, null, null, false, headersType);
            default:
                return new SuccessViews(headersType is null ? names.Of("ApiResponse") : $"ApiResponseWithHeaders<{headersType}>", "json", null, null, null, false, headersType);
        }
    }

    /// <summary>
    /// The arms of an error reader's switch, in the order a status is matched against them; <c>_</c>, the default's, last.
    /// Empty for an operation whose errors are all plain.
    /// </summary>
    private static List<TypedErrorView> TypedErrors(ErrorReaderSpec? reader)
        => reader?.Cases.Select(c => new TypedErrorView
        {
            Pattern = c.Statuses.Count == 0 ? "_" : string.Join(" or ", c.Statuses.Select(s => s.IsRange ? $">= {s.StatusCode} and <= {s.StatusCode + 99}" : s.Pattern)),
            Statuses = c.Statuses.Count > 0 ? string.Join(", ", c.Statuses.Select(s => s.Pattern)) : reader.Cases.Count == 1 ? "every error status" : "any other error status",
            TypeName = c.Body is null ? null : CSharpFragments.TypeName(c.Body),
            Reader = c.Body is null ? null : Reader(c.Body, readsNull: false, resultMayBeNull: false),
        }).ToList() ?? [];

    /// <summary>
    /// The reader the runtime calls for a whole body, an error's body or a streamed item: a record's own reader as a method
    /// group, a list or map of records or of any JSON through <c>ApiHttp.ListOf</c> and <c>MapOf</c>, else a lambda. The
    /// item's type is given, not inferred: inferring it from a method group makes the compiler resolve the group once more
    /// per inference phase, at each of GitHub's hundreds of call sites. A
    /// result that may be null (<paramref name="resultMayBeNull"/>) keeps the lambda but for a record's reader: a method
    /// group's result converts to a nullable one only as a reference, and a delegate's type parameter is invariant.
    /// </summary>
    private static string Reader(TypeRef type, bool readsNull, bool resultMayBeNull) => type switch
    {
        _ when readsNull => "static (ref Utf8JsonReader reader) => " + CSharpFragments.ReadNullable(type, "reader", 0, lenient: true),
        { Kind: ValueKind.Object } => type.TypeName + ".ReadFrom",
        { Kind: ValueKind.Any } when !resultMayBeNull => "JsonRead.Element",
        { Kind: ValueKind.Array, Element: { } item } when !resultMayBeNull && ElementReader(item) is { } readItem => $"ApiHttp.ListOf<{CSharpFragments.TypeName(item)}>({readItem})",
        { Kind: ValueKind.Map, IsPatchMap: false, Element: { } value } when !resultMayBeNull && ElementReader(value) is { } readValue => $"ApiHttp.MapOf<{CSharpFragments.TypeName(value)}>({readValue})",
        _ => "static (ref Utf8JsonReader reader) => " + CSharpFragments.ReadPresent(type, "reader", 0, lenient: true),
    };

    private static string? ElementReader(TypeRef element) => element.Kind switch
    {
        ValueKind.Object => element.TypeName + ".ReadFrom",
        ValueKind.Any => "JsonRead.Element",
        _ => null,
    };

    /// <summary>A record of documented response headers, which the successes that document them share.</summary>
    private static HeadersRecordView BuildHeadersRecord(HeadersRecordSpec record) => new()
    {
        Name = record.Name,
        Doc = XmlDoc.Summary("The headers a success answer documents, typed: " + string.Join(", ", record.Headers.Select(h => h.WireName)) + "."),
        Headers = record.Headers.Select(BuildResponseHeader).ToList(),
    };

    /// <summary>A documented response header: a member of the headers record, and how it is read from <c>headers</c>.</summary>
    private static ResponseHeaderView BuildResponseHeader(ResponseHeaderSpec header)
    {
        var name = CSharpFragments.Literal(header.WireName);
        var (type, parser) = header.Kind switch
        {
            ResponseHeaderKind.Int32 => ("int", "Int32"),
            ResponseHeaderKind.Int64 => ("long", "Int64"),
            ResponseHeaderKind.Double => ("double", "Double"),
            ResponseHeaderKind.Boolean => ("bool", "Boolean"),
            ResponseHeaderKind.DateTime => ("DateTimeOffset", "DateTime"),
            _ => ("string", null),
        };
        return new ResponseHeaderView
        {
            Name = header.Name,
            Doc = XmlDoc.Summary((header.Description ?? "The response header " + header.WireName + ".").TrimEnd() + (header.IsRequired ? string.Empty : " Null when the service sent none.")),
            Type = header.IsRequired ? type : type + "?",
            IsRequiredMember = header.IsRequired,
            ReadExpression = (parser, header.IsRequired) switch
            {
                (null, true) => $"headers.RequiredText({name})",
                (null, false) => $"headers.Text({name})",
                (_, true) => $"headers.Required({name}, ResponseHeaders.{parser})",
                _ => $"headers.Value({name}, ResponseHeaders.{parser})",
            },
        };
    }
}
