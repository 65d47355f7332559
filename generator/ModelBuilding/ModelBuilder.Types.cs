using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Parsing;

/// <summary>
/// Turns one spec file into the generator's model. Microsoft.OpenApi objects live only inside this class:
/// what leaves it is made of records, strings and equatable arrays.
/// </summary>
internal sealed class SpecParser
{
    private const string MergePatchMediaType = "application/merge-patch+json";
    private const string JsonPatchMediaType = "application/json-patch+json";

    /// <summary>Members generated records have (merge patches also IsEmpty, FromDiff and FromWhole), which a property must not shadow.</summary>
    internal static readonly string[] ReservedMemberNames =
    [
        "Validate", "ValidateMembers", "WriteTo", "ReadFrom", "ToJson", "FromJson", "AdditionalProperties", "EqualityContract",
        "ToString", "GetHashCode", "Equals", "Clone", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize",
        "IsEmpty", "FromDiff", "FromWhole",

        // Types the records name in expressions (JsonRead.String, ValidationContext.Rent), where a property would hide them.
        "JsonRead", "JsonWrite", "JsonElement", "JsonTokenType", "ValidationContext", "StringComparer", "MergePatch", "TextRules",
        "ElementRules", "JsonTypes", "Regex", "RegexOptions", "TimeSpan",
    ];

    /// <summary>Framework and runtime types the generated code names without qualification, which a schema must not shadow.</summary>
    private static readonly string[] ReservedTypeNames =
    [
        "System", "Task", "HttpClient", "HttpMethod", "HttpRequestMessage", "CancellationToken", "JsonElement", "JsonEncodedText",
        "JsonTokenType", "JsonException", "Utf8JsonReader", "Utf8JsonWriter", "Regex", "RegexOptions", "TimeSpan", "Uri",
        "Optional", "ValidationError", "ValidationContext", "RequestValidationException", "ApiException", "ApiResponse",
        "AcceptedResponse", "ApiResponseFormatException", "JsonRead", "JsonWrite", "JsonMemberNames", "JsonPointer", "ApiHttp", "TextRules",
        "IReadOnlyList", "IReadOnlyDictionary", "List", "Dictionary", "StringComparer", "StringBuilder", "JsonPropertyNameAttribute",
        "JsonPropertyName", "ArgumentNullException", "ArgumentException", "Action", "Func", "Exception", "String", "Object",
    ];

    private readonly SpecInput _input;
    private readonly SpecDiagnostics _diagnostics;
    private readonly LoadedDocument _document;
    private readonly Dictionary<TypeKey, PendingType> _pendingTypes = [];
    private readonly List<PendingType> _typeOrder = [];
    private readonly NameScope _typeNames = new NameScope().Reserve(ReservedTypeNames, name => $"the type '{name}' that generated code uses");
    private readonly List<IOpenApiSchema> _containersBeingResolved = [];

    /// <summary>
    /// Microsoft.OpenApi resolves a reference again on every read of <see cref="OpenApiSchemaReference.Target"/>, splitting
    /// strings each time, and one reference is read many times (discovery, then building, per usage and variant).
    /// </summary>
    private readonly Dictionary<OpenApiSchemaReference, IOpenApiSchema?> _referenceTargets = new(ReferenceIdentity.Instance);

    private SpecParser(SpecInput input, SpecDiagnostics diagnostics, LoadedDocument document)
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

