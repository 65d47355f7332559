using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Checking;

/// <summary>
/// Rules that real specs break while their meaning stays clear: rules of Microsoft.OpenApi's validation, and shapes its
/// reader refuses. Each is reported as OAG020 at the node that breaks it, quoting the spec, and code is generated; the
/// rule's own error would reject the whole spec. (Schemas' flaws are <see cref="SchemaDialect"/>'s.)
/// </summary>
internal static class SpecFlaws
{
    /// <summary>
    /// Reports the flaw behind a validation error of Microsoft.OpenApi as a warning, when it is one whose meaning is
    /// clear; false when the error stands.
    /// </summary>
    public static bool ReportInstead(string rule, string? errorPointer, JsonNode root, SpecDiagnostics diagnostics)
    {
        var pointer = (errorPointer ?? string.Empty).TrimStart('#');
        switch (rule)
        {
            case "ValidateSchemaDiscriminator" when JsonPointers.Find(root, JsonPointers.Append(pointer, "propertyName")) is JsonValue name:
                diagnostics.Report(
                    DiagnosticDescriptors.SpecFlaw,
                    diagnostics.LocationOf(JsonPointers.Append(pointer, "propertyName")),
                    $"The discriminator '{name}' is not in the schema's 'required' list, which OpenAPI asks for",
                    "code is generated all the same, and the discriminator still selects the variant");
                return true;
            case "PathMustBeUnique" when pointer.StartsWith("/paths/", StringComparison.Ordinal) && root["paths"] is JsonObject paths:
                var path = JsonPointers.Unescape(pointer.Substring("/paths/".Length));
                var same = paths.Select(p => p.Key).Where(p => p != path && Signature(p) == Signature(path)).ToList();
                diagnostics.Report(
                    DiagnosticDescriptors.SpecFlaw,
                    diagnostics.LocationOfKey(pointer),
                    $"The path '{path}' differs from {string.Join(" and ", same.Select(p => "'" + p + "'"))} only in its parameter names, which OpenAPI forbids",
                    "the operations of both are generated, each with its own method");
                return true;
            case "ResponsesMustContainAtLeastOneResponse" when pointer.EndsWith("/responses", StringComparison.Ordinal):
                // OpenAPI 3.1 made responses optional; Microsoft.OpenApi's rule still asks for one.
                var operationPointer = pointer.Substring(0, pointer.Length - "/responses".Length);
                var isOpenApi31 = root["openapi"] is JsonValue version && version.TryGetValue(out string? text) && text.StartsWith("3.1", StringComparison.Ordinal);
                if (!isOpenApi31 || JsonPointers.Find(root, pointer) is not null)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.SpecFlaw,
                        JsonPointers.Find(root, pointer) is null ? diagnostics.LocationOfKey(operationPointer) : diagnostics.LocationOfKey(pointer),
                        "The operation lists no responses, which OpenAPI 3.0 requires",
                        "its method returns no body, and a status that is not a success is an ApiException");
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The <c>examples</c> of a media type, parameter or header are a map of Example Objects; a list (the JSON Schema
    /// form) is documentation the generator does not use, so it is left out rather than rejecting the spec.
    /// </summary>
    public static void LeaveOutMisshapenExamples(JsonObject owner, string pointer, CheckFindings findings)
    {
        if (owner["examples"] is not { } examples || examples is JsonObject)
        {
            return;
        }

        findings.Report(
            DiagnosticDescriptors.SpecFlaw,
            JsonPointers.Append(pointer, "examples"),
            $"The 'examples' here must be a map of Example Objects by name, not {(examples is JsonArray ? "a list" : "the value " + examples.ToJsonString())}",
            "they are left out, as the generated code does not use them");
        owner.Remove("examples");
    }

    /// <summary>
    /// A schema's <c>$ref</c> that points at a parameter, a header or a media type instead of a schema (enode.io's
    /// <c>field[]</c> list refers for its <c>items</c> to another operation's <c>field[]</c> parameter): the author meant
    /// that object's schema, and, where the reference stands for a list's items and that schema is a list too, that
    /// list's items, as the two then describe lists of the same values. The reference is rewritten to say so.
    /// </summary>
    /// <param name="pointer">Where the schema with the reference stands in <paramref name="root"/>, the whole spec.</param>
    /// <returns>The reference as it is read, or null when it stays as it is written.</returns>
    /// <param name="own">Called with <paramref name="pointer"/> before the schema is changed, so that the tree it is in may be made the parse's own.</param>
    /// <param name="notHolders">The references found to point at no schema holder, each looked up once: what they point at is not changed here.</param>
    public static string? RedirectReferenceToSchemaHolder(string pointer, string reference, JsonNode root, Action<string> own, SpecDiagnostics diagnostics, HashSet<string> notHolders)
    {
        if (notHolders.Contains(reference))
        {
            return null;
        }

        if (JsonPointers.FromReference(reference) is not { } target
            || JsonPointers.Find(root, target) is not JsonObject holder
            || holder["schema"] is not JsonObject held
            || HolderKind(holder, target) is not { } holderKind)
        {
            notHolders.Add(reference);
            return null;
        }

        own(pointer);
        if (JsonPointers.Find(root, pointer) is not JsonObject schema)
        {
            return null;
        }

        var meansItems = pointer.EndsWith("/items", StringComparison.Ordinal) && held["items"] is JsonObject && held["type"] is JsonValue type && type.TryGetValue(out string? typeName) && typeName == "array";
        var meant = reference + "/schema" + (meansItems ? "/items" : string.Empty);
        schema["$ref"] = meant;
        diagnostics.Report(
            DiagnosticDescriptors.SpecFlaw,
            diagnostics.LocationOf(JsonPointers.Append(pointer, "$ref")),
            $"The schema reference '{reference}' points at a {holderKind}, not at a schema",
            $"it is read as {(meansItems ? "the items of that " + holderKind + "'s list" : "that " + holderKind + "'s schema")}, '{meant}'");
        return meant;
    }

    /// <summary>What kind of object holds a schema under <c>schema</c>: a parameter has <c>in</c>, a header or a media type sits in its map.</summary>
    private static string? HolderKind(JsonObject holder, string pointer)
    {
        var segments = pointer.Split('/');
        return holder.ContainsKey("in") && holder.ContainsKey("name") ? "parameter"
            : segments.Length >= 3 && segments[segments.Length - 2] == "headers" ? "header"
            : segments.Length >= 3 && segments[segments.Length - 2] == "content" ? "media type"
            : null;
    }

    /// <summary>A path template with its parameter names taken out, as Microsoft.OpenApi compares them.</summary>
    private static string Signature(string path) => Regex.Replace(path, @"\{[^}]*\}", "{}");
}
