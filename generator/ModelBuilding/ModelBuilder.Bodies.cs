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

    private BodySpec? ParseRequestBody(IOpenApiRequestBody? requestBody, string pointer, string operationName)
    {
        if (requestBody?.Content is null || requestBody.Content.Count == 0)
        {
            return null;
        }

        var json = requestBody.Content.FirstOrDefault(c => IsJsonMediaType(c.Key));
        var (mediaType, content) = (json.Key, json.Value);
        if (mediaType is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(JsonPointers.Append(pointer, "content")), "A request body that is not JSON", "the operation is generated without a body");
            return null;
        }

        var contentPointer = JsonPointers.Append(JsonPointers.Append(pointer, "content"), mediaType);
        var schemaPointer = JsonPointers.Append(contentPointer, "schema");
        if (content.Schema is null)
        {
            return new BodySpec { MediaType = mediaType, Kind = BodyKind.Json, Type = TypeRef.Any, IsRequired = requestBody.Required, Description = Clean(requestBody.Description) };
        }

        var isMergePatch = string.Equals(mediaType, MergePatchMediaType, StringComparison.OrdinalIgnoreCase);
        if (TryParseJsonPatch(content.Schema, schemaPointer, operationName, mediaType) is { } jsonPatch)
        {
            return new BodySpec { MediaType = mediaType, Kind = BodyKind.JsonPatch, Type = jsonPatch, IsRequired = requestBody.Required, Description = Clean(requestBody.Description) };
        }

        var type = ResolveType(content.Schema, schemaPointer, operationName + "Body", Usage.Request, isMergePatch);
        return new BodySpec { MediaType = mediaType, Kind = isMergePatch ? BodyKind.MergePatch : BodyKind.Json, Type = type, IsRequired = requestBody.Required, Description = Clean(requestBody.Description) };
    }

    private (ResponseSpec? Success, List<ResponseSpec> Errors) ParseResponses(OpenApiResponses? responses, string pointer, string operationName)
    {
        ResponseSpec? success = null;
        var errors = new List<ResponseSpec>();
        foreach (var entry in (responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var responsePointer = JsonPointers.Append(pointer, entry.Key);
            var statusCode = entry.Key == "default" ? 0 : int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : -1;
            if (statusCode < 0)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(responsePointer), $"The status code pattern '{entry.Key}'", "the response is handled as an undocumented status");
                continue;
            }

            var response = entry.Value;
            var isSuccess = statusCode is >= 200 and < 300;
            TypeRef? body = null;
            if (response.Content is not null && response.Content.FirstOrDefault(c => IsJsonMediaType(c.Key)) is { Key: not null } json && json.Value.Schema is not null)
            {
                var schemaPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(responsePointer, "content"), json.Key), "schema");
                var typeName = isSuccess ? operationName + "Response" : operationName + "Error" + (statusCode == 0 ? string.Empty : entry.Key);
                body = ResolveType(json.Value.Schema, schemaPointer, typeName, Usage.Response, mergePatch: false);
            }

            var hasRequestId = response.Headers?.Keys.Any(h => string.Equals(h, "X-Request-Id", StringComparison.OrdinalIgnoreCase)) ?? false;
            var trackingProperty = response.Extensions is not null && response.Extensions.TryGetValue("x-operation-id-property", out var trackingExtension)
                && trackingExtension is JsonNodeExtension { Node: JsonValue trackingValue } && trackingValue.TryGetValue(out string? configured)
                ? configured
                : statusCode == 202 ? "id" : null;
            var spec = new ResponseSpec
            {
                StatusCode = statusCode,
                Description = Clean(response.Description),
                Body = body,
                TrackingIdProperty = trackingProperty,
                HasRequestIdHeader = hasRequestId,
            };
            if (isSuccess)
            {
                success ??= spec;
            }
            else
            {
                errors.Add(spec);
            }
        }

        return (success, errors);
    }

    private static bool IsJsonMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.Ordinal);
    }
}
