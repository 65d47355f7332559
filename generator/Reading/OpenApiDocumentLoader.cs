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

/// <summary>A reference to the component schema <paramref name="Name"/> (unescaped), by the pointer of its <c>$ref</c> member.</summary>
internal readonly record struct SchemaReference(string Name, string Pointer);

/// <summary>
/// Reads the spec's JSON tree with Microsoft.OpenApi and checks it with Microsoft.OpenApi's default rules, reporting
/// every problem at its node. A document Microsoft.OpenApi fails on is reported too, at the node it fails on.
/// </summary>
internal static class OpenApiDocumentLoader
{
    private static readonly Uri DocumentUri = new("file:///spec.json");

    /// <summary>
    /// The default rule that walks the whole document a second time (inside the validation's own walk) to resolve every
    /// schema reference again: a tenth of a GitHub re-run's instructions went to it.
    /// </summary>
    private const string ReferencesRule = "OpenApiDocumentReferencesAreValid";

    /// <summary>The default rules, but one that cannot fail on a document the reader made: it keeps only extensions named "x-…" (any case), which is all this rule asks.</summary>
    private static readonly ValidationRuleSet Rules = DefaultRulesWithout("ExtensionNameMustStartWithXDash");

    /// <summary>As <see cref="Rules"/>, for a document whose references are all known to lead to a schema where one is read (<see cref="SchemaReferencesResolve"/>).</summary>
    private static readonly ValidationRuleSet RulesWithoutReferences = DefaultRulesWithout("ExtensionNameMustStartWithXDash", ReferencesRule);

    /// <param name="referenceParts">
    /// The <c>$ref</c> members of the tree as the checks collected them, each fragment's reduced to its schema references
    /// (<see cref="SchemaReferencesOf"/>), when the tree holds no other; null when the stages after the checks may have
    /// written references.
    /// </param>
    /// <param name="putBackLeftOut">
    /// Puts back into the tree what the checks left out of it as nothing Microsoft.OpenApi reports on
    /// (<see cref="Checking.ExampleReferences"/>), and says whether there was any. Microsoft.OpenApi's messages about
    /// a reading's errors carry places left from what it read before, so a reading that fails is read again as the spec
    /// is written: its messages are then those of a reading of the whole spec.
    /// </param>
    /// <param name="trees">
    /// The trees the parse placed, whose readings an earlier parse kept (<see cref="PieceDocumentReader"/>); null when the
    /// stages after the checks may have written references, which the pieces' readings would not have.
    /// </param>
    public static LoadedDocument? Load(JsonNode root, SpecDiagnostics diagnostics, IEnumerable<IReadOnlyList<SchemaReference>?>? referenceParts, Func<bool> putBackLeftOut, FragmentTrees? trees)
    {
        var rules = referenceParts is not null && SchemaReferencesResolve(root, referenceParts) ? RulesWithoutReferences : Rules;
        ReadResult result;
        IReadOnlyList<OpenApiError> validationErrors;
        try
        {
            (result, validationErrors) = ReadAndValidate(root, rules, trees);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            diagnostics.Report(DiagnosticDescriptors.OpenApiError, diagnostics.LocationOf(root["swagger"] is null ? "/openapi" : "/swagger"), "#/openapi", exception.Message);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (putBackLeftOut())
            {
                return Load(root, diagnostics, referenceParts, static () => false, trees);
            }

            // Microsoft.OpenApi throws raw exceptions from deep inside (FormatException for `minLength: "x"`), which say
            // what but not where.
            var pointer = ReaderFailureLocator.Locate(root, exception, tree => ReadAndValidate(tree, rules, trees: null));
            diagnostics.Report(DiagnosticDescriptors.OpenApiError, diagnostics.LocationOf(pointer), DisplayPointer(pointer), CannotRead(pointer, exception));
            return null;
        }

        if (result.Diagnostic?.Errors is { Count: > 0 } && putBackLeftOut())
        {
            return Load(root, diagnostics, referenceParts, static () => false, trees);
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

    /// <summary>
    /// Read in pieces where an earlier parse kept them (<see cref="PieceDocumentReader"/>), else whole. Validation runs only on a document
    /// read without errors, as a broken one would mostly yield follow-up errors.
    /// </summary>
    private static (ReadResult Result, IReadOnlyList<OpenApiError> ValidationErrors) ReadAndValidate(JsonNode root, ValidationRuleSet rules, FragmentTrees? trees)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false, RuleSet = new ValidationRuleSet() };
        var result = trees is null ? new OpenApiJsonReader().Read(root, DocumentUri, settings) : PieceDocumentReader.Read(root, DocumentUri, settings, trees);
        var validationErrors = result.Document is not null && result.Diagnostic?.Errors is not { Count: > 0 }
            ? result.Document.Validate(rules)?.ToList() ?? []
            : [];
        return (result, validationErrors);
    }

