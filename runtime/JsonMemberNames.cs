namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Runtime.CompilerServices;
    using System.Text;
    using System.Text.Json;

    /// <summary>
    /// The JSON names of a record's members in schema order: as UTF-8 to recognize them when reading, and encoded once
    /// to write them without transcoding and escaping them on every call. A record's reader loops over the object's
    /// members and finds each one's index with one call here; its writer writes each member with one call, which the
    /// JIT inlines (a record's writer is then the test and the write per member it would be written by hand: a string,
    /// number or boolean member goes out with its name in one <see cref="Utf8JsonWriter"/> call, and a nested record's
    /// sealed type lets the JIT call its writer directly rather than through <see cref="IJsonWritable"/>).
    /// </summary>
    internal sealed class JsonMemberNames
    {
        private readonly byte[][] _utf8;
        private readonly JsonEncodedText[] _encoded;

        public JsonMemberNames(params string[] names)
        {
            _utf8 = new byte[names.Length][];
            _encoded = new JsonEncodedText[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
                _encoded[i] = JsonEncodedText.Encode(names[i]);
            }
        }

        /// <summary>The names, one a line (a raw string literal's lines, whichever line breaks the file has).</summary>
        public static JsonMemberNames FromLines(string lines) => new(lines.Split(LineBreaks, StringSplitOptions.None));

        private static readonly string[] LineBreaks = { "\r\n", "\n" };

        /// <summary>Gets the name of the member at <paramref name="index"/>, encoded for writing.</summary>
        public JsonEncodedText this[int index] => _encoded[index];

        /// <summary>Starts reading an object's member names, expecting the first one first; see <see cref="Cursor.ReadName"/>.</summary>
        public Cursor StartReading() => new(_utf8);

        /// <summary>Reads an object whose schema names no member: every member it has is one the schema does not describe.</summary>
        /// <param name="reader">The reader, on the object's start.</param>
        /// <param name="noteUnknown">Whether the schema allows no members at all, so that each is noted for the response check.</param>
        public static Dictionary<string, JsonElement>? AdditionalPropertiesOf(ref Utf8JsonReader reader, bool noteUnknown = false)
        {
            Dictionary<string, JsonElement>? additionalProperties = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                KeepUnknown(ref reader, ref additionalProperties, noteUnknown);
            }

            return additionalProperties;
        }

        /// <summary>
        /// Keeps the member whose name the reader is on, which the schema does not describe, in
        /// <paramref name="additionalProperties"/> (created on the first one), and moves the reader to the end of its value.
        /// </summary>
        /// <param name="reader">The reader, on the member's name.</param>
        /// <param name="additionalProperties">The members the schema does not describe, created on the first one.</param>
        /// <param name="noteUnknown">Whether the schema allows no other members (<c>additionalProperties: false</c>), so that each kept one is noted for the response check.</param>
        public static void KeepUnknown(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? additionalProperties, bool noteUnknown = false)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (noteUnknown)
            {
                JsonRead.UnknownMember(ref reader);
            }

            (additionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
        }

        /// <summary>Writes the member at <paramref name="index"/> when it has a value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteString(Utf8JsonWriter writer, int index, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(_encoded[index], value);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteInt32(Utf8JsonWriter writer, int index, int? value)
        {
            if (value is { } number)
            {
                writer.WriteNumber(_encoded[index], number);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteInt64(Utf8JsonWriter writer, int index, long? value)
        {
            if (value is { } number)
            {
                writer.WriteNumber(_encoded[index], number);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteDouble(Utf8JsonWriter writer, int index, double? value)
        {
            if (value is { } number)
            {
                writer.WriteNumber(_encoded[index], number);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteBoolean(Utf8JsonWriter writer, int index, bool? value)
        {
            if (value is { } flag)
            {
                writer.WriteBoolean(_encoded[index], flag);
            }
        }

        /// <summary>Writes the member at <paramref name="index"/> when it holds JSON: a default element holds none.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteElement(Utf8JsonWriter writer, int index, JsonElement? value)
        {
            if (value is { ValueKind: not JsonValueKind.Undefined } element)
            {
                writer.WritePropertyName(_encoded[index]);
                element.WriteTo(writer);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteRecord(Utf8JsonWriter writer, int index, IJsonWritable? value)
        {
            if (value is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                value.WriteTo(writer);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteRecordList(Utf8JsonWriter writer, int index, IReadOnlyList<IJsonWritable>? items)
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteStringList(Utf8JsonWriter writer, int index, IReadOnlyList<string>? items)
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteInt64List(Utf8JsonWriter writer, int index, IReadOnlyList<long>? items)
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteElementList(Utf8JsonWriter writer, int index, IReadOnlyList<JsonElement>? items)
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items);
            }
        }

        /// <summary>Writes the member at <paramref name="index"/>, a list of an enum's values, when it has a value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteEnumList<T>(Utf8JsonWriter writer, int index, IReadOnlyList<T>? items, Func<T, string> toWire)
            where T : struct
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items, toWire);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteStringMap(Utf8JsonWriter writer, int index, IReadOnlyDictionary<string, string>? map)
        {
            if (map is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.Map(writer, map);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteInt64Map(Utf8JsonWriter writer, int index, IReadOnlyDictionary<string, long>? map)
        {
            if (map is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.Map(writer, map);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteElementMap(Utf8JsonWriter writer, int index, IReadOnlyDictionary<string, JsonElement>? map)
        {
            if (map is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.Map(writer, map);
            }
        }

        /// <inheritdoc cref="WriteString(Utf8JsonWriter, int, string?)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteRecordMap<T>(Utf8JsonWriter writer, int index, IReadOnlyDictionary<string, T>? map)
            where T : IJsonWritable
        {
            if (map is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.Map(writer, map);
            }
        }

        /// <summary>Writes the member at <paramref name="index"/> with <paramref name="write"/> when it has a value.</summary>
        /// <remarks>Pass a static lambda, which C# allocates once: writing allocates nothing per call.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write<T>(Utf8JsonWriter writer, int index, T? value, Action<Utf8JsonWriter, T> write)
            where T : class
        {
            if (value is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                write(writer, value);
            }
        }

        /// <inheritdoc cref="Write{T}(Utf8JsonWriter, int, T, Action{Utf8JsonWriter, T})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write<T>(Utf8JsonWriter writer, int index, T? value, Action<Utf8JsonWriter, T> write)
            where T : struct
        {
            if (value is { } present)
            {
                writer.WritePropertyName(_encoded[index]);
                write(writer, present);
            }
        }

        /// <summary>Writes a merge patch's member (RFC 7396) when it is set: null, which removes the field, or its value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WritePatch<T>(Utf8JsonWriter writer, int index, Optional<T?> value, Action<Utf8JsonWriter, T> write)
            where T : class
        {
            if (value.IsSet)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.NullOr(writer, value.Value, write);
            }
        }

        /// <inheritdoc cref="WritePatch{T}(Utf8JsonWriter, int, Optional{T}, Action{Utf8JsonWriter, T})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WritePatchString(Utf8JsonWriter writer, int index, Optional<string?> value)
        {
            if (value.IsSet)
            {
                writer.WritePropertyName(_encoded[index]);
                writer.WriteStringValue(value.Value);
            }
        }

        /// <inheritdoc cref="WritePatch{T}(Utf8JsonWriter, int, Optional{T}, Action{Utf8JsonWriter, T})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WritePatchRecord<T>(Utf8JsonWriter writer, int index, Optional<T?> value)
            where T : class, IJsonWritable
        {
            if (value.IsSet)
            {
                writer.WritePropertyName(_encoded[index]);
                if (value.Value is { } present)
                {
                    present.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }
        }

        /// <inheritdoc cref="WritePatch{T}(Utf8JsonWriter, int, Optional{T}, Action{Utf8JsonWriter, T})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WritePatch<T>(Utf8JsonWriter writer, int index, Optional<T?> value, Action<Utf8JsonWriter, T> write)
            where T : struct
        {
            if (value.IsSet)
            {
                writer.WritePropertyName(_encoded[index]);
                if (value.Value is { } present)
                {
                    write(writer, present);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }
        }

        /// <summary>
        /// A reading constructor's place in the member names: the names, as UTF-8, and the one expected next. It is a local
        /// of the constructor, so the loop over the members reads no static field per member.
        /// </summary>
        public struct Cursor
        {
            private readonly byte[][] _names;
            private int _next;

            internal Cursor(byte[][] names)
            {
                _names = names;
                _next = 0;
            }

            /// <summary>
            /// Reads the property name the reader is on: returns the member's index, with the reader moved on to its value,
            /// or -1 for a name the schema does not have, with the reader still on the name (see <see cref="KeepUnknown"/>).
            /// The search starts at the member after the one found last: services send members in schema order, so one
            /// comparison per member is the usual cost, not one per known name.
            /// </summary>
            public int ReadName(ref Utf8JsonReader reader)
            {
                // The expected name first, without the search's loop: it is the usual case, and the one a call should cost.
                var names = _names;
                var next = _next;
                if (next < names.Length && reader.ValueTextEquals(names[next]))
                {
                    _next = next + 1;
                    reader.Read();
                    return next;
                }

                return Search(ref reader);
            }

            /// <summary>Finds a name that is not the expected one: one pass over the names from the expected one, wrapping once.</summary>
            private int Search(ref Utf8JsonReader reader)
            {
                var names = _names;
                var index = _next;
                for (var tried = 0; tried < names.Length; tried++, index++)
                {
                    if (index == names.Length)
                    {
                        index = 0;
                    }

                    if (reader.ValueTextEquals(names[index]))
                    {
                        _next = index + 1;
                        reader.Read();
                        return index;
                    }
                }

                return -1;
            }
        }
    }
}
