namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Buffers;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Runtime.CompilerServices;
    using System.Text;
    using System.Text.Json;

    /// <summary>Reads JSON values leniently: services send numbers as strings and strings as numbers, and nothing they send is lost.</summary>
    internal static class JsonRead
    {
        /// <summary>What lenient reading accepted that the spec does not allow, while a response is checked; null otherwise.</summary>
        [ThreadStatic]
        private static List<Note>? t_notes;

        public delegate T ValueReader<T>(ref Utf8JsonReader reader);

        /// <summary>
        /// A value lenient reading accepted although the spec does not allow it: where it starts in the JSON, and the rule
        /// it breaks (<c>type</c> for a value of another JSON type it converted, <c>nullable</c> for a null, and
        /// <c>additionalProperties</c> for a member a closed schema does not name) with the message that says how.
        /// </summary>
        public readonly struct Note
        {
            public Note(long position, string rule, string message)
            {
                Position = position;
                Rule = rule;
                Message = message;
            }

            public long Position { get; }

            public string Rule { get; }

            public string Message { get; }
        }

        /// <summary>Starts noting, on this thread, what lenient reading accepts beyond the spec, until <see cref="StopNoting"/>.</summary>
        public static void StartNoting() => t_notes = new List<Note>();

        public static List<Note> StopNoting()
        {
            var notes = t_notes ?? new List<Note>();
            t_notes = null;
            return notes;
        }

        /// <summary>
        /// Whether <paramref name="reader"/> is on a JSON null where the spec does not make the value nullable, which it
        /// then notes for the response check: lenient reading still accepts it (the member stays null), as in
        /// <c>JsonRead.IsUnexpectedNull(ref reader) ? null : new Owner(ref reader)</c>. Inlined, so a member's read tests
        /// the token itself and calls out only on a null.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsUnexpectedNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null && NoteNull(ref reader);

        private static bool NoteNull(ref Utf8JsonReader reader)
        {
            t_notes?.Add(new Note(reader.TokenStartIndex, "nullable", "must not be null, which the spec does not allow here"));
            return true;
        }

        /// <summary>Notes, for the response check, the member whose value <paramref name="reader"/> is on, which a schema with <c>additionalProperties: false</c> does not name.</summary>
        public static void UnknownMember(ref Utf8JsonReader reader)
            => t_notes?.Add(new Note(reader.TokenStartIndex, "additionalProperties", "is not a member the spec describes, and its schema allows no others"));

        public static Utf8JsonReader Start(ReadOnlySpan<byte> utf8Json)
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read())
            {
                throw new JsonException("The JSON is empty.");
            }

            return reader;
        }

        public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected a JSON object for " + typeName + " but found " + reader.TokenType + ".");
            }
        }

        /// <summary>
        /// A string; null for a JSON null. Where the spec does not make the value <paramref name="nullable"/>, a null is
        /// still read, and noted for the response check, when reading <paramref name="lenient"/>ly, and refused when
        /// reading strictly; the same holds for the other scalar readers.
        /// </summary>
        public static string? String(ref Utf8JsonReader reader, bool lenient, bool nullable = true)
            => reader.TokenType switch
            {
                JsonTokenType.Null when AcceptsNull(ref reader, lenient, nullable) => null,
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False when lenient => Converted(ref reader, "a string", RawText(ref reader)),
                _ => throw Unexpected(ref reader, "a string"),
            };

        /// <summary>
        /// Bytes sent as base64 (or base64url) text. Text that is not base64 is a JsonException, as a value of the wrong
        /// kind is: no lenient reading can recover bytes from it.
        /// </summary>
        public static byte[]? Bytes(ref Utf8JsonReader reader, bool url)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                throw Unexpected(ref reader, url ? "base64url text" : "base64 text");
            }

            var bytes = url ? Base64Text.DecodeUrl(reader.GetString()!) : reader.TryGetBytesFromBase64(out var decoded) ? decoded : null;
            return bytes ?? throw new JsonException("Expected " + (url ? "base64url" : "base64") + " text but found a string that is not, at position " + reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture) + ".");
        }

        /// <inheritdoc cref="String(ref Utf8JsonReader, bool, bool)"/>
        public static int? Int32(ref Utf8JsonReader reader, bool lenient, bool nullable = true)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetInt32(out var number) ? number : (int)Integral(ref reader, int.MinValue, int.MaxValue);
            }

            return NumberFromString(ref reader, lenient, nullable, "an integer", static text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));
        }

        /// <inheritdoc cref="String(ref Utf8JsonReader, bool, bool)"/>
        public static long? Int64(ref Utf8JsonReader reader, bool lenient, bool nullable = true)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetInt64(out var number) ? number : (long)Integral(ref reader, long.MinValue, long.MaxValue);
            }

            return NumberFromString(ref reader, lenient, nullable, "an integer", static text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));
        }

        /// <inheritdoc cref="String(ref Utf8JsonReader, bool, bool)"/>
        public static double? Double(ref Utf8JsonReader reader, bool lenient, bool nullable = true)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.GetDouble();
            }

            return NumberFromString(ref reader, lenient, nullable, "a number", static text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        /// <inheritdoc cref="String(ref Utf8JsonReader, bool, bool)"/>
        public static bool? Boolean(ref Utf8JsonReader reader, bool lenient, bool nullable = true)
            => reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Null when AcceptsNull(ref reader, lenient, nullable) => null,
                JsonTokenType.String when lenient && reader.ValueTextEquals("true"u8) => Converted(ref reader, "a boolean", true),
                JsonTokenType.String when lenient && reader.ValueTextEquals("false"u8) => Converted(ref reader, "a boolean", false),
                JsonTokenType.String when lenient && reader.ValueTextEquals(""u8) => Converted<bool?>(ref reader, "a boolean", null),
                _ => throw Unexpected(ref reader, "a boolean"),
            };

        public static JsonElement Element(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

        public static IReadOnlyList<T> List<T>(ref Utf8JsonReader reader, ValueReader<T> readItem)
        {
            var items = new List<T>();
            for (ExpectStartArray(ref reader); reader.Read() && reader.TokenType != JsonTokenType.EndArray;)
            {
                items.Add(readItem(ref reader));
            }

            return items;
        }

        /// <summary>
        /// A list, or null for a JSON null; where the spec does not make the list <paramref name="nullable"/> (a lenient
        /// read: a strict one reads the list with <see cref="List{T}"/>, which refuses the null) the null is noted for the
        /// response check. One call where a member's read would otherwise be a conditional expression around the list's.
        /// </summary>
        public static IReadOnlyList<T>? ListOrNull<T>(ref Utf8JsonReader reader, ValueReader<T> readItem, bool nullable)
            => reader.TokenType == JsonTokenType.Null && (nullable || NoteNull(ref reader)) ? null : List(ref reader, readItem);

        /// <summary>A list of strings, none of them null; the same as <see cref="List{T}"/> with a reader of present strings, without its delegate.</summary>
        public static IReadOnlyList<string> StringList(ref Utf8JsonReader reader, bool lenient)
        {
            var items = new List<string>();
            for (ExpectStartArray(ref reader); reader.Read() && reader.TokenType != JsonTokenType.EndArray;)
            {
                items.Add(NotNull(String(ref reader, lenient), ref reader));
            }

            return items;
        }

        /// <summary>A list of integers, none of them null; see <see cref="StringList"/>.</summary>
        public static IReadOnlyList<long> Int64List(ref Utf8JsonReader reader, bool lenient)
        {
            var items = new List<long>();
            for (ExpectStartArray(ref reader); reader.Read() && reader.TokenType != JsonTokenType.EndArray;)
            {
                items.Add(NotNull(Int64(ref reader, lenient), ref reader));
            }

            return items;
        }

        /// <summary>A list of an enum's values, none of them null, each read by <paramref name="readItem"/> (the enum's own reader).</summary>
        public static IReadOnlyList<T> EnumList<T>(ref Utf8JsonReader reader, ValueReader<T?> readItem)
            where T : struct
        {
            var items = new List<T>();
            for (ExpectStartArray(ref reader); reader.Read() && reader.TokenType != JsonTokenType.EndArray;)
            {
                items.Add(NotNull(readItem(ref reader), ref reader));
            }

            return items;
        }

        public static IReadOnlyDictionary<string, T> Map<T>(ref Utf8JsonReader reader, ValueReader<T> readValue)
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            for (ExpectStartMap(ref reader); NextKey(ref reader, out var key);)
            {
                map[key] = readValue(ref reader);
            }

            return map;
        }

        /// <summary>A map of strings, none of them null; the same as <see cref="Map{T}"/> with a reader of present strings, without its delegate.</summary>
        public static IReadOnlyDictionary<string, string> StringMap(ref Utf8JsonReader reader, bool lenient)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (ExpectStartMap(ref reader); NextKey(ref reader, out var key);)
            {
                map[key] = NotNull(String(ref reader, lenient), ref reader);
            }

            return map;
        }

        /// <summary>A map of integers, none of them null; see <see cref="StringMap"/>.</summary>
        public static IReadOnlyDictionary<string, long> Int64Map(ref Utf8JsonReader reader, bool lenient)
        {
            var map = new Dictionary<string, long>(StringComparer.Ordinal);
            for (ExpectStartMap(ref reader); NextKey(ref reader, out var key);)
            {
                map[key] = NotNull(Int64(ref reader, lenient), ref reader);
            }

            return map;
        }

        private static void ExpectStartArray(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Unexpected(ref reader, "an array");
            }
        }

        private static void ExpectStartMap(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, "an object");
            }
        }

        /// <summary>Moves to a map's next member: false at the map's end, else its key, with the reader on its value.</summary>
        private static bool NextKey(ref Utf8JsonReader reader, out string key)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                key = null!;
                return false;
            }

            key = reader.GetString()!;
            reader.Read();
            return true;
        }

        public static T NotNull<T>(T? value, ref Utf8JsonReader reader)
            where T : class
            => value ?? throw UnexpectedNull(ref reader);

        public static T NotNull<T>(T? value, ref Utf8JsonReader reader)
            where T : struct
            => value ?? throw UnexpectedNull(ref reader);

        public static JsonException MissingProperty(string typeName, string wireName)
            => new("The JSON for " + typeName + " has no '" + wireName + "', which is required.");

        public static JsonException UnknownEnumValue(string typeName, string? value)
            => new("'" + value + "' is not a known " + typeName + " value.");

        /// <summary>
        /// Leniently, a number sent as a string is read as the number and an empty string means the value is not set.
        /// Strictly, only JSON numbers and null are accepted.
        /// </summary>
        private static T? NumberFromString<T>(ref Utf8JsonReader reader, bool lenient, bool nullable, string expected, Func<string, T> parse)
            where T : struct
        {
            if (reader.TokenType == JsonTokenType.Null && AcceptsNull(ref reader, lenient, nullable))
            {
                return null;
            }

            if (lenient && reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString()!;
                Converted(ref reader, expected, 0);
                if (text.Length == 0)
                {
                    return null;
                }

                try
                {
                    return parse(text.Trim());
                }
                catch (Exception exception) when (exception is FormatException or OverflowException)
                {
                    throw new JsonException("'" + text + "' is not " + expected + ".", exception);
                }
            }

            throw Unexpected(ref reader, expected);
        }

        /// <summary>JSON Schema counts 1.0 as an integer; anything with a fraction, or out of the type's range, is not one.</summary>
        private static decimal Integral(ref Utf8JsonReader reader, decimal min, decimal max)
        {
            if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number >= min && number <= max)
            {
                return number;
            }

            throw Unexpected(ref reader, "an integer in range");
        }

        private static T Converted<T>(ref Utf8JsonReader reader, string expected, T value)
        {
            t_notes?.Add(new Note(reader.TokenStartIndex, "type", "must be " + expected + ", but the service sent " + Describe(reader.TokenType)));
            return value;
        }

        /// <summary>Whether the JSON null the reader is on is a value: where the spec allows it, or noted when reading leniently.</summary>
        private static bool AcceptsNull(ref Utf8JsonReader reader, bool lenient, bool nullable)
        {
            if (!nullable && lenient)
            {
                NoteNull(ref reader);
            }

            return nullable || lenient;
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            _ => "a boolean",
        };

        private static string RawText(ref Utf8JsonReader reader)
            => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());

        private static JsonException UnexpectedNull(ref Utf8JsonReader reader)
            => new("Unexpected null at position " + reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture) + ".");

        private static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
            => new("Expected " + expected + " but found " + reader.TokenType + " at position " + reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture) + ".");
    }
}