    /// <remarks>
    /// Each rule is removed as an object: <c>ValidationRuleSet.Remove(string)</c> changes its dictionary while it enumerates
    /// it, which .NET Framework's dictionary (the compiler's host in Visual Studio and under Mono) refuses.
    /// </remarks>
    private static ValidationRuleSet DefaultRulesWithout(params string[] ruleNames)
    {
        var rules = ValidationRuleSet.GetDefaultRuleSet();
        foreach (var rule in rules.Rules.Where(rule => ruleNames.Contains(rule.Name)).ToList())
        {
            rules.Remove(rule);
        }

        return rules;
    }

    /// <summary>
    /// Whether <see cref="ReferencesRule"/> can find nothing: it warns of a schema reference that leads to no schema.
    /// The reference checks have made sure that every reference leads to a node; Microsoft.OpenApi reads a schema's
    /// reference as one to <c>#/components/schemas/NAME</c>, NAME being its last segment, whatever section it names.
    /// So each reference must be one to a schema that is there (the selection may have left some out, with the places
    /// that refer to them), or to a
    /// component of another section from a place where Microsoft.OpenApi reads that section's objects, which no schema is:
    /// an item of a <c>parameters</c> list, a member of a <c>responses</c>, <c>examples</c>, <c>headers</c>, <c>links</c>
    /// or <c>callbacks</c> map, a <c>requestBody</c>, or the component itself. Any other answers "maybe", and the rule runs.
    /// </summary>
    /// <param name="parts">Each part's schema references (<see cref="SchemaReferencesOf"/>); a null part answers "maybe".</param>
    internal static bool SchemaReferencesResolve(JsonNode root, IEnumerable<IReadOnlyList<SchemaReference>?> parts)
    {
        var schemas = (root["components"] as JsonObject)?["schemas"] as JsonObject;
        foreach (var part in parts)
        {
            if (part is null)
            {
                return false;
            }

            foreach (var reference in part)
            {
                if (schemas?.ContainsKey(reference.Name) != true && JsonPointers.Find(root, reference.Pointer) is not null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The part of <see cref="SchemaReferencesResolve"/> that a fragment's references answer on their own, made once per
    /// fragment and kept with its checks (<see cref="Checking.FragmentCheck.SchemaReferences"/>): the references to
    /// component schemas, which the whole spec must hold; null when a reference may make the rule warn whatever the
    /// spec holds (one that names no component, or another section's from where it is not read).
    /// </summary>
    /// <param name="references">The <c>$ref</c> members as the checks collected them: the pointer of each, and the reference.</param>
    internal static IReadOnlyList<SchemaReference>? SchemaReferencesOf(IEnumerable<(string Pointer, string Reference)> references)
    {
        var schemaReferences = new List<SchemaReference>();
        foreach (var (pointer, reference) in references)
        {
            if (!JsonPointers.TryParseComponentReference(reference, out var section, out var name))
            {
                return null;
            }

            if (section == "schemas")
            {
                schemaReferences.Add(new SchemaReference(name, pointer));
            }
            else if (!StandsWhereSectionIsRead(pointer, section))
            {
                return null;
            }
        }

        return schemaReferences;
    }

    /// <summary>
    /// Whether the <c>$ref</c> at <paramref name="pointer"/> stands where Microsoft.OpenApi reads an object of the
    /// components' <paramref name="section"/>, and never a schema: the map or list that holds it is not itself a schema,
    /// as it would be under <c>properties</c> or among the components' schemas.
    /// </summary>
    private static bool StandsWhereSectionIsRead(string pointer, string section)
    {
        // The three segments above the last one ("$ref"): the object that holds it, its map or list, and what has that.
        var refStart = pointer.LastIndexOf('/');
        var holderStart = refStart > 0 ? pointer.LastIndexOf('/', refStart - 1) : -1;
        var containerStart = holderStart > 0 ? pointer.LastIndexOf('/', holderStart - 1) : -1;
        var aboveStart = containerStart > 0 ? pointer.LastIndexOf('/', containerStart - 1) : -1;
        if (aboveStart < 0)
        {
            return false;
        }

        var holder = pointer.Substring(holderStart + 1, refStart - holderStart - 1);
        var container = pointer.Substring(containerStart + 1, holderStart - containerStart - 1);
        var aboveContainer = pointer.Substring(aboveStart + 1, containerStart - aboveStart - 1);
        if (aboveContainer is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "schemas")
        {
            return false;
        }

        return section switch
        {
            "parameters" => container == "parameters" && holder.All(char.IsDigit) || container == "parameters" && aboveContainer == "components",
            "responses" => container == "responses",
            "requestBodies" => holder == "requestBody" || container == "requestBodies" && aboveContainer == "components",
            "examples" or "headers" or "links" or "callbacks" => container == section,
            _ => container == section && aboveContainer == "components",
        };
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
