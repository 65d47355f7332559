using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// Describes the rules that check a value against its constraints, and the static helpers (pattern checks, rule sets)
/// they call; the templates write them. One instance serves one generated type, so helper names are unique within it,
/// and a pattern checked in several places gets one helper.
/// </summary>
/// <param name="memberNames">The type's own members, which helper names must not collide with.</param>
internal sealed class ValidationRules(ISet<string> memberNames)
{
    private readonly List<PatternHelperView> _patternHelpers = [];
    private readonly Dictionary<PatternSpec, string> _patternHelperNames = [];
    private readonly List<ElementRulesView> _elementRules = [];
    private readonly Dictionary<ConstraintSpec, string> _elementRulesFields = [];
    private int _patternNumber;

    /// <summary>Gets the pattern checks the rules call, one per distinct pattern.</summary>
    public IReadOnlyList<PatternHelperView> PatternHelpers => _patternHelpers;

    /// <summary>Gets the rule sets of values kept as JSON, one per distinct set of constraints.</summary>
    public IReadOnlyList<ElementRulesView> ElementRules => _elementRules;

    /// <summary>The rules for <paramref name="value"/>, which is not null; empty when the shape has no constraints.</summary>
    public List<RuleView> For(TypeRef type, string value, int depth)
    {
        var rules = new List<RuleView>();
        var constraints = type.Constraints;
        switch (type.Kind)
        {
            case ValueKind.String:
                AddStringRules(rules, constraints, value, lengthByName: true);
                AddNot(rules, constraints, $"ElementRules.Of({value})");
                break;
            case ValueKind.Bytes:
                // The rules are about the text on the wire, so they check the text the value is sent as.
                var text = CSharpFragments.Base64Text(type, value);
                AddStringRules(rules, constraints, text, lengthByName: false);
                AddNot(rules, constraints, $"ElementRules.Of({text})");
                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Double:
                AddNumberRules(rules, constraints, value);
                AddNot(rules, constraints, $"ElementRules.Of({value})");
                break;
            case ValueKind.Boolean:
                // An enum of both booleans allows every bool, and C# refuses a pattern that no bool can match.
                if (!(constraints.AllowedValues.Contains("true") && constraints.AllowedValues.Contains("false")))
                {
                    AddAllowedValues(rules, constraints, value, v => v is "true" or "false" ? v : null);
                }

                AddNot(rules, constraints, $"ElementRules.Of({value})");
                break;
            case ValueKind.Object:
                // The record checks the constraints of its own schema; these are the ones the member adds (an allOf part's, say).
                // In a list or a map the record is checked where it stands; as a member, by name (ValidationContext.Record).
                rules.Add(new() { Kind = "call", Expression = $"{value}.ValidateMembers(context)", MemberMethod = "context.Record", MemberArguments = string.Empty });
                rules.AddRange(ForWholeValue(constraints, value));
                break;
            case ValueKind.Enum:
                // One call with the enum's own check, so that a member is checked by its name in one line.
                rules.Add(MemberCall("context.Allowed", value, $", {type.TypeName}Json.IsDefined, {type.TypeName}Json.AllowedValues"));

                // An allOf part may allow only some of the enum's values (ModelBuilder.MergeValues). A value the enum does
                // not define was reported by the call above and has no wire value to compare.
                AddAllowedValues(rules, constraints, $"{type.TypeName}Json.ToWire({value})", StringLiteral, guard: $"{type.TypeName}Json.IsDefined({value})");

                break;
            case ValueKind.Array:
                AddCountRules(rules, constraints, value + ".Count");
                if (!constraints.PrefixItems.IsEmpty && type.Element!.Kind == ValueKind.Any)
                {
                    rules.Add(Call($"context.PrefixItems({value}, {ElementRulesField(new ConstraintSpec { PrefixItems = constraints.PrefixItems })})"));
                }

                AddNested(rules, type.Element!, value, depth, isMap: false, isPatchMap: false);
                break;
            case ValueKind.Map:
                AddNested(rules, type.Element!, value, depth, isMap: true, isPatchMap: type.IsPatchMap);
                break;
            case ValueKind.Any when !IsUnconstrained(constraints):
                rules.Add(Call($"context.Element({value}, {ElementRulesField(constraints)})"));
                break;
        }

        return rules;
    }

