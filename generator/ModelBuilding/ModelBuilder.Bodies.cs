using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    /// Reads a request body: one per kind of media type, the first of each kind in the spec's order. The first kind in this
    /// order is the preferred body, the request record's: JSON, form, text, binary, multipart, raw. Each other kind is an
    /// alternative, sent by an overload of the method that takes a request record of its own (<c>CreatePetFormRequest</c>).
    /// </summary>
    /// <param name="operationPointer">The operation's pointer: the body's is made only for an operation that has one.</param>
    private (BodySpec? Preferred, List<AlternateBodySpec> Alternatives) ParseRequestBodies(IOpenApiRequestBody? requestBody, string operationPointer, string operationName)
    {
        if (requestBody?.Content is null || requestBody.Content.Count == 0)
        {
            return (null, []);
        }

        var pointer = JsonPointers.Append(operationPointer, "requestBody");
        var kinds = requestBody.Content
            .Select(c => (MediaType: c.Key, Content: c.Value, Kind: RequestBodyKind(c.Key, c.Value)))
            .GroupBy(c => c.Kind)
            .Select(g => g.First())
            .OrderBy(c => c.Kind)
            .ToList();
        var component = ComponentStem((requestBody as OpenApiRequestBodyReference)?.Reference, "Body");
        var preferred = ParseRequestBody(requestBody, kinds[0], pointer, operationName, component is null ? new NameHint(operationName, "Body") : new NameHint(component), isPreferred: true);
        var alternatives = new List<AlternateBodySpec>();
        foreach (var entry in kinds.Skip(1))
        {
            var suffix = entry.Kind == BodyKind.Raw ? "Content" : entry.Kind.ToString();
            var body = ParseRequestBody(requestBody, entry, pointer, operationName + suffix, component is null ? new NameHint(operationName + suffix, "Body") : new NameHint(component, suffix), isPreferred: false);

            // A multipart body that cannot be typed is raw content, which a raw alternative may send already.
            if (body.Kind != preferred.Kind && alternatives.All(a => a.Body.Kind != body.Kind))
            {
                var requestTypeName = ClaimTypeName(operationName + suffix + "Request", "{0}", $"the request record of '{operationName}' with a {entry.MediaType} body", null, JsonPointers.Append(JsonPointers.Append(pointer, "content"), entry.MediaType));
                alternatives.Add(new AlternateBodySpec(requestTypeName, body));
            }
        }

        return (preferred, alternatives);
    }

    /// <summary>
    /// Reads one media type of a request body. A media type the generator cannot type (XML, …) keeps the body as a raw
    /// <c>HttpContent</c>, reported where it is the preferred body (as an alternative, the typed overload is there beside it).
    /// </summary>
    /// <param name="bodyName">The name its schema's type takes when the body is written inline (<see cref="ComponentStem"/>).</param>
    private BodySpec ParseRequestBody(IOpenApiRequestBody requestBody, (string MediaType, IOpenApiMediaType Content, BodyKind Kind) entry, string pointer, string operationName, NameHint bodyName, bool isPreferred)
    {
        var (mediaType, content, kind) = entry;
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
                    Type = content.Schema is null ? TypeRef.Any : ResolveType(content.Schema, schemaPointer, bodyName, Usage.Request, mergePatch: false),
                    IsRequired = requestBody.Required,
                    Description = description,
                    FormEncodings = FormEncodings(content).ToEquatableArray(),
                };
            case BodyKind.Text:
                // The schema's constraints (maxLength, pattern) hold for the text; a schema that is no string says nothing about it.
                var text = content.Schema?.Type == JsonSchemaType.String ? ResolveType(content.Schema, schemaPointer, bodyName, Usage.Request, mergePatch: false) : null;
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
                    PartsTypeName = ClaimTypeName(operationName + "Parts", "the multipart body of '{0}'", operationName, null, schemaPointer),
                };
            case BodyKind.Multipart:
                if (isPreferred)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(contentPointer), $"A multipart body whose schema is not an object of named parts", "the method takes the body as a raw HttpContent");
                }

                return new BodySpec { MediaType = mediaType, Kind = BodyKind.Raw, Type = TypeRef.Any, IsRequired = requestBody.Required, Description = description };
            case BodyKind.Raw:
                if (isPreferred)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(contentPointer), $"The request media type '{mediaType}'", "the method takes the body as a raw HttpContent");
                }

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

        var type = ResolveType(content.Schema, schemaPointer, bodyName, Usage.Request, isMergePatch);
        return new BodySpec { MediaType = mediaType, Kind = isMergePatch ? BodyKind.MergePatch : BodyKind.Json, Type = type, IsRequired = requestBody.Required, Description = description };
    }

    /// <summary>What a request media type becomes; the enum's order is the order of preference among several.</summary>
    private static BodyKind RequestBodyKind(string mediaType, IOpenApiMediaType content)
    {
        var type = MediaTypeOf(mediaType);
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
    /// The parts of a multipart body, one per property of its object schema: a <c>format: binary</c> string is a file, an
    /// array of them a list of files (one part each, under the property's name), a scalar is text, anything else (or a
    /// part whose encoding names a JSON media type) is JSON. Null when the schema is no object with properties.
    /// </summary>
    private List<PartSpec>? ParseParts(IOpenApiMediaType content, string schemaPointer, string operationName)
    {
        if (Unwrap(content.Schema) is not { Properties.Count: > 0 } schema)
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
            var isFileList = ShapeOf(target) == ValueKind.Array && IsBinarySchema(Unwrap(target?.Items));
            var shape = ShapeOf(property.Value);
            var kind = isFile ? PartKind.File
                : isFileList ? PartKind.Files
                : encoding?.ContentType is { } partType && IsJsonMediaType(partType) && partType.Trim() != "*/*" ? PartKind.Json
                : shape is ValueKind.Object or ValueKind.Map or ValueKind.Array or ValueKind.Any ? PartKind.Json
                : PartKind.Text;
            parts.Add(new PartSpec
            {
                Name = ClaimMemberName(names, property.Key, KeyAt(propertyPointer)),
                WireName = property.Key,
                Kind = kind,
                Type = isFile || isFileList ? TypeRef.Any : ResolveType(property.Value, propertyPointer, operationName + "Parts" + PascalCase(property.Key), Usage.Request, mergePatch: false),
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

    private static bool IsJsonMediaType(string mediaType)
    {
        var type = MediaTypeOf(mediaType);
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.Ordinal);
    }
}
