using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>The record whose members are being resolved, whose file the inline types they need are generated in.</summary>
    private PendingType? _membersBeingResolved;

    /// <summary>
    /// The inline object, enum and union types by the outline of their shape (see <see cref="InlineOutlineOf"/>), each
    /// bucket in the order the types were added, so that structurally identical inline schemas share one.
    /// </summary>
    private readonly Dictionary<string, List<InlineShape>> _inlineTypesByOutline = new(System.StringComparer.Ordinal);

    /// <summary>
    /// An inline object, enum or union schema shares its type with structurally identical ones: those of the same kind
    /// and the same JSON, their own description and title aside. Real specs repeat inline schemas by the hundred
    /// (GitHub's <c>read</c>/<c>write</c> permission enum, the user object of every webhook): each would otherwise be a
    /// type of its own with the same code, and so would Stripe's expandable fields (<c>anyOf: [string, $ref]</c>) by the
    /// hundred. Serializing every inline schema to compare them was a tenth of model building (a nested schema being
    /// serialized again with each schema around it), and most have no twin: an outline read off the schema narrows the
    /// candidates, and the JSON is written only for a schema whose outline another one has. The outline holds only what
    /// the JSON writes too (the kind, the type and format, an enum's values, the number of parts and each one's type or
    /// reference, each member's name and its schema's type or reference), so schemas of equal JSON have equal outlines.
    /// Null for a named component schema, which keeps its own type, and for other kinds. Written in one builder for all
    /// (<see cref="_outline"/>).
    /// </summary>
    private string? InlineOutlineOf(IOpenApiSchema schema, TypeKind kind, string? componentName)
    {
        if (componentName is not null || kind is not (TypeKind.Object or TypeKind.Enum or TypeKind.Union))
        {
            return null;
        }

        var outline = _outline.Clear().Append((int)kind);
        if (schema is not OpenApiSchema own)
        {
            // A reference, say: its JSON tells it apart.
            return outline.Append('*').ToString();
        }

        outline.Append('|').Append(own.Enum?.Count ?? 0)
            .Append('|').Append(own.AllOf?.Count ?? 0)
            .Append('|').Append(own.OneOf?.Count ?? 0)
            .Append('|').Append(own.AnyOf?.Count ?? 0)
            .Append('|').Append((int)(own.Type ?? 0))
            .Append('|').Append(own.Format);

        // An enum's values, and each member's name with what its schema names or its type: schemas with the same
        // outline so far differ there most (GitHub's two-valued enums, its records of the same member names).
        if (kind == TypeKind.Enum)
        {
            foreach (var value in own.Enum ?? [])
            {
                outline.Append('\0').Append(value is JsonValue text && text.TryGetValue(out string? name) ? name : "\u0001");
            }
        }

        foreach (var property in own.Properties ?? Enumerable.Empty<KeyValuePair<string, IOpenApiSchema>>())
        {
            AppendPart(outline.Append('\0').Append(property.Key).Append('\u0001'), property.Value);
        }

        // Each part's type or reference too: Stripe's hundreds of expandable fields (anyOf: [string, $ref]) have one
        // outline without them, and each new one was compared with every earlier one.
        AppendParts(outline, own.AllOf);
        AppendParts(outline, own.OneOf);
        AppendParts(outline, own.AnyOf);
        return outline.ToString();

        static void AppendParts(StringBuilder outline, IList<IOpenApiSchema>? parts)
        {
            // Indexed: a foreach over the interface would box the list's enumerator for every schema.
            for (var i = 0; parts is not null && i < parts.Count; i++)
            {
                AppendPart(outline.Append('\u0002'), parts[i]);
            }
        }

        static void AppendPart(StringBuilder outline, IOpenApiSchema? schema)
        {
            if (schema is OpenApiSchemaReference reference)
            {
                outline.Append('#').Append(reference.Reference.Id);
            }
            else
            {
                outline.Append((int)(schema?.Type ?? 0));
            }
        }
    }

    /// <summary>The builder of every outline: a builder for each inline schema cost more than the outline it wrote.</summary>
    private readonly StringBuilder _outline = new();

    /// <summary>
    /// The type an inline schema shares with an earlier one of the same shape, registered for <paramref name="schema"/>
    /// too; null when it is the first of its shape (<paramref name="json"/> is its JSON if it had to be written).
    /// </summary>
    private PendingType? SharedInlineType(IOpenApiSchema schema, string pointer, TypeKind kind, string? outline, out string? json)
    {
        json = null;
        if (outline is null || !_inlineTypesByOutline.TryGetValue(outline, out var candidates))
        {
            return null;
        }

        var shared = TwinAsWritten(schema, pointer, candidates);
        if (shared is null)
        {
            var own = json = JsonShapeOf(schema);
            shared = candidates.Find(candidate => (candidate.Json ??= JsonShapeOf(candidate.Type.Schema)) == own)?.Type;
            if (shared is null)
            {
                return null;
            }
        }

        // One description cannot serve uses that describe the type differently; each member keeps its own.
        if (Clean(schema.Description) != Clean(shared.Schema.Description))
        {
            shared.HasMixedDescriptions = true;
        }

        _pendingTypes.Add(new TypeKey(schema, kind), shared);
        return shared;
    }

    /// <summary>
    /// The candidate the spec writes as it writes <paramref name="schema"/>, their own description and title aside; null
    /// when there is none, or when where a schema is written could change how it reads. Microsoft.OpenApi reads the same
    /// JSON into schemas that it writes as the same JSON, so such a twin is the one <see cref="JsonShapeOf"/> would find,
    /// without writing either: the candidates of an outline write JSON that differs, as each one shared no earlier one's,
    /// so only one can match. Schemas written differently may still read alike (keywords in another order, a keyword the
    /// reader leaves out): those are left to <see cref="JsonShapeOf"/>.
    /// </summary>
    private PendingType? TwinAsWritten(IOpenApiSchema schema, string pointer, List<InlineShape> candidates)
    {
        if (WrittenAt(schema, pointer) is not { } written)
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if ((candidate.Written ??= WrittenAt(candidate.Type.Schema, candidate.Type.Pointer) ?? NotWritten) is { } other && !ReferenceEquals(other, NotWritten)
                && SameJson(written, other, isOuter: true))
            {
                return candidate.Type;
            }
        }

        return null;
    }

    /// <summary>Where a candidate's JSON has been looked for and is not the JSON its schema was read from.</summary>
    private static readonly JsonObject NotWritten = [];

    /// <summary>
    /// The JSON <paramref name="schema"/> was read from, when it is what Microsoft.OpenApi read at <paramref name="pointer"/>:
    /// the model builder places some schemas it makes itself (a union's variant with the members beside the choice, a type
    /// list's part) and the schemas inside them where the spec writes other JSON. Null for a reference.
    /// </summary>
    private JsonObject? WrittenAt(IOpenApiSchema schema, string pointer)
        => schema is OpenApiSchema && ReferenceEquals(DocumentSchemaAt(pointer), schema) && NodeAt(pointer) is JsonObject written && !written.ContainsKey("$ref")
            ? written
            : null;

    /// <summary>
    /// The schema Microsoft.OpenApi's document holds at <paramref name="pointer"/>, found by the pointer's segments; null
    /// where the pointer goes through a reference or to what holds no schema. The segments are cut one at a time, and
    /// the operation found with a loop: a split and a closure in each step cost more than the schema found.
    /// </summary>
    private IOpenApiSchema? DocumentSchemaAt(string pointer)
    {
        object? current = _document.Document;
        for (var start = 1; start <= pointer.Length && current is not null;)
        {
            var end = pointer.IndexOf('/', start) is var slash and >= 0 ? slash : pointer.Length;
            var segment = JsonPointers.Unescape(pointer.Substring(start, end - start));
            start = end + 1;
            current = (current, segment) switch
            {
                (OpenApiDocument document, "paths") => document.Paths,
                (OpenApiDocument document, "components") => document.Components,
                (OpenApiDocument document, "webhooks") => document.Webhooks,
                (OpenApiComponents components, "schemas") => components.Schemas,
                (OpenApiComponents components, "parameters") => components.Parameters,
                (OpenApiComponents components, "requestBodies") => components.RequestBodies,
                (OpenApiComponents components, "responses") => components.Responses,
                (OpenApiComponents components, "headers") => components.Headers,
                (IDictionary<string, IOpenApiPathItem> pathItems, _) => Entry(pathItems, segment),
                (OpenApiPathItem pathItem, "parameters") => pathItem.Parameters,
                (OpenApiPathItem pathItem, _) => Operation(pathItem, segment),
                (OpenApiOperation operation, "parameters") => operation.Parameters,
                (OpenApiOperation operation, "requestBody") => operation.RequestBody,
                (OpenApiOperation operation, "responses") => operation.Responses,
                (IDictionary<string, IOpenApiParameter> parameters, _) => Entry(parameters, segment),
                (IList<IOpenApiParameter> parameters, _) => Item(parameters, segment),
                (OpenApiParameter parameter, "schema") => parameter.Schema,
                (OpenApiParameter parameter, "content") => parameter.Content,
                (IDictionary<string, IOpenApiRequestBody> requestBodies, _) => Entry(requestBodies, segment),
                (OpenApiRequestBody requestBody, "content") => requestBody.Content,
                (IDictionary<string, IOpenApiResponse> responses, _) => Entry(responses, segment),
                (OpenApiResponse response, "content") => response.Content,
                (OpenApiResponse response, "headers") => response.Headers,
                (IDictionary<string, IOpenApiHeader> headers, _) => Entry(headers, segment),
                (OpenApiHeader header, "schema") => header.Schema,
                (OpenApiHeader header, "content") => header.Content,
                (IDictionary<string, IOpenApiMediaType> content, _) => Entry(content, segment),
                (OpenApiMediaType mediaType, "schema") => mediaType.Schema,
                (OpenApiMediaType mediaType, "itemSchema") => mediaType.ItemSchema,
                (IDictionary<string, IOpenApiSchema> schemas, _) => Entry(schemas, segment),
                (OpenApiSchema schema, "properties") => schema.Properties,
                (OpenApiSchema schema, "items") => schema.Items,
                (OpenApiSchema schema, "additionalProperties") => schema.AdditionalProperties,
                (OpenApiSchema schema, "not") => schema.Not,
                (OpenApiSchema schema, "allOf") => schema.AllOf,
                (OpenApiSchema schema, "oneOf") => schema.OneOf,
                (OpenApiSchema schema, "anyOf") => schema.AnyOf,
                (IList<IOpenApiSchema> schemas, _) => Item(schemas, segment),
                _ => null,
            };
        }

        return current as OpenApiSchema;

        static object? Entry<T>(IDictionary<string, T> entries, string key) => entries.TryGetValue(key, out var entry) ? entry : null;

        static OpenApiOperation? Operation(OpenApiPathItem pathItem, string method)
        {
            if (pathItem.Operations is { } operations)
            {
                foreach (var operation in operations)
                {
                    if (string.Equals(operation.Key.Method, method, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return operation.Value;
                    }
                }
            }

            return null;
        }

        static object? Item<T>(IList<T> items, string index)
            => int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < items.Count ? items[i] : null;
    }

    /// <summary>
    /// Whether two pieces of the spec's JSON are written alike: members in the same order, values with the same text. The
    /// outer schemas' descriptions and titles are left aside, as <see cref="JsonShapeOf"/> leaves them out. A reference to
    /// another document or by anchor (<c>$dynamicRef</c>), or a schema that sets its own base (<c>$id</c>) or anchors, may
    /// resolve differently where it is written: such JSON is never taken as alike here.
    /// </summary>
    private static bool SameJson(JsonNode? left, JsonNode? right, bool isOuter)
    {
        switch (left)
        {
            case null:
                return right is null;
            case JsonObject leftObject when right is JsonObject rightObject:
                var i = 0;
                var j = 0;
                while (true)
                {
                    i = NextCompared(leftObject, i, isOuter);
                    j = NextCompared(rightObject, j, isOuter);
                    if (i == leftObject.Count || j == rightObject.Count)
                    {
                        return i == leftObject.Count && j == rightObject.Count;
                    }

                    var member = leftObject.GetAt(i);
                    var otherMember = rightObject.GetAt(j);
                    var key = member.Key;
                    if (!string.Equals(key, otherMember.Key, System.StringComparison.Ordinal) || key is "$id" or "$anchor" or "$dynamicAnchor" or "$dynamicRef"
                        || (key == "$ref" && !IsLocalReference(member.Value)) || !SameJson(member.Value, otherMember.Value, isOuter: false))
                    {
                        return false;
                    }

                    i++;
                    j++;
                }

            case JsonArray leftArray when right is JsonArray rightArray && leftArray.Count == rightArray.Count:
                for (var k = 0; k < leftArray.Count; k++)
                {
                    if (!SameJson(leftArray[k], rightArray[k], isOuter: false))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValue leftValue when right is JsonValue rightValue && leftValue.GetValueKind() == rightValue.GetValueKind():
                return leftValue.TryGetValue(out string? text) && rightValue.TryGetValue(out string? otherText)
                    ? string.Equals(text, otherText, System.StringComparison.Ordinal)
                    : leftValue.ToJsonString() == rightValue.ToJsonString();
            default:
                return false;
        }

        // The index of the next member compared from index, on: an outer schema's description and title are skipped.
        static int NextCompared(JsonObject schema, int index, bool isOuter)
        {
            while (isOuter && index < schema.Count && schema.GetAt(index).Key is "description" or "title")
            {
                index++;
            }

            return index;
        }

        static bool IsLocalReference(JsonNode? reference)
            => reference is JsonValue value && value.TryGetValue(out string? text) && text.StartsWith("#/", System.StringComparison.Ordinal);
    }

    /// <summary>The first inline type of its shape: those of the same shape after it share it.</summary>
    private void AddInlineType(string outline, PendingType type, string? json)
    {
        if (!_inlineTypesByOutline.TryGetValue(outline, out var candidates))
        {
            _inlineTypesByOutline.Add(outline, candidates = []);
        }

        candidates.Add(new InlineShape(type) { Json = json });
    }

    /// <summary>The schema as JSON without its own description and title; nested schemas keep theirs, as they are part of the shape.</summary>
    private string JsonShapeOf(IOpenApiSchema schema)
    {
        var copy = schema.CreateShallowCopy();
        if (copy is OpenApiSchema own)
        {
            own.Description = null;
            own.Title = null;
        }

        _shapeText.Clear();
        using var text = new StringWriter(_shapeText, System.Globalization.CultureInfo.InvariantCulture);
        copy.SerializeAsV31(new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = true }));
        return _shapeText.ToString();
    }

    /// <summary>Where <see cref="JsonShapeOf"/> writes, one buffer for every shape a build writes rather than one grown for each.</summary>
    private readonly StringBuilder _shapeText = new();

    /// <summary>An inline type that others of its shape may share, and its JSON once it has been written.</summary>
    private sealed class InlineShape(PendingType type)
    {
        public PendingType Type { get; } = type;

        public string? Json { get; set; }

        /// <summary>The JSON the type's schema was read from, once looked for (<see cref="NotWritten"/> when it is no such JSON).</summary>
        public JsonObject? Written { get; set; }
    }
}