    /// <summary>
    /// The rules about a record's value as a whole, for <paramref name="record"/> (<c>this</c> in its own validator):
    /// enum, const and not compare whole JSON values, and dependentRequired is about the members written, so the record
    /// is checked as it is written. Empty when there are none, so a record without them costs nothing.
    /// </summary>
    public List<RuleView> ForWholeValue(ConstraintSpec constraints, string record)
    {
        if (constraints.AllowedValues.IsEmpty && constraints.Not is null && constraints.DependentRequired.IsEmpty)
        {
            return [];
        }

        var asJson = new ConstraintSpec
        {
            AllowedValues = constraints.AllowedValues,
            Not = constraints.Not,
            NotSchema = constraints.NotSchema,
            DependentRequired = constraints.DependentRequired,
        };
        return [Call($"context.Element(JsonWrite.ToElement({record}), {ElementRulesField(asJson)})")];
    }

    /// <summary>Whether the schema allows a JSON null: it says so, or it allows every type.</summary>
    public static bool AdmitsNull(TypeRef type)
        => type.IsNullable || (type.Kind == ValueKind.Any && (type.Constraints.AllowedTypes.IsEmpty || type.Constraints.AllowedTypes.Contains("null")));

    public static RuleView Call(string expression) => new() { Kind = "call", Expression = expression };

    /// <summary>
    /// A call <c>method(value, arguments)</c> whose method has a form <c>method(name, member, arguments, required: ...)</c>
    /// for a whole member (see <see cref="RuleView.MemberMethod"/>).
    /// </summary>
    public static RuleView MemberCall(string method, string value, string arguments)
        => new() { Kind = "call", Expression = $"{method}({value}{arguments})", MemberMethod = method, MemberArguments = arguments };

    private static RuleView LengthRule(string method, string value, long limit, bool byName)
    {
        var arguments = ", " + limit.ToString(CultureInfo.InvariantCulture);
        return byName ? MemberCall(method, value, arguments) : Call($"{method}({value}{arguments})");
    }

    private static RuleView Unless(string violation, string report) => new() { Kind = "unless", Condition = violation, Expression = report };

    /// <summary><c>not</c> on a typed value: the value, as JSON, must not meet the rules of the schema under it.</summary>
    private void AddNot(List<RuleView> rules, ConstraintSpec constraints, string asJson)
    {
        if (constraints.Not is not null)
        {
            rules.Add(Call($"context.Element({asJson}, {ElementRulesField(new ConstraintSpec { Not = constraints.Not, NotSchema = constraints.NotSchema })})"));
        }
    }

    private static bool IsUnconstrained(ConstraintSpec constraints)
        => constraints.MinLength is null && constraints.MaxLength is null && constraints.Pattern is null && constraints.Minimum is null
            && constraints.Maximum is null && constraints.MultipleOf is null && constraints.MinItems is null && constraints.MaxItems is null
            && constraints.AllowedValues.IsEmpty && constraints.AllowedTypes.IsEmpty && constraints.RequiredProperties.IsEmpty && constraints.Not is null
            && constraints.PrefixItems.IsEmpty && constraints.DependentRequired.IsEmpty;

