using System.Collections.Generic;
using System.Globalization;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// DataAnnotations attributes mirroring the generated validator, for users who validate through ASP.NET or Options validation.
/// Only constraints that DataAnnotations can express exactly are emitted.
/// </summary>
internal static class DataAnnotations
{
    private const string Namespace = "global::System.ComponentModel.DataAnnotations.";

    public static IReadOnlyList<string> For(PropertySpec property)
    {
        var attributes = new List<string>();
        var constraints = property.Type.Constraints;
        if (property.IsRequired)
        {
            attributes.Add($"[{Namespace}Required]");
        }

        if (property.Type.Kind == ValueKind.String)
        {
            if (constraints.MaxLength is { } max)
            {
                attributes.Add(constraints.MinLength is { } min and > 0
                    ? $"[{Namespace}StringLength({Number(max)}, MinimumLength = {Number(min)})]"
                    : $"[{Namespace}StringLength({Number(max)})]");
            }
            else if (constraints.MinLength is { } min and > 0)
            {
                attributes.Add($"[{Namespace}MinLength({Number(min)})]");
            }

            if (constraints.Pattern is { } pattern)
            {
                attributes.Add($"[{Namespace}RegularExpression({CSharpFragments.Literal(RegularExpressionPattern(pattern))})]");
            }
        }

        if (property.Type.Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double
            && (constraints.Minimum is not null || constraints.Maximum is not null))
        {
            var minimum = constraints.Minimum is null ? "double.MinValue" : CSharpFragments.DoubleLiteral(constraints.Minimum);
            var maximum = constraints.Maximum is null ? "double.MaxValue" : CSharpFragments.DoubleLiteral(constraints.Maximum);
            var exclusive = (constraints.ExclusiveMinimum ? ", MinimumIsExclusive = true" : string.Empty)
                + (constraints.ExclusiveMaximum ? ", MaximumIsExclusive = true" : string.Empty);
            attributes.Add($"[{Namespace}Range({minimum}, {maximum}{exclusive})]");
        }

        if (property.Type.Kind == ValueKind.Array)
        {
            if (constraints.MinItems is { } minItems and > 0)
            {
                attributes.Add($"[{Namespace}MinLength({Number(minItems)})]");
            }

            if (constraints.MaxItems is { } maxItems)
            {
                attributes.Add($"[{Namespace}MaxLength({Number(maxItems)})]");
            }
        }

        return attributes;
    }

    /// <summary>
    /// The validator's .NET pattern, widened to the whole value: RegularExpressionAttribute accepts a value only when a
    /// match spans all of it, while an ECMA-262 pattern matches anywhere unless anchored. The lazy prefix finds the same
    /// first match position as an unanchored search, and the groups added capture nothing, so backreference numbers stay.
    /// </summary>
    internal static string RegularExpressionPattern(PatternSpec pattern) => @"[\s\S]*?(?:" + pattern.RegexPattern + @")[\s\S]*";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