    /// <summary>
    /// Reads the spec (YAML or JSON → JSON tree), checks the shape of its nodes and its references, reads it with
    /// Microsoft.OpenApi and builds the model. Each step reports what it finds; any error stops the spec, so that no code
    /// is generated from a spec that was misread.
    /// </summary>
    public static SpecParseResult Parse(SpecInput input)
    {
        var diagnostics = new SpecDiagnostics(input);
        ApiSpec? spec = null;
        try
        {
            spec = ReadModel(input, diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug of the generator's own: the user's build must go on with a diagnostic instead of CS8785.
            diagnostics.Report(DiagnosticDescriptors.GeneratorFailure, diagnostics.LocationOf(string.Empty), diagnostics.FileName, exception.GetType().Name + ": " + exception.Message);
        }

        return new SpecParseResult(diagnostics.HasErrors ? null : spec, diagnostics.ToEquatableArray(), spec is null ? null : diagnostics.LocationOf("/info/title"));
    }

    private static ApiSpec? ReadModel(SpecInput input, SpecDiagnostics diagnostics)
    {
        var document = SpecDocumentReader.Read(input.Text);
        diagnostics.Map = document.Map;
        if (document.Root is not { } root)
        {
            var error = document.Error ?? new SpecSyntaxError("The document is empty", default);
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, diagnostics.LocationOf(error.Position), diagnostics.FileName, error.Message);
            return null;
        }

        SpecShapeChecker.Check(root, diagnostics);
        ReferenceChecker.Check(root, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var loaded = OpenApiDocumentLoader.Load(root, diagnostics);
        return loaded is null ? null : new SpecParser(input, diagnostics, loaded).BuildSpec(loaded.Document);
    }

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
        _typeNames.Reserve([clientName, clientName + "Options", clientName + "ServiceCollectionExtensions"], name => $"the generated type '{name}'");

        var operations = ParseOperations(document);
        foreach (var component in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (IsGenerated(component.Value))
            {
                continue;
            }

            // Component schemas no operation reaches are still generated: users build specs up before they wire them to
            // operations, and error bodies are there to read ApiException.ResponseBody with.
            ResolveType(component.Value, JsonPointers.Append("/components/schemas", component.Key), IdentifierNames.ToPascalCase(component.Key), Usage.None, mergePatch: false, componentName: component.Key);
        }

        if (operations.Count == 0 && _typeOrder.Count == 0)
        {
            Report(DiagnosticDescriptors.NoOperations, LocationOf(""), System.IO.Path.GetFileName(_input.Path));
        }

        var types = new List<TypeSpec>();
        for (var i = 0; i < _typeOrder.Count; i++)
        {
            types.Add(BuildType(_typeOrder[i]));
        }

        return new ApiSpec(
            _input.Path,
            clientName,
            ns,
            clientName,
            title,
            document.Info?.Description,
            document.Servers?.FirstOrDefault()?.Url,
            types.ToEquatableArray(),
            operations.ToEquatableArray());
    }

    /// <summary>Whether an operation already reached the schema, in any variant (a merge patch, say).</summary>
    private bool IsGenerated(IOpenApiSchema schema)
        => _typeOrder.Any(t => ReferenceEquals(t.Schema, schema));

    private List<OperationSpec> ParseOperations(OpenApiDocument document)
    {
        var operations = new List<OperationSpec>();
        var operationNames = new NameScope();
        foreach (var pathEntry in document.Paths ?? new OpenApiPaths())
        {
            var pathPointer = JsonPointers.Append("/paths", pathEntry.Key);
            if (pathEntry.Value.Operations is null)
            {
                continue;
            }

            foreach (var operationEntry in pathEntry.Value.Operations.OrderBy(o => HttpMethodOrder(o.Key.Method)))
            {
                var method = operationEntry.Key.Method.ToUpperInvariant();
                var operationPointer = JsonPointers.Append(pathPointer, method.ToLowerInvariant());
                var operation = operationEntry.Value;
                var preferredName = IdentifierNames.ToPascalCase(operation.OperationId ?? string.Empty);
                if (preferredName.Length == 0)
                {
                    preferredName = IdentifierNames.ToPascalCase(method.ToLowerInvariant() + " " + pathEntry.Key);
                }

                var name = operationNames.Claim(preferredName, "'" + (operation.OperationId ?? method + " " + pathEntry.Key) + "'");
                if (name != preferredName)
                {
                    var namePointer = operation.OperationId is null ? operationPointer : JsonPointers.Append(operationPointer, "operationId");
                    Report(DiagnosticDescriptors.NameCollision, LocationOf(namePointer), operationNames.TakenBy(preferredName)!, operation.OperationId ?? method + " " + pathEntry.Key, preferredName, name);
                }

                operations.Add(ParseOperation(name, method, pathEntry.Key, operationPointer, pathEntry.Value, operation));
            }
        }

        return operations;
    }

    /// <summary>
    /// Scalars go into a path, query or header as text; a query also takes a list of scalars, as <c>a,b</c>. Decided
    /// before the schema is resolved, so that a parameter sent as JSON text leaves no unused record behind.
    /// </summary>
    private bool CanFormat(IOpenApiSchema schema, Microsoft.OpenApi.ParameterLocation location)
    {
        var target = Unwrap(schema);
        return ShapeOf(target) switch
        {
            ValueKind.Object or ValueKind.Map => false,
            ValueKind.Array => location == Microsoft.OpenApi.ParameterLocation.Query
                && ShapeOf(target?.Items) is not (ValueKind.Object or ValueKind.Map or ValueKind.Array),
            _ => true,
        };
    }

    /// <summary>The kind of value a schema describes, through references and single allOf wrappers.</summary>
    private ValueKind ShapeOf(IOpenApiSchema? schema) => Unwrap(schema) is { } target ? ClassifyType(target) : ValueKind.Any;

    /// <summary>The schema that describes the value: past references and single allOf wrappers (a few at most, as a cycle may hide there).</summary>
    private IOpenApiSchema? Unwrap(IOpenApiSchema? schema)
    {
        for (var hops = 0; hops < 16 && Target(schema) is { } target; hops++)
        {
            if (target.AllOf is not { Count: 1 } || target.Properties is { Count: > 0 })
            {
                return target;
            }

            schema = target.AllOf[0];
        }

        return null;
    }

