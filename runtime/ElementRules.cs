namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Text.Json;

    /// <summary>The JSON kinds of JSON Schema's <c>type</c> keyword.</summary>
    [Flags]
    internal enum JsonTypes
    {
        None = 0,
        Null = 1,
        Boolean = 2,
        Integer = 4,
        Number = 8,
        String = 16,
        Array = 32,
        Object = 64,
    }

    /// <summary>The constraints of a value the spec gives no single C# type, checked on its JSON.</summary>
    internal sealed class ElementRules
    {
        private static readonly (JsonTypes Type, string Name)[] TypeNames =
        {
            (JsonTypes.Null, "null"), (JsonTypes.Boolean, "boolean"), (JsonTypes.Integer, "integer"), (JsonTypes.Number, "number"),
            (JsonTypes.String, "string"), (JsonTypes.Array, "array"), (JsonTypes.Object, "object"),
        };

        public JsonTypes Types { get; set; }

        public int? MinLength { get; set; }

        public int? MaxLength { get; set; }

        public System.Text.RegularExpressions.Regex? Pattern { get; set; }

        public double? Minimum { get; set; }

        public string? MinimumText { get; set; }

        public bool ExclusiveMinimum { get; set; }

        public double? Maximum { get; set; }

        public string? MaximumText { get; set; }

        public bool ExclusiveMaximum { get; set; }

        public decimal? MultipleOf { get; set; }

        public string? MultipleOfText { get; set; }

        public int? MinItems { get; set; }

        public int? MaxItems { get; set; }

        public string[]? Required { get; set; }

        public JsonElement[]? AllowedValues { get; set; }

        /// <summary>Gets or sets the rules of the items at the first positions (<c>prefixItems</c>), one per position.</summary>
        public ElementRules[]? PrefixItems { get; set; }

        /// <summary>Gets or sets <c>dependentRequired</c>: each entry is a member, then the members it requires when present.</summary>
        public string[][]? DependentRequired { get; set; }

        /// <summary>Gets or sets the rules of the schema under <c>not</c>: a value that meets all of them is a violation.</summary>
        public ElementRules? Not { get; set; }

        /// <summary>Gets or sets the <c>not</c> schema as the spec writes it, which the violation quotes.</summary>
        public string? NotText { get; set; }

        public string TypesText
        {
            get
            {
                var names = new List<string>();
                foreach (var (type, name) in TypeNames)
                {
                    if ((Types & type) != 0)
                    {
                        names.Add(name);
                    }
                }

                return string.Join(" or ", names);
            }
        }

        public string AllowedValuesText
        {
            get
            {
                var texts = new List<string>();
                foreach (var value in AllowedValues ?? Array.Empty<JsonElement>())
                {
                    texts.Add(value.GetRawText());
                }

                return string.Join(", ", texts);
            }
        }

        public static JsonElement[] ParseValues(string jsonArray)
        {
            using var document = JsonDocument.Parse(jsonArray);
            var values = new List<JsonElement>();
            foreach (var value in document.RootElement.EnumerateArray())
            {
                values.Add(value.Clone());
            }

            return values.ToArray();
        }

        /// <summary>A typed value as JSON, for the rules only JSON can be checked by (<c>not</c>, <c>enum</c> on an object).</summary>
        public static JsonElement Of(string value) => JsonWrite.ToElement(value, static (writer, v) => writer.WriteStringValue(v));

        public static JsonElement Of(long value) => JsonWrite.ToElement(value, static (writer, v) => writer.WriteNumberValue(v));

        /// <summary>JSON has no NaN or infinity; such a value is kept as its text, which no number rule applies to.</summary>
        public static JsonElement Of(double value) => JsonWrite.ToElement(value, static (writer, v) =>
        {
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                writer.WriteStringValue(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumberValue(v);
            }
        });

        public static JsonElement Of(bool value) => JsonWrite.ToElement(value, static (writer, v) => writer.WriteBooleanValue(v));

        /// <summary>An integer is also a number, and 1.0 is an integer.</summary>
        public static JsonTypes TypeOf(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => JsonTypes.Null,
            JsonValueKind.True or JsonValueKind.False => JsonTypes.Boolean,
            JsonValueKind.String => JsonTypes.String,
            JsonValueKind.Array => JsonTypes.Array,
            JsonValueKind.Object => JsonTypes.Object,
            JsonValueKind.Number when IsIntegral(value) => JsonTypes.Integer | JsonTypes.Number,
            JsonValueKind.Number => JsonTypes.Number,
            _ => JsonTypes.None,
        };

        /// <summary>JSON equality as JSON Schema's <c>enum</c> means it: numbers by value, objects regardless of member order.</summary>
        public static bool JsonEquals(JsonElement left, JsonElement right)
        {
            if (left.ValueKind != right.ValueKind)
            {
                return false;
            }

            switch (left.ValueKind)
            {
                case JsonValueKind.Number:
                    return left.TryGetDecimal(out var l) && right.TryGetDecimal(out var r) ? l == r : left.GetDouble().Equals(right.GetDouble());
                case JsonValueKind.String:
                    return string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal);
                case JsonValueKind.Array:
                    if (left.GetArrayLength() != right.GetArrayLength())
                    {
                        return false;
                    }

                    using (var leftItems = left.EnumerateArray())
                    using (var rightItems = right.EnumerateArray())
                    {
                        while (leftItems.MoveNext() && rightItems.MoveNext())
                        {
                            if (!JsonEquals(leftItems.Current, rightItems.Current))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    var count = 0;
                    foreach (var member in left.EnumerateObject())
                    {
                        count++;
                        if (!right.TryGetProperty(member.Name, out var other) || !JsonEquals(member.Value, other))
                        {
                            return false;
                        }
                    }

                    foreach (var _ in right.EnumerateObject())
                    {
                        count--;
                    }

                    return count == 0;
                default:
                    return true;
            }
        }

        private static bool IsIntegral(JsonElement value)
            => value.TryGetDecimal(out var number) ? number == decimal.Truncate(number) : Math.Floor(value.GetDouble()) == value.GetDouble();
    }
}