    /// <summary>
    /// A value without a single C# type is kept as JSON and checked as JSON Schema does: each rule applies to the
    /// JSON kinds it is about (a length to strings, a bound to numbers), so other kinds pass it.
    /// </summary>
    private string ElementRulesField(ConstraintSpec constraints)
    {
        if (_elementRulesFields.TryGetValue(constraints, out var existing))
        {
            return existing;
        }

        // The rules under not are a field of their own, declared first, as static fields are initialized in order.
        var notField = constraints.Not is { } not ? ElementRulesField(not) : null;
        var prefixFields = constraints.PrefixItems.Select(ElementRulesField).ToList();
        var field = "s_rules" + (_elementRules.Count + 1).ToString(CultureInfo.InvariantCulture);
        var members = new List<KeyValuePair<string, string>>();
        if (!constraints.AllowedTypes.IsEmpty)
        {
            Add("Types", string.Join(" | ", constraints.AllowedTypes.Select(t => "JsonTypes." + char.ToUpperInvariant(t[0]) + t.Substring(1))));
        }

        Add("MinLength", constraints.MinLength?.ToString(CultureInfo.InvariantCulture));
        Add("MaxLength", constraints.MaxLength?.ToString(CultureInfo.InvariantCulture));
        if (constraints.Pattern is { } pattern)
        {
            Add("Pattern", $"new Regex({CSharpFragments.Literal(pattern.RegexPattern)}, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))");
        }

        if (constraints.Minimum is { } minimum)
        {
            Add("Minimum", CSharpFragments.DoubleLiteral(minimum));
            Add("MinimumText", CSharpFragments.Literal(minimum));
            Add("ExclusiveMinimum", constraints.ExclusiveMinimum ? "true" : null);
        }

        if (constraints.Maximum is { } maximum)
        {
            Add("Maximum", CSharpFragments.DoubleLiteral(maximum));
            Add("MaximumText", CSharpFragments.Literal(maximum));
            Add("ExclusiveMaximum", constraints.ExclusiveMaximum ? "true" : null);
        }

        if (constraints.MultipleOf is { } multipleOf)
        {
            Add("MultipleOf", multipleOf + "m");
            Add("MultipleOfText", CSharpFragments.Literal(multipleOf));
        }

        Add("MinItems", constraints.MinItems?.ToString(CultureInfo.InvariantCulture));
        Add("MaxItems", constraints.MaxItems?.ToString(CultureInfo.InvariantCulture));
        if (!constraints.RequiredProperties.IsEmpty)
        {
            Add("Required", "new[] { " + string.Join(", ", constraints.RequiredProperties.Select(CSharpFragments.Literal)) + " }");
        }

        if (!constraints.AllowedValues.IsEmpty)
        {
            Add("AllowedValues", "ElementRules.ParseValues(" + CSharpFragments.Literal("[" + string.Join(",", constraints.AllowedValues) + "]") + ")");
        }

        if (prefixFields.Count > 0)
        {
            Add("PrefixItems", "new[] { " + string.Join(", ", prefixFields) + " }");
        }

        if (!constraints.DependentRequired.IsEmpty)
        {
            // Each entry is the member, then the members it requires.
            var entries = constraints.DependentRequired.Select(d => "new[] { " + string.Join(", ", new[] { d.Property }.Concat(d.Required).Select(CSharpFragments.Literal)) + " }");
            Add("DependentRequired", "new[] { " + string.Join(", ", entries) + " }");
        }

        Add("Not", notField);
        Add("NotText", notField is null ? null : CSharpFragments.Literal(constraints.NotSchema ?? "{}"));
        _elementRules.Add(new ElementRulesView { Field = field, Members = members });
        _elementRulesFields.Add(constraints, field);
        return field;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                members.Add(new KeyValuePair<string, string>(name, value));
            }
        }
    }

    /// <summary>
    /// Checks each item of a list or value of a map. C# lets a null item into a list of a reference type although the
    /// schema does not allow it, and it would only fail when written, so it is reported like any other violation.
    /// </summary>
    /// <remarks>
    /// In a merge patch's map every value may be null, which removes its key (RFC 7396); where the schema does not allow
    /// null, a validating server refuses that, so it is reported as <c>nullable</c>.
    /// </remarks>
    private void AddNested(List<RuleView> rules, TypeRef element, string collection, int depth, bool isMap, bool isPatchMap)
    {
        var item = "item" + (depth + 1).ToString(CultureInfo.InvariantCulture);
        var inner = For(element, item, depth + 1);
        var mayBeNull = isPatchMap || (!CSharpFragments.IsValueType(element) && !element.IsNullable);
        var nullReport = !mayBeNull || (isPatchMap && AdmitsNull(element)) ? null : isPatchMap ? "context.NotNullable()" : "context.NullItem()";
        if (inner.Count == 0 && nullReport is null)
        {
            return;
        }

        if (inner.Count == 0 && !isMap && nullReport == "context.NullItem()")
        {
            rules.Add(MemberCall("context.NullItems", collection, string.Empty));
            return;
        }

        // A list of records that add no checks of their own is checked by one call of the runtime instead of a loop here
        // (GitHub's records have 155 such lists).
        if (inner is [{ MemberMethod: "context.Record" }] && !isMap && nullReport == "context.NullItem()")
        {
            rules.Add(MemberCall("context.RecordItems", collection, string.Empty));
            return;
        }

        rules.Add(new RuleView
        {
            Kind = isMap ? "entries" : "items",
            Collection = collection,
            Counter = (isMap ? "entry" : "i") + depth.ToString(CultureInfo.InvariantCulture),
            Item = item,
            ItemMayBeNull = mayBeNull,
            NullReport = nullReport,
            Rules = inner,
        });
    }

    /// <param name="lengthByName">
    /// Whether <paramref name="value"/> is the member's own text, so that a length rule alone can check the member by its
    /// name in one call; not for bytes, whose rules check the text they are sent as.
    /// </param>
    private void AddStringRules(List<RuleView> rules, ConstraintSpec constraints, string value, bool lengthByName)
    {
        if (constraints.MinLength is { } minLength && minLength > 0)
        {
            rules.Add(LengthRule("context.MinLength", value, minLength, lengthByName));
        }

        if (constraints.MaxLength is { } maxLength)
        {
            rules.Add(LengthRule("context.MaxLength", value, maxLength, lengthByName));
        }

        if (constraints.Pattern is { } pattern)
        {
            var helper = PatternHelper(pattern);
            var characterSet = pattern.CharacterClass is { } characterClass
                ? CSharpFragments.Literal(CSharpFragments.DescribeCharacterSet(characterClass))
                : "null";
            rules.Add(Call($"context.Pattern({helper}({value}), {CSharpFragments.Literal(pattern.Pattern)}, {characterSet})"));
        }

        AddAllowedValues(rules, constraints, value, StringLiteral);
    }

    private static void AddNumberRules(List<RuleView> rules, ConstraintSpec constraints, string value)
    {
        if (constraints.Minimum is { } minimum)
        {
            rules.Add(Call($"context.Minimum({value}, {CSharpFragments.DoubleLiteral(minimum)}, {CSharpFragments.Literal(minimum)}, exclusive: {(constraints.ExclusiveMinimum ? "true" : "false")})"));
        }

        if (constraints.Maximum is { } maximum)
        {
            rules.Add(Call($"context.Maximum({value}, {CSharpFragments.DoubleLiteral(maximum)}, {CSharpFragments.Literal(maximum)}, exclusive: {(constraints.ExclusiveMaximum ? "true" : "false")})"));
        }

        if (constraints.MultipleOf is { } multipleOf)
        {
            rules.Add(Call($"context.MultipleOf({value}, {multipleOf}m, {CSharpFragments.Literal(multipleOf)})"));
        }

        AddAllowedValues(rules, constraints, value, v => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? v : null);
    }

    private static void AddCountRules(List<RuleView> rules, ConstraintSpec constraints, string count)
    {
        if (constraints.MinItems is { } minItems && minItems > 0)
        {
            rules.Add(Call($"context.MinItems({count}, {minItems.ToString(CultureInfo.InvariantCulture)})"));
        }

        if (constraints.MaxItems is { } maxItems)
        {
            rules.Add(Call($"context.MaxItems({count}, {maxItems.ToString(CultureInfo.InvariantCulture)})"));
        }
    }

    /// <summary>
    /// An enum on a string or number that did not become a C# enum (because it also allows other JSON kinds, say), or
    /// an allOf part's enum that narrows a string or an enum: the value must equal one of the listed ones.
    /// </summary>
    /// <param name="guard">A condition the value must meet to be compared, or null.</param>
    private static void AddAllowedValues(List<RuleView> rules, ConstraintSpec constraints, string value, System.Func<string, string?> toPattern, string? guard = null)
    {
        if (constraints.AllowedValues.IsEmpty)
        {
            return;
        }

        var patterns = constraints.AllowedValues.Select(toPattern).ToList();
        var report = $"context.NotAllowed({CSharpFragments.Literal(string.Join(", ", constraints.AllowedValues))})";
        rules.Add(patterns.All(p => p is null)
            ? Call(report)
            : Unless($"{(guard is null ? null : guard + " && ")}{value} is not ({string.Join(" or ", patterns.Where(p => p is not null))})", report));
    }

    /// <summary>An allowed value that is a JSON string, which is a C# string literal too; null for any other.</summary>
    private static string? StringLiteral(string allowedValue) => allowedValue.StartsWith("\"", System.StringComparison.Ordinal) ? allowedValue : null;

    private string PatternHelper(PatternSpec pattern)
    {
        if (_patternHelperNames.TryGetValue(pattern, out var existing))
        {
            return existing;
        }

        string name;
        do
        {
            _patternNumber++;
            name = "MatchesPattern" + _patternNumber.ToString(CultureInfo.InvariantCulture);
        }
        while (memberNames.Contains(name));
        var doc = XmlDoc.Escape(pattern.Pattern);
        if (pattern.CharacterClass is { } characterClass)
        {
            var ranges = CSharpFragments.RangePattern(characterClass);
            var min = characterClass.MinCount.ToString(CultureInfo.InvariantCulture);
            _patternHelpers.Add(new PatternHelperView
            {
                Name = name,
                PatternDoc = doc,
                LengthViolation = characterClass.MaxCount is { } max
                    ? $"value.Length < {min} || value.Length > {max.ToString(CultureInfo.InvariantCulture)}"
                    : characterClass.MinCount > 0 ? $"value.Length < {min}" : null,
                CharacterViolation = (characterClass.IsNegated ? "c is " : "c is not ") + (ranges.Contains(' ') ? "(" + ranges + ")" : ranges),
            });
        }
        else
        {
            _patternHelpers.Add(new PatternHelperView
            {
                Name = name,
                PatternDoc = doc,
                RegexField = "s_pattern" + _patternNumber.ToString(CultureInfo.InvariantCulture),
                RegexLiteral = CSharpFragments.Literal(pattern.RegexPattern),
            });
        }

        _patternHelperNames.Add(pattern, name);
        return name;
    }
}
