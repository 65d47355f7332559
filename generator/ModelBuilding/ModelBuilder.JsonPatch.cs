using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Patterns;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    private const string JsonPatchMediaType = "application/json-patch+json";

    /// <summary>RFC 6902's operations, which a body of the JSON Patch media type allows when <c>op</c> has no enum.</summary>
    private static readonly string[] DefaultOperations = ["add", "remove", "replace", "move", "copy", "test"];

    /// <summary>
    /// Recognises a JSON Patch body: an array of objects with <c>op</c> and <c>path</c>. The allowed operations come from
    /// <c>op</c>'s enum, the allowed paths from <c>path</c>'s pattern, and typed paths from the item schema's
    /// <c>x-json-patch-paths</c> map.
    /// </summary>
    private TypeRef? TryParseJsonPatch(IOpenApiSchema schema, string pointer, string operationName, string mediaType)
    {
        var target = Target(schema);
        if (target?.Type is not { } type || !type.HasFlag(JsonSchemaType.Array) || target.Items is null)
        {
            return null;
        }

        var itemsPointer = schema is OpenApiSchemaReference arrayReference ? ComponentPointer(arrayReference) : JsonPointers.Append(pointer, "items");
        if (target.Items is OpenApiSchemaReference itemReference)
        {
            itemsPointer = ComponentPointer(itemReference);
        }

        // The document's methods fill in an item's op, path and value, so only items with those three of the JSON
        // Patch shapes make a JSON Patch document; any other array is an array like any other. The value must be
        // untyped JSON: a oneOf/anyOf/allOf value is a typed member of its item (a union, say), not a JsonElement.
        var item = Target(target.Items);
        if (item?.Properties is null
            || !item.Properties.TryGetValue("op", out var op) || ShapeOf(op) is not (ValueKind.String or ValueKind.Enum)
            || !item.Properties.TryGetValue("path", out var path) || ShapeOf(path) is not ValueKind.String
            || !item.Properties.TryGetValue("value", out var value) || ShapeOf(value) is not ValueKind.Any
            || Target(value) is { } valueTarget && (valueTarget.OneOf?.Count > 0 || valueTarget.AnyOf?.Count > 0 || valueTarget.AllOf?.Count > 0))
        {
            return null;
        }

        // RFC 6902 §4.4 and §4.5: move and copy name their source in "from", so only an item that declares it can say them.
        var hasFrom = item.Properties.TryGetValue("from", out var from) && ShapeOf(from) is ValueKind.String;
        var opPointer = op is OpenApiSchemaReference opReference ? ComponentPointer(opReference) : PropertyPointer(itemsPointer, "op");
        var declaredOperations = AllowedOperations(Target(op), opPointer);
        var operations = declaredOperations
            ?? (string.Equals(mediaType, JsonPatchMediaType, StringComparison.OrdinalIgnoreCase)
                ? DefaultOperations.Where(wireValue => hasFrom || !TakesFrom(wireValue)).Select(wireValue => (wireValue, opPointer)).ToList()
                : null);
        if (operations is null)
        {
            return null;
        }

        if (declaredOperations is not null && !hasFrom)
        {
            foreach (var (wireValue, valuePointer) in declaredOperations.Where(o => TakesFrom(o.WireValue)))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(valuePointer), $"The JSON Patch operation '{wireValue}' in an item schema without a string 'from' member", "the document has no methods for it and Validate() reports such an operation");
            }

            operations.RemoveAll(o => TakesFrom(o.WireValue));
        }

        var pathSchema = Target(item.Properties["path"]);
        var pathPattern = pathSchema?.Pattern;
        var itemTypeName = ResolveType(target.Items, JsonPointers.Append(pointer, "items"), operationName + "Operation", Usage.Request, mergePatch: false).TypeName!;
        var documentName = ClaimTypeName(operationName.StartsWith("Patch", StringComparison.Ordinal) ? operationName + "Document" : operationName + "PatchDocument", "the JSON Patch document of '{0}'", operationName, null, pointer);

        var paths = new List<PendingJsonPatchPath>();
        var pathNames = new NameScope();
        if (item.Extensions is not null && item.Extensions.TryGetValue("x-json-patch-paths", out var extension) && extension is JsonNodeExtension { Node: JsonObject documented })
        {
            var pathsPointer = JsonPointers.Append(itemsPointer, "x-json-patch-paths");
            foreach (var entry in documented)
            {
                var entryPointer = JsonPointers.Append(pathsPointer, entry.Key);
                if (!JsonPointers.IsValid(entry.Key) || (pathPattern is not null && !PatternMatches(pathPattern, entry.Key)))
                {
                    Report(DiagnosticDescriptors.InvalidJsonPatchPath, LocationOfKey(entryPointer), entry.Key, pathPattern ?? "(none)");
                    continue;
                }

                var valueSchema = entry.Value is JsonObject schemaNode ? OpenApiDocumentLoader.ReadExtensionSchema(_document, ReferenceWrapped(schemaNode), entryPointer, _diagnostics) : null;
                var lastSegments = JsonPointers.Unescape(entry.Key.Substring(entry.Key.LastIndexOf('/') + 1));
                // The whole-document pointer "" (RFC 6901 §3) ends in no name: its methods end in "Document".
                var fallbackName = entry.Key.Length == 0 ? "Document" : "Path";
                var pathName = ClaimName(pathNames, PascalCase(lastSegments) is { Length: > 0 } n ? n : fallbackName, entry.Key, KeyAt(entryPointer));
                var valueType = valueSchema is null
                    ? TypeRef.Any
                    : ResolveType(valueSchema, entryPointer, documentName + pathName, Usage.Request, mergePatch: false);
                var documentedPath = new JsonPatchPathSpec { Path = entry.Key, Description = Clean(valueSchema?.Description), ValueType = valueType };
                paths.Add(new PendingJsonPatchPath(documentedPath, pathName, entryPointer));
            }
        }

        var constraints = ReadConstraints(target, pointer);
        var patch = new PendingJsonPatch(itemTypeName, pathPattern, constraints, operations, paths);
        var pending = new PendingType(documentName, target, pointer, TypeKind.JsonPatch) { JsonPatch = patch, Usage = Usage.Request };
        _pendingTypes[new TypeKey(target, TypeKind.JsonPatch)] = pending;
        AddType(pending);
        return new TypeRef { Kind = ValueKind.Object, TypeName = documentName, Constraints = constraints };
    }

    /// <summary>
    /// A path's schema that is a <c>$ref</c>, as an allOf wrapper of it: read as a fragment, a schema that is only a
    /// reference would be an empty schema, and the value a JsonElement, not the type the reference names.
    /// </summary>
    private static JsonObject ReferenceWrapped(JsonObject schema)
    {
        if (!schema.ContainsKey("$ref"))
        {
            return schema;
        }

        var wrapper = new JsonObject();
        var reference = new JsonObject();
        foreach (var keyword in schema)
        {
            (keyword.Key == "$ref" ? reference : wrapper)[keyword.Key] = keyword.Value?.DeepClone();
        }

        wrapper["allOf"] = new JsonArray(reference);
        return wrapper;
    }

    /// <summary>Whether RFC 6902 §4 gives the operation a <c>from</c> member (move, copy) rather than a <c>value</c> (add, replace, test) or neither (remove).</summary>
    private static bool TakesFrom(string op) => op is "move" or "copy";

    /// <summary>Whether the operation carries a <c>value</c>: RFC 6902 §4's add, replace and test do, and so does an op it does not define.</summary>
    private static bool TakesValue(string op) => op is not ("remove" or "move" or "copy");

    /// <summary>The string values of <c>op</c>'s enum, each once, with where it is written; null without an enum.</summary>
    private static List<(string WireValue, string Pointer)>? AllowedOperations(IOpenApiSchema? op, string opPointer)
    {
        if (op?.Enum is not { } values)
        {
            return null;
        }

        var operations = new List<(string WireValue, string Pointer)>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String
                && value.GetValue<string>() is var wireValue && !operations.Exists(o => o.WireValue == wireValue))
            {
                operations.Add((wireValue, JsonPointers.Append(JsonPointers.Append(opPointer, "enum"), i.ToString(CultureInfo.InvariantCulture))));
            }
        }

        return operations;
    }

    /// <summary>
    /// Names a JSON Patch document's methods: one per operation for any path (<c>Replace(path, value)</c>), then one per
    /// operation and documented path (<c>ReplaceModelId(value)</c>). The names come from the spec's op values and paths, so
    /// they must stay clear of the document's own members, of the types its code names in expressions (a method would hide
    /// them), and of each other ("re-place" and "rePlace" both make "RePlace"). Called once every type has its name.
    /// </summary>
    private JsonPatchSpec NameMethods(PendingJsonPatch patch)
    {
        var methodNames = new NameScope()
            .Reserve(ReservedNames.JsonPatchDocumentMembers, name => $"the member '{name}' that JSON Patch documents have")
            .Reserve(_typeOrder.Select(t => t.Name), name => $"the type '{name}'")
            .Reserve(_typeOrder.Where(t => t.Kind == TypeKind.Enum).Select(t => t.Name + "Json"), name => $"the type '{name}'");

        var methodNamesOfOperations = new List<string>();
        foreach (var (wireValue, opPointer) in patch.Operations)
        {
            methodNamesOfOperations.Add(ClaimName(methodNames, PascalCase(wireValue) is { Length: > 0 } name ? name : "Operation", wireValue, At(opPointer)));
        }

        var operations = new List<JsonPatchOperationSpec>();
        for (var i = 0; i < patch.Operations.Count; i++)
        {
            var (wireValue, methodName) = (patch.Operations[i].WireValue, methodNamesOfOperations[i]);
            var pathMethods = new List<JsonPatchMethodSpec>();
            foreach (var path in patch.Paths)
            {
                var name = ClaimName(methodNames, methodName + path.Name, wireValue + " " + path.DocumentedPath.Path, KeyAt(path.Pointer));
                pathMethods.Add(new JsonPatchMethodSpec { Name = name, DocumentedPath = path.DocumentedPath });
            }

            operations.Add(new JsonPatchOperationSpec
            {
                WireValue = wireValue,
                MethodName = methodName,
                TakesValue = TakesValue(wireValue),
                TakesFrom = TakesFrom(wireValue),
                PathMethods = pathMethods.ToEquatableArray(),
            });
        }

        return new JsonPatchSpec
        {
            ItemTypeName = patch.ItemTypeName,
            Operations = operations.ToEquatableArray(),
            PathPattern = patch.PathPattern,
            Constraints = patch.Constraints,
        };
    }

    private static bool PatternMatches(string pattern, string value)
    {
        try
        {
            return System.Text.RegularExpressions.Regex.IsMatch(value, EcmaScriptPattern.ToDotNet(pattern), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return true; // a pattern too slow to tell is no fault of the path
        }
        catch (ArgumentException)
        {
            return true; // a pattern that cannot be checked is reported (OAG009) where it is declared, and checks nothing
        }
    }

    /// <summary>A JSON Patch document as read from the spec; its methods are named when it is built.</summary>
    private sealed record PendingJsonPatch(
        string ItemTypeName,
        string? PathPattern,
        ConstraintSpec Constraints,
        List<(string WireValue, string Pointer)> Operations,
        List<PendingJsonPatchPath> Paths);

    /// <summary>A documented path, the name its methods end with, and where the spec writes it.</summary>
    private sealed record PendingJsonPatchPath(JsonPatchPathSpec DocumentedPath, string Name, string Pointer);
}
