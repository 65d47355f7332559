namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Text;
    using System.Text.Json;

    /// <summary>
    /// A generated record, union or JSON Patch document, which checks its own members. A member that holds one is checked
    /// by a plain call (<see cref="ValidationContext.Record"/>) rather than by a generic helper taking a lambda.
    /// </summary>
    internal interface IValidatable
    {
        void ValidateMembers(ValidationContext context);
    }

    /// <summary>Collects violations while a validator walks a value; pooled per thread so that a valid value allocates nothing.</summary>
    internal sealed class ValidationContext
    {
        [ThreadStatic]
        private static ValidationContext? s_cached;

        private static readonly char[] s_headerBreakers = { '\r', '\n', '\0' };

        // The path to the value being checked, as a stack kept in an array of its own: a member's check pushes and pops
        // a segment even when the value is valid, so these are the calls a valid value pays for.
        private PathSegment[] _path = new PathSegment[16];
        private int _depth;
        private bool _pushedKeys;
        private List<ValidationError>? _errors;

        public static ValidationContext Rent()
        {
            var context = s_cached ?? new ValidationContext();
            s_cached = null;
            return context;
        }

        /// <summary>Checks <paramref name="value"/> on a rented context and returns what was found.</summary>
        public static IReadOnlyList<ValidationError> Run(IValidatable value)
        {
            var context = Rent();
            value.ValidateMembers(context);
            return context.Complete();
        }

        /// <summary>
        /// Walks <paramref name="value"/> with <paramref name="validate"/> on a rented context and returns what was found.
        /// Pass a static lambda: the value travels as an argument, so a valid value allocates nothing.
        /// </summary>
        public static IReadOnlyList<ValidationError> Run<T>(T value, Action<ValidationContext, T> validate)
        {
            var context = Rent();
            validate(context, value);
            return context.Complete();
        }

        /// <summary>Returns what was found and gives the context back to the pool.</summary>
        public IReadOnlyList<ValidationError> Complete()
        {
            IReadOnlyList<ValidationError> errors = _errors is null ? Array.Empty<ValidationError>() : _errors;
            _errors = null;
            _depth = 0;

            // A popped segment stays in the array: a map's keys must not outlive the value they came from (the names
            // are the records' constants).
            if (_pushedKeys)
            {
                Array.Clear(_path, 0, _path.Length);
                _pushedKeys = false;
            }

            s_cached = this;
            return errors;
        }

        public void Push(string name) => Push(new PathSegment(name, -1, false));

        public void PushIndex(int index) => Push(new PathSegment(null, index, false));

        public void PushKey(string key)
        {
            _pushedKeys = true;
            Push(new PathSegment(key, -1, true));
        }

        public void Pop() => _depth--;

        public void Report(string rule, string message, string? limit)
            => (_errors ??= new List<ValidationError>()).Add(new ValidationError(CurrentPath(), rule, message, limit));

        public void Missing(string name)
        {
            Push(name);
            Report("required", "is required", null);
            Pop();
        }

        /// <summary>Reports the member <paramref name="name"/> missing when <paramref name="value"/> is null.</summary>
        public void Required<T>(T? value, string name)
            where T : class
        {
            if (value is null)
            {
                Missing(name);
            }
        }

        /// <inheritdoc cref="Required{T}(T, string)"/>
        public void Required<T>(T? value, string name)
            where T : struct
        {
            if (value is null)
            {
                Missing(name);
            }
        }

        /// <summary>Reports the member <paramref name="name"/> missing when <paramref name="value"/> holds no JSON: null or a default element.</summary>
        public void Required(JsonElement? value, string name)
        {
            if (value is null or { ValueKind: JsonValueKind.Undefined })
            {
                Missing(name);
            }
        }

        /// <summary>Reports a merge patch's member <paramref name="name"/> missing when it is unset or null.</summary>
        public void Required<T>(Optional<T> value, string name)
        {
            if (!value.IsSet || value.Value is null)
            {
                Missing(name);
            }
        }

        /// <summary>A merge patch's null (RFC 7396: remove the member) where the spec does not allow null, which a validating server refuses.</summary>
        public void NotNullable(string name)
        {
            Push(name);
            NotNullable();
            Pop();
        }

        /// <inheritdoc cref="NotNullable(string)"/>
        public void NotNullable() => Report("nullable", "must not be null: the spec does not allow null here, so a merge patch cannot remove it", null);

        public void MinLength(string value, int limit)
        {
            var length = TextRules.CodePointCount(value);
            if (length < limit)
            {
                Report("minLength", "must be at least " + Text(limit) + (limit == 1 ? " character" : " characters") + " long (is " + Text(length) + ")", Text(limit));
            }
        }

        /// <summary>Checks the member <paramref name="name"/> as <see cref="MinLength(string, int)"/> does where it has a value, and reports it missing where it has none and is <paramref name="required"/>.</summary>
        public void MinLength(string name, string? value, int limit, bool required)
        {
            if (value is null)
            {
                Absent(name, required);
            }
            else if (TextRules.CodePointCount(value) < limit)
            {
                Push(name);
                MinLength(value, limit);
                Pop();
            }
        }

        /// <summary>Checks the member <paramref name="name"/> as <see cref="MaxLength(string, int)"/> does where it has a value, and reports it missing where it has none and is <paramref name="required"/>.</summary>
        public void MaxLength(string name, string? value, int limit, bool required)
        {
            if (value is null)
            {
                Absent(name, required);
            }
            else if (TextRules.CodePointCount(value) > limit)
            {
                Push(name);
                MaxLength(value, limit);
                Pop();
            }
        }

        public void MaxLength(string value, int limit)
        {
            var length = TextRules.CodePointCount(value);
            if (length > limit)
            {
                Report("maxLength", "must be at most " + Text(limit) + (limit == 1 ? " character" : " characters") + " long (is " + Text(length) + ")", Text(limit));
            }
        }

        public void Pattern(bool matches, string pattern, string? characterSet)
        {
            if (!matches)
            {
                Report("pattern", characterSet is null ? "must match " + pattern : "may contain only " + characterSet, pattern);
            }
        }

        public void Minimum(double value, double limit, string limitText, bool exclusive)
        {
            if (exclusive ? !(value > limit) : !(value >= limit))
            {
                Report(exclusive ? "exclusiveMinimum" : "minimum", (exclusive ? "must be greater than " : "must be at least ") + limitText, limitText);
            }
        }

        public void Maximum(double value, double limit, string limitText, bool exclusive)
        {
            if (exclusive ? !(value < limit) : !(value <= limit))
            {
                Report(exclusive ? "exclusiveMaximum" : "maximum", (exclusive ? "must be less than " : "must be at most ") + limitText, limitText);
            }
        }

        public void MultipleOf(double value, decimal divisor, string divisorText)
        {
            if (!TextRules.IsMultipleOf(value, divisor))
            {
                Report("multipleOf", "must be a multiple of " + divisorText, divisorText);
            }
        }

        public void MinItems(int count, int limit)
        {
            if (count < limit)
            {
                Report("minItems", "must have at least " + Text(limit) + (limit == 1 ? " item" : " items") + " (has " + Text(count) + ")", Text(limit));
            }
        }

        public void MaxItems(int count, int limit)
        {
            if (count > limit)
            {
                Report("maxItems", "must have at most " + Text(limit) + (limit == 1 ? " item" : " items") + " (has " + Text(count) + ")", Text(limit));
            }
        }

        public void NullItem() => Report("type", "must not be null", null);

        /// <summary>
        /// Reports each null item of a list whose schema does not allow null, which C# lets into a list of a reference type.
        /// A list of any reference type is an <see cref="IReadOnlyList{T}"/> of objects (the interface is covariant).
        /// </summary>
        public void NullItems(IReadOnlyList<object?> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    PushIndex(i);
                    NullItem();
                    Pop();
                }
            }
        }

        /// <summary>
        /// Checks the list <paramref name="name"/> as <see cref="NullItems(IReadOnlyList{object})"/> does where it has a value,
        /// and reports it missing where it has none and is <paramref name="required"/>.
        /// </summary>
        public void NullItems(string name, IReadOnlyList<object?>? items, bool required)
        {
            if (items is null)
            {
                Absent(name, required);
                return;
            }

            Push(name);
            NullItems(items);
            Pop();
        }

        public void HeaderValue(string value)
        {
            if (value.IndexOfAny(s_headerBreakers) >= 0)
            {
                Report("headerValue", "must not contain a line break or a NUL character, which would end the header", null);
            }
        }

        /// <param name="value">The parameter's text, which becomes one segment of the request's path.</param>
        /// <param name="refuseEmpty">Whether to report an empty value here, where no minLength of the schema reports it already.</param>
        public void PathParameter(string value, bool refuseEmpty)
        {
            if (AddressesAnotherResource(value, refuseEmpty))
            {
                ReportPathSegment();
            }
        }

        /// <summary>
        /// Checks each item of a list of records by the record's own checks under its index, and reports a null one. A list
        /// of records is a list of <see cref="IValidatable"/> (the interface is covariant), so every such list takes this
        /// method as it is, instead of a loop of its own in its owner's checks.
        /// </summary>
        public void RecordItems(IReadOnlyList<IValidatable?> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                PushIndex(i);
                if (items[i] is { } item)
                {
                    item.ValidateMembers(this);
                }
                else
                {
                    NullItem();
                }

                Pop();
            }
        }

        /// <summary>
        /// Checks the list <paramref name="name"/> as <see cref="RecordItems(IReadOnlyList{IValidatable})"/> does where it has
        /// a value, and reports it missing where it has none and is <paramref name="required"/>.
        /// </summary>
        public void RecordItems(string name, IReadOnlyList<IValidatable?>? items, bool required)
        {
            if (items is null)
            {
                Absent(name, required);
                return;
            }

            Push(name);
            RecordItems(items);
            Pop();
        }

        /// <summary>
        /// Checks the member <paramref name="name"/> that holds a record (or a union, or a JSON Patch document) with the
        /// record's own checks under its name, and reports it missing where it has no value and is <paramref name="required"/>.
        /// </summary>
        public void Record(string name, IValidatable? value, bool required)
        {
            if (value is null)
            {
                Absent(name, required);
                return;
            }

            Push(name);
            value.ValidateMembers(this);
            Pop();
        }

        /// <summary>
        /// Checks the path parameter <paramref name="name"/> as <see cref="PathParameter(string, bool)"/> does where it has a
        /// value, and reports it missing where it has none and is <paramref name="required"/>; a valid value costs no step on the path.
        /// </summary>
        public void PathParameter(string name, string? value, bool refuseEmpty, bool required)
        {
            if (value is null)
            {
                Absent(name, required);
            }
            else if (AddressesAnotherResource(value, refuseEmpty))
            {
                Push(name);
                ReportPathSegment();
                Pop();
            }
        }

        /// <param name="value">The text of a greedy parameter (<c>{proxy+}</c>), each of whose <c>/</c>-separated parts becomes a segment of the request's path.</param>
        public void GreedyPathParameter(string value)
        {
            foreach (var segment in value.Split('/'))
            {
                if (segment.Length == 0 || segment == "." || segment == "..")
                {
                    Report("pathSegment", "must not have an empty, '.' or '..' segment (a leading, trailing or doubled '/' makes an empty one), which would address another resource", null);
                    return;
                }
            }
        }

        /// <summary>The check of <see cref="PathParameter(string, bool)"/> for a value a style lays out (a label, a matrix, a list or an object).</summary>
        /// <param name="segment">The parameter's text as <see cref="ParameterSerializer.Path"/> sends it, escaped.</param>
        /// <param name="refuseEmpty">Whether to report an empty segment.</param>
        public void StyledPathParameter(string segment, bool refuseEmpty)
        {
            // RFC 3986 makes %2E the same as '.', so a '.' in a label value would read as the style's separator.
            if (segment.IndexOf("%2E", StringComparison.Ordinal) >= 0)
            {
                Report("pathSegment", "must not contain '.', which the label style uses as its separator", null);
                return;
            }

            PathParameter(Uri.UnescapeDataString(segment), refuseEmpty);
        }

        /// <summary>Checks that no item of a spaceDelimited or pipeDelimited value holds the style's delimiter, which would split it in two.</summary>
        public void DelimitedParameter(ParameterValue value, ParameterStyle style)
        {
            if (ParameterSerializer.HoldsDelimiter(value, style))
            {
                Report("delimiter", style == ParameterStyle.SpaceDelimited
                    ? "must not hold a space in an item: spaceDelimited joins the items with %20, which a space also becomes"
                    : "must not hold a '|' in an item: pipeDelimited joins the items with %7C, which a '|' also becomes", null);
            }
        }

        /// <summary>
        /// Checks that a JSON Patch operation carries exactly the members RFC 6902 §4 requires of its op: <c>value</c> for
        /// add, replace and test, <c>from</c> for move and copy, neither for remove. RFC 6902 has a server ignore a member
        /// the op does not define, but one sent is a mistake in the document, so it is reported. An op RFC 6902 does not
        /// define (<paramref name="op"/> null or another value) is not checked.
        /// </summary>
        public void JsonPatchMembers(string? op, bool hasValue, bool hasFrom)
        {
            string section;
            bool takesValue;
            bool takesFrom;
            switch (op)
            {
                case "add": (section, takesValue, takesFrom) = ("4.1", true, false); break;
                case "remove": (section, takesValue, takesFrom) = ("4.2", false, false); break;
                case "replace": (section, takesValue, takesFrom) = ("4.3", true, false); break;
                case "move": (section, takesValue, takesFrom) = ("4.4", false, true); break;
                case "copy": (section, takesValue, takesFrom) = ("4.5", false, true); break;
                case "test": (section, takesValue, takesFrom) = ("4.6", true, false); break;
                default: return;
            }

            JsonPatchMember("value", op, section, takesValue, hasValue);
            JsonPatchMember("from", op, section, takesFrom, hasFrom);
        }

        public void NotAllowed(string allowedValues) => Report("enum", "must be one of " + allowedValues, allowedValues);

        /// <summary>
        /// Reports an enum's <paramref name="value"/> that is not one of the spec's <paramref name="allowedValues"/> (a number
        /// cast to the enum); <paramref name="isDefined"/> is the enum's own check (<c>StateJson.IsDefined</c>).
        /// </summary>
        public void Allowed<T>(T value, Func<T, bool> isDefined, string allowedValues)
            where T : struct
        {
            if (!isDefined(value))
            {
                NotAllowed(allowedValues);
            }
        }

        /// <summary>
        /// Checks the enum member <paramref name="name"/> as <see cref="Allowed{T}(T, Func{T, bool}, string)"/> does where it has
        /// a value, and reports it missing where it has none and is <paramref name="required"/>; a valid value costs no step on the path.
        /// </summary>
        public void Allowed<T>(string name, T? value, Func<T, bool> isDefined, string allowedValues, bool required)
            where T : struct
        {
            if (value is not { } present)
            {
                Absent(name, required);
            }
            else if (!isDefined(present))
            {
                Push(name);
                NotAllowed(allowedValues);
                Pop();
            }
        }

        /// <summary>Checks a value kept as JSON; each rule applies only to the JSON kinds it is about, as in JSON Schema.</summary>
        public void Element(JsonElement value, ElementRules rules)
        {
            if (rules.Types != JsonTypes.None && (rules.Types & ElementRules.TypeOf(value)) == 0)
            {
                var expected = rules.TypesText;
                Report("type", "must be " + expected, expected);
                return;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = value.GetString()!;
                    if (rules.MinLength is { } minLength)
                    {
                        MinLength(text, minLength);
                    }

                    if (rules.MaxLength is { } maxLength)
                    {
                        MaxLength(text, maxLength);
                    }

                    if (rules.Pattern is { } pattern)
                    {
                        Pattern(TextRules.IsMatch(pattern, text), pattern.ToString(), null);
                    }

                    break;
                case JsonValueKind.Number:
                    var number = value.GetDouble();
                    if (rules.Minimum is { } minimum)
                    {
                        Minimum(number, minimum, rules.MinimumText!, rules.ExclusiveMinimum);
                    }

                    if (rules.Maximum is { } maximum)
                    {
                        Maximum(number, maximum, rules.MaximumText!, rules.ExclusiveMaximum);
                    }

                    if (rules.MultipleOf is { } multipleOf && !(value.TryGetDecimal(out var exact) ? exact % multipleOf == 0 : TextRules.IsMultipleOf(number, multipleOf)))
                    {
                        Report("multipleOf", "must be a multiple of " + rules.MultipleOfText, rules.MultipleOfText);
                    }

                    break;
                case JsonValueKind.Array:
                    if (rules.MinItems is { } minItems)
                    {
                        MinItems(value.GetArrayLength(), minItems);
                    }

                    if (rules.MaxItems is { } maxItems)
                    {
                        MaxItems(value.GetArrayLength(), maxItems);
                    }

                    if (rules.PrefixItems is { } positions)
                    {
                        var index = 0;
                        foreach (var item in value.EnumerateArray())
                        {
                            if (index >= positions.Length)
                            {
                                break;
                            }

                            PrefixItem(index, item, positions[index]);
                            index++;
                        }
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var name in rules.Required ?? Array.Empty<string>())
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            Missing(name);
                        }
                    }

                    foreach (var dependency in rules.DependentRequired ?? Array.Empty<string[]>())
                    {
                        if (value.TryGetProperty(dependency[0], out _))
                        {
                            for (var i = 1; i < dependency.Length; i++)
                            {
                                if (!value.TryGetProperty(dependency[i], out _))
                                {
                                    Push(dependency[i]);
                                    Report("dependentRequired", "is required when '" + dependency[0] + "' is present", dependency[0]);
                                    Pop();
                                }
                            }
                        }
                    }

                    break;
            }

            if (rules.AllowedValues is { } allowed && !Array.Exists(allowed, candidate => ElementRules.JsonEquals(candidate, value)))
            {
                NotAllowed(rules.AllowedValuesText);
            }

            if (rules.Not is { } not && Meets(value, not))
            {
                Report("not", "must not match the schema " + rules.NotText, rules.NotText);
            }
        }

        /// <summary>Checks the first items of a list kept as JSON against the rules of their positions (<c>prefixItems</c>).</summary>
        public void PrefixItems(IReadOnlyList<JsonElement> items, ElementRules rules)
        {
            var positions = rules.PrefixItems!;
            for (var i = 0; i < items.Count && i < positions.Length; i++)
            {
                PrefixItem(i, items[i], positions[i]);
            }
        }

        private void PrefixItem(int index, JsonElement item, ElementRules rules)
        {
            PushIndex(index);
            Element(item, rules);
            Pop();
        }

        /// <summary>Whether the value meets every rule, checked aside so that what it breaks is not reported.</summary>
        private static bool Meets(JsonElement value, ElementRules rules)
        {
            var probe = new ValidationContext();
            probe.Element(value, rules);
            return probe._errors is null;
        }

        private void JsonPatchMember(string name, string op, string section, bool takes, bool has)
        {
            if (takes == has)
            {
                return;
            }

            Push(name);
            if (takes)
            {
                Report("required", "is required in a '" + op + "' operation (RFC 6902 §" + section + ")", null);
            }
            else
            {
                Report("forbidden", "must not be present in a '" + op + "' operation (RFC 6902 §" + section + ")", null);
            }

            Pop();
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>The by-name checks' answer to a member without a value: missing where it is <paramref name="required"/>, else nothing.</summary>
        private void Absent(string name, bool required)
        {
            if (required)
            {
                Missing(name);
            }
        }

        private static bool AddressesAnotherResource(string segment, bool refuseEmpty)
            => (refuseEmpty && segment.Length == 0) || segment == "." || segment == "..";

        private void ReportPathSegment() => Report("pathSegment", "must not be empty, '.' or '..', which would address another resource", null);

        private void Push(PathSegment segment)
        {
            if (_depth == _path.Length)
            {
                Array.Resize(ref _path, _depth * 2);
            }

            _path[_depth++] = segment;
        }

        private string CurrentPath()
        {
            var builder = new StringBuilder();
            for (var i = 0; i < _depth; i++)
            {
                var segment = _path[i];
                if (segment.Name is null)
                {
                    builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else if (segment.IsKey)
                {
                    builder.Append("['").Append(segment.Name.Replace("'", "\\'")).Append("']");
                }
                else
                {
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(segment.Name);
                }
            }

            return builder.ToString();
        }

        private readonly struct PathSegment
        {
            public PathSegment(string? name, int index, bool isKey)
            {
                Name = name;
                Index = index;
                IsKey = isKey;
            }

            public string? Name { get; }

            public int Index { get; }

            public bool IsKey { get; }
        }
    }
}
