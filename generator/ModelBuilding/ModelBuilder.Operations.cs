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
                var preferredName = PascalCase(operation.OperationId ?? string.Empty);
                if (preferredName.Length == 0)
                {
                    preferredName = PascalCase(method.ToLowerInvariant() + " " + pathEntry.Key);
                }

                var claimant = operation.OperationId ?? method + " " + pathEntry.Key;
                var namePointer = operation.OperationId is null ? operationPointer : JsonPointers.Append(operationPointer, "operationId");
                var name = ClaimOperationName(operationNames, preferredName, claimant, namePointer);
                operations.Add(ParseOperation(name, claimant, namePointer, method, pathEntry.Key, operationPointer, pathEntry.Value, operation));
            }
        }

        return operations;
    }

    /// <summary>The operation's first tag as the spec writes it (Microsoft.OpenApi keeps the tags as a set).</summary>
    private string? FirstTag(string operationPointer)
        => NodeAt(JsonPointers.Append(operationPointer, "tags")) is System.Text.Json.Nodes.JsonArray { Count: > 0 } tags
            && tags[0] is System.Text.Json.Nodes.JsonValue first && first.TryGetValue(out string? tag) ? tag : null;

    private static int HttpMethodOrder(string method)
        => Array.IndexOf(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"], method.ToUpperInvariant()) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>Claims an operation's name, or its method's, in <paramref name="scope"/>; a collision takes the next free name and is reported where the spec names the operation.</summary>
    private string ClaimOperationName(NameScope scope, string preferred, string claimant, string namePointer)
    {
        var name = scope.Claim(preferred, "'" + claimant + "'");
        if (name != preferred)
        {
            Report(DiagnosticDescriptors.NameCollision, LocationOf(namePointer), scope.TakenBy(preferred)!, claimant, preferred, name);
        }

        return name;
    }

    /// <param name="claimant">The operation as the spec names it (its operationId, or its method and path), for a collision's report at <paramref name="namePointer"/>.</param>
    private OperationSpec ParseOperation(string name, string claimant, string namePointer, string method, string path, string pointer, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var requestTypeName = ClaimTypeName(name + "Request", $"the request record of '{name}'", null, pointer);
        var memberNames = new NameScope()
            .Reserve(ReservedNames.RecordMembers, ReservedMemberDescription)
            .Reserve([requestTypeName], typeName => $"the record's own name '{typeName}'")
            .Reserve(operation.RequestBody?.Content is { Count: > 0 } ? [ReservedNames.RequestBody] : [], name => $"the request body '{name}'");
        var parameters = new List<ParameterSpec>();
        var pathParameters = (pathItem.Parameters ?? []).Select((p, i) => (Parameter: p, Pointer: JsonPointers.Append(JsonPointers.Append(JsonPointers.Append("/paths", path), "parameters"), i.ToString(CultureInfo.InvariantCulture))));
        var operationParameters = (operation.Parameters ?? []).Select((p, i) => (Parameter: p, Pointer: JsonPointers.Append(JsonPointers.Append(pointer, "parameters"), i.ToString(CultureInfo.InvariantCulture)))).ToList();

        // Operation-level parameters override path-level ones with the same name and location.
        var overridden = new HashSet<(string?, Microsoft.OpenApi.ParameterLocation?)>(operationParameters.Select(op => Resolved(op.Parameter)).Select(op => (op.Name, op.In)));
        var merged = operationParameters
            .Concat(pathParameters.Where(pp => Resolved(pp.Parameter) is var resolved && !overridden.Contains((resolved.Name, resolved.In))));
        foreach (var (parameter, parameterPointer) in merged)
        {
            if (ParseParameter(parameter, parameterPointer, path, memberNames, requestTypeName) is { } spec)
            {
                parameters.Add(spec);
            }
        }

        var (body, alternateBodies) = ParseRequestBodies(operation.RequestBody, JsonPointers.Append(pointer, "requestBody"), name);
        var (success, errors, accept) = ParseResponses(operation.Responses, JsonPointers.Append(pointer, "responses"), name);
        var security = operation.Security is { } own
            ? ParseSecurity(own, JsonPointers.Append(pointer, "security"))
            : ParseSecurity(_document.Document.Security, "/security");
        // The client's members named after the operation are claimed among the type names, after the types its bodies name:
        // inside the client a member would hide a type of its name that the client's code names (a schema called
        // GetUserAsync, read as GetUserAsync.ReadFrom). The public method's new name is reported; the private members' are not.
        return new OperationSpec
        {
            Name = name,
            MethodName = ClaimOperationName(_typeNames, name + "Async", "the method of " + claimant, namePointer),
            HttpMethod = method,
            PathTemplate = path,
            Tag = FirstTag(pointer),
            Summary = Clean(operation.Summary),
            Description = Clean(operation.Description),
            RequestTypeName = requestTypeName,
            Parameters = parameters.ToEquatableArray(),
            Body = body,
            AlternateBodies = alternateBodies.ToEquatableArray(),
            SuccessResponse = success,
            StreamOpenerName = success is { Kind: ResponseKind.JsonLines or ResponseKind.EventStream, Body: not null, HeadersRecord: null }
                ? _typeNames.Claim("Open" + name + "Stream", $"the client's method that opens the stream of '{name}'")
                : null,
            ErrorResponses = errors.ToEquatableArray(),
            ErrorReader = ErrorReaderOf(errors, name, pointer),
            Accept = accept,
            Security = security,
            SecurityFieldName = security.Count == 0 ? null : _typeNames.Claim(name + "Security", $"the client's field that holds the security requirement of '{name}'"),
        };
    }
}
