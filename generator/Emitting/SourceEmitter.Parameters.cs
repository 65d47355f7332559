using System.Collections.Generic;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Runtime;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// How a parameter reaches the request: the runtime's <c>ParameterSerializer</c> lays out every style and escapes for
/// the location; the expressions here only hand it the value, as text, as a list of texts or as the JSON its type writes.
/// </summary>
internal static partial class SourceEmitter
{
    /// <summary>
    /// The call that appends a query parameter's pairs to <c>query</c>. A scalar in the form style (the query's default;
    /// exploding changes nothing for one value) is a pair whose text needs no style: its call takes the text as it is,
    /// so the consumer's compiler binds no conversion to <c>ParameterValue</c> and no style arguments (GitHub has 700 such).
    /// </summary>
    private static RequestValueView QueryValue(ParameterSpec parameter, string? sentWhen, string sent) => new()
    {
        PresentCondition = sentWhen,
        NameLiteral = CSharpFragments.Literal(parameter.WireName),
        TextExpression = parameter.Style == ParameterStyle.Form && !parameter.AllowReserved && IsPlainScalar(parameter)
            ? $"ParameterSerializer.AppendQuery(query, {CSharpFragments.Literal(parameter.WireName)}, {ValueExpression(parameter, sent)})"
            : $"ParameterSerializer.AppendQuery(query, {CSharpFragments.Literal(parameter.WireName)}, {ValueExpression(parameter, sent)}, {StyleArguments(parameter)}{(parameter.AllowReserved ? ", allowReserved: true" : string.Empty)})",
    };

    /// <summary>The call that appends a cookie parameter to <c>cookies</c>, the value of the request's <c>Cookie</c> header.</summary>
    private static RequestValueView CookieValue(ParameterSpec parameter, string? sentWhen, string sent) => new()
    {
        PresentCondition = sentWhen,
        NameLiteral = CSharpFragments.Literal(parameter.WireName),
        TextExpression = $"ParameterSerializer.AppendCookie(cookies, {CSharpFragments.Literal(parameter.WireName)}, {ValueExpression(parameter, sent)}, {StyleArguments(parameter)})",
    };

    /// <summary>A header parameter: a scalar as its text, any other value in the simple style.</summary>
    private static RequestValueView HeaderValue(ParameterSpec parameter, string? sentWhen, string sent) => new()
    {
        PresentCondition = sentWhen,
        NameLiteral = CSharpFragments.Literal(parameter.WireName),
        TextExpression = HeaderText(parameter, sent),
    };

    private static string HeaderText(ParameterSpec parameter, string value)
        => IsPlainScalar(parameter) ? CSharpFragments.FormatScalar(parameter.Type, value) : $"ParameterSerializer.Header({ValueExpression(parameter, value)}, explode: {Bool(parameter.Explode)})";

    /// <summary>The text that takes the place of <c>{name}</c> in the path: a scalar in the simple style is its escaped text.</summary>
    private static string PathText(ParameterSpec parameter, string value)
        => parameter.Style == ParameterStyle.Simple && IsPlainScalar(parameter)
            ? $"ApiHttp.{(parameter.IsGreedy ? "EscapePath" : "Escape")}({CSharpFragments.FormatScalar(parameter.Type, value)})"
            : $"ParameterSerializer.Path({CSharpFragments.Literal(parameter.WireName)}, {ValueExpression(parameter, value)}, {StyleArguments(parameter)})";

    /// <summary>
    /// Checks that keep a parameter's text from changing the request's shape: a line break would end a header and start
    /// another, and an empty, "." or ".." path segment (or a '.' inside a label) would address another resource once the
    /// URI is normalized (in a greedy parameter, which may hold several segments, so would any of them). Queries and cookies need only one: every character that could end a value is percent-encoded,
    /// but spaceDelimited's and pipeDelimited's delimiters are what an item's own space or '|' becomes.
    /// </summary>
    private static IEnumerable<RuleView> WireChecks(ParameterSpec parameter, string value)
    {
        var refuseEmpty = parameter.Type.Constraints.MinLength is > 0 ? "false" : "true";
        var isString = parameter.Type.Kind == ValueKind.String && !parameter.IsJsonContent;
        return parameter.Location switch
        {
            // JSON text written by Utf8JsonWriter escapes every control character.
            ParameterLocation.Header when isString => [ValidationRules.Call($"context.HeaderValue({value})")],
            ParameterLocation.Header when !IsPlainScalar(parameter) && !parameter.IsJsonContent => [ValidationRules.Call($"context.HeaderValue({HeaderText(parameter, value)})")],
            ParameterLocation.Path when isString && parameter.IsGreedy => [ValidationRules.Call($"context.GreedyPathParameter({value})")],
            ParameterLocation.Path when isString && parameter.Style == ParameterStyle.Simple => [ValidationRules.MemberCall("context.PathParameter", value, $", refuseEmpty: {refuseEmpty}")],
            ParameterLocation.Path when !isString || parameter.Style != ParameterStyle.Simple => PathChecks(parameter, value, refuseEmpty),
            ParameterLocation.Query when (parameter.Style is ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited) && !parameter.Explode && !IsPlainScalar(parameter)
                => [ValidationRules.Call($"context.DelimitedParameter({ValueExpression(parameter, value)}, ParameterStyle.{parameter.Style})")],
            _ => [],
        };

        static IEnumerable<RuleView> PathChecks(ParameterSpec parameter, string value, string refuseEmpty)
            => parameter.Style == ParameterStyle.Simple && IsPlainScalar(parameter) ? [] : [ValidationRules.Call($"context.StyledPathParameter({PathText(parameter, value)}, refuseEmpty: {refuseEmpty})")];
    }

    /// <summary>The parameter's value as the runtime's <c>ParameterValue</c>: a scalar's text, a list of texts, or JSON.</summary>
    private static string ValueExpression(ParameterSpec parameter, string value)
    {
        var type = parameter.Type;
        var json = CSharpFragments.ToUtf8(type, value);
        if (parameter.IsJsonContent)
        {
            return $"ParameterValue.JsonText({json})";
        }

        if (IsScalar(type))
        {
            return CSharpFragments.FormatScalar(type, value);
        }

        return (type.Kind, type.Element?.Kind) switch
        {
            (ValueKind.Array, ValueKind.String) => $"ParameterValue.List({value})",
            (ValueKind.Array, _) when IsScalar(type.Element!) => $"ParameterValue.List({value}.Select(item => {CSharpFragments.FormatScalar(type.Element!, "item")}))",
            _ => $"ParameterValue.FromJson({json})",
        };
    }

    private static bool IsPlainScalar(ParameterSpec parameter) => !parameter.IsJsonContent && IsScalar(parameter.Type);

    private static bool IsScalar(TypeRef type) => type.Kind is ValueKind.String or ValueKind.Bytes or ValueKind.Enum or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean;

    private static string StyleArguments(ParameterSpec parameter) => $"ParameterStyle.{parameter.Style}, explode: {Bool(parameter.Explode)}";

    private static string Bool(bool value) => value ? "true" : "false";
}
