using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// Writes the statements that check a value against its constraints, and the static helpers (pattern checks) they call.
/// One writer serves one generated type, so helper names are unique within it.
/// </summary>
/// <param name="memberNames">The type's own members, which helper names must not collide with.</param>
internal sealed class ValidationWriter(ISet<string> memberNames)
{
    private readonly List<string> _helpers = [];
    private int _patternCount;

    /// <summary>Gets the static members the checks need: character-set loops and regex fields.</summary>
    public IReadOnlyList<string> Helpers => _helpers;

    /// <summary>Statements that check <paramref name="value"/>, which is not null; empty when the shape has no constraints.</summary>
    public List<string> Checks(TypeRef type, string value, int depth)
    {
        var lines = new List<string>();
        var constraints = type.Constraints;
        switch (type.Kind)
        {
            case ValueKind.String:
                AddStringChecks(lines, constraints, value);
                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Double:
                AddNumberChecks(lines, constraints, value);
                break;
            case ValueKind.Object:
                lines.Add($"{value}.ValidateMembers(context);");
                break;
            case ValueKind.Enum:
                lines.Add($"if (!{type.TypeName}Json.IsDefined({value}))");
                lines.Add("{");
                lines.Add($"    context.NotAllowed({type.TypeName}Json.AllowedValues);");
                lines.Add("}");
                break;
            case ValueKind.Array:
                AddCountChecks(lines, constraints, value + ".Count");
                AddNested(lines, type.Element!, value, depth, isMap: false);
                break;
            case ValueKind.Map:
                AddNested(lines, type.Element!, value, depth, isMap: true);
                break;
            case ValueKind.Any when !IsUnconstrained(constraints):
                lines.Add($"context.Element({value}, {AddElementRules(constraints)});");
                break;
        }

        return lines;
    }

    private static bool IsUnconstrained(ConstraintSpec constraints)
        => constraints.MinLength is null && constraints.MaxLength is null && constraints.Pattern is null && constraints.Minimum is null
            && constraints.Maximum is null && constraints.MultipleOf is null && constraints.MinItems is null && constraints.MaxItems is null
            && constraints.AllowedValues.IsEmpty && constraints.AllowedTypes.IsEmpty && constraints.RequiredProperties.IsEmpty;

