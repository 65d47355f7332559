using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Diagnostics;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Reads the dialect of Huawei Cloud's API Gateway (APIG) exports into plain OpenAPI, in the JSON tree, before
/// Microsoft.OpenApi sees it:
/// <list type="bullet">
/// <item><c>maxLength: 0</c>, <c>minimum: 0</c> and <c>maximum: 0</c> on a string parameter are the export's "not set":
/// each is removed and warned about (OAG019), rather than becoming a validator that refuses every value.</item>
/// <item><c>x-apigateway-any-method</c>, a path item's operation for every method it does not declare, becomes one
/// operation per common method (<see cref="AnyMethodTargets"/>), which Microsoft.OpenApi would otherwise keep as an
/// opaque extension. Each copy's nodes keep the positions of the original, so diagnostics point at the spec's text.</item>
/// <item>The parameter of a greedy segment <c>{proxy+}</c>, which the export names <c>proxy</c>, is named <c>proxy+</c>
/// as the template spells it, so that OpenAPI's "a path parameter is in the path" holds; the model builder reads it back
/// as a greedy parameter named <c>proxy</c>.</item>
/// </list>
/// </summary>
internal static class ApiGatewayExportDialect
{
    public const string AnyMethodKey = "x-apigateway-any-method";

    /// <summary>The methods an <c>x-apigateway-any-method</c> operation is generated for, where the path item has none of its own.</summary>
    public static readonly string[] AnyMethodTargets = ["get", "put", "post", "delete", "patch"];

    private static readonly string[] OperationKeys = ["get", "put", "post", "delete", "options", "head", "patch", "trace", AnyMethodKey];

    private static readonly string[] PlaceholderKeywords = ["maxLength", "minimum", "maximum"];

    private static readonly Regex GreedySegment = new(@"\{([^{}]+)\+\}", RegexOptions.CultureInvariant);

