using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Checking;

/// <summary>
/// Rewrites each schema node, before Microsoft.OpenApi reads it, into the form it reads, where the meaning is clear:
/// <list type="bullet">
/// <item>boolean schemas of OpenAPI 3.1 (<c>true</c> allows anything: <c>{}</c>; <c>false</c> nothing: <c>{not: {}}</c>),
/// which Microsoft.OpenApi fails on with a NullReferenceException; beside <c>prefixItems</c>, <c>items: false</c> is
/// a bound on the item count; a <c>$ref</c> with keywords beside it that constrain, an allOf of the reference and
/// them, as 3.1 applies both;</item>
/// <item><c>const</c>, which it reads only as text and refuses as an object or a list: an enum of one value;</item>
/// <item><c>required: true</c> on a property's schema (OpenAPI 2 and draft 3 style), which it refuses: the property is
/// treated as required in its parent;</item>
/// <item>in an OpenAPI 3.0 document, keywords of later JSON Schema drafts: a <c>type</c> list, an <c>examples</c> list,
/// a numeric <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> are read as 3.0 writes them; the others are left out.</item>
/// </list>
/// Each flaw is reported as OAG020 where it is written; what OpenAPI 3.1 allows is not.
/// </summary>
/// <param name="root">The tree the schemas are in: the whole spec, its skeleton, or the fragment at <paramref name="rootPointer"/>.</param>
internal sealed class SchemaDialect(JsonNode root, string rootPointer, CheckFindings findings, bool isOpenApi31)
{
    /// <summary>JSON Schema keywords an OpenAPI 3.0 schema does not have, which Microsoft.OpenApi's 3.0 reader refuses.</summary>
    private static readonly string[] LaterDraftKeywords =
    [
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$comment", "$defs", "$vocabulary", "prefixItems", "contains", "minContains",
        "maxContains", "dependentRequired", "dependentSchemas", "propertyNames", "patternProperties", "unevaluatedItems", "unevaluatedProperties",
        "if", "then", "else", "contentEncoding", "contentMediaType", "contentSchema",
    ];

    private static readonly HashSet<string> LaterDraftKeywordSet = new(LaterDraftKeywords, StringComparer.Ordinal);

    /// <summary>The keywords beside a <c>$ref</c> that Microsoft.OpenApi applies itself: annotations.</summary>
    private static readonly string[] ReferenceAnnotations = ["description", "summary", "title", "deprecated", "readOnly", "writeOnly", "example", "examples", "default"];

