using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.Diagnostics;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// A document Microsoft.OpenApi read without errors, the OpenAPI version it is written in, and the JSON tree it was read
/// from, which keeps what Microsoft.OpenApi reads only as text (a <c>const</c> value) or not at all (<c>prefixItems</c>).
/// </summary>
internal sealed record LoadedDocument(OpenApiDocument Document, OpenApiSpecVersion Version, JsonNode Root);

/// <summary>
/// Reads the spec's JSON tree with Microsoft.OpenApi and checks it with Microsoft.OpenApi's default rules, reporting
/// every problem at its node. A document Microsoft.OpenApi fails on is reported too, at the node it fails on.
/// </summary>
internal static class OpenApiDocumentLoader
{
    private static readonly Uri DocumentUri = new("file:///spec.json");

    public static LoadedDocument? Load(JsonNode root, SpecDiagnostics diagnostics)
    {
        ReadResult result;
        IReadOnlyList<OpenApiError> validationErrors;
        try
        {
            (result, validationErrors) = ReadAndValidate(root);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            diagnostics.Report(DiagnosticDescriptors.OpenApiError, diagnostics.LocationOf(root["swagger"] is null ? "/openapi" : "/swagger"), "#/openapi", exception.Message);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Microsoft.OpenApi throws raw exceptions from deep inside (FormatException for `minLength: "x"`), which say
            // what but not where.
            var pointer = ReaderFailureLocator.Locate(root, exception, tree => ReadAndValidate(tree));
            diagnostics.Report(DiagnosticDescriptors.OpenApiError, diagnostics.LocationOf(pointer), DisplayPointer(pointer), CannotRead(pointer, exception));
            return null;
        }

        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            Report(DiagnosticDescriptors.OpenApiError, error, diagnostics, root);
        }

        if (result.Document is null || diagnostics.HasErrors)
        {
            return null;
        }

        foreach (var error in validationErrors)
        {
            if (error is OpenApiValidatorError { RuleName: { } rule } && SpecFlaws.ReportInstead(rule, error.Pointer, root, diagnostics))
            {
                continue;
            }

            Report(error is OpenApiValidatorWarning ? DiagnosticDescriptors.OpenApiWarning : DiagnosticDescriptors.OpenApiError, error, diagnostics, root);
        }

        return diagnostics.HasErrors ? null : new LoadedDocument(result.Document, result.Diagnostic?.SpecificationVersion ?? OpenApiSpecVersion.OpenApi3_0, root);
    }

    /// <summary>
    /// Reads a schema written as a vendor-extension value, which Microsoft.OpenApi leaves as raw JSON, with
    /// Microsoft.OpenApi's own schema reader: it then has every keyword a schema has elsewhere, and the same errors.
    /// The shape checks have made sure that it is an object.
    /// </summary>
    public static IOpenApiSchema? ReadExtensionSchema(LoadedDocument document, JsonObject node, string pointer, SpecDiagnostics diagnostics)
    {
        IOpenApiSchema? Read(JsonNode fragment, OpenApiDiagnostic diagnostic)
            => new ParsingContext(diagnostic).ParseFragment<OpenApiSchema>(fragment, document.Version, document.Document);

        var diagnostic = new OpenApiDiagnostic();
        IOpenApiSchema? schema;
        try
        {
            schema = Read(node.DeepClone(), diagnostic);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failing = pointer + ReaderFailureLocator.Locate(node, exception, fragment => Read(fragment, new OpenApiDiagnostic()));
            diagnostics.Report(DiagnosticDescriptors.OpenApiError, diagnostics.LocationOf(failing), DisplayPointer(failing), CannotRead(failing, exception));
            return null;
        }

        foreach (var error in diagnostic.Errors)
        {
            var errorPointer = pointer + (error.Pointer ?? string.Empty).TrimStart('#');
            diagnostics.Report(DiagnosticDescriptors.OpenApiError, diagnostics.LocationOf(errorPointer), DisplayPointer(errorPointer), error.Message);
        }

        return diagnostic.Errors.Count == 0 ? schema : null;
    }

    /// <summary>Validation runs only on a document read without errors, as a broken one would mostly yield follow-up errors.</summary>
    private static (ReadResult Result, IReadOnlyList<OpenApiError> ValidationErrors) ReadAndValidate(JsonNode root)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false, RuleSet = new ValidationRuleSet() };
        var result = new OpenApiJsonReader().Read(root, DocumentUri, settings);
        var validationErrors = result.Document is not null && result.Diagnostic?.Errors is not { Count: > 0 }
            ? result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? []
            : [];
        return (result, validationErrors);
    }

    private static void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, OpenApiError error, SpecDiagnostics diagnostics, JsonNode root)
    {
        // Microsoft.OpenApi's pointers start with '#'.
        var pointer = string.IsNullOrEmpty(error.Pointer) ? string.Empty : error.Pointer!.TrimStart('#');
        if (pointer.Length == 0 && Regex.Match(error.Message, " at #(/[^ ']*)") is { Success: true } quoted)
        {
            pointer = Existing(root, quoted.Groups[1].Value);
        }

        var location = NamedMember(root, pointer, error.Message) is { } member ? diagnostics.LocationOfKey(member) : diagnostics.LocationOf(pointer);
        diagnostics.Report(descriptor, location, DisplayPointer(pointer), error.Message);
    }

    /// <summary>
    /// Some errors point at an object but are about one of its members, or one of its maps' members, and name it:
    /// "The key 'a b' in 'schemas' of components MUST match ...", "x-y is not a valid property at #/info". The name is
    /// where the problem is.
    /// </summary>
    private static string? NamedMember(JsonNode root, string pointer, string message)
    {
        if (JsonPointers.Find(root, pointer) is not JsonObject node)
        {
            return null;
        }

        var names = Regex.Matches(message, "'([^']+)'").Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        var invalidProperty = message.IndexOf(" is not a valid property", StringComparison.Ordinal);
        if (invalidProperty > 0)
        {
            names.Add(message.Substring(0, invalidProperty));
        }

        foreach (var name in names)
        {
            if (node.ContainsKey(name))
            {
                return JsonPointers.Append(pointer, name);
            }

            if (node.FirstOrDefault(member => member.Value is JsonObject map && map.ContainsKey(name)) is { Key: not null } owner)
            {
                return JsonPointers.Append(JsonPointers.Append(pointer, owner.Key), name);
            }
        }

        return null;
    }

    /// <summary>
    /// The node a pointer of Microsoft.OpenApi's messages means. Its 3.0 reader prefixes the pointer of a component with the
    /// section it read before ("#/paths/components/schemas/S"): leading segments are dropped until the pointer exists.
    /// </summary>
    private static string Existing(JsonNode root, string pointer)
    {
        for (var candidate = pointer; candidate.Length > 0; candidate = candidate.IndexOf('/', 1) is var next and > 0 ? candidate.Substring(next) : string.Empty)
        {
            if (JsonPointers.Find(root, candidate) is not null)
            {
                return candidate;
            }
        }

        return string.Empty;
    }

    private static string DisplayPointer(string pointer) => "#" + pointer;

    /// <summary>The message for a node Microsoft.OpenApi fails on: its own words, with the member they are about.</summary>
    private static string CannotRead(string pointer, Exception exception)
    {
        var member = JsonPointers.Unescape(pointer.Substring(pointer.LastIndexOf('/') + 1));
        var subject = pointer.Length == 0 ? "The document" : $"The value of '{member}'";
        return $"{subject} cannot be read: {exception.Message} ({exception.GetType().Name})";
    }
}
