using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// Builds the generator's model from a document that has been read and checked. Past the reading stage, Microsoft.OpenApi
/// objects live only inside this class: what leaves it is made of records, strings and equatable arrays. Each concern has
/// its own file:
/// <list type="bullet">
/// <item><c>ModelBuilder.cs</c>: the spec as a whole (client name, namespace, which schemas are generated).</item>
/// <item><c>ModelBuilder.Naming.cs</c>: C# names for types and members, and their collisions (<see cref="ReservedNames"/> lists the generated code's own).</item>
/// <item><c>ModelBuilder.Types.cs</c>: schemas to types: which kind of value, which named type, with which properties.</item>
/// <item><c>ModelBuilder.Composition.cs</c>: <c>allOf</c>, <c>oneOf</c>, <c>anyOf</c> and <c>not</c>.</item>
/// <item><c>ModelBuilder.Unions.cs</c>: a <c>oneOf</c> or <c>anyOf</c> of several variants, with or without a discriminator.</item>
/// <item><c>ModelBuilder.Constraints.cs</c>: the validation keywords, in the dialects of OpenAPI 3.0 and 3.1.</item>
/// <item><c>ModelBuilder.Operations.cs</c>: operations and their parameters.</item>
/// <item><c>ModelBuilder.Bodies.cs</c>: request and response bodies, chosen by media type.</item>
/// <item><c>ModelBuilder.JsonPatch.cs</c>: JSON Patch (RFC 6902) bodies and their typed methods.</item>
/// <item><c>ModelBuilder.Webhooks.cs</c>: webhooks (OpenAPI 3.1) and their payloads.</item>
/// </list>
/// </summary>
internal sealed partial class ModelBuilder
{
    private readonly SpecInput _input;
    private readonly SpecDiagnostics _diagnostics;
    private readonly LoadedDocument _document;
    private readonly Dictionary<TypeKey, PendingType> _pendingTypes = [];
    private readonly List<PendingType> _typeOrder = [];
    private readonly NameScope _typeNames = new NameScope().Reserve(ReservedNames.Types, name => $"the type '{name}' that generated code uses");
    private readonly List<IOpenApiSchema> _containersBeingResolved = [];

    /// <summary>
    /// Microsoft.OpenApi resolves a reference again on every read of <see cref="OpenApiSchemaReference.Target"/>, splitting
    /// strings each time, and one reference is read many times (discovery, then building, per usage and variant).
    /// </summary>
    private readonly Dictionary<OpenApiSchemaReference, IOpenApiSchema?> _referenceTargets = new(ReferenceIdentity<OpenApiSchemaReference>.Instance);

    /// <summary>
    /// The parameters' references, each resolved once: a path's parameters are read for each of its operations, to be
    /// merged with the operation's own, and every parameter twice (for the merge, then to be built).
    /// </summary>
    private readonly Dictionary<OpenApiParameterReference, IOpenApiParameter> _parameterTargets = new(ReferenceIdentity<OpenApiParameterReference>.Instance);

    /// <summary>The schemas' JSON by pointer, as <c>SchemaNode</c> found them.</summary>
    private readonly Dictionary<string, JsonObject?> _schemaNodes = new(StringComparer.Ordinal);

    private ModelBuilder(SpecInput input, SpecDiagnostics diagnostics, LoadedDocument document)
    {
        _input = input;
        _diagnostics = diagnostics;
        _document = document;
    }

    [Flags]
    private enum Usage
    {
        None = 0,
        Request = 1,
        Response = 2,
    }

    /// <summary>Builds the model of a document that has been read without errors; what it finds wrong it reports.</summary>
    public static ApiSpec Build(SpecInput input, SpecDiagnostics diagnostics, LoadedDocument document)
        => new ModelBuilder(input, diagnostics, document).BuildSpec(document.Document);

