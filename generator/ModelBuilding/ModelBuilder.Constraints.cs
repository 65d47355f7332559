using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Patterns;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
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
        var constraints = new ConstraintSpec
        {
            MinLength = schema.MinLength,
            MaxLength = schema.MaxLength,
            Pattern = pattern,
            Minimum = minimum,
            ExclusiveMinimum = exclusiveMinimum,
            Maximum = maximum,
            ExclusiveMaximum = exclusiveMaximum,
            MultipleOf = schema.MultipleOf is { } multipleOf ? multipleOf.ToString(CultureInfo.InvariantCulture) : null,
            MinItems = schema.MinItems,
            MaxItems = schema.MaxItems,
            AllowedValues = schema.Enum is { Count: > 0 } values ? values.Select(v => v is null || JsonNullSentinel.IsJsonNullSentinel(v) ? "null" : v.ToJsonString()).ToEquatableArray() : EquatableArray<string>.Empty,
            AllowedTypes = JsonTypeNames(schema.Type),
            RequiredProperties = schema.Required is { Count: > 0 } required && schema.Properties is not { Count: > 0 }
                ? required.OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray()
                : EquatableArray<string>.Empty,
        };

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
}
