using System.Collections.Generic;
using System.IO;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>The record whose members are being resolved, whose file the inline types they need are generated in.</summary>
    private PendingType? _membersBeingResolved;

    /// <summary>The inline object, enum and union types by their shape, so that structurally identical inline schemas share one.</summary>
    private readonly Dictionary<string, PendingType> _inlineTypesByShape = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The key under which an inline object, enum or union schema shares its type with structurally identical ones: its kind and
    /// its JSON, its own description and title aside. Null for a named component schema, which keeps its own type, and for
    /// other kinds. Real specs repeat inline schemas by the hundred (GitHub's <c>read</c>/<c>write</c> permission enum, the
    /// user object of every webhook): each would otherwise be a type of its own with the same code, and so would Stripe's
    /// expandable fields (<c>anyOf: [string, $ref]</c>) by the hundred.
    /// </summary>
    private static string? InlineShapeOf(IOpenApiSchema schema, TypeKind kind, string? componentName)
        => componentName is null && kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union
            ? ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + JsonShapeOf(schema)
            : null;

    /// <summary>
    /// The type an inline schema shares with an earlier one of the same <paramref name="shape"/>, registered for
    /// <paramref name="schema"/> too; null when it is the first of its shape.
    /// </summary>
    private PendingType? SharedInlineType(IOpenApiSchema schema, TypeKind kind, string? shape)
    {
        if (shape is null || !_inlineTypesByShape.TryGetValue(shape, out var shared))
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
}
