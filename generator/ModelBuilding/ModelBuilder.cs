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

    /// <summary>The schemas of the types in <see cref="_typeOrder"/>, by identity: each component schema is looked up in them, where a search of the types was made for each.</summary>
    private readonly HashSet<IOpenApiSchema> _typeSchemas = new(ReferenceIdentity<IOpenApiSchema>.Instance);
    private readonly NameScope _typeNames = new NameScope().Reserve(ReservedNames.Types, name => $"the type '{name}' that generated code uses");
    private readonly List<IOpenApiSchema> _containersBeingResolved = [];

    /// <summary>
    /// The names of one type's members (a record's, an enum's, an operation's request record's), cleared for each: a type's
    /// members are named while it alone is built, and a scope made for each type cost its table each time.
    /// </summary>
    private readonly NameScope _memberNames = new();

    /// <summary>The spec's JSON by pointer, as <see cref="NodeAt"/> found it (null where there is none).</summary>
    private readonly Dictionary<string, JsonNode?> _nodes = new(StringComparer.Ordinal);

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
        var baseName = PascalCase(title);
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
            ResolveType(component.Value, JsonPointers.Append("/components/schemas", component.Key), PascalCase(component.Key), Usage.None, mergePatch: false, componentName: component.Key);
        }

        operations = NameSharedEnums(operations);

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
            ExternalDocs = ExternalDocsOf(document.ExternalDocs),
            DefaultBaseAddress = document.Servers?.FirstOrDefault()?.Url,
            Server = server,
            SecuritySchemes = securitySchemes,
            Types = types.ToEquatableArray(),
            Operations = operations.ToEquatableArray(),
            ErrorReaders = _errorReaders.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
            HeadersRecords = _headersRecords.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
            Webhooks = webhooks.ToEquatableArray(),
            ShadowedNames = ReservedNames.QualifiedWhereShadowed.Keys.Where(_typeNames.IsTaken).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    /// <summary>Whether an operation already reached the schema, in any variant (a merge patch, say).</summary>
    private bool IsGenerated(IOpenApiSchema schema) => _typeSchemas.Contains(schema);

    /// <summary>Adds a type to those generated, in the order they are built.</summary>
    private void AddType(PendingType pending)
    {
        _typeOrder.Add(pending);
        _typeSchemas.Add(pending.Schema);
    }

    /// <summary>
    /// The description a reference gives itself (<paramref name="own"/>), else its target's: what Microsoft.OpenApi's getter
    /// reads, without resolving the reference again.
    /// </summary>
    private static string? DescriptionOf(string? own, string? target) => string.IsNullOrEmpty(own) ? target : own;

    private static bool IsSensitive(IDictionary<string, IOpenApiExtension>? extensions)
        => extensions is not null && extensions.TryGetValue("x-sensitive", out var extension)
            && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue(out bool sensitive) && sensitive;

    private static string? FormatDefault(JsonNode? value) => value?.ToJsonString();

    /// <summary>
    /// Where the spec says more, for a doc comment's link: an absolute http or https URL (a relative one would lead
    /// nowhere from the user's code, and another scheme is no page), with its description.
    /// </summary>
    private static ExternalDocsSpec? ExternalDocsOf(OpenApiExternalDocs? docs)
        => docs?.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? new ExternalDocsSpec(url.OriginalString, Clean(docs.Description))
            : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
    {
        _reportCount++;
        _diagnostics.Report(descriptor, location, args);
    }

    /// <summary>How many diagnostics the model builder has reported: a reading that reported none may be reused elsewhere.</summary>
    private int _reportCount;

    /// <summary>
    /// The spec's JSON at <paramref name="pointer"/>, for what Microsoft.OpenApi does not keep. Every schema's is asked
    /// for (its <c>prefixItems</c>, <c>dependentRequired</c>, ...), and finding a pointer from the root costs a lookup
    /// per segment: each node is found from its parent, which was found before it (a schema's properties are read
    /// after the schema), and remembered.
    /// </summary>
    private JsonNode? NodeAt(string pointer)
    {
        var parentEnd = pointer.LastIndexOf('/');
        if (parentEnd < 0)
        {
            return _document.Root;
        }

        if (!_nodes.TryGetValue(pointer, out var node))
        {
            node = NodeAt(pointer.Substring(0, parentEnd)) is { } parent ? JsonPointers.Child(parent, JsonPointers.Unescape(pointer.Substring(parentEnd + 1))) : null;
            _nodes.Add(pointer, node);
        }

        return node;
    }

    private LocationInfo LocationOf(string pointer) => _diagnostics.LocationOf(pointer);

    private LocationInfo LocationOfKey(string pointer) => _diagnostics.LocationOfKey(pointer);
}
