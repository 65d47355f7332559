using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Patterns;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>The keywords of a <c>not</c> schema that its check covers: annotations, and what the value's own JSON decides.</summary>
    private static readonly HashSet<string> CheckableInNot = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minItems", "maxItems", "required", "not", "nullable", "title", "description", "example", "examples",
        "default", "deprecated", "readOnly", "writeOnly",
    };

    /// <summary>A <c>not</c> inside a <c>not</c> this deep is taken for a loop through references.</summary>
    private const int MaxNotDepth = 8;

    private int _notDepth;

    /// <summary>
    /// Each pattern analyzed once (its translation checked by compiling a regex): specs repeat their patterns, GitHub's
    /// the same few on hundreds of parameters and properties.
    /// </summary>
    private readonly Dictionary<string, (PatternSpec? Pattern, string? Error)> _patterns = new(StringComparer.Ordinal);

    /// <summary>
    /// The constraints of each schema at its place, read once: a component schema's are asked for at every use of it (GitHub
    /// uses some hundreds of times), and the answer, like what reading it reports, is the same each time.
    /// </summary>
    private readonly Dictionary<SchemaAt, ConstraintSpec> _constraints = [];

    private ConstraintSpec ReadConstraints(IOpenApiSchema schema, LazyPointer pointer)
    {
        if (StatesOnlyItsType(schema))
        {
            return TypeOnlyConstraintsByFlags[(int)(schema.Type ?? 0) & AllJsonTypeFlags];
        }

        // Under a 'not' the answer depends on how deep it is (MaxNotDepth): only the outermost reads are kept.
        if (_notDepth > 0)
        {
            return ReadConstraintsOnce(schema, pointer.Value);
        }

        if (_placelessConstraints.TryGetValue(schema, out var constraints))
        {
            return constraints;
        }

        var key = new SchemaAt(schema, pointer.Value);
        if (!_constraints.TryGetValue(key, out constraints))
        {
            var reported = _reportCount;
            constraints = ReadConstraintsOnce(schema, key.Pointer);
            if (reported == _reportCount && schema.Not is null && !HasLaterDraftKeywords)
            {
                _placelessConstraints.Add(schema, constraints);
            }
            else
            {
                _constraints.Add(key, constraints);
            }
        }

        return constraints;
    }

    /// <summary>
    /// The constraints of each schema that reads the same wherever it is used, by the schema alone: most are asked for
    /// at a place of their own each time (a shared parameter's schema under each operation that names it, some
    /// thousands in GitHub's spec), and a key with the place hashed a pointer of some hundred characters at each read.
    /// A schema's constraints depend on its place only through the JSON looked up there (<c>not</c>, and the later
    /// drafts' <c>prefixItems</c> and <c>dependentRequired</c>) and through where what reading them reports is placed;
    /// a schema read without either reads, and reports, nothing else anywhere.
    /// </summary>
    private readonly Dictionary<IOpenApiSchema, ConstraintSpec> _placelessConstraints = new(ReferenceIdentity<IOpenApiSchema>.Instance);

    /// <summary>A schema object (by identity) at a place in the spec.</summary>
    private readonly record struct SchemaAt(IOpenApiSchema Schema, string Pointer)
    {
        public bool Equals(SchemaAt other) => ReferenceEquals(Schema, other.Schema) && string.Equals(Pointer, other.Pointer, StringComparison.Ordinal);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Schema) ^ StringComparer.Ordinal.GetHashCode(Pointer);
    }

    private ConstraintSpec ReadConstraintsOnce(IOpenApiSchema schema, string pointer)
    {
        PatternSpec? pattern = null;
        if (schema.Pattern is { } patternText)
        {
            if (!_patterns.TryGetValue(patternText, out var analyzed))
            {
                analyzed = (PatternAnalyzer.Analyze(patternText, out var error), error);
                _patterns.Add(patternText, analyzed);
            }

            (pattern, var patternError) = analyzed;
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
            AllowedValues = AllowedValues(schema),
            AllowedTypes = JsonTypeNames(schema.Type),
            RequiredProperties = schema.Required is { Count: > 0 } required && schema.Properties is not { Count: > 0 }
                ? required.OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray()
                : EquatableArray<string>.Empty,
        };

        constraints = WithNot(constraints, schema, pointer);
        var prefixItems = PrefixItems(schema, pointer);
        var dependentRequired = DependentRequired(pointer);
        if (!prefixItems.IsEmpty || !dependentRequired.IsEmpty)
        {
            constraints = constraints with { PrefixItems = prefixItems, DependentRequired = dependentRequired };
        }
        if (ClassifyType(schema) is ValueKind.Array or ValueKind.Map && (!constraints.AllowedValues.IsEmpty || constraints.Not is not null))
        {
            var keyword = constraints.Not is not null ? "not" : "enum";
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, keyword)), $"'{keyword}' on a list or a map", "the value is not checked against it");
            constraints = constraints with { AllowedValues = EquatableArray<string>.Empty, Not = null, NotSchema = null };
        }

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

    /// <summary>
    /// Whether the only constraint a schema states is its type, as most do: its constraints are then one of a few sets,
    /// made once (<see cref="TypeOnlyConstraintsByFlags"/>), not one for each schema read and kept. A later draft's schema may
    /// state constraints in JSON Microsoft.OpenApi does not read, and is read in full. The keywords asked here are those
    /// <see cref="ReadConstraintsOnce"/> reads: a keyword it comes to read must be asked here too.
    /// </summary>
    private bool StatesOnlyItsType(IOpenApiSchema schema)
        => !HasLaterDraftKeywords && schema.Pattern is null && schema.MinLength is null && schema.MaxLength is null
            && schema.Minimum is null && schema.ExclusiveMinimum is null && schema.Maximum is null && schema.ExclusiveMaximum is null
            && schema.MultipleOf is null && schema.MinItems is null && schema.MaxItems is null && schema.Enum is not { Count: > 0 }
            && schema.Required is not { Count: > 0 } && schema.Not is null;

    /// <summary>The values <c>enum</c> allows, as JSON; a <c>const</c> has been read as an enum of one (see <c>SchemaDialect</c>).</summary>
    private static EquatableArray<string> AllowedValues(IOpenApiSchema schema)
        => schema.Enum is { Count: > 0 } values
            ? values.Select(v => v is null || JsonNullSentinel.IsJsonNullSentinel(v) ? "null" : v.ToJsonString()).ToEquatableArray()
            : EquatableArray<string>.Empty;

    /// <summary>
    /// Whether the spec's schemas may have <c>prefixItems</c> and <c>dependentRequired</c>: an OpenAPI 3.0 document has
    /// neither, as the schema dialect leaves them out (<c>SchemaDialect</c>) and Microsoft.OpenApi's 3.0 reader refuses
    /// them. Their JSON is then not looked up at each schema's place, which cost a lookup of a pointer not seen before.
    /// </summary>
    private bool HasLaterDraftKeywords => _document.Version != OpenApiSpecVersion.OpenApi3_0;

    /// <summary>The schema's JSON in the spec, for what Microsoft.OpenApi does not keep.</summary>
    private JsonObject? SchemaNode(string pointer) => NodeAt(pointer) as JsonObject;

    /// <summary>
    /// Reads <c>not</c>: the value must not meet the schema under it. That schema is checked on the value's JSON, which
    /// covers its type, enum, const and value constraints; one with members, items or compositions is reported instead,
    /// as checking part of it would refuse values that do not match it whole.
    /// </summary>
    private ConstraintSpec WithNot(ConstraintSpec constraints, IOpenApiSchema schema, string pointer)
    {
        if (schema.Not is not { } not)
        {
            return constraints;
        }

        var notPointer = JsonPointers.Append(pointer, "not");
        var targetPointer = not is OpenApiSchemaReference reference ? ComponentPointer(reference) : notPointer;
        var target = Target(not);
        var node = SchemaNode(targetPointer);
        var uncheckable = node?.Select(m => m.Key).FirstOrDefault(k => !CheckableInNot.Contains(k) && !k.StartsWith("x-", StringComparison.Ordinal));
        if (target is null || node is null || uncheckable is not null || _notDepth >= MaxNotDepth)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(notPointer), uncheckable is null ? "This 'not' schema" : $"A 'not' schema with '{uncheckable}'", "values are not checked against it");
            return constraints;
        }

        _notDepth++;
        try
        {
            var rules = ReadConstraints(target, targetPointer);
            return constraints with { Not = rules, NotSchema = NodeAt(notPointer)?.ToJsonString() };
        }
        finally
        {
            _notDepth--;
        }
    }

    /// <summary>
    /// The constraints of each position of <c>prefixItems</c> (OpenAPI 3.1), which Microsoft.OpenApi does not read: each
    /// is read from the spec's JSON with its schema reader. A position is checked on the item's JSON, so the list's items
    /// must be kept as JSON; members, items and compositions of a position are reported and not checked.
    /// </summary>
    private EquatableArray<ConstraintSpec> PrefixItems(IOpenApiSchema schema, string pointer)
    {
        if (!HasLaterDraftKeywords || SchemaNode(pointer)?["prefixItems"] is not JsonArray positions || positions.Count == 0)
        {
            return EquatableArray<ConstraintSpec>.Empty;
        }

        var listPointer = JsonPointers.Append(pointer, "prefixItems");
        if (schema.Items is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, "items")), "'items' beside 'prefixItems'", "every item is typed and checked as 'items' says, and the positions of 'prefixItems' are not checked");
            return EquatableArray<ConstraintSpec>.Empty;
        }

        var constraints = new List<ConstraintSpec>();
        for (var i = 0; i < positions.Count; i++)
        {
            var itemPointer = JsonPointers.Append(listPointer, i.ToString(CultureInfo.InvariantCulture));
            var item = positions[i] is JsonObject node ? OpenApiDocumentLoader.ReadExtensionSchema(_document, node, itemPointer, _diagnostics) : null;
            var target = item is OpenApiSchemaReference reference ? (Target(reference), ComponentPointer(reference)) : (item, itemPointer);
            if (target.Item1 is not { } position)
            {
                constraints.Add(ConstraintSpec.None);
                continue;
            }

            if (position.Properties is { Count: > 0 } || position.Items is not null || position.AllOf is { Count: > 0 } || position.OneOf is { Count: > 0 } || position.AnyOf is { Count: > 0 })
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(itemPointer), "A 'prefixItems' position with members, items or a composition", "only its type and value constraints are checked");
            }

            constraints.Add(ReadConstraints(position, target.Item2));
        }

        return constraints.ToEquatableArray();
    }

    /// <summary><c>dependentRequired</c> (OpenAPI 3.1), read from the spec's JSON: the members that require others.</summary>
    private EquatableArray<DependentRequiredSpec> DependentRequired(string pointer)
    {
        if (!HasLaterDraftKeywords || SchemaNode(pointer)?["dependentRequired"] is not JsonObject dependencies)
        {
            return EquatableArray<DependentRequiredSpec>.Empty;
        }

        return dependencies
            .Where(d => d.Value is JsonArray { Count: > 0 })
            .Select(d => new DependentRequiredSpec(
                d.Key,
                ((JsonArray)d.Value!).Select(n => n is JsonValue v && v.TryGetValue(out string? name) ? name : null).Where(n => n is not null).Select(n => n!).ToEquatableArray()))
            .OrderBy(d => d.Property, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    private static readonly (JsonSchemaType Flag, string Name)[] JsonTypeFlagNames =
    [
        (JsonSchemaType.Null, "null"), (JsonSchemaType.Boolean, "boolean"), (JsonSchemaType.Integer, "integer"), (JsonSchemaType.Number, "number"),
        (JsonSchemaType.String, "string"), (JsonSchemaType.Array, "array"), (JsonSchemaType.Object, "object"),
    ];

    private static readonly int AllJsonTypeFlags = JsonTypeFlagNames.Aggregate(0, (all, f) => all | (int)f.Flag);

    /// <summary>The names of each combination of the flags, indexed by the flags: made once, not for every schema.</summary>
    private static readonly EquatableArray<string>[] JsonTypeNamesByFlags = Enumerable.Range(0, AllJsonTypeFlags + 1)
        .Select(flags => JsonTypeFlagNames.Where(f => (flags & (int)f.Flag) != 0).Select(f => f.Name).ToEquatableArray())
        .ToArray();

    /// <summary>The constraints of a schema that states only its type (see <see cref="StatesOnlyItsType"/>), indexed by the type's flags.</summary>
    private static readonly ConstraintSpec[] TypeOnlyConstraintsByFlags = JsonTypeNamesByFlags
        .Select(names => names.IsEmpty ? ConstraintSpec.None : new ConstraintSpec { AllowedTypes = names })
        .ToArray();

    private static EquatableArray<string> JsonTypeNames(JsonSchemaType? type)
        => type is not { } flags ? EquatableArray<string>.Empty : JsonTypeNamesByFlags[(int)flags & AllJsonTypeFlags];

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
