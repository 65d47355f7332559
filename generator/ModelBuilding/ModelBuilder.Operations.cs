using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    private List<OperationSpec> ParseOperations(OpenApiDocument document)
    {
        var operations = new List<OperationSpec>();
        var operationNames = new NameScope();
        var pathsNode = NodeAt("/paths");
        foreach (var pathEntry in document.Paths ?? new OpenApiPaths())
        {
            if (pathEntry.Value.Operations is null)
            {
                continue;
            }

            var pathItem = new PathItemAt(pathEntry.Key, JsonPointers.Append("/paths", pathEntry.Key), pathEntry.Value, pathsNode is null ? null : JsonPointers.Child(pathsNode, pathEntry.Key));
            foreach (var operationEntry in InMethodOrder(pathEntry.Value.Operations))
            {
                var method = operationEntry.Key.Method.ToUpperInvariant();
                var methodKey = method.ToLowerInvariant();
                var operationPointer = JsonPointers.Append(pathItem.Pointer, methodKey);
                var operation = operationEntry.Value;
                var preferredName = PascalCase(operation.OperationId ?? string.Empty);
                if (preferredName.Length == 0)
                {
                    preferredName = PascalCase(methodKey + " " + pathEntry.Key);
                }

                var claimant = operation.OperationId ?? method + " " + pathEntry.Key;
                var namePlace = operation.OperationId is null ? At(operationPointer) : At(operationPointer, "operationId");
                var name = ClaimOperationName(operationNames, preferredName, claimant, namePlace);
                operations.Add(ParseOperation(name, claimant, namePlace, method, pathItem, operationPointer, operation));
            }
        }

        return operations;
    }

    /// <summary>A path item with its path, its pointer and its JSON (where the tags are read from).</summary>
    private readonly record struct PathItemAt(string Path, string Pointer, IOpenApiPathItem Item, System.Text.Json.Nodes.JsonNode? Node);

    /// <summary>
    /// The operation's first tag as the spec writes it (Microsoft.OpenApi keeps the tags as a set), read from its path
    /// item's JSON: a pointer to the tags, and those of each JSON above them for <see cref="NodeAt"/>, cost strings and
    /// entries per operation that nothing else looks up.
    /// </summary>
    private static string? FirstTag(PathItemAt pathItem, string methodKey)
        => pathItem.Node is { } pathNode && JsonPointers.Child(pathNode, methodKey) is { } operationNode
            && JsonPointers.Child(operationNode, "tags") is System.Text.Json.Nodes.JsonArray { Count: > 0 } tags
            && tags[0] is System.Text.Json.Nodes.JsonValue first && first.TryGetValue(out string? tag) ? tag : null;

    /// <summary>
    /// A path item's operations in <see cref="HttpMethodOrder"/>, those of one order (methods it does not know) as the
    /// spec has them: sorted in place by insertion, as a path has a few. OrderBy made a sorter, its keys and comparisons
    /// for each path.
    /// </summary>
    private static KeyValuePair<System.Net.Http.HttpMethod, OpenApiOperation>[] InMethodOrder(IDictionary<System.Net.Http.HttpMethod, OpenApiOperation> operations)
    {
        var sorted = operations.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var entry = sorted[i];
            var order = HttpMethodOrder(entry.Key.Method);
            var j = i - 1;
            for (; j >= 0 && HttpMethodOrder(sorted[j].Key.Method) > order; j--)
            {
                sorted[j + 1] = sorted[j];
            }

            sorted[j + 1] = entry;
        }

        return sorted;
    }

    private static readonly string[] HttpMethodsInOrder = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

    private static int HttpMethodOrder(string method)
        => Array.IndexOf(HttpMethodsInOrder, method.ToUpperInvariant()) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>Claims an operation's name, or its method's, in <paramref name="scope"/>; a collision takes the next free name and is reported where the spec names the operation.</summary>
    private string ClaimOperationName(NameScope scope, string preferred, string claimant, SpecPlace namePlace)
    {
        var name = scope.Claim(preferred, NameScope.Quoted, claimant);
        if (name != preferred)
        {
            Report(DiagnosticDescriptors.NameCollision, LocationOf(namePlace), scope.TakenBy(preferred)!, claimant, preferred, name);
        }

        return name;
    }

    /// <param name="claimant">The operation as the spec names it (its operationId, or its method and path), for a collision's report at <paramref name="namePlace"/>.</param>
    private OperationSpec ParseOperation(string name, string claimant, SpecPlace namePlace, string method, PathItemAt pathItem, string pointer, OpenApiOperation operation)
    {
        var path = pathItem.Path;
        var requestTypeName = ClaimTypeName(name + "Request", "the request record of '{0}'", name, null, pointer);
        var operationParameters = operation.Parameters ?? Array.Empty<IOpenApiParameter>();
        var pathParameters = pathItem.Item.Parameters ?? Array.Empty<IOpenApiParameter>();
        var memberNames = _memberNames.Clear()
            .Reserve(ReservedNames.RecordMembers, ReservedMemberDescription)
            .Reserve(requestTypeName, static typeName => $"the record's own name '{typeName}'");
        if (operation.RequestBody?.Content is { Count: > 0 })
        {
            memberNames.Reserve(ReservedNames.RequestBody, static name => $"the request body '{name}'");
        }

        // Operation-level parameters override path-level ones with the same name and location. Loops, not LINQ: this runs
        // for each operation, and its iterators and closures cost more than the few parameters they compared.
        var parameters = new List<ParameterSpec>(operationParameters.Count + pathParameters.Count);
        for (var i = 0; i < operationParameters.Count; i++)
        {
            AddParameter(operationParameters[i], pointer, i);
        }

        for (var i = 0; i < pathParameters.Count; i++)
        {
            if (!IsOverridden(Resolved(pathParameters[i])))
            {
                AddParameter(pathParameters[i], pathItem.Pointer, i);
            }
        }

        var (body, alternateBodies) = ParseRequestBodies(operation.RequestBody, pointer, name);
        var (success, errors, accept) = ParseResponses(operation.Responses, pointer, name);
        var security = operation.Security is { } own
            ? ParseSecurity(own, JsonPointers.Append(pointer, "security"))
            : ParseSecurity(_document.Document.Security, "/security");
        // The client's members named after the operation are claimed among the type names, after the types its bodies name:
        // inside the client a member would hide a type of its name that the client's code names (a schema called
        // GetUserAsync, read as GetUserAsync.ReadFrom). The public method's new name is reported; the private members' are not.
        return new OperationSpec
        {
            Name = name,
            MethodName = ClaimOperationName(_typeNames, name + "Async", "the method of " + claimant, namePlace),
            HttpMethod = method,
            PathTemplate = path,
            Tag = FirstTag(pathItem, method.ToLowerInvariant()),
            Summary = Clean(operation.Summary),
            Description = Clean(operation.Description),
            ExternalDocs = ExternalDocsOf(operation.ExternalDocs),
            RequestTypeName = requestTypeName,
            Parameters = parameters.ToEquatableArray(),
            Body = body,
            AlternateBodies = alternateBodies.ToEquatableArray(),
            SuccessResponse = success,
            StreamOpenerName = success is { Kind: ResponseKind.JsonLines or ResponseKind.EventStream, Body: not null, HeadersRecord: null }
                ? _typeNames.Claim("Open" + name + "Stream", "the client's method that opens the stream of '{0}'", name)
                : null,
            ErrorResponses = errors.ToEquatableArray(),
            ErrorReader = ErrorReaderOf(errors, name, pointer),
            Accept = accept,
            Security = security,
            SecurityFieldName = security.Count == 0 ? null : _typeNames.Claim(name + "Security", "the client's field that holds the security requirement of '{0}'", name),
        };

        void AddParameter(IOpenApiParameter parameter, string ownerPointer, int index)
        {
            if (ParseParameter(parameter, ownerPointer, index, path, memberNames, requestTypeName) is { } spec)
            {
                parameters.Add(spec);
            }
        }

        bool IsOverridden(IOpenApiParameter pathParameter)
        {
            for (var i = 0; i < operationParameters.Count; i++)
            {
                var own = Resolved(operationParameters[i]);
                if (own.Name == pathParameter.Name && own.In == pathParameter.In)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The paths from an operation or a path item to its parameter of an index and to that parameter's schema, made once
    /// for each index: a pointer for each parameter of each operation was made for diagnostics that almost none has.
    /// </summary>
    private (string Parameter, string Schema) ParameterPaths(int index)
    {
        while (_parameterPaths.Count <= index)
        {
            var parameter = "/parameters/" + _parameterPaths.Count.ToString(CultureInfo.InvariantCulture);
            _parameterPaths.Add((parameter, parameter + "/schema"));
        }

        return _parameterPaths[index];
    }

    private readonly List<(string Parameter, string Schema)> _parameterPaths = [];
}