    /// <param name="mayRewrite">
    /// Whether the shared parameter or path item at a pointer may hold what this rewrites; one whose text holds none of it
    /// (<see cref="Checking.FragmentIndex.MayChangeAfterChecks"/>) is not looked at: GitHub's spec has none, and its
    /// 2,000 parameters and 900 path items were walked at every run.
    /// </param>
    public static void Normalize(JsonNode root, SpecDiagnostics diagnostics, Func<string, bool> mayRewrite)
    {
        if (root["components"] is JsonObject components && components["parameters"] is JsonObject shared)
        {
            foreach (var parameter in shared)
            {
                var pointer = JsonPointers.Append("/components/parameters", parameter.Key);
                if (mayRewrite(pointer))
                {
                    ClearPlaceholders(parameter.Value, pointer, diagnostics);
                }
            }
        }

        // After the shared parameters, so that a greedy one copied from them has its placeholders cleared already.
        if (root["paths"] is JsonObject paths)
        {
            foreach (var path in paths.ToList())
            {
                var pointer = JsonPointers.Append("/paths", path.Key);
                if (path.Value is JsonObject pathItem && mayRewrite(pointer))
                {
                    NormalizePathItem(root, path.Key, pathItem, pointer, diagnostics);
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="tree"/> has a path item with an any-method operation, which <see cref="Normalize"/> copies:
    /// the tree of a whole spec or of its skeleton (<paramref name="pointer"/> empty), or of the fragment at <paramref name="pointer"/>.
    /// </summary>
    public static bool HasAnyMethodOperation(JsonNode? tree, string pointer)
        => pointer.Length == 0
            ? (tree as JsonObject)?["paths"] is JsonObject paths && paths.Any(path => path.Value is JsonObject pathItem && pathItem.ContainsKey(AnyMethodKey))
            : pointer.StartsWith("/paths/", StringComparison.Ordinal) && tree is JsonObject fragment && fragment.ContainsKey(AnyMethodKey);

    private static void NormalizePathItem(JsonNode root, string path, JsonObject pathItem, string pointer, SpecDiagnostics diagnostics)
    {
        var greedyNames = GreedySegment.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        NormalizeParameters(root, pathItem, pointer, greedyNames, diagnostics);
        foreach (var key in OperationKeys)
        {
            if (pathItem[key] is JsonObject operation)
            {
                NormalizeParameters(root, operation, JsonPointers.Append(pointer, key), greedyNames, diagnostics);
            }
        }

        if (!pathItem.TryGetPropertyValue(AnyMethodKey, out var anyMethod))
        {
            return;
        }

        var anyMethodPointer = JsonPointers.Append(pointer, AnyMethodKey);
        if (anyMethod is not JsonObject)
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, diagnostics.LocationOf(anyMethodPointer), "An x-apigateway-any-method that is not an operation object", "no operation is generated for it");
            return;
        }

        foreach (var method in AnyMethodTargets.Where(m => !pathItem.ContainsKey(m)))
        {
            var copy = (JsonObject)anyMethod.DeepClone();
            if (copy["operationId"] is JsonValue id && id.TryGetValue(out string? operationId))
            {
                copy["operationId"] = operationId + "_" + method;
            }

            var copyPointer = JsonPointers.Append(pointer, method);
            MapCopy(diagnostics.Map, copy, anyMethodPointer, copyPointer);
            pathItem[method] = copy;
        }
    }

    private static void NormalizeParameters(JsonNode root, JsonObject owner, string ownerPointer, List<string> greedyNames, SpecDiagnostics diagnostics)
    {
        if (owner["parameters"] is not JsonArray parameters)
        {
            return;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var pointer = JsonPointers.Append(JsonPointers.Append(ownerPointer, "parameters"), i.ToString(CultureInfo.InvariantCulture));
            if (SharedGreedyParameter(root, parameters[i], greedyNames) is { } shared)
            {
                // The shared parameter may serve other paths under its own name: this path gets a copy to rename.
                var copy = shared.Node.DeepClone();
                MapCopy(diagnostics.Map, copy, shared.Pointer, pointer);
                parameters[i] = copy;
            }

            ClearPlaceholders(parameters[i], pointer, diagnostics);
            if (parameters[i] is JsonObject parameter && IsString(parameter["in"], "path")
                && parameter["name"] is JsonValue name && name.TryGetValue(out string? text) && greedyNames.Contains(text))
            {
                parameter["name"] = text + "+";
            }
        }
    }

    /// <summary>The parameter a <c>$ref</c> in the list points at, when it fills one of the path's greedy segments.</summary>
    private static (JsonObject Node, string Pointer)? SharedGreedyParameter(JsonNode root, JsonNode? item, List<string> greedyNames)
        => JsonPointers.ReferencedBy(item) is { } pointer && JsonPointers.Find(root, pointer) is JsonObject parameter
            && IsString(parameter["in"], "path") && parameter["name"] is JsonValue name && name.TryGetValue(out string? text) && greedyNames.Contains(text)
            ? (parameter, pointer)
            : null;

    private static void ClearPlaceholders(JsonNode? parameter, string pointer, SpecDiagnostics diagnostics)
    {
        if (parameter is not JsonObject owner || owner["schema"] is not JsonObject schema || !IsString(schema["type"], "string"))
        {
            return;
        }

        var schemaPointer = JsonPointers.Append(pointer, "schema");
        foreach (var keyword in PlaceholderKeywords)
        {
            if (schema[keyword] is JsonValue value && IsZero(value))
            {
                diagnostics.Report(DiagnosticDescriptors.GatewayPlaceholder, diagnostics.LocationOf(JsonPointers.Append(schemaPointer, keyword)), keyword, NameOf(parameter));
                schema.Remove(keyword);
            }
        }
    }

    private static string NameOf(JsonNode parameter)
        => parameter["name"] is JsonValue name && name.TryGetValue(out string? text) ? text : "?";

    private static bool IsString(JsonNode? node, string expected)
        => node is JsonValue value && value.TryGetValue(out string? text) && text == expected;

    private static bool IsZero(JsonValue value)
        => (value.TryGetValue(out long integer) && integer == 0) || (value.TryGetValue(out decimal number) && number == 0) || (value.TryGetValue(out double real) && real == 0);

    /// <summary>Gives every node of <paramref name="copy"/> the position of the node it was copied from.</summary>
    private static void MapCopy(SourceMap map, JsonNode? copy, string from, string to)
    {
        if (map.TryGetPosition(from, out var position))
        {
            map.AddValue(to, position);
        }

        if (map.TryGetKeyPosition(from, out var key))
        {
            map.AddKey(to, key);
        }

        switch (copy)
        {
            case JsonObject mapping:
                foreach (var member in mapping)
                {
                    MapCopy(map, member.Value, JsonPointers.Append(from, member.Key), JsonPointers.Append(to, member.Key));
                }

                break;
            case JsonArray sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    MapCopy(map, sequence[i], from + "/" + index, to + "/" + index);
                }

                break;
        }
    }
}
