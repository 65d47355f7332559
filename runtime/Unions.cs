namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Text.Json;

    /// <summary>What every generated union is, so that a union whose variant is another union can tell that one's unknown variant.</summary>
    internal interface IUnionValue
    {
        bool IsUnknown { get; }
    }

    /// <summary>
    /// One variant of a generated union (<c>oneOf</c>, <c>anyOf</c>): the discriminator values that name it, and how to
    /// recognize, read, write and check it. Values travel as objects so that one <see cref="UnionShape"/> serves every union.
    /// A record's variant passes its reader as a method group and no writer or check: the record writes and checks itself.
    /// </summary>
    internal sealed class UnionVariant
    {
        /// <param name="name">The variant's name in the generated union.</param>
        /// <param name="discriminatorValues">The discriminator values that pick the variant.</param>
        /// <param name="fits">The structural check: the JSON kind the variant has, and for an object the members it requires.</param>
        /// <param name="read">The variant's reader, as the union's own members read it.</param>
        /// <param name="write">The variant's writer; null for a value that writes itself (<see cref="IJsonWritable"/>), a string, number or boolean, or a list of records, strings, integers or JSON.</param>
        /// <param name="validate">The check of the variant's constraints; null for a value that checks itself (<see cref="IValidatable"/>), or that the spec does not constrain.</param>
        public UnionVariant(string name, string[] discriminatorValues, Func<JsonElement, bool> fits, JsonRead.ValueReader<object> read, Action<Utf8JsonWriter, object>? write = null, Action<ValidationContext, object>? validate = null)
        {
            Name = name;
            DiscriminatorValues = discriminatorValues;
            Fits = fits;
            Read = read;
            Write = write;
            Validate = validate;
        }

        /// <summary>Gets the variant's name in the generated union (<c>Cat</c> for <c>IsCat</c>).</summary>
        public string Name { get; }

        /// <summary>Gets the discriminator values that pick the variant; the first is written for a value built in code.</summary>
        public string[] DiscriminatorValues { get; }

        /// <summary>Gets the structural check: the JSON kind the variant has, and for an object the members it requires.</summary>
        public Func<JsonElement, bool> Fits { get; }

        public JsonRead.ValueReader<object> Read { get; }

        public Action<Utf8JsonWriter, object>? Write { get; }

        /// <summary>Gets the check of the variant's constraints; null for a value that checks itself, or that the spec does not constrain.</summary>
        public Action<ValidationContext, object>? Validate { get; }

        /// <summary>Whether the variant's value has constraints to check.</summary>
        public bool HasChecks(object value) => Validate is not null || value is IValidatable;

        public void WriteValue(Utf8JsonWriter writer, object value)
        {
            if (Write is not null)
            {
                Write(writer, value);
                return;
            }

            switch (value)
            {
                case IJsonWritable writable: writable.WriteTo(writer); break;
                case string text: writer.WriteStringValue(text); break;
                case long number: writer.WriteNumberValue(number); break;
                case int number: writer.WriteNumberValue(number); break;
                case double number: writer.WriteNumberValue(number); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case IReadOnlyList<IJsonWritable> items: JsonWrite.List(writer, items); break;
                case IReadOnlyList<string> items: JsonWrite.List(writer, items); break;
                case IReadOnlyList<long> items: JsonWrite.List(writer, items); break;
                case IReadOnlyList<JsonElement> items: JsonWrite.List(writer, items); break;
                default: throw new InvalidOperationException("The variant " + Name + " has no writer for a " + value.GetType().Name + ".");
            }
        }

        public void ValidateValue(ValidationContext context, object value)
        {
            if (Validate is not null)
            {
                Validate(context, value);
            }
            else if (value is IValidatable validatable)
            {
                validatable.ValidateMembers(context);
            }
        }
    }

    /// <summary>
    /// How a generated union tells its variants apart, reads, writes and checks them. With a discriminator, its value
    /// picks the variant. Without one, reading tries the variants in the spec's order: of those whose structure fits
    /// (the JSON kind; for an object, every member it requires is there) and that read, the first that is also valid wins,
    /// else the first that reads. JSON no variant takes, or a discriminator value no variant has, is the unknown variant
    /// (index -1): reading never fails over it, the JSON is kept, written back as it was, and reported by validation.
    /// </summary>
    internal sealed class UnionShape
    {
        /// <summary>How deep unions are reading unions on this thread: two unions that are each other's variants would otherwise try each other without end.</summary>
        [ThreadStatic]
        private static int t_depth;

        private const int MaxDepth = 64;

        /// <summary>
        /// Whether a <c>oneOf</c> on this thread is counting the variants that match. The unions inside a candidate then
        /// check their variant but not, again, how many of theirs match: that would multiply at each level, without end
        /// for two unions that are each other's variants.
        /// </summary>
        [ThreadStatic]
        private static bool t_counting;

        private readonly UnionVariant[] _variants;

        /// <param name="keyword"><c>oneOf</c> (exactly one variant matches) or <c>anyOf</c> (at least one does).</param>
        /// <param name="discriminatorProperty">The member whose value names the variant; null for a union without.</param>
        /// <param name="variants">The variants in the spec's order, the order reading tries them in.</param>
        public UnionShape(string keyword, string? discriminatorProperty, params UnionVariant[] variants)
        {
            Keyword = keyword;
            DiscriminatorProperty = discriminatorProperty;
            _variants = variants;
        }

        public string Keyword { get; }

        public string? DiscriminatorProperty { get; }

        /// <summary>Picks and reads the variant of <paramref name="json"/>; returns its index, or -1 for the unknown variant.</summary>
        /// <param name="json">The JSON of the value, read whole.</param>
        /// <param name="value">The variant read; null for the unknown variant.</param>
        /// <param name="discriminatorValue">The discriminator's value, when the union has one and the JSON carries it as a string.</param>
        /// <exception cref="JsonException">The discriminator names a variant whose shape the JSON does not have.</exception>
        public int Read(JsonElement json, out object? value, out string? discriminatorValue)
        {
            value = null;
            discriminatorValue = null;
            if (DiscriminatorProperty is { } property)
            {
                var sent = json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var member) && member.ValueKind == JsonValueKind.String
                    ? member.GetString()
                    : null;
                discriminatorValue = sent;
                var named = sent is null ? -1 : Array.FindIndex(_variants, v => Array.IndexOf(v.DiscriminatorValues, sent) >= 0);
                if (named >= 0)
                {
                    value = UnionJson.Read(json, _variants[named].Read);
                }

                return named;
            }

            if (t_depth >= MaxDepth)
            {
                return -1;
            }

            t_depth++;
            try
            {
                var firstRead = -1;
                for (var index = 0; index < _variants.Length; index++)
                {
                    if (!TryRead(_variants[index], json, out var candidate))
                    {
                        continue;
                    }

                    if (IsValid(_variants[index], candidate))
                    {
                        value = candidate;
                        return index;
                    }

                    if (firstRead < 0)
                    {
                        (firstRead, value) = (index, candidate);
                    }
                }

                return firstRead;
            }
            finally
            {
                t_depth--;
            }
        }

        /// <summary>
        /// Writes the JSON read when there is some (nothing is lost, a member no variant describes included), else the
        /// variant, with its discriminator value where the union has a discriminator.
        /// </summary>
        public void Write(Utf8JsonWriter writer, int variant, object? value, JsonElement? json, string? discriminatorValue)
        {
            if (json is { } read)
            {
                read.WriteTo(writer);
                return;
            }

            var written = _variants[variant];
            if (DiscriminatorProperty is not { } property)
            {
                written.WriteValue(writer, value!);
                return;
            }

            // The discriminator goes first, so that a reader that streams can pick the variant without buffering.
            using var document = JsonDocument.Parse(JsonWrite.ToUtf8(value!, written.WriteValue));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.RootElement.WriteTo(writer);
                return;
            }

            writer.WriteStartObject();
            writer.WriteString(property, discriminatorValue ?? written.DiscriminatorValues[0]);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Name != property)
                {
                    member.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>
        /// Checks the variant held against its constraints, at the union's path. The unknown variant is a violation: of the
        /// discriminator, or of the keyword when no variant matches. A <c>oneOf</c> without a discriminator also checks
        /// that no other variant matches <paramref name="json"/>, the value's JSON.
        /// </summary>
        public void Validate(ValidationContext context, int variant, object? value, JsonElement? json, string? discriminatorValue)
        {
            if (variant >= 0)
            {
                _variants[variant].ValidateValue(context, value!);
                if (Keyword == "oneOf" && DiscriminatorProperty is null && json is { } written && !t_counting)
                {
                    var matching = new List<string>();
                    t_counting = true;
                    try
                    {
                        foreach (var candidate in _variants)
                        {
                            if (TryRead(candidate, written, out var read) && IsValid(candidate, read))
                            {
                                matching.Add(candidate.Name);
                            }
                        }
                    }
                    finally
                    {
                        t_counting = false;
                    }

                    if (matching.Count > 1)
                    {
                        context.Report("oneOf", "must match exactly one of " + Names() + ", but matches " + string.Join(", ", matching), null);
                    }
                }

                return;
            }

            if (DiscriminatorProperty is not { } property)
            {
                context.Report(Keyword, "must match " + (Keyword == "oneOf" ? "exactly one" : "at least one") + " of " + Names() + ", but matches none", null);
                return;
            }

            var allowed = new List<string>();
            foreach (var candidate in _variants)
            {
                allowed.AddRange(candidate.DiscriminatorValues);
            }

            var allowedText = string.Join(", ", allowed.ConvertAll(v => "'" + v + "'"));
            if (discriminatorValue is null)
            {
                context.Push(property);
                context.Report("discriminator", "is required and must be a string that names the variant: one of " + allowedText, allowedText);
                context.Pop();
                return;
            }

            context.Push(property);
            context.Report("discriminator", "must name a variant the spec knows: one of " + allowedText + " (is '" + discriminatorValue + "')", allowedText);
            context.Pop();
        }

        private static bool TryRead(UnionVariant variant, JsonElement json, out object value)
        {
            value = null!;
            if (!variant.Fits(json))
            {
                return false;
            }

            try
            {
                // A nested union that took none of its variants does not match: so two unions that are each other's
                // variants stop at the first JSON neither takes.
                value = UnionJson.Read(json, variant.Read);
                return value is not IUnionValue { IsUnknown: true };
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                return false;
            }
        }

        private static bool IsValid(UnionVariant variant, object value)
        {
            if (!variant.HasChecks(value))
            {
                return true;
            }

            var context = ValidationContext.Rent();
            variant.ValidateValue(context, value);
            return context.Complete().Count == 0;
        }

        private string Names() => string.Join(", ", Array.ConvertAll(_variants, v => v.Name));
    }

    /// <summary>What the generated unions share beyond their shape: reading a variant from kept JSON, and comparing values.</summary>
    internal static class UnionJson
    {
        /// <summary>Reads a variant from JSON kept as an element, with the variant's own generated reader.</summary>
        public static T Read<T>(JsonElement json, JsonRead.ValueReader<T> read)
        {
            var reader = JsonRead.Start(JsonWrite.ToUtf8(json, static (writer, value) => value.WriteTo(writer)));
            return read(ref reader);
        }

        /// <summary>Two unions are equal when they write equal JSON (as JSON Schema's <c>enum</c> compares values).</summary>
        public static bool SameJson(byte[] left, byte[] right)
        {
            using var l = JsonDocument.Parse(left);
            using var r = JsonDocument.Parse(right);
            return ElementRules.JsonEquals(l.RootElement, r.RootElement);
        }

        /// <summary>A hash that agrees with <see cref="SameJson"/>: JSON equal as values has the same kind.</summary>
        public static int KindOf(byte[] json)
        {
            var reader = new Utf8JsonReader(json);
            return reader.Read() ? (int)reader.TokenType : 0;
        }
    }
}