    /// <summary>
    /// A value without a single C# type is kept as JSON and checked as JSON Schema does: each rule applies to the
    /// JSON kinds it is about (a length to strings, a bound to numbers), so other kinds pass it.
    /// </summary>
    private string AddElementRules(ConstraintSpec constraints)
    {
        _patternCount++;
        var field = "s_rules" + _patternCount.ToString(CultureInfo.InvariantCulture);
        var members = new List<string>();
        if (!constraints.AllowedTypes.IsEmpty)
        {
            members.Add("Types = " + string.Join(" | ", constraints.AllowedTypes.Select(t => "JsonTypes." + char.ToUpperInvariant(t[0]) + t.Substring(1))));
        }

        Add("MinLength", constraints.MinLength?.ToString(CultureInfo.InvariantCulture));
        Add("MaxLength", constraints.MaxLength?.ToString(CultureInfo.InvariantCulture));
        if (constraints.Pattern is { } pattern)
        {
            members.Add($"Pattern = new Regex({CSharpFragments.Literal(pattern.RegexPattern)}, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))");
        }

        if (constraints.Minimum is { } minimum)
        {
            members.Add($"Minimum = {CSharpFragments.DoubleLiteral(minimum)}");
            members.Add($"MinimumText = {CSharpFragments.Literal(minimum)}");
            Add("ExclusiveMinimum", constraints.ExclusiveMinimum ? "true" : null);
        }

        if (constraints.Maximum is { } maximum)
        {
            members.Add($"Maximum = {CSharpFragments.DoubleLiteral(maximum)}");
            members.Add($"MaximumText = {CSharpFragments.Literal(maximum)}");
            Add("ExclusiveMaximum", constraints.ExclusiveMaximum ? "true" : null);
        }

        if (constraints.MultipleOf is { } multipleOf)
        {
            members.Add($"MultipleOf = {multipleOf}m");
            members.Add($"MultipleOfText = {CSharpFragments.Literal(multipleOf)}");
        }

        Add("MinItems", constraints.MinItems?.ToString(CultureInfo.InvariantCulture));
        Add("MaxItems", constraints.MaxItems?.ToString(CultureInfo.InvariantCulture));
        if (!constraints.RequiredProperties.IsEmpty)
        {
            members.Add("Required = new[] { " + string.Join(", ", constraints.RequiredProperties.Select(CSharpFragments.Literal)) + " }");
        }

        if (!constraints.AllowedValues.IsEmpty)
        {
            members.Add("AllowedValues = ElementRules.ParseValues(" + CSharpFragments.Literal("[" + string.Join(",", constraints.AllowedValues) + "]") + ")");
        }

        _helpers.Add($"private static readonly ElementRules {field} = new()\n{{\n" + string.Join("\n", members.Select(m => "    " + m + ",")) + "\n};");
        return field;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                members.Add(name + " = " + value);
            }
        }
    }

    /// <summary>
    /// Checks each item of a list or value of a map. C# lets a null item into a list of a reference type although the
    /// schema does not allow it, and it would only fail when written, so it is reported like any other violation.
    /// </summary>
    private void AddNested(List<string> lines, TypeRef element, string collection, int depth, bool isMap)
    {
        var suffix = depth.ToString(CultureInfo.InvariantCulture);
        var item = "item" + (depth + 1).ToString(CultureInfo.InvariantCulture);
        var inner = Checks(element, item, depth + 1);
        var mayBeNull = !CSharpFragments.IsValueType(element) && !element.IsNullable;
        if (inner.Count == 0 && !mayBeNull)
        {
            return;
        }

        string itemExpression;
        if (isMap)
        {
            var entry = "entry" + suffix;
            lines.Add($"foreach (var {entry} in {collection})");
            lines.Add("{");
            lines.Add($"    context.PushKey({entry}.Key);");
            itemExpression = entry + ".Value";
        }
        else
        {
            var index = "i" + suffix;
            lines.Add($"for (var {index} = 0; {index} < {collection}.Count; {index}++)");
            lines.Add("{");
            lines.Add($"    context.PushIndex({index});");
            itemExpression = $"{collection}[{index}]";
        }

        if (mayBeNull)
        {
            lines.Add($"    if ({itemExpression} is {{ }} {item})");
            lines.Add("    {");
            lines.AddRange(inner.Select(l => "        " + l));
            lines.Add("    }");
            lines.Add("    else");
            lines.Add("    {");
            lines.Add("        context.NullItem();");
            lines.Add("    }");
        }
        else
        {
            lines.Add($"    var {item} = {itemExpression};");
            lines.AddRange(inner.Select(l => "    " + l));
        }

        lines.Add("    context.Pop();");
        lines.Add("}");
    }

    private void AddStringChecks(List<string> lines, ConstraintSpec constraints, string value)
    {
        if (constraints.MinLength is { } minLength && minLength > 0)
        {
            lines.Add($"context.MinLength({value}, {minLength.ToString(CultureInfo.InvariantCulture)});");
        }

        if (constraints.MaxLength is { } maxLength)
        {
            lines.Add($"context.MaxLength({value}, {maxLength.ToString(CultureInfo.InvariantCulture)});");
        }

        if (constraints.Pattern is { } pattern)
        {
            var helper = AddPatternHelper(pattern);
            var characterSet = pattern.CharacterClass is { } characterClass
                ? CSharpFragments.Literal(CSharpFragments.DescribeCharacterSet(characterClass))
                : "null";
            lines.Add($"context.Pattern({helper}({value}), {CSharpFragments.Literal(pattern.Pattern)}, {characterSet});");
        }

        AddAllowedValues(lines, constraints, value, v => v.StartsWith("\"", System.StringComparison.Ordinal) ? v : null);
    }

    private static void AddNumberChecks(List<string> lines, ConstraintSpec constraints, string value)
    {
        if (constraints.Minimum is { } minimum)
        {
            lines.Add($"context.Minimum({value}, {CSharpFragments.DoubleLiteral(minimum)}, {CSharpFragments.Literal(minimum)}, exclusive: {(constraints.ExclusiveMinimum ? "true" : "false")});");
        }

        if (constraints.Maximum is { } maximum)
        {
            lines.Add($"context.Maximum({value}, {CSharpFragments.DoubleLiteral(maximum)}, {CSharpFragments.Literal(maximum)}, exclusive: {(constraints.ExclusiveMaximum ? "true" : "false")});");
        }

        if (constraints.MultipleOf is { } multipleOf)
        {
            lines.Add($"context.MultipleOf({value}, {multipleOf}m, {CSharpFragments.Literal(multipleOf)});");
        }

        AddAllowedValues(lines, constraints, value, v => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? v : null);
    }

    private static void AddCountChecks(List<string> lines, ConstraintSpec constraints, string count)
    {
        if (constraints.MinItems is { } minItems && minItems > 0)
        {
            lines.Add($"context.MinItems({count}, {minItems.ToString(CultureInfo.InvariantCulture)});");
        }

        if (constraints.MaxItems is { } maxItems)
        {
            lines.Add($"context.MaxItems({count}, {maxItems.ToString(CultureInfo.InvariantCulture)});");
        }
    }

    /// <summary>
    /// An enum on a string or number that did not become a C# enum (because it also allows other JSON kinds, say):
    /// the value must equal one of the listed ones.
    /// </summary>
    private static void AddAllowedValues(List<string> lines, ConstraintSpec constraints, string value, System.Func<string, string?> toPattern)
    {
        if (constraints.AllowedValues.IsEmpty)
        {
            return;
        }

        var patterns = constraints.AllowedValues.Select(toPattern).ToList();
        var allowed = CSharpFragments.Literal(string.Join(", ", constraints.AllowedValues));
        if (patterns.All(p => p is null))
        {
            lines.Add($"context.NotAllowed({allowed});");
            return;
        }

        lines.Add($"if ({value} is not ({string.Join(" or ", patterns.Where(p => p is not null))}))");
        lines.Add("{");
        lines.Add($"    context.NotAllowed({allowed});");
        lines.Add("}");
    }

    private string AddPatternHelper(PatternSpec pattern)
    {
        string name;
        do
        {
            _patternCount++;
            name = "MatchesPattern" + _patternCount.ToString(CultureInfo.InvariantCulture);
        }
        while (memberNames.Contains(name));
        if (pattern.CharacterClass is { } characterClass)
        {
            var condition = CSharpFragments.RangeCondition(characterClass);
            var lengthCheck = characterClass.MaxCount is { } max
                ? $"value.Length >= {characterClass.MinCount.ToString(CultureInfo.InvariantCulture)} && value.Length <= {max.ToString(CultureInfo.InvariantCulture)}"
                : characterClass.MinCount > 0 ? $"value.Length >= {characterClass.MinCount.ToString(CultureInfo.InvariantCulture)}" : null;
            var body = new List<string>
            {
                $"/// <summary>Checks <c>{XmlDoc.Escape(pattern.Pattern)}</c> with a loop: no regex, no backtracking.</summary>",
                $"private static bool {name}(string value)",
                "{",
            };
            if (lengthCheck is not null)
            {
                body.Add($"    if (!({lengthCheck}))");
                body.Add("    {");
                body.Add("        return false;");
                body.Add("    }");
                body.Add(string.Empty);
            }

            body.Add("    foreach (var c in value)");
            body.Add("    {");
            body.Add($"        if ({(characterClass.IsNegated ? condition : "!(" + condition + ")")})");
            body.Add("        {");
            body.Add("            return false;");
            body.Add("        }");
            body.Add("    }");
            body.Add(string.Empty);
            body.Add("    return true;");
            body.Add("}");
            _helpers.Add(string.Join("\n", body));
        }
        else
        {
            var field = "s_pattern" + _patternCount.ToString(CultureInfo.InvariantCulture);
            _helpers.Add(
                $"private static readonly Regex {field} = new({CSharpFragments.Literal(pattern.RegexPattern)}, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));\n\n" +
                $"private static bool {name}(string value) => TextRules.IsMatch({field}, value);");
        }

        return name;
    }
}
