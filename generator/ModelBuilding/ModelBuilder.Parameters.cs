using System;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>
    /// One parameter of an operation, typed by its schema (or by its <c>content</c>'s), and laid out by its style; null when
    /// the client sets it itself (<c>Content-Type</c>, <c>Accept</c>) or it has no name or location (reported).
    /// </summary>
    /// <param name="ownerPointer">The pointer of the operation or the path item whose <paramref name="index"/>th parameter it is.</param>
    private ParameterSpec? ParseParameter(IOpenApiParameter written, string ownerPointer, int index, string path, NameScope memberNames, string requestTypeName)
    {
        var paths = ParameterPaths(index);
        var parameterPointer = new LazyPointer(ownerPointer, paths.Parameter);
        var parameter = Resolved(written);
        if (parameter.In is not { } location || parameter.Name is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(parameterPointer.Value), "A parameter without a name or a location", "it is left out of the request");
            return null;
        }

        if (location == Microsoft.OpenApi.ParameterLocation.Header && IsContentNegotiationHeader(parameter.Name))
        {
            return null; // expressed by the request body's media type, which the client sets itself
        }

        // A greedy segment, {proxy+}: its parameter is named as the template spells it (see ApiGatewayExportDialect).
        var isGreedy = location == Microsoft.OpenApi.ParameterLocation.Path && parameter.Name.EndsWith("+", StringComparison.Ordinal) && path.Contains("{" + parameter.Name + "}");
        var wireName = isGreedy ? parameter.Name.Substring(0, parameter.Name.Length - 1) : parameter.Name;
        var csharpName = ClaimMemberName(memberNames, wireName, At(parameterPointer, "name"));

        // A parameter has a schema, or content with one media type whose schema types it (OpenAPI 3.0.4 §4.8.12.1).
        var content = parameter.Schema is null ? parameter.Content?.FirstOrDefault() : null;
        var schema = parameter.Schema ?? content?.Value?.Schema;
        var schemaPointer = parameter.Schema is not null
            ? new LazyPointer(ownerPointer, paths.Schema)
            : JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(parameterPointer.Value, "content"), content?.Key ?? string.Empty), "schema");
        var type = schema is null
            ? new TypeRef { Kind = ValueKind.String }
            : ResolveType(schema, schemaPointer, ComponentStem((written as OpenApiParameterReference)?.Reference, "Parameter") is { } component ? new NameHint(component, member: csharpName) : new NameHint(requestTypeName, csharpName, member: csharpName), Usage.Request, mergePatch: false);
        var modelLocation = location switch
        {
            Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
            Microsoft.OpenApi.ParameterLocation.Query => Model.ParameterLocation.Query,
            Microsoft.OpenApi.ParameterLocation.Cookie => Model.ParameterLocation.Cookie,
            _ => Model.ParameterLocation.Header,
        };
        var style = ParseStyle(parameter, modelLocation, parameterPointer);
        return new ParameterSpec
        {
            Name = csharpName,
            WireName = wireName,
            IsGreedy = isGreedy,
            Location = modelLocation,
            Description = Clean(DescriptionOf((written as OpenApiParameterReference)?.Reference.Description, parameter.Description)),
            Type = type,
            IsRequired = parameter.Required || location == Microsoft.OpenApi.ParameterLocation.Path,
            IsSensitive = IsSensitive(parameter.Extensions) || IsSensitiveHeader(parameter.Name),
            Style = style,

            // OpenAPI: explode defaults to true for the form style and false for every other.
            Explode = parameter.Explode,
            AllowReserved = parameter.AllowReserved && modelLocation == Model.ParameterLocation.Query,

            // A value of another media type whose schema is no scalar still needs a text: its JSON is the one it has.
            IsJsonContent = content is { Key: { } mediaType } && (IsJsonMediaType(mediaType) || type.Kind is ValueKind.Object or ValueKind.Map or ValueKind.Array or ValueKind.Any),
            DefaultValue = FormatDefault(schema?.Default),
        };
    }

    /// <summary>
    /// The parameter's style, by default form in a query or a cookie and simple in a path or a header. A style the location
    /// does not take (OpenAPI 3.0.4 §4.8.12.4: matrix and label in a path, spaceDelimited, pipeDelimited and deepObject in
    /// a query) is reported and the default is used.
    /// </summary>
    private Runtime.ParameterStyle ParseStyle(IOpenApiParameter parameter, Model.ParameterLocation location, LazyPointer parameterPointer)
    {
        var defaultStyle = location is Model.ParameterLocation.Query or Model.ParameterLocation.Cookie ? Runtime.ParameterStyle.Form : Runtime.ParameterStyle.Simple;
        Runtime.ParameterStyle? style = (parameter.Style, location) switch
        {
            (null, _) => defaultStyle,
            (Microsoft.OpenApi.ParameterStyle.Matrix, Model.ParameterLocation.Path) => Runtime.ParameterStyle.Matrix,
            (Microsoft.OpenApi.ParameterStyle.Label, Model.ParameterLocation.Path) => Runtime.ParameterStyle.Label,
            (Microsoft.OpenApi.ParameterStyle.Simple, Model.ParameterLocation.Path or Model.ParameterLocation.Header) => Runtime.ParameterStyle.Simple,
            (Microsoft.OpenApi.ParameterStyle.Form, Model.ParameterLocation.Query or Model.ParameterLocation.Cookie) => Runtime.ParameterStyle.Form,
            (Microsoft.OpenApi.ParameterStyle.SpaceDelimited, Model.ParameterLocation.Query) => Runtime.ParameterStyle.SpaceDelimited,
            (Microsoft.OpenApi.ParameterStyle.PipeDelimited, Model.ParameterLocation.Query) => Runtime.ParameterStyle.PipeDelimited,
            (Microsoft.OpenApi.ParameterStyle.DeepObject, Model.ParameterLocation.Query) => Runtime.ParameterStyle.DeepObject,
            _ => null,
        };
        if (style is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(JsonPointers.Append(parameterPointer.Value, "style")), $"The style '{CamelCase(parameter.Style.ToString()!)}' on a {location.ToString().ToLowerInvariant()} parameter", $"the parameter is sent in the {CamelCase(defaultStyle.ToString())} style");
        }

        return style ?? defaultStyle;

        static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static bool IsContentNegotiationHeader(string name)
        => name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Accept", StringComparison.OrdinalIgnoreCase);

    private static bool IsSensitiveHeader(string name)
        => name.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
}
