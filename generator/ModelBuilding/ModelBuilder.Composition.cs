using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>
    /// Resolves a schema made of others: today an <c>allOf</c> of one schema, which stands for that schema (a common way
    /// to add a description to a reference). Returns null for a schema whose own keywords describe the value; the
    /// compositions not generated yet are reported.
    /// </summary>
    private TypeRef? ResolveComposition(IOpenApiSchema schema, string pointer, string nameHint, Usage usage, bool mergePatch)
    {
        ReportUnsupportedKeywords(schema, pointer);
        if (schema.AllOf is { Count: 1 } && schema.Properties is not { Count: > 0 })
        {
            return ResolveContained(schema, () => ResolveType(schema.AllOf[0], JsonPointers.Append(JsonPointers.Append(pointer, "allOf"), "0"), nameHint, usage, mergePatch));
        }

        return null;
    }

    /// <summary>The schema that describes the value: past references and single allOf wrappers (a few at most, as a cycle may hide there).</summary>
    private IOpenApiSchema? Unwrap(IOpenApiSchema? schema)
    {
        for (var hops = 0; hops < 16 && Target(schema) is { } target; hops++)
        {
            if (target.AllOf is not { Count: 1 } || target.Properties is { Count: > 0 })
            {
                return target;
            }

            schema = target.AllOf[0];
        }

        return null;
    }

    private void ReportUnsupportedKeywords(IOpenApiSchema schema, string pointer)
    {
        if (schema.OneOf is { Count: > 0 })
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "oneOf")), "oneOf", "the value is generated as a JsonElement and is not validated");
        }

        if (schema.AnyOf is { Count: > 0 })
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "anyOf")), "anyOf", "the value is generated as a JsonElement and is not validated");
        }

        if (schema.AllOf is { Count: > 1 } || (schema.AllOf is { Count: 1 } && schema.Properties is { Count: > 0 }))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "allOf")), "allOf with more than one schema", "only the schema's own properties are generated");
        }

        if (schema.Not is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "not")), "not", "it is ignored");
        }
    }
}