    private ApiSpec BuildSpec(OpenApiDocument document)
    {
        var title = document.Info?.Title ?? System.IO.Path.GetFileNameWithoutExtension(_input.Path);
        var baseName = IdentifierNames.ToPascalCase(title);
        if (baseName.Length == 0)
        {
            baseName = "Api";
            Report(DiagnosticDescriptors.InvalidIdentifier, LocationOf("/info/title"), title, baseName);
        }

        var clientName = _input.Options.ClientName is { Length: > 0 } configuredClient && IdentifierNames.IsValidIdentifier(configuredClient)
            ? configuredClient
            : baseName + "Client";
        var ns = _input.Options.Namespace is { Length: > 0 } configuredNamespace
            ? configuredNamespace
            : string.IsNullOrEmpty(_input.Options.RootNamespace) ? baseName : _input.Options.RootNamespace + "." + baseName;
        _typeNames.Reserve([clientName, clientName + "Options", clientName + "ServiceCollectionExtensions", clientName + "AuthenticationFilter", clientName + "Webhooks"], name => $"the generated type '{name}'");

        var server = ParseServer(document);
        var securitySchemes = ParseSecuritySchemes(document);
        var operations = ParseOperations(document);
        var webhooks = ParseWebhooks(document);
        foreach (var component in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (IsGenerated(component.Value))
            {
                continue;
            }

            // Component schemas no operation reaches are still generated: users build specs up before they wire them to
            // operations, and error bodies are there to read ApiException.ResponseBody with. A spec whose metadata selects
            // operations has only the schemas they reach left (OperationSelection).
            ResolveType(component.Value, JsonPointers.Append("/components/schemas", component.Key), IdentifierNames.ToPascalCase(component.Key), Usage.None, mergePatch: false, componentName: component.Key);
        }

        // A selection that leaves nothing has said so (OAG030, OAG031).
        if (operations.Count == 0 && webhooks.Count == 0 && _typeOrder.Count == 0 && _input.Options.Selection is null)
        {
            Report(DiagnosticDescriptors.NoOperations, LocationOf(""), System.IO.Path.GetFileName(_input.Path));
        }

        LinkBaseTypes();
        var types = new List<TypeSpec>();
        for (var i = 0; i < _typeOrder.Count; i++)
        {
            types.Add(BuildType(_typeOrder[i]));
        }

        return new ApiSpec
        {
            SourcePath = _input.Path,
            Namespace = ns,
            ClientName = clientName,
            Title = title,
            Description = document.Info?.Description,
            DefaultBaseAddress = document.Servers?.FirstOrDefault()?.Url,
            Server = server,
            SecuritySchemes = securitySchemes,
            Types = types.ToEquatableArray(),
            Operations = operations.ToEquatableArray(),
            Webhooks = webhooks.ToEquatableArray(),
        };
    }

    /// <summary>Whether an operation already reached the schema, in any variant (a merge patch, say).</summary>
    private bool IsGenerated(IOpenApiSchema schema)
        => _typeOrder.Any(t => ReferenceEquals(t.Schema, schema));

    // Microsoft.OpenApi resolves a reference again (building URIs, splitting strings) on every read of one of its members,
    // and a parameter or response is read member by member: its target is read instead, once. What a reference may say
    // of its own (its description) is still read from the reference.
    private IOpenApiParameter Resolved(IOpenApiParameter parameter)
    {
        if (parameter is not OpenApiParameterReference reference)
        {
            return parameter;
        }

        if (!_parameterTargets.TryGetValue(reference, out var resolved))
        {
            resolved = reference.Target ?? parameter;
            _parameterTargets.Add(reference, resolved);
        }

        return resolved;
    }

    private static IOpenApiResponse Resolved(IOpenApiResponse response) => response is OpenApiResponseReference { Target: { } target } ? target : response;

    private static IOpenApiHeader Resolved(IOpenApiHeader header) => header is OpenApiHeaderReference { Target: { } target } ? target : header;

    /// <summary>
    /// The description a reference gives itself (<paramref name="own"/>), else its target's: what Microsoft.OpenApi's getter
    /// reads, without resolving the reference again.
    /// </summary>
    private static string? DescriptionOf(string? own, string? target) => string.IsNullOrEmpty(own) ? target : own;

    private static bool IsSensitive(IDictionary<string, IOpenApiExtension>? extensions)
        => extensions is not null && extensions.TryGetValue("x-sensitive", out var extension)
            && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue(out bool sensitive) && sensitive;

    private static string? FormatDefault(JsonNode? value) => value?.ToJsonString();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
        => _diagnostics.Report(descriptor, location, args);

    private LocationInfo LocationOf(string pointer) => _diagnostics.LocationOf(pointer);

    private LocationInfo LocationOfKey(string pointer) => _diagnostics.LocationOfKey(pointer);
}
