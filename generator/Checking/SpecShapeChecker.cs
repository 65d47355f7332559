using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Checking;

/// <summary>
/// Checks, before Microsoft.OpenApi reads the document, that every node the generator builds on is an object (or a
/// list) where OpenAPI says so. Microsoft.OpenApi drops a component schema, a parameter or a media type that is not an
/// object without a word, and throws NullReferenceException on a property schema that is not one; whoever writes
/// <c>name: string</c> under <c>properties</c> deserves to be told where. Each schema whose shape is right is then
/// handed to <see cref="SchemaDialect"/>, which rewrites it into the form Microsoft.OpenApi reads.
/// </summary>
internal sealed class SpecShapeChecker
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "dependentSchemas", "$defs", "x-json-patch-paths"];
    private static readonly string[] SchemaListKeywords = ["allOf", "oneOf", "anyOf", "prefixItems"];
    private static readonly string[] SchemaKeywords = ["items", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems"];

    /// <summary>Keywords whose value may be <c>true</c> or <c>false</c> instead of a schema, in every OpenAPI version.</summary>
    private static readonly string[] BooleanOrSchemaKeywords = ["additionalProperties", "unevaluatedProperties"];

    private static readonly HashSet<string> SubschemaKeywords = new(
        SchemaMapKeywords.Concat(SchemaListKeywords).Concat(SchemaKeywords).Concat(BooleanOrSchemaKeywords),
        StringComparer.Ordinal);

    private readonly CheckFindings _findings;

    /// <summary>OpenAPI 3.1 schemas are JSON Schema 2020-12, where <c>true</c> and <c>false</c> are schemas too.</summary>
    private readonly bool _booleanSchemas;

    /// <summary>Rewrites each schema into the form Microsoft.OpenApi reads, once its shape is known to be right.</summary>
    private readonly SchemaDialect _dialect;

    /// <param name="root">The tree checked: the whole spec, its skeleton, or one fragment standing at <paramref name="rootPointer"/>.</param>
    private SpecShapeChecker(JsonNode root, string rootPointer, CheckFindings findings, bool booleanSchemas)
    {
        _findings = findings;
        _booleanSchemas = booleanSchemas;
        _dialect = new SchemaDialect(root, rootPointer, findings, booleanSchemas);
    }

    /// <summary>Whether the document (or its skeleton) says OpenAPI 3.1, whose schemas may be booleans.</summary>
    public static bool IsOpenApi31(JsonNode? document)
        => document is JsonObject mapping && mapping["openapi"] is JsonValue value && value.TryGetValue(out string? text) && text.StartsWith("3.1", StringComparison.Ordinal);

    /// <summary>
    /// Checks the tree of a whole spec or of its skeleton (<paramref name="pointer"/> empty), or of the fragment that
    /// stands at <paramref name="pointer"/>, as a walk over the whole spec checks it there. A fragment's place in the
    /// skeleton is noted instead of checked (<see cref="CheckFindings.FragmentPlaceInShapeWalk"/>).
    /// </summary>
    /// <returns>Whether a check ran on the tree; false for a fragment that the walk over the whole spec does not check.</returns>
    public static bool Check(JsonNode tree, string pointer, bool isOpenApi31, CheckFindings findings)
    {
        if (pointer.Length == 0)
        {
            if (tree is not JsonObject document)
            {
                Report(findings, string.Empty, "The document", tree);
            }
            else
            {
                new SpecShapeChecker(tree, pointer, findings, isOpenApi31).CheckDocument(document);
            }

            return true;
        }

        var slash = pointer.LastIndexOf('/');
        var checker = new SpecShapeChecker(tree, pointer, findings, isOpenApi31);
        Action<JsonObject, string>? check = pointer.Substring(0, slash) switch
        {
            // As Each skips them: a path item's extensions, and whatever is a reference.
            "/paths" when !pointer.StartsWith("/paths/x-", StringComparison.Ordinal) => checker.CheckPathItem,
            "/webhooks" => checker.CheckPathItem,
            "/components/schemas" => checker.CheckSchema,
            "/components/parameters" => checker.CheckParameter,
            "/components/requestBodies" => checker.CheckRequestBody,
            "/components/responses" => checker.CheckResponse,
            "/components/headers" => checker.CheckHeader,
            "/components/pathItems" => checker.CheckPathItem,
            _ => null,
        };
        if (check is null || tree is not JsonObject entry || entry.ContainsKey("$ref"))
        {
            return false;
        }

        check(entry, pointer);
        return true;
    }

    private void CheckDocument(JsonObject document)
    {
        EachMember(document, string.Empty, "paths", "A path item", CheckPathItem, allowsExtensions: true, holdsFragments: true);
        EachMember(document, string.Empty, "webhooks", "A path item", CheckPathItem, holdsFragments: true);
        if (Member<JsonObject>(document, string.Empty, "components", "'components'") is { } components)
        {
            EachMember(components, "/components", "schemas", "A schema", CheckSchema, holdsFragments: true);
            EachMember(components, "/components", "parameters", "A parameter", CheckParameter, holdsFragments: true);
            EachMember(components, "/components", "requestBodies", "A request body", CheckRequestBody, holdsFragments: true);
            EachMember(components, "/components", "responses", "A response", CheckResponse, holdsFragments: true);
            EachMember(components, "/components", "headers", "A header", CheckHeader, holdsFragments: true);
            EachMember(components, "/components", "pathItems", "A path item", CheckPathItem, holdsFragments: true);
        }
    }

    private void CheckPathItem(JsonObject pathItem, string pointer)
    {
        EachItem(pathItem, pointer, "parameters", "A parameter", CheckParameter);
        foreach (var method in HttpMethods)
        {
            if (Member<JsonObject>(pathItem, pointer, method, "An operation") is { } operation)
            {
                CheckOperation(operation, JsonPointers.Append(pointer, method));
            }
        }
    }

    private void CheckOperation(JsonObject operation, string pointer)
    {
        EachItem(operation, pointer, "parameters", "A parameter", CheckParameter);
        if (Member<JsonObject>(operation, pointer, "requestBody", "A request body") is { } requestBody)
        {
            CheckRequestBody(requestBody, JsonPointers.Append(pointer, "requestBody"));
        }

        EachMember(operation, pointer, "responses", "A response", CheckResponse, allowsExtensions: true);
    }

    private void CheckParameter(JsonObject parameter, string pointer) => CheckSchemaAndContent(parameter, pointer);

    private void CheckHeader(JsonObject header, string pointer) => CheckSchemaAndContent(header, pointer);

    private void CheckRequestBody(JsonObject requestBody, string pointer)
        => EachMember(requestBody, pointer, "content", "A media type", CheckMediaType);

    private void CheckResponse(JsonObject response, string pointer)
    {
        EachMember(response, pointer, "headers", "A header", CheckHeader);
        EachMember(response, pointer, "content", "A media type", CheckMediaType);
    }

    private void CheckMediaType(JsonObject mediaType, string pointer)
    {
        NoteExamples(mediaType, pointer);
        CheckSchemaMember(mediaType, pointer, "schema");
    }

    /// <summary>Leaves out an <c>examples</c> that is no map (<see cref="SpecFlaws.LeaveOutMisshapenExamples"/>), and notes one that is (<see cref="CheckFindings.ExampleMaps"/>).</summary>
    private void NoteExamples(JsonObject owner, string pointer)
    {
        SpecFlaws.LeaveOutMisshapenExamples(owner, pointer, _findings);
        if (owner["examples"] is JsonObject { Count: > 0 } examples)
        {
            _findings.ExampleMaps.Add((JsonPointers.Append(pointer, "examples"), examples));
        }
    }

    private void CheckSchemaAndContent(JsonObject node, string pointer)
    {
        NoteExamples(node, pointer);
        CheckSchemaMember(node, pointer, "schema");
        EachMember(node, pointer, "content", "A media type", CheckMediaType);
    }

    private void CheckSchema(JsonObject schema, string pointer)
    {
        _dialect.Normalize(schema, pointer);
        if (schema.TryGetPropertyValue("$ref", out var referenceNode))
        {
            // What it points at may be in another fragment: whether it names an object that holds a schema is asked of the whole spec.
            if (referenceNode is JsonValue value && value.TryGetValue(out string? reference))
            {
                _findings.SchemaReference(pointer, reference);
            }

            return;
        }

        // Most schemas are leaves, with none of the keywords that hold schemas: their members are looked at once instead.
        if (!SchemaDialect.HasAnyMember(schema, SubschemaKeywords))
        {
            return;
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            EachSchema(schema, pointer, keyword, isList: false);
        }

        foreach (var keyword in SchemaListKeywords)
        {
            EachSchema(schema, pointer, keyword, isList: true);
        }

        foreach (var keyword in SchemaKeywords)
        {
            CheckSchemaMember(schema, pointer, keyword);
        }

        foreach (var keyword in BooleanOrSchemaKeywords)
        {
            if (schema[keyword] is not JsonValue value || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                CheckSchemaMember(schema, pointer, keyword);
            }
        }
    }

    private void CheckSchemaMember(JsonObject owner, string pointer, string keyword)
    {
        if (!owner.TryGetPropertyValue(keyword, out var node))
        {
            return;
        }

        if (IsBooleanSchema(node))
        {
            owner[keyword] = SchemaDialect.ForBoolean(node!.GetValueKind() == JsonValueKind.True);
            return;
        }

        if (Member<JsonObject>(owner, pointer, keyword, "A schema") is { } schema)
        {
            CheckSchema(schema, JsonPointers.Append(pointer, keyword));
        }
    }

    private void EachSchema(JsonObject owner, string pointer, string keyword, bool isList)
    {
        // Most schemas have few of the keywords asked for: no pointer or message is built for one that is absent.
        if (!owner.ContainsKey(keyword))
        {
            return;
        }

        var subject = "'" + keyword + "'";
        var collection = isList ? (JsonNode?)Member<JsonArray>(owner, pointer, keyword, subject) : Member<JsonObject>(owner, pointer, keyword, subject);
        var collectionPointer = JsonPointers.Append(pointer, keyword);
        for (var i = 0; i < Count(collection); i++)
        {
            var (name, node) = Entry(collection!, i);
            var schemaPointer = JsonPointers.Append(collectionPointer, name);
            if (IsBooleanSchema(node))
            {
                var replacement = SchemaDialect.ForBoolean(node!.GetValueKind() == JsonValueKind.True);
                if (collection is JsonArray list)
                {
                    list[int.Parse(name, CultureInfo.InvariantCulture)] = replacement;
                }
                else
                {
                    ((JsonObject)collection!)[name] = replacement;
                }

                continue;
            }

            if (node is JsonObject schema)
            {
                CheckSchema(schema, schemaPointer);
            }
            else
            {
                Report(_findings, schemaPointer, "A schema", node);
            }
        }
    }

    /// <param name="allowsExtensions">Whether the map may hold <c>x-</c> members, which are not entries (the Paths and Responses Objects).</param>
    /// <param name="holdsFragments">Whether the map's objects are fragments of a split spec (<see cref="SpecFragmenter.Split"/>), which stand as <c>{}</c> in its skeleton.</param>
    private void EachMember(JsonObject owner, string pointer, string name, string what, Action<JsonObject, string> check, bool allowsExtensions = false, bool holdsFragments = false)
    {
        if (owner.ContainsKey(name))
        {
            Each(Member<JsonObject>(owner, pointer, name, "'" + name + "'"), JsonPointers.Append(pointer, name), what, check, allowsExtensions, holdsFragments);
        }
    }

    private void EachItem(JsonObject owner, string pointer, string name, string what, Action<JsonObject, string> check)
    {
        if (owner.ContainsKey(name))
        {
            Each(Member<JsonArray>(owner, pointer, name, "'" + name + "'"), JsonPointers.Append(pointer, name), what, check);
        }
    }

    /// <summary>Checks each entry of a map or list that must hold objects. What a reference points at is checked where it is.</summary>
    private void Each(JsonNode? collection, string pointer, string what, Action<JsonObject, string> check, bool allowsExtensions = false, bool holdsFragments = false)
    {
        for (var i = 0; i < Count(collection); i++)
        {
            var (name, node) = Entry(collection!, i);
            if (allowsExtensions && name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            var entryPointer = JsonPointers.Append(pointer, name);
            if (node is not JsonObject entry)
            {
                Report(_findings, entryPointer, what, node);
            }
            else if (holdsFragments && entry.Count == 0)
            {
                // A fragment's place in the skeleton (or an empty entry of a whole spec, where nothing is found).
                _findings.FragmentPlaceInShapeWalk(entryPointer);
            }
            else if (!entry.ContainsKey("$ref"))
            {
                check(entry, entryPointer);
            }
        }
    }

    /// <summary>The number of entries of a map or list, read by index: a check may replace an entry as it goes (a boolean schema).</summary>
    private static int Count(JsonNode? collection) => collection switch
    {
        JsonObject mapping => mapping.Count,
        JsonArray sequence => sequence.Count,
        _ => 0,
    };

    private static (string Name, JsonNode? Node) Entry(JsonNode collection, int index)
    {
        if (collection is JsonObject mapping)
        {
            var member = mapping.GetAt(index);
            return (member.Key, member.Value);
        }

        return (index.ToString(CultureInfo.InvariantCulture), ((JsonArray)collection)[index]);
    }

    /// <summary>The member when it has the expected shape; null when it is absent, or reported when it has another shape.</summary>
    /// <param name="what">What the member is, to start the message with: "An operation", "'paths'".</param>
    private T? Member<T>(JsonObject owner, string pointer, string name, string what)
        where T : JsonNode
    {
        if (!owner.TryGetPropertyValue(name, out var node))
        {
            return null;
        }

        if (node is T expected)
        {
            return expected;
        }

        Report(_findings, JsonPointers.Append(pointer, name), what, node, typeof(T) == typeof(JsonArray) ? "a list" : "an object");
        return null;
    }

    private bool IsBooleanSchema(JsonNode? node)
        => _booleanSchemas && node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    private static void Report(CheckFindings findings, string pointer, string what, JsonNode? node, string expected = "an object")
        => findings.Report(DiagnosticDescriptors.OpenApiError, pointer, "#" + pointer, $"{what} must be {expected}, not {Describe(node)}");

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => "the string '" + Shorten(value.GetValue<string>()) + "'",
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "the boolean " + value.ToJsonString(),
        _ => "the number " + node.ToJsonString(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "…";
}
