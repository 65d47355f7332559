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

    private static int HttpMethodOrder(string method)
        => Array.IndexOf(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"], method.ToUpperInvariant()) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>
    /// Scalars go into a path, query or header as text; a query also takes a list of scalars, as <c>a,b</c>. Decided
    /// before the schema is resolved, so that a parameter sent as JSON text leaves no unused record behind.
    /// </summary>
    private bool CanFormat(IOpenApiSchema schema, Microsoft.OpenApi.ParameterLocation location)
    {
        var target = Unwrap(schema);
        if (IsUnion(target) || IsUnion(target?.Items))
        {
            return false;
        }

        return ShapeOf(target) switch
        {
            ValueKind.Object or ValueKind.Map => false,
            ValueKind.Array => location == Microsoft.OpenApi.ParameterLocation.Query
                && ShapeOf(target?.Items) is not (ValueKind.Object or ValueKind.Map or ValueKind.Array),
            _ => true,
        };
    }

    private OperationSpec ParseOperation(string name, string method, string path, string pointer, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var requestTypeName = ClaimTypeName(name + "Request", $"the request record of '{name}'", null, pointer);
        var memberNames = new NameScope()
            .Reserve(ReservedNames.RecordMembers, ReservedMemberDescription)
            .Reserve([requestTypeName], typeName => $"the record's own name '{typeName}'")
            .Reserve(operation.RequestBody?.Content is { Count: > 0 } ? [ReservedNames.RequestBody] : [], name => $"the request body '{name}'");
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
                type = new TypeRef { Kind = ValueKind.String };
            }
            else if (CanFormat(parameter.Schema, location))
            {
                type = ResolveType(parameter.Schema, schemaPointer, requestTypeName + csharpName, Usage.Request, mergePatch: false);
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(schemaPointer), $"A {location.ToString().ToLowerInvariant()} parameter whose value is an object, a union or a nested list", "the parameter is a JsonElement, sent as its JSON text");
                type = TypeRef.Any;
            }
            var style = ParseStyle(parameter, location, parameterPointer);
            parameters.Add(new ParameterSpec
            {
                Name = csharpName,
                WireName = parameter.Name,
                Location = location switch
                {
                    Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
                    Microsoft.OpenApi.ParameterLocation.Query => Model.ParameterLocation.Query,
                    _ => Model.ParameterLocation.Header,
                },
                Description = Clean(parameter.Description),
                Type = type,
                IsRequired = parameter.Required || location == Microsoft.OpenApi.ParameterLocation.Path,
                IsSensitive = IsSensitive(parameter.Extensions) || IsSensitiveHeader(parameter.Name),
                Style = style,
                Explode = parameter.Explode,
                DefaultValue = FormatDefault(parameter.Schema?.Default),
            });
        }

        var body = ParseRequestBody(operation.RequestBody, JsonPointers.Append(pointer, "requestBody"), name);
        var (success, errors) = ParseResponses(operation.Responses, JsonPointers.Append(pointer, "responses"), name);
        return new OperationSpec
        {
            Name = name,
            HttpMethod = method,
            PathTemplate = path,
            Summary = Clean(operation.Summary),
            Description = Clean(operation.Description),
            RequestTypeName = requestTypeName,
            Parameters = parameters.ToEquatableArray(),
            Body = body,
            SuccessResponse = success,
            ErrorResponses = errors.ToEquatableArray(),
            Security = operation.Security is { } own
                ? ParseSecurity(own, JsonPointers.Append(pointer, "security"))
                : ParseSecurity(_document.Document.Security, "/security"),
        };
    }

    /// <summary>
    /// The parameter's style, by default form in a query and simple in a path or header. A style the client does not lay
    /// out, or one the location does not take, is reported and the default is used.
    /// </summary>
    private Model.ParameterStyle ParseStyle(IOpenApiParameter parameter, Microsoft.OpenApi.ParameterLocation location, string parameterPointer)
    {
        var isQuery = location == Microsoft.OpenApi.ParameterLocation.Query;
        var defaultStyle = isQuery ? Model.ParameterStyle.Form : Model.ParameterStyle.Simple;
        Model.ParameterStyle? style = parameter.Style switch
        {
            null => defaultStyle,
            Microsoft.OpenApi.ParameterStyle.Form when isQuery => Model.ParameterStyle.Form,
            Microsoft.OpenApi.ParameterStyle.SpaceDelimited when isQuery => Model.ParameterStyle.SpaceDelimited,
            Microsoft.OpenApi.ParameterStyle.PipeDelimited when isQuery => Model.ParameterStyle.PipeDelimited,
            Microsoft.OpenApi.ParameterStyle.Simple when !isQuery => Model.ParameterStyle.Simple,
            _ => null,
        };
        if (style is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(JsonPointers.Append(parameterPointer, "style")), $"The style '{CamelCase(parameter.Style.ToString()!)}' on a {location.ToString().ToLowerInvariant()} parameter", $"the parameter is sent in the {CamelCase(defaultStyle.ToString())} style");
        }

        return style ?? defaultStyle;

        static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static bool IsContentNegotiationHeader(string name)
        => name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Accept", StringComparison.OrdinalIgnoreCase);

    private static bool IsSensitiveHeader(string name)
        => name.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
}
