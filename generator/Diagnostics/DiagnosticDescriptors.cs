using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace OpenApiClientGenerator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: never reuse or renumber one.
/// Each has a section in docs/diagnostics.md, which the help link points to.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OpenApiClientGenerator";
    private const string HelpLinkBase = "https://github.com/openapi-client-generator/openapi-client-generator/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor SyntaxError = Create(
        "OAG001", DiagnosticSeverity.Error,
        "The spec is not valid YAML or JSON",
        "The spec '{0}' cannot be read: {1}");

    public static readonly DiagnosticDescriptor OpenApiError = Create(
        "OAG002", DiagnosticSeverity.Error,
        "The spec is not a valid OpenAPI document",
        "OpenAPI error at '{0}': {1}");

    public static readonly DiagnosticDescriptor OpenApiWarning = Create(
        "OAG003", DiagnosticSeverity.Warning,
        "The spec breaks an OpenAPI recommendation",
        "OpenAPI warning at '{0}': {1}");

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "OAG004", DiagnosticSeverity.Error,
        "A $ref cannot be resolved",
        "The reference '{0}' does not point at anything in this spec");

    public static readonly DiagnosticDescriptor ExternalReference = Create(
        "OAG005", DiagnosticSeverity.Error,
        "External $ref is not supported",
        "The reference '{0}' points outside this spec; the generator reads only the spec files given to it, so copy the referenced schema into this spec's components");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "OAG006", DiagnosticSeverity.Warning,
        "A construct is not supported",
        "{0} is not supported; {1}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Create(
        "OAG007", DiagnosticSeverity.Warning,
        "A name cannot become a C# identifier",
        "The name '{0}' has no letters or digits to build a C# identifier from; '{1}' is used instead");

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "OAG008", DiagnosticSeverity.Warning,
        "Two names collide once converted to C#",
        "{0} and '{1}' both become '{2}' in C#; '{1}' is generated as '{3}'");

    public static readonly DiagnosticDescriptor InvalidPattern = Create(
        "OAG009", DiagnosticSeverity.Warning,
        "A pattern cannot be checked",
        "The pattern '{0}' cannot be checked as ECMA-262 reads it: {1}; values are not checked against this pattern");

    public static readonly DiagnosticDescriptor ContradictoryConstraints = Create(
        "OAG010", DiagnosticSeverity.Error,
        "Constraints contradict each other",
        "{0} ({1}) is greater than {2} ({3}), so no value can be valid");

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "OAG011", DiagnosticSeverity.Error,
        "The generator failed on a spec",
        "The generator failed on '{0}' and generated nothing for it: {1}. Please report this with the spec.");

    public static readonly DiagnosticDescriptor TemplateError = Create(
        "OAG012", DiagnosticSeverity.Error,
        "A template cannot be rendered",
        "The template '{0}' failed: {1}");

    public static readonly DiagnosticDescriptor NoOperations = Create(
        "OAG013", DiagnosticSeverity.Warning,
        "The spec has no operations",
        "The spec '{0}' has no operations, so no client is generated for it");

    public static readonly DiagnosticDescriptor InvalidJsonPatchPath = Create(
        "OAG014", DiagnosticSeverity.Error,
        "A documented JSON Patch path is invalid",
        "The JSON Patch path '{0}' is not a valid JSON Pointer or does not match the path pattern '{1}'");

    public static readonly DiagnosticDescriptor DuplicateClient = Create(
        "OAG015", DiagnosticSeverity.Error,
        "Two specs generate the same client",
        "The specs '{0}' and '{1}' both generate '{2}', so '{1}' is not generated; give it another info.title, or set its OpenApiNamespace or OpenApiClientName metadata");

    public static readonly DiagnosticDescriptor ReferenceCycle = Create(
        "OAG016", DiagnosticSeverity.Error,
        "A $ref leads only back to itself",
        "The reference '{0}' leads back to itself through references alone, so it describes no value");

    public static readonly DiagnosticDescriptor UnusedTemplate = Create(
        "OAG017", DiagnosticSeverity.Warning,
        "A template override replaces no template",
        "The template '{0}' is not used: {1}");

    public static readonly DiagnosticDescriptor UnsupportedSecurity = Create(
        "OAG018", DiagnosticSeverity.Warning,
        "A security scheme cannot be used",
        "The security {0} cannot be used: {1}; an operation that requires it fails before sending unless another of its alternatives is met");

    public static readonly DiagnosticDescriptor GatewayPlaceholder = Create(
        "OAG019", DiagnosticSeverity.Warning,
        "An API Gateway export placeholder is ignored",
        "'{0}: 0' on the string parameter '{1}' is how API Gateway exports a limit that was never set, so it is ignored rather than refusing every value");

    public static readonly DiagnosticDescriptor SpecFlaw = Create(
        "OAG020", DiagnosticSeverity.Warning,
        "The spec breaks a rule, but its meaning is clear",
        "{0}; {1}");

    public static readonly DiagnosticDescriptor Webhook = Create(
        "OAG021", DiagnosticSeverity.Info,
        "A webhook gets no typed payload reader",
        "{0}: {1}");

    public static readonly DiagnosticDescriptor SelectorMatchesNothing = Create(
        "OAG030", DiagnosticSeverity.Warning,
        "An operation selector matches nothing",
        "The {0} value '{1}' matches no {2} in '{3}'");

    public static readonly DiagnosticDescriptor SelectionLeavesNoOperations = Create(
        "OAG031", DiagnosticSeverity.Warning,
        "The operation selection leaves no operations",
        "The OpenApiInclude*/OpenApiExclude* metadata of '{0}' selects none of its {1} operations");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        SyntaxError, OpenApiError, OpenApiWarning, UnresolvedReference, ExternalReference, UnsupportedConstruct,
        InvalidIdentifier, NameCollision, InvalidPattern, ContradictoryConstraints, GeneratorFailure, TemplateError,
        NoOperations, InvalidJsonPatchPath, DuplicateClient, ReferenceCycle, UnusedTemplate, UnsupportedSecurity,
        GatewayPlaceholder, SpecFlaw, Webhook, SelectorMatchesNothing, SelectionLeavesNoOperations,
    };

    public static DiagnosticDescriptor? FindById(string id) => All.FirstOrDefault(d => d.Id == id);

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string messageFormat)
        => new(id, title, messageFormat, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
