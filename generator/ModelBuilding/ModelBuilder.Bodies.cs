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
    private const string MergePatchMediaType = "application/merge-patch+json";

    private const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>
    /// Reads a request body. Of several media types the first this order types wins: JSON, form, text, binary, multipart; the others
    /// need no warning. A media type the generator cannot type (XML, …) keeps the body as a raw <c>HttpContent</c>, reported.
    /// </summary>
    private BodySpec? ParseRequestBody(IOpenApiRequestBody? requestBody, string pointer, string operationName)
    {
        if (requestBody?.Content is null || requestBody.Content.Count == 0)
        {
            return null;
        }

        var (mediaType, content, kind) = requestBody.Content
            .Select(c => (MediaType: c.Key, Content: c.Value, Kind: RequestBodyKind(c.Key, c.Value)))
            .OrderBy(c => c.Kind)
            .First();
        var contentPointer = JsonPointers.Append(JsonPointers.Append(pointer, "content"), mediaType);
        var schemaPointer = JsonPointers.Append(contentPointer, "schema");
        var description = Clean(requestBody.Description);
        switch (kind)
        {
            case BodyKind.Form:
                return new BodySpec
                {
                    MediaType = mediaType,
                    Kind = kind,
                    Type = content.Schema is null ? TypeRef.Any : ResolveType(content.Schema, schemaPointer, operationName + "Body", Usage.Request, mergePatch: false),
                    IsRequired = requestBody.Required,
                    Description = description,
                    FormEncodings = FormEncodings(content).ToEquatableArray(),
                };
            case BodyKind.Text:
                // The schema's constraints (maxLength, pattern) hold for the text; a schema that is no string says nothing about it.
                var text = content.Schema?.Type == JsonSchemaType.String ? ResolveType(content.Schema, schemaPointer, operationName + "Body", Usage.Request, mergePatch: false) : null;
                return new BodySpec { MediaType = mediaType, Kind = kind, Type = text is { Kind: ValueKind.String } ? text : new TypeRef { Kind = ValueKind.String }, IsRequired = requestBody.Required, Description = description };
            case BodyKind.Binary:
                return new BodySpec { MediaType = mediaType, Kind = kind, Type = TypeRef.Any, IsRequired = requestBody.Required, Description = description };
            case BodyKind.Multipart when ParseParts(content, schemaPointer, operationName) is { } parts:
                return new BodySpec
                {
                    MediaType = mediaType,
                    Kind = kind,
                    Type = TypeRef.Any,
                    IsRequired = requestBody.Required,
                    Description = description,
                    Parts = parts.ToEquatableArray(),
                    PartsTypeName = ClaimTypeName(operationName + "Parts", $"the multipart body of '{operationName}'", null, schemaPointer),
                };
            case BodyKind.Multipart:
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(contentPointer), $"A multipart body whose schema is not an object of named parts, or has a list of files", "the method takes the body as a raw HttpContent");
                return new BodySpec { MediaType = mediaType, Kind = BodyKind.Raw, Type = TypeRef.Any, IsRequired = requestBody.Required, Description = description };
            case BodyKind.Raw:
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(contentPointer), $"The request media type '{mediaType}'", "the method takes the body as a raw HttpContent");
                return new BodySpec { MediaType = mediaType, Kind = kind, Type = TypeRef.Any, IsRequired = requestBody.Required, Description = description };
        }

        if (content.Schema is null)
        {
            return new BodySpec { MediaType = mediaType, Kind = BodyKind.Json, Type = TypeRef.Any, IsRequired = requestBody.Required, Description = description };
        }

        var isMergePatch = string.Equals(mediaType, MergePatchMediaType, StringComparison.OrdinalIgnoreCase);
        if (TryParseJsonPatch(content.Schema, schemaPointer, operationName, mediaType) is { } jsonPatch)
        {
            return new BodySpec { MediaType = mediaType, Kind = BodyKind.JsonPatch, Type = jsonPatch, IsRequired = requestBody.Required, Description = description };
        }

        var type = ResolveType(content.Schema, schemaPointer, operationName + "Body", Usage.Request, isMergePatch);
        return new BodySpec { MediaType = mediaType, Kind = isMergePatch ? BodyKind.MergePatch : BodyKind.Json, Type = type, IsRequired = requestBody.Required, Description = description };
    }

    /// <summary>What a request media type becomes; the enum's order is the order of preference among several.</summary>
    private static BodyKind RequestBodyKind(string mediaType, IOpenApiMediaType content)
    {
        var type = mediaType.Split(';')[0].Trim();
        if (IsJsonMediaType(type) && !(type == "*/*" && IsBinarySchema(content.Schema)))
        {
            return BodyKind.Json;
        }

        if (type.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Form;
        }

        if (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !IsBinarySchema(content.Schema))
        {
            return BodyKind.Text;
        }

        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Multipart;
        }

        return type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
            || IsBinarySchema(content.Schema)
            ? BodyKind.Binary
            : BodyKind.Raw;
    }

    private static bool IsBinarySchema(IOpenApiSchema? schema) => schema?.Format is "binary";

    /// <summary>
    /// The parts of a multipart body, one per property of its object schema: a <c>format: binary</c> string is a file, a
    /// scalar is text, anything else (or a part whose encoding names a JSON media type) is JSON. Null when the schema is
    /// no object with properties, or a part is a list of files, which the parts record cannot hold yet.
    /// </summary>
    private List<PartSpec>? ParseParts(IOpenApiMediaType content, string schemaPointer, string operationName)
    {
        if (Unwrap(content.Schema) is not { Properties.Count: > 0 } schema
            || schema.Properties.Values.Any(p => Unwrap(p)?.Items is { } items && IsBinarySchema(Unwrap(items))))
        {
            return null;
        }

        var names = new NameScope().Reserve(ReservedNames.RecordMembers, ReservedMemberDescription);
        var parts = new List<PartSpec>();
        foreach (var property in schema.Properties)
        {
            var propertyPointer = JsonPointers.Append(JsonPointers.Append(schemaPointer, "properties"), property.Key);
            var target = Unwrap(property.Value);
            var encoding = content.Encoding is not null && content.Encoding.TryGetValue(property.Key, out var found) ? found : null;
            var isFile = IsBinarySchema(target);
            var shape = ShapeOf(property.Value);
            var kind = isFile ? PartKind.File
                : encoding?.ContentType is { } partType && IsJsonMediaType(partType) && partType.Trim() != "*/*" ? PartKind.Json
                : shape is ValueKind.Object or ValueKind.Map or ValueKind.Array or ValueKind.Any ? PartKind.Json
                : PartKind.Text;
            parts.Add(new PartSpec
            {
                Name = ClaimMemberName(names, property.Key, LocationOfKey(propertyPointer)),
                WireName = property.Key,
                Kind = kind,
                Type = isFile ? TypeRef.Any : ResolveType(property.Value, propertyPointer, operationName + "Parts" + IdentifierNames.ToPascalCase(property.Key), Usage.Request, mergePatch: false),
                IsRequired = schema.Required?.Contains(property.Key) ?? false,
                ContentType = encoding?.ContentType,
                Description = Clean(target?.Description),
            });
        }

        return parts;
    }

    /// <summary>The members of a form body whose <c>encoding</c> differs from the default (<c>form</c>, exploded), in ordinal order.</summary>
    private static IEnumerable<FormEncodingSpec> FormEncodings(IOpenApiMediaType content)
    {
        if (content.Encoding is null)
        {
            yield break;
        }

        // An entry that is no object (the reader leaves it null) says nothing about its member.
        foreach (var entry in content.Encoding.Where(e => e.Value is not null).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var style = entry.Value.Style switch
            {
                Microsoft.OpenApi.ParameterStyle.SpaceDelimited => Runtime.ParameterStyle.SpaceDelimited,
                Microsoft.OpenApi.ParameterStyle.PipeDelimited => Runtime.ParameterStyle.PipeDelimited,
                Microsoft.OpenApi.ParameterStyle.DeepObject => Runtime.ParameterStyle.DeepObject,
                _ => Runtime.ParameterStyle.Form,
            };

            // OpenAPI: explode defaults to true for style form, false for every other style.
            var explode = entry.Value.Explode ?? style == Runtime.ParameterStyle.Form;
            var isJson = entry.Value.ContentType is { } contentType && IsJsonMediaType(contentType) && contentType.Trim() != "*/*";
            var spec = new FormEncodingSpec(entry.Key, style, explode, isJson);
            if (spec != new FormEncodingSpec(entry.Key, Runtime.ParameterStyle.Form, Explode: true, IsJson: false))
            {
                yield return spec;
            }
        }
    }

    /// <summary>
    /// Reads the documented responses. A status (<c>404</c>), a range (<c>4XX</c>) and <c>default</c> each give a response;
    /// the errors come in the order a status is matched against them: exact statuses, then ranges, then <c>default</c>
    /// (the keys' ordinal order). The success is the first documented 2xx (a <c>2XX</c> range after the exact ones), or
    /// <c>default</c> when the spec documents no success at all.
    /// </summary>
    private (ResponseSpec? Success, List<ResponseSpec> Errors) ParseResponses(OpenApiResponses? responses, string pointer, string operationName)
    {
        ResponseSpec? success = null;
        var errors = new List<ResponseSpec>();
        var successIsOptional = false;
        foreach (var entry in (responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var responsePointer = JsonPointers.Append(pointer, entry.Key);
            if (ParseStatusPattern(entry.Key) is not { } status)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(responsePointer), $"The status code pattern '{entry.Key}'", "the response is handled as an undocumented status");
                continue;
            }

            var (statusCode, isRange) = status;
            var response = entry.Value;
            var isSuccess = statusCode is >= 200 and < 300;

            // default comes last in ordinal order: with no success documented before it, it describes the successes too.
            var describesSuccess = isSuccess || (statusCode == 0 && success is null);
            TypeRef? body = null;
            if (response.Content is not null && response.Content.FirstOrDefault(c => IsJsonMediaType(c.Key)) is { Key: not null } json && json.Value.Schema is not null)
            {
                var schemaPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(responsePointer, "content"), json.Key), "schema");
                var typeName = describesSuccess ? operationName + "Response" : operationName + "Error" + (statusCode == 0 ? string.Empty : entry.Key.ToUpperInvariant());
                body = ResolveType(json.Value.Schema, schemaPointer, typeName, Usage.Response, mergePatch: false);
            }

            // A success without JSON: a file download, or a stream of events whose data is JSON of the schema (text without one).
            var kind = ResponseKind.Json;
            if (describesSuccess && body is null && response.Content is { Count: > 0 } nonJson && !nonJson.Keys.Any(IsJsonMediaType))
            {
                var events = nonJson.FirstOrDefault(c => c.Key.Split(';')[0].Trim().Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
                if (events.Key is not null)
                {
                    kind = ResponseKind.EventStream;
                    var eventSchema = events.Value.ItemSchema ?? events.Value.Schema;
                    body = eventSchema is null || ShapeOf(eventSchema) == ValueKind.String
                        ? new TypeRef { Kind = ValueKind.String }
                        : ResolveType(eventSchema, JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(responsePointer, "content"), events.Key), events.Value.ItemSchema is null ? "schema" : "itemSchema"), operationName + "Event", Usage.Response, mergePatch: false);
                }
                else if (nonJson.Any(c => RequestBodyKind(c.Key, c.Value) == BodyKind.Binary))
                {
                    kind = ResponseKind.File;
                }
            }

            // A stream or file is asked for by its documented media types: servers that negotiate (SSE most of all) need it.
            var accept = kind == ResponseKind.Json ? null : string.Join(", ", response.Content!.Keys);

            var hasRequestId = response.Headers?.Keys.Any(h => string.Equals(h, "X-Request-Id", StringComparison.OrdinalIgnoreCase)) ?? false;
            var trackingProperty = response.Extensions is not null && response.Extensions.TryGetValue("x-operation-id-property", out var trackingExtension)
                && trackingExtension is JsonNodeExtension { Node: JsonValue trackingValue } && trackingValue.TryGetValue(out string? configured)
                ? configured
                : statusCode == 202 && !isRange ? "id" : null;
            var spec = new ResponseSpec
            {
                StatusCode = statusCode,
                IsRange = isRange,
                Kind = kind,
                Accept = accept,
                Description = Clean(response.Description),
                Body = body,
                TrackingIdProperty = trackingProperty,
                HasRequestIdHeader = hasRequestId,
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

        return (success is { Body: not null } && successIsOptional ? success with { BodyIsOptional = true } : success, errors);
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

    private static bool IsJsonMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.Ordinal);
    }
}