    /// <summary>The schema a boolean schema stands for.</summary>
    public static JsonObject ForBoolean(bool allowsAnything) => allowsAnything ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };

    /// <summary>Whether a schema has one of the keywords: a walk over its few members instead of a look-up of each keyword.</summary>
    public static bool HasAnyMember(JsonObject schema, HashSet<string> keywords)
    {
        for (var i = 0; i < schema.Count; i++)
        {
            if (keywords.Contains(schema.GetAt(i).Key))
            {
                return true;
            }
        }

        return false;
    }

    public void Normalize(JsonObject schema, string pointer)
    {
        MoveRequiredToParent(schema, pointer);
        if (schema["const"] is var constant && schema.ContainsKey("const"))
        {
            schema.Remove("const");
            schema["enum"] = new JsonArray(constant?.DeepClone());
            if (!isOpenApi31)
            {
                LaterDraft(pointer, "const", $"it is read as 'enum: [{constant?.ToJsonString() ?? "null"}]'");
            }
        }

        if (isOpenApi31)
        {
            ReadTupleItems(schema);
            ApplyReferenceSiblings(schema);
            return;
        }

        if (schema["type"] is JsonArray types)
        {
            ReadTypeList(schema, types, pointer);
        }

        if (schema["examples"] is JsonArray examples)
        {
            schema.Remove("examples");
            if (examples.Count > 0 && !schema.ContainsKey("example"))
            {
                schema["example"] = examples[0]?.DeepClone();
            }

            LaterDraft(pointer, "examples", "its first value is read as 'example'");
        }

        ReadNumericBound(schema, pointer, "exclusiveMinimum", "minimum", (bound, other) => bound >= other);
        ReadNumericBound(schema, pointer, "exclusiveMaximum", "maximum", (bound, other) => bound <= other);
        // A schema has a few members and there are many such keywords: they are looked for only in a schema that has one.
        if (HasAnyMember(schema, LaterDraftKeywordSet))
        {
            foreach (var keyword in LaterDraftKeywords)
            {
                if (schema.Remove(keyword))
                {
                    LaterDraft(pointer, keyword, "it is left out");
                }
            }
        }
    }

    /// <summary>
    /// In OpenAPI 3.1 the keywords beside a <c>$ref</c> apply too (<c>{$ref: Code, maxLength: 3}</c>), where Microsoft.OpenApi
    /// keeps only the annotations: the reference becomes the first part of an allOf, whose parts all apply.
    /// </summary>
    private static void ApplyReferenceSiblings(JsonObject schema)
    {
        if (schema["$ref"] is not JsonValue reference || schema.All(m => m.Key == "$ref" || ReferenceAnnotations.Contains(m.Key) || m.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            return;
        }

        schema.Remove("$ref");
        if (schema["allOf"] is not JsonArray parts)
        {
            schema["allOf"] = parts = new JsonArray();
        }

        parts.Insert(0, new JsonObject { ["$ref"] = reference });
    }

    /// <summary>
    /// Beside <c>prefixItems</c>, <c>items</c> is about the items after them: <c>items: false</c> (a tuple) allows no more
    /// items, <c>items: true</c> any. Both are read as a bound on the count, as the generator types every item alike.
    /// </summary>
    private static void ReadTupleItems(JsonObject schema)
    {
        if (schema["prefixItems"] is not JsonArray positions || schema["items"] is not JsonValue items
            || items.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        schema.Remove("items");
        if (items.GetValueKind() == JsonValueKind.False
            && !(schema["maxItems"] is JsonValue max && max.TryGetValue(out int limit) && limit <= positions.Count))
        {
            schema["maxItems"] = positions.Count;
        }
    }

    /// <summary><c>required: true</c> in a property's schema means the property is required in the object it is in.</summary>
    private void MoveRequiredToParent(JsonObject schema, string pointer)
    {
        if (schema["required"] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        var isRequired = flag.GetValueKind() == JsonValueKind.True;
        var property = Regex.Match(pointer, "^(.*)/properties/([^/]+)$");
        var parent = property.Success ? JsonPointers.FindUnder(root, rootPointer, property.Groups[1].Value) as JsonObject : null;
        var name = property.Success ? JsonPointers.Unescape(property.Groups[2].Value) : null;
        findings.Report(
            DiagnosticDescriptors.SpecFlaw,
            JsonPointers.Append(pointer, "required"),
            $"The schema says 'required: {flag.ToJsonString()}', but OpenAPI lists the required properties in the 'required' list of the object they are in",
            parent is null || !isRequired ? "it is left out" : $"'{name}' is treated as required in its object");
        schema.Remove("required");
        if (parent is null || !isRequired)
        {
            return;
        }

        if (parent["required"] is not JsonArray required)
        {
            parent["required"] = required = new JsonArray();
        }

        if (!required.Any(r => r is JsonValue v && v.TryGetValue(out string? existing) && existing == name))
        {
            required.Add(name);
        }
    }

    /// <summary>A 3.0 schema has one type, and <c>nullable</c> for null.</summary>
    private void ReadTypeList(JsonObject schema, JsonArray types, string pointer)
    {
        var names = types.Select(t => t is JsonValue v && v.TryGetValue(out string? name) ? name : null).Where(n => n is not null).Select(n => n!).ToList();
        var nonNull = names.Where(n => n != "null").Distinct(StringComparer.Ordinal).ToList();
        schema.Remove("type");
        if (nonNull.Count == 1)
        {
            schema["type"] = nonNull[0];
        }

        if (names.Contains("null"))
        {
            schema["nullable"] = true;
        }

        LaterDraft(
            pointer,
            "type",
            nonNull.Count == 1
                ? $"it is read as 'type: {nonNull[0]}'" + (names.Contains("null") ? " with 'nullable: true'" : string.Empty)
                : "the value may be of any of those types");
    }

    /// <summary>A numeric exclusive bound (draft 6 on) is a 3.0 bound with the boolean beside it, unless the other bound is tighter.</summary>
    private void ReadNumericBound(JsonObject schema, string pointer, string exclusiveKeyword, string inclusiveKeyword, Func<decimal, decimal, bool> isTighter)
    {
        if (schema[exclusiveKeyword] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number
            || !decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            return;
        }

        var keepsInclusive = schema[inclusiveKeyword] is JsonValue inclusive
            && decimal.TryParse(inclusive.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var other) && !isTighter(bound, other);
        if (keepsInclusive)
        {
            schema.Remove(exclusiveKeyword);
        }
        else
        {
            schema[inclusiveKeyword] = value.DeepClone();
            schema[exclusiveKeyword] = true;
        }

        LaterDraft(
            pointer,
            exclusiveKeyword,
            keepsInclusive
                ? $"'{inclusiveKeyword}' is tighter and is kept"
                : $"it is read as '{inclusiveKeyword}: {value.ToJsonString()}' with '{exclusiveKeyword}: true'");
    }

    private void LaterDraft(string pointer, string keyword, string reading)
        => findings.ReportAtKey(
            DiagnosticDescriptors.SpecFlaw,
            JsonPointers.Append(pointer, keyword),
            $"The keyword '{keyword}' belongs to later JSON Schema drafts (OpenAPI 3.1), not to this OpenAPI 3.0 document",
            reading);
}
