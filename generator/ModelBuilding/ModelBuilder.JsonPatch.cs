using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Parsing;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    private const string JsonPatchMediaType = "application/json-patch+json";

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
        // Patch shapes make a JSON Patch document; any other array is an array like any other.
        var item = Target(target.Items);
        if (item?.Properties is null
            || !item.Properties.TryGetValue("op", out var op) || ShapeOf(op) is not (ValueKind.String or ValueKind.Enum)
            || !item.Properties.TryGetValue("path", out var path) || ShapeOf(path) is not ValueKind.String
            || !item.Properties.TryGetValue("value", out var value) || ShapeOf(value) is not ValueKind.Any)
        {
            return null;
        }

        var isDeclaredJsonPatch = string.Equals(mediaType, JsonPatchMediaType, StringComparison.OrdinalIgnoreCase);
        var operations = Target(item.Properties["op"])?.Enum?.OfType<JsonValue>().Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(v => v.GetValue<string>()).Distinct(StringComparer.Ordinal).ToList()
            ?? (isDeclaredJsonPatch ? ["add", "remove", "replace", "move", "copy", "test"] : null);
        if (operations is null)
        {
            return null;
        }

        var pathSchema = Target(item.Properties["path"]);
        var pathPattern = pathSchema?.Pattern;
        var itemTypeName = ResolveType(target.Items, JsonPointers.Append(pointer, "items"), operationName + "Operation", Usage.Request, mergePatch: false).TypeName!;
        var documentName = ClaimTypeName(operationName.StartsWith("Patch", StringComparison.Ordinal) ? operationName + "Document" : operationName + "PatchDocument", $"the JSON Patch document of '{operationName}'", null, pointer);

        var paths = new List<JsonPatchPathSpec>();
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

                var valueSchema = entry.Value is JsonObject schemaNode ? OpenApiDocumentLoader.ReadExtensionSchema(_document, schemaNode, entryPointer, _diagnostics) : null;
                var lastSegments = JsonPointers.Unescape(entry.Key.Substring(entry.Key.LastIndexOf('/') + 1));
                var pathName = pathNames.Claim(IdentifierNames.ToPascalCase(lastSegments) is { Length: > 0 } n ? n : "Path");
                var valueType = valueSchema is null
                    ? TypeRef.Of(ValueKind.Any, ConstraintSpec.None)
                    : ResolveType(valueSchema, entryPointer, documentName + pathName, Usage.Request, mergePatch: false);
                paths.Add(new JsonPatchPathSpec(entry.Key, pathName, Clean(valueSchema?.Description), valueType));
            }
        }

        var constraints = ReadConstraints(target, pointer);
        var patchSpec = new JsonPatchSpec(itemTypeName, operations.ToEquatableArray(), pathPattern, paths.ToEquatableArray(), constraints);
        var pending = new PendingType(documentName, target, pointer, TypeKind.JsonPatch) { JsonPatch = patchSpec, Usage = Usage.Request };
        _pendingTypes[new TypeKey(target, TypeKind.JsonPatch)] = pending;
        _typeOrder.Add(pending);
        return new TypeRef(ValueKind.Object, documentName, null, constraints, false);
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
            return false; // the pattern itself is reported where it is declared
        }
    }
}
