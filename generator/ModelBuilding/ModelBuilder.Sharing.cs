using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Model;

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
    /// the JSON writes too (the kind, the type and format, an enum's values, the number of parts, each member's name and
    /// its schema's type or reference), so schemas of equal JSON have equal outlines. Null for a named component schema,
    /// which keeps its own type, and for other kinds.
    /// </summary>
    private static string? InlineOutlineOf(IOpenApiSchema schema, TypeKind kind, string? componentName)
    {
        if (componentName is not null || kind is not (TypeKind.Object or TypeKind.Enum or TypeKind.Union))
        {
            return null;
        }

        var outline = new StringBuilder().Append((int)kind);
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

        foreach (var property in own.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            outline.Append('\0').Append(property.Key).Append('\u0001');
            if (property.Value is OpenApiSchemaReference reference)
            {
                outline.Append('#').Append(reference.Reference.Id);
            }
            else
            {
                outline.Append((int)(property.Value?.Type ?? 0));
            }
        }

        return outline.ToString();
    }

    /// <summary>
    /// The type an inline schema shares with an earlier one of the same shape, registered for <paramref name="schema"/>
    /// too; null when it is the first of its shape (<paramref name="json"/> is its JSON if it had to be written).
    /// </summary>
    private PendingType? SharedInlineType(IOpenApiSchema schema, TypeKind kind, string? outline, out string? json)
    {
        json = null;
        if (outline is null || !_inlineTypesByOutline.TryGetValue(outline, out var candidates))
        {
            return null;
        }

        var own = json = JsonShapeOf(schema);
        var shared = candidates.Find(candidate => (candidate.Json ??= JsonShapeOf(candidate.Type.Schema)) == own)?.Type;
        if (shared is null)
        {
            return null;
        }

        // One description cannot serve uses that describe the type differently; each member keeps its own.
        if (Clean(schema.Description) != Clean(shared.Schema.Description))
        {
            shared.HasMixedDescriptions = true;
        }

        _pendingTypes.Add(new TypeKey(schema, kind), shared);
        return shared;
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
    private static string JsonShapeOf(IOpenApiSchema schema)
    {
        var copy = schema.CreateShallowCopy();
        if (copy is OpenApiSchema own)
        {
            own.Description = null;
            own.Title = null;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        copy.SerializeAsV31(new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = true }));
        return text.ToString();
    }

    /// <summary>An inline type that others of its shape may share, and its JSON once it has been written.</summary>
    private sealed class InlineShape(PendingType type)
    {
        public PendingType Type { get; } = type;

        public string? Json { get; set; }
    }
}