    private static int HttpMethodOrder(string method)
        => Array.IndexOf(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"], method.ToUpperInvariant()) is var i and >= 0 ? i : int.MaxValue;

    private OperationSpec ParseOperation(string name, string method, string path, string pointer, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var requestTypeName = ClaimTypeName(name + "Request", $"the request record of '{name}'", null, pointer);
        var memberNames = new NameScope()
            .Reserve(ReservedMemberNames, ReservedMemberDescription)
            .Reserve([requestTypeName], typeName => $"the record's own name '{typeName}'")
            .Reserve(operation.RequestBody?.Content is { Count: > 0 } ? ["Body"] : [], _ => "the request body 'Body'");
        var parameters = new List<ParameterSpec>();
        var pathParameters = (pathItem.Parameters ?? []).Select((p, i) => (Parameter: p, Pointer: JsonPointers.Append(JsonPointers.Append(JsonPointers.Append("/paths", path), "parameters"), i.ToString(CultureInfo.InvariantCulture))));
        var operationParameters = (operation.Parameters ?? []).Select((p, i) => (Parameter: p, Pointer: JsonPointers.Append(JsonPointers.Append(pointer, "parameters"), i.ToString(CultureInfo.InvariantCulture))));

        // Operation-level parameters override path-level ones with the same name and location.
        var merged = operationParameters
            .Concat(pathParameters.Where(pp => !operationParameters.Any(op => op.Parameter.Name == pp.Parameter.Name && op.Parameter.In == pp.Parameter.In)));
        foreach (var (parameter, parameterPointer) in merged)
        {
            if (parameter.In is not { } location || location == Microsoft.OpenApi.ParameterLocation.Cookie || parameter.Name is null)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(parameterPointer), "A cookie parameter or one without a location", "it is left out of the request");
                continue;
            }

            if (location == Microsoft.OpenApi.ParameterLocation.Header && IsContentNegotiationHeader(parameter.Name))
            {
                continue; // expressed by the request body's media type, which the client sets itself
            }

            var csharpName = ClaimMemberName(memberNames, parameter.Name, LocationOf(JsonPointers.Append(parameterPointer, "name")));
            var schemaPointer = JsonPointers.Append(parameterPointer, "schema");
            TypeRef type;
            if (parameter.Schema is null)
            {
                type = TypeRef.Of(ValueKind.String, ConstraintSpec.None);
            }
            else if (CanFormat(parameter.Schema, location))
            {
                type = ResolveType(parameter.Schema, schemaPointer, requestTypeName + csharpName, Usage.Request, mergePatch: false);
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(schemaPointer), $"A {location.ToString().ToLowerInvariant()} parameter whose value is an object or a nested list", "the parameter is a JsonElement, sent as its JSON text");
                type = TypeRef.Of(ValueKind.Any, ConstraintSpec.None);
            }
            parameters.Add(new ParameterSpec(
                csharpName,
                parameter.Name,
                location switch
                {
                    Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
                    Microsoft.OpenApi.ParameterLocation.Query => Model.ParameterLocation.Query,
                    _ => Model.ParameterLocation.Header,
                },
                Clean(parameter.Description),
                type,
                parameter.Required || location == Microsoft.OpenApi.ParameterLocation.Path,
                IsSensitive(parameter.Extensions) || IsSensitiveHeader(parameter.Name),
                FormatDefault(parameter.Schema?.Default)));
        }

        var body = ParseRequestBody(operation.RequestBody, JsonPointers.Append(pointer, "requestBody"), name);
        var (success, errors) = ParseResponses(operation.Responses, JsonPointers.Append(pointer, "responses"), name);
        return new OperationSpec(
            name,
            method,
            path,
            Clean(operation.Summary),
            Clean(operation.Description),
            requestTypeName,
            parameters.ToEquatableArray(),
            body,
            success,
            errors.ToEquatableArray());
    }

    private BodySpec? ParseRequestBody(IOpenApiRequestBody? requestBody, string pointer, string operationName)
    {
        if (requestBody?.Content is null || requestBody.Content.Count == 0)
        {
            return null;
        }

        var json = requestBody.Content.FirstOrDefault(c => IsJsonMediaType(c.Key));
        var (mediaType, content) = (json.Key, json.Value);
        if (mediaType is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(JsonPointers.Append(pointer, "content")), "A request body that is not JSON", "the operation is generated without a body");
            return null;
        }

        var contentPointer = JsonPointers.Append(JsonPointers.Append(pointer, "content"), mediaType);
        var schemaPointer = JsonPointers.Append(contentPointer, "schema");
        if (content.Schema is null)
        {
            return new BodySpec(mediaType, BodyKind.Json, TypeRef.Of(ValueKind.Any, ConstraintSpec.None), requestBody.Required, Clean(requestBody.Description));
        }

        var isMergePatch = string.Equals(mediaType, MergePatchMediaType, StringComparison.OrdinalIgnoreCase);
        if (TryParseJsonPatch(content.Schema, schemaPointer, operationName, mediaType) is { } jsonPatch)
        {
            return new BodySpec(mediaType, BodyKind.JsonPatch, jsonPatch, requestBody.Required, Clean(requestBody.Description));
        }

        var type = ResolveType(content.Schema, schemaPointer, operationName + "Body", Usage.Request, isMergePatch);
        return new BodySpec(mediaType, isMergePatch ? BodyKind.MergePatch : BodyKind.Json, type, requestBody.Required, Clean(requestBody.Description));
    }

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

                var valueSchema = entry.Value is JsonObject schemaNode ? ReadExtensionSchema(schemaNode, entryPointer) : null;
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

    private (ResponseSpec? Success, List<ResponseSpec> Errors) ParseResponses(OpenApiResponses? responses, string pointer, string operationName)
    {
        ResponseSpec? success = null;
        var errors = new List<ResponseSpec>();
        foreach (var entry in (responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var responsePointer = JsonPointers.Append(pointer, entry.Key);
            var statusCode = entry.Key == "default" ? 0 : int.TryParse(entry.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : -1;
            if (statusCode < 0)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(responsePointer), $"The status code pattern '{entry.Key}'", "the response is handled as an undocumented status");
                continue;
            }

            var response = entry.Value;
            var isSuccess = statusCode is >= 200 and < 300;
            TypeRef? body = null;
            if (response.Content is not null && response.Content.FirstOrDefault(c => IsJsonMediaType(c.Key)) is { Key: not null } json && json.Value.Schema is not null)
            {
                var schemaPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(responsePointer, "content"), json.Key), "schema");
                body = isSuccess
                    ? ResolveType(json.Value.Schema, schemaPointer, operationName + "Response", Usage.Response, mergePatch: false)
                    : null; // error bodies are read by the API exception, whatever their shape
            }

            var hasRequestId = response.Headers?.Keys.Any(h => string.Equals(h, "X-Request-Id", StringComparison.OrdinalIgnoreCase)) ?? false;
            var trackingProperty = response.Extensions is not null && response.Extensions.TryGetValue("x-operation-id-property", out var trackingExtension)
                && trackingExtension is JsonNodeExtension { Node: JsonValue trackingValue } && trackingValue.TryGetValue(out string? configured)
                ? configured
                : statusCode == 202 ? "id" : null;
            var spec = new ResponseSpec(statusCode, Clean(response.Description), body, trackingProperty, hasRequestId);
            if (isSuccess)
            {
                success ??= spec;
            }
            else
            {
                errors.Add(spec);
            }
        }

        return (success, errors);
    }

    /// <summary>
    /// Maps a schema to the shape of a value, registering the named types it needs. Object and enum schemas become named types;
    /// a type reached from a response records that, since responses may omit what requests must send.
    /// </summary>
    private TypeRef ResolveType(IOpenApiSchema schema, string pointer, string nameHint, Usage usage, bool mergePatch, string? componentName = null)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var target = TargetOf(reference);
            var referencePointer = ComponentPointer(reference);
            if (target is null)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, LocationOf(JsonPointers.Append(pointer, "$ref")), reference.Reference.ReferenceV3 ?? reference.Reference.Id ?? "?");
                return TypeRef.Of(ValueKind.Any, ConstraintSpec.None);
            }

            if (IsBeingResolved(target))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(JsonPointers.Append(pointer, "$ref")), "A schema that contains itself with no object in between", "the inner value is generated as a JsonElement");
                return TypeRef.Of(ValueKind.Any, ConstraintSpec.None);
            }

            return ResolveContained(reference, () => ResolveType(target, referencePointer, IdentifierNames.ToPascalCase(reference.Reference.Id ?? nameHint), usage, mergePatch, reference.Reference.Id));
        }

        var nullable = schema.Type is { } t && t.HasFlag(JsonSchemaType.Null);
        ReportUnsupportedKeywords(schema, pointer);
        if (schema.AllOf is { Count: 1 } && schema.Properties is not { Count: > 0 })
        {
            return ResolveContained(schema, () => ResolveType(schema.AllOf[0], JsonPointers.Append(JsonPointers.Append(pointer, "allOf"), "0"), nameHint, usage, mergePatch)) with { IsNullable = nullable };
        }

        var constraints = ReadConstraints(schema, pointer);
        var kind = ClassifyType(schema);
        switch (kind)
        {
            case ValueKind.Enum:
            case ValueKind.Object:
                var typeKind = kind == ValueKind.Enum ? TypeKind.Enum : mergePatch ? TypeKind.MergePatch : TypeKind.Object;
                var pending = GetOrAddType(schema, pointer, nameHint, typeKind, componentName);
                var previousUsage = pending.Usage;
                pending.Usage |= usage;
                if (typeKind != TypeKind.Enum && (pending.Usage != previousUsage || !pending.Discovered))
                {
                    pending.Discovered = true;
                    DiscoverProperties(pending);
                }

                // An enum type carries its values itself; an object type's constraints are its properties'.
                return new TypeRef(kind, pending.Name, null, kind == ValueKind.Enum ? constraints with { AllowedValues = EquatableArray<string>.Empty } : ConstraintSpec.None, nullable);
            case ValueKind.Array:
                var element = schema.Items is not { } items
                    ? TypeRef.Of(ValueKind.Any, ConstraintSpec.None)
                    : ResolveContained(schema, () => ResolveType(items, JsonPointers.Append(pointer, "items"), nameHint + "Item", usage, mergePatch: false));
                return new TypeRef(ValueKind.Array, null, element, constraints, nullable);
            case ValueKind.Map:
                var value = schema.AdditionalProperties is not { } additionalProperties
                    ? TypeRef.Of(ValueKind.Any, ConstraintSpec.None)
                    : ResolveContained(schema, () => ResolveType(additionalProperties, JsonPointers.Append(pointer, "additionalProperties"), nameHint + "Value", usage, mergePatch: false));
                return new TypeRef(ValueKind.Map, null, value, constraints, nullable);
            default:
                return new TypeRef(kind, null, null, constraints, nullable);
        }
    }

    /// <summary>
    /// Resolves a schema inside <paramref name="container"/>, a schema that gets no type of its own (a reference, an array, a
    /// map, an allOf wrapper), noting that the container is being resolved. Meeting it again inside means that it contains
    /// itself with no object in between, like an array of itself, which no C# type can be.
    /// Named types need no such care: they are registered before their properties are resolved.
    /// </summary>
    private TypeRef ResolveContained(IOpenApiSchema container, Func<TypeRef> resolve)
    {
        _containersBeingResolved.Add(container);
        try
        {
            return resolve();
        }
        finally
        {
            _containersBeingResolved.RemoveAt(_containersBeingResolved.Count - 1);
        }
    }

    private bool IsBeingResolved(IOpenApiSchema schema) => _containersBeingResolved.Exists(s => ReferenceEquals(s, schema));

    private static ValueKind ClassifyType(IOpenApiSchema schema)
    {
        var type = schema.Type ?? 0;
        var nonNull = type & ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } values && (nonNull == JsonSchemaType.String || nonNull == 0)
            && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String) && values.Any(v => v is not null))
        {
            return ValueKind.Enum;
        }

        switch (nonNull)
        {
            case JsonSchemaType.String:
                return ValueKind.String;
            case JsonSchemaType.Integer:
                // JSON Schema integers are unbounded: only an explicit int32 format narrows them to int.
                return schema.Format == "int32" ? ValueKind.Int32 : ValueKind.Int64;
            case JsonSchemaType.Number:
                return ValueKind.Double;
            case JsonSchemaType.Boolean:
                return ValueKind.Boolean;
            case JsonSchemaType.Array:
                return ValueKind.Array;
            case JsonSchemaType.Object:
            case 0 when schema.Properties is { Count: > 0 }:
                return schema.Properties is { Count: > 0 } ? ValueKind.Object : ValueKind.Map;
            default:
                return ValueKind.Any;
        }
    }

    private PendingType GetOrAddType(IOpenApiSchema schema, string pointer, string nameHint, TypeKind kind, string? componentName)
    {
        var key = new TypeKey(schema, kind);
        if (_pendingTypes.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var preferred = nameHint.Length > 0 ? nameHint : "Type";
        if (componentName is not null && nameHint.Length == 0)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, LocationOfKey(pointer), componentName, preferred);
        }

        var name = ClaimTypeName(kind == TypeKind.MergePatch ? preferred + "Patch" : preferred, "'" + (componentName ?? preferred) + "'", componentName, pointer);

        var pending = new PendingType(name, schema, pointer, kind);
        _pendingTypes.Add(key, pending);
        _typeOrder.Add(pending);
        return pending;
    }

    private void DiscoverProperties(PendingType pending)
    {
        foreach (var property in pending.Schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            ResolveType(property.Value, PropertyPointer(pending.Pointer, property.Key), pending.BaseName + IdentifierNames.ToPascalCase(property.Key), pending.Usage, pending.Kind == TypeKind.MergePatch);
        }
    }

    private TypeSpec BuildType(PendingType pending)
    {
        var description = Clean(pending.Schema.Description) ?? Clean(pending.Schema.Title);
        if (pending.Kind == TypeKind.JsonPatch)
        {
            return new TypeSpec(pending.Name, TypeKind.JsonPatch, description, EquatableArray<PropertySpec>.Empty, EquatableArray<EnumMemberSpec>.Empty, pending.JsonPatch, false, null);
        }

        if (pending.Kind == TypeKind.Enum)
        {
            var members = EnumMembers(pending);
            return new TypeSpec(pending.Name, TypeKind.Enum, description, EquatableArray<PropertySpec>.Empty, members, null, pending.Usage.HasFlag(Usage.Response), null);
        }

        var required = pending.Schema.Required ?? new HashSet<string>();
        var propertyNames = new NameScope()
            .Reserve(ReservedMemberNames, ReservedMemberDescription)
            .Reserve([pending.Name], typeName => $"the record's own name '{typeName}'");
        var properties = new List<PropertySpec>();
        var isReadFromResponses = pending.Usage.HasFlag(Usage.Response);
        foreach (var property in pending.Schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var pointer = PropertyPointer(pending.Pointer, property.Key);
            var csharpName = ClaimMemberName(propertyNames, property.Key, LocationOfKey(pointer));
            var type = ResolveType(property.Value, pointer, pending.BaseName + IdentifierNames.ToPascalCase(property.Key), pending.Usage, pending.Kind == TypeKind.MergePatch);
            var isRequired = required.Contains(property.Key);
            var propertyTarget = Target(property.Value);
            properties.Add(new PropertySpec(
                csharpName,
                property.Key,
                Clean(property.Value.Description) ?? Clean(propertyTarget?.Description),
                type,
                isRequired,
                IsRequiredMember: isRequired && !isReadFromResponses && pending.Kind == TypeKind.Object,
                IsSensitive(property.Value.Extensions) || IsSensitive(propertyTarget?.Extensions),
                FormatDefault(property.Value.Default ?? propertyTarget?.Default)));
        }

        foreach (var missing in required.Where(r => pending.Schema.Properties is null || !pending.Schema.Properties.ContainsKey(r)).OrderBy(r => r, StringComparer.Ordinal))
        {
            // A required name with no schema: the value may be anything, but it must be there.
            var csharpName = ClaimMemberName(propertyNames, missing, LocationOf(JsonPointers.Append(pending.Pointer, "required")));
            properties.Add(new PropertySpec(csharpName, missing, null, TypeRef.Of(ValueKind.Any, ConstraintSpec.None), true, false, false, null));
        }

        return new TypeSpec(
            pending.Name,
            pending.Kind,
            description,
            properties.ToEquatableArray(),
            EquatableArray<EnumMemberSpec>.Empty,
            null,
            isReadFromResponses,
            pending.Kind == TypeKind.MergePatch && _pendingTypes.TryGetValue(new TypeKey(pending.Schema, TypeKind.Object), out var plain) ? plain.Name : null);
    }

    private EquatableArray<EnumMemberSpec> EnumMembers(PendingType pending)
    {
        var memberNames = new NameScope();
        var members = new List<EnumMemberSpec>();
        var values = pending.Schema.Enum!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not JsonValue value || !value.TryGetValue(out string? wireValue) || !seen.Add(wireValue))
            {
                continue;
            }

            var preferred = IdentifierNames.ToPascalCase(wireValue) is { Length: > 0 } pascal ? pascal : "Empty";
            var name = memberNames.Claim(preferred, "'" + wireValue + "'");
            if (name != preferred)
            {
                var valuePointer = JsonPointers.Append(JsonPointers.Append(pending.Pointer, "enum"), i.ToString(CultureInfo.InvariantCulture));
                Report(DiagnosticDescriptors.NameCollision, LocationOf(valuePointer), memberNames.TakenBy(preferred)!, wireValue, preferred, name);
            }

            members.Add(new EnumMemberSpec(name, wireValue));
        }

        return members.ToEquatableArray();
    }

    /// <param name="location">Where the wire name is written.</param>
    private string ClaimMemberName(NameScope scope, string wireName, LocationInfo location)
    {
        var preferred = IdentifierNames.ToPascalCase(wireName);
        if (preferred.Length == 0)
        {
            var fallback = scope.Claim("Value", "'" + wireName + "'");
            Report(DiagnosticDescriptors.InvalidIdentifier, location, wireName, fallback);
            return fallback;
        }

        var name = scope.Claim(preferred, "'" + wireName + "'");
        if (name != preferred)
        {
            Report(DiagnosticDescriptors.NameCollision, location, scope.TakenBy(preferred)!, wireName, preferred, name);
        }

        return name;
    }

    /// <summary>
    /// Claims a type name. A collision is reported for a component schema, whose name the spec chose; other types are
    /// named after where they are, and just take the next free name.
    /// </summary>
    private string ClaimTypeName(string preferred, string claimant, string? componentName, string pointer)
    {
        preferred = IdentifierNames.Shorten(preferred);
        var name = _typeNames.Claim(preferred, claimant);
        if (name != preferred && componentName is not null)
        {
            Report(DiagnosticDescriptors.NameCollision, LocationOfKey(pointer), _typeNames.TakenBy(preferred)!, componentName, preferred, name);
        }

        return name;
    }

    private static string ReservedMemberDescription(string name) => $"the member '{name}' that generated records have";

    private ConstraintSpec ReadConstraints(IOpenApiSchema schema, string pointer)
    {
        PatternSpec? pattern = null;
        if (schema.Pattern is { } patternText)
        {
            pattern = PatternAnalyzer.Analyze(patternText, out var patternError);
            if (pattern is null)
            {
                Report(DiagnosticDescriptors.InvalidPattern, LocationOf(JsonPointers.Append(pointer, "pattern")), patternText, patternError ?? "unknown error");
            }
        }

        var (minimum, exclusiveMinimum) = ReadBound(schema.Minimum, schema.ExclusiveMinimum);
        var (maximum, exclusiveMaximum) = ReadBound(schema.Maximum, schema.ExclusiveMaximum);
        var constraints = new ConstraintSpec(
            schema.MinLength,
            schema.MaxLength,
            pattern,
            minimum,
            exclusiveMinimum,
            maximum,
            exclusiveMaximum,
            schema.MultipleOf is { } multipleOf ? multipleOf.ToString(CultureInfo.InvariantCulture) : null,
            schema.MinItems,
            schema.MaxItems,
            schema.Enum is { Count: > 0 } values ? values.Select(v => v is null || JsonNullSentinel.IsJsonNullSentinel(v) ? "null" : v.ToJsonString()).ToEquatableArray() : EquatableArray<string>.Empty,
            JsonTypeNames(schema.Type),
            schema.Required is { Count: > 0 } required && schema.Properties is not { Count: > 0 }
                ? required.OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray()
                : EquatableArray<string>.Empty);

        CheckRange(constraints.MinLength, constraints.MaxLength, "minLength", "maxLength", pointer);
        CheckRange(constraints.MinItems, constraints.MaxItems, "minItems", "maxItems", pointer);
        if (minimum is not null && maximum is not null
            && decimal.TryParse(minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            && decimal.TryParse(maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            && (min > max || (min == max && (exclusiveMinimum || exclusiveMaximum))))
        {
            Report(DiagnosticDescriptors.ContradictoryConstraints, LocationOf(JsonPointers.Append(pointer, "minimum")), "minimum", minimum, "maximum", maximum);
        }

        if (schema.MultipleOf is <= 0)
        {
            Report(DiagnosticDescriptors.ContradictoryConstraints, LocationOf(JsonPointers.Append(pointer, "multipleOf")), "0", "0", "multipleOf", constraints.MultipleOf!);
        }

        return constraints;
    }

    private static EquatableArray<string> JsonTypeNames(JsonSchemaType? type)
    {
        if (type is not { } flags)
        {
            return EquatableArray<string>.Empty;
        }

        var names = new List<string>();
        foreach (var (flag, name) in new[]
        {
            (JsonSchemaType.Null, "null"), (JsonSchemaType.Boolean, "boolean"), (JsonSchemaType.Integer, "integer"), (JsonSchemaType.Number, "number"),
            (JsonSchemaType.String, "string"), (JsonSchemaType.Array, "array"), (JsonSchemaType.Object, "object"),
        })
        {
            if (flags.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names.ToEquatableArray();
    }

    /// <summary>
    /// Reads a bound in either dialect: OpenAPI 3.0 (draft 4) has a boolean <c>exclusiveMinimum</c> beside <c>minimum</c>,
    /// 3.1 has a numeric one instead. Microsoft.OpenApi normalises both into strings.
    /// </summary>
    private static (string? Value, bool Exclusive) ReadBound(string? inclusive, string? exclusive)
    {
        if (exclusive is not null && decimal.TryParse(exclusive, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return (Normalize(exclusive), true);
        }

        return (inclusive is not null && decimal.TryParse(inclusive, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? Normalize(inclusive) : null, false);

        static string Normalize(string number) => decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    private void CheckRange(int? min, int? max, string minName, string maxName, string pointer)
    {
        if (min is { } low && max is { } high && low > high)
        {
            Report(DiagnosticDescriptors.ContradictoryConstraints, LocationOf(JsonPointers.Append(pointer, minName)), minName, low.ToString(CultureInfo.InvariantCulture), maxName, high.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void ReportUnsupportedKeywords(IOpenApiSchema schema, string pointer)
    {
        if (schema.OneOf is { Count: > 0 })
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "oneOf")), "oneOf", "the value is generated as a JsonElement and is not validated");
        }

        if (schema.AnyOf is { Count: > 0 })
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "anyOf")), "anyOf", "the value is generated as a JsonElement and is not validated");
        }

        if (schema.AllOf is { Count: > 1 } || (schema.AllOf is { Count: 1 } && schema.Properties is { Count: > 0 }))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "allOf")), "allOf with more than one schema", "only the schema's own properties are generated");
        }

        if (schema.Not is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "not")), "not", "it is ignored");
        }
    }

    private IOpenApiSchema? Target(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? TargetOf(reference) : schema;

    private IOpenApiSchema? TargetOf(OpenApiSchemaReference reference)
    {
        if (!_referenceTargets.TryGetValue(reference, out var target))
        {
            target = ResolveTarget(reference);
            _referenceTargets.Add(reference, target);
        }

        return target;

        // A reference that leads only to references, back to itself, resolves to nothing: Microsoft.OpenApi throws, and
        // the reference is reported as unresolved where it is written.
        static IOpenApiSchema? ResolveTarget(OpenApiSchemaReference reference)
        {
            try
            {
                return reference.Target;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Reads a schema written as a vendor-extension value, which Microsoft.OpenApi leaves as raw JSON, with
    /// Microsoft.OpenApi's own schema reader: it then has every keyword a schema has elsewhere, and the same errors.
    /// The shape checks have made sure that it is an object.
    /// </summary>
    private IOpenApiSchema? ReadExtensionSchema(JsonObject node, string pointer)
    {
        IOpenApiSchema? Read(JsonNode fragment, OpenApiDiagnostic diagnostic)
            => new ParsingContext(diagnostic).ParseFragment<OpenApiSchema>(fragment, _document.Version, _document.Document);

        var diagnostic = new OpenApiDiagnostic();
        IOpenApiSchema? schema;
        try
        {
            schema = Read(node.DeepClone(), diagnostic);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failing = pointer + ReaderFailureLocator.Locate(node, exception, fragment => Read(fragment, new OpenApiDiagnostic()));
            Report(DiagnosticDescriptors.OpenApiError, LocationOf(failing), "#" + failing, OpenApiDocumentLoader.CannotRead(failing, exception));
            return null;
        }

        foreach (var error in diagnostic.Errors)
        {
            var errorPointer = pointer + (error.Pointer ?? string.Empty).TrimStart('#');
            Report(DiagnosticDescriptors.OpenApiError, LocationOf(errorPointer), "#" + errorPointer, error.Message);
        }

        return diagnostic.Errors.Count == 0 ? schema : null;
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

    private static string ComponentPointer(OpenApiSchemaReference reference)
        => JsonPointers.Append("/components/schemas", reference.Reference.Id ?? string.Empty);

    private static string PropertyPointer(string typePointer, string propertyName)
        => JsonPointers.Append(JsonPointers.Append(typePointer, "properties"), propertyName);

    private static bool IsJsonMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.Ordinal);
    }

    private static bool IsContentNegotiationHeader(string name)
        => name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Accept", StringComparison.OrdinalIgnoreCase);

    private static bool IsSensitiveHeader(string name)
        => name.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);

    private static bool IsSensitive(IDictionary<string, IOpenApiExtension>? extensions)
        => extensions is not null && extensions.TryGetValue("x-sensitive", out var extension)
            && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue(out bool sensitive) && sensitive;

    private static string? FormatDefault(JsonNode? value) => value?.ToJsonString();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
        => _diagnostics.Report(descriptor, location, args);

    private LocationInfo LocationOf(string pointer) => _diagnostics.LocationOf(pointer);

    private LocationInfo LocationOfKey(string pointer) => _diagnostics.LocationOfKey(pointer);

    private readonly record struct TypeKey(IOpenApiSchema Schema, TypeKind Kind)
    {
        public bool Equals(TypeKey other) => ReferenceEquals(Schema, other.Schema) && Kind == other.Kind;

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Schema) ^ (int)Kind;
    }

    /// <summary>Keys references by identity: each reference object in the document is resolved once.</summary>
    private sealed class ReferenceIdentity : IEqualityComparer<OpenApiSchemaReference>
    {
        public static readonly ReferenceIdentity Instance = new();

        public bool Equals(OpenApiSchemaReference? x, OpenApiSchemaReference? y) => ReferenceEquals(x, y);

        public int GetHashCode(OpenApiSchemaReference obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private sealed class PendingType(string name, IOpenApiSchema schema, string pointer, TypeKind kind)
    {
        public string Name { get; } = name;

        /// <summary>The name nested inline types are named after: a patch type's nested types keep the plain name's prefix.</summary>
        public string BaseName => Kind == TypeKind.MergePatch && Name.EndsWith("Patch", StringComparison.Ordinal) ? Name.Substring(0, Name.Length - 5) : Name;

        public IOpenApiSchema Schema { get; } = schema;

        public string Pointer { get; } = pointer;

        public TypeKind Kind { get; } = kind;

        public Usage Usage { get; set; }

        public bool Discovered { get; set; }

        public JsonPatchSpec? JsonPatch { get; init; }
    }
}
