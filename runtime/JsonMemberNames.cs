namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Text;
    using System.Text.Json;

    /// <summary>
    /// The JSON names of a record's members in schema order: as UTF-8 to recognize them when reading, and encoded once
    /// to write them without transcoding and escaping them on every call. A record reads and writes each member with one
    /// call here, so that what every member does alike is written once.
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

        /// <summary>Gets the name of the member at <paramref name="index"/>, encoded for writing.</summary>
        public JsonEncodedText this[int index] => _encoded[index];

        /// <summary>
        /// Returns the index of the property name the reader is on, or -1 for a name the schema does not have. The search
        /// starts at <paramref name="nextMember"/>, the member after the one found last: services send members in schema
        /// order, so one comparison per member is the usual cost, not one per known name.
        /// </summary>
        public int IndexOf(ref Utf8JsonReader reader, ref int nextMember)
        {
            for (var tried = 0; tried < _utf8.Length; tried++)
            {
                var index = nextMember + tried;
                if (index >= _utf8.Length)
                {
                    index -= _utf8.Length;
                }

                if (reader.ValueTextEquals(_utf8[index]))
                {
                    nextMember = index + 1;
                    return index;
                }
            }

            return -1;
        }

        /// <summary>
        /// Moves to the next member of the object being read and returns its index, with the reader on the member's value;
        /// returns -1 at the end of the object. A member the schema does not describe is kept in
        /// <paramref name="additionalProperties"/>, created on the first one.
        /// </summary>
        /// <param name="reader">The reader, inside the object.</param>
        /// <param name="nextMember">Where the next member is expected, in the schema's order; see <see cref="IndexOf"/>.</param>
        /// <param name="additionalProperties">The members the schema does not describe, created on the first one.</param>
        /// <param name="noteUnknown">Whether the schema allows no other members (<c>additionalProperties: false</c>), so that each kept one is noted for the response check.</param>
        public int Next(ref Utf8JsonReader reader, ref int nextMember, ref Dictionary<string, JsonElement>? additionalProperties, bool noteUnknown = false)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = IndexOf(ref reader, ref nextMember);
                var name = index < 0 ? reader.GetString()! : null;
                reader.Read();
                if (name is null)
                {
                    return index;
                }

                KeepUnknown(ref reader, name, ref additionalProperties, noteUnknown);
            }

            return -1;
        }

        /// <summary>
        /// Moves to the next member as <see cref="Next(ref Utf8JsonReader, ref int, ref Dictionary{string, JsonElement}?, bool)"/>
        /// does, skipping a member the schema does not describe: a patch only ever goes to the server, where such a member
        /// has no meaning.
        /// </summary>
        public int Next(ref Utf8JsonReader reader, ref int nextMember)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = IndexOf(ref reader, ref nextMember);
                reader.Read();
                if (index >= 0)
                {
                    return index;
                }

                reader.Skip();
            }

            return -1;
        }

        /// <summary>Reads an object whose schema names no member: every member it has is one the schema does not describe.</summary>
        /// <param name="reader">The reader, on the object's start.</param>
        /// <param name="noteUnknown">Whether the schema allows no members at all, so that each is noted for the response check.</param>
        public static Dictionary<string, JsonElement>? AdditionalPropertiesOf(ref Utf8JsonReader reader, bool noteUnknown = false)
        {
            Dictionary<string, JsonElement>? additionalProperties = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                KeepUnknown(ref reader, name, ref additionalProperties, noteUnknown);
            }

            return additionalProperties;
        }

        /// <summary>Keeps the value the reader is on, of a member the schema does not describe, noting it where the schema allows none.</summary>
        private static void KeepUnknown(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? additionalProperties, bool noteUnknown)
        {
            if (noteUnknown)
            {
                JsonRead.UnknownMember(ref reader);
            }

            (additionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
        }

        /// <summary>Writes the member at <paramref name="index"/> when it has a value.</summary>
        public void Write(Utf8JsonWriter writer, int index, string? value)
        {
            if (value is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                writer.WriteStringValue(value);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, int? value)
        {
            if (value is { } number)
            {
                writer.WritePropertyName(_encoded[index]);
                writer.WriteNumberValue(number);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, long? value)
        {
            if (value is { } number)
            {
                writer.WritePropertyName(_encoded[index]);
                writer.WriteNumberValue(number);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, double? value)
        {
            if (value is { } number)
            {
                writer.WritePropertyName(_encoded[index]);
                writer.WriteNumberValue(number);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, bool? value)
        {
            if (value is { } flag)
            {
                writer.WritePropertyName(_encoded[index]);
                writer.WriteBooleanValue(flag);
            }
        }

        /// <summary>Writes the member at <paramref name="index"/> when it holds JSON: a default element holds none.</summary>
        public void Write(Utf8JsonWriter writer, int index, JsonElement? value)
        {
            if (value is { ValueKind: not JsonValueKind.Undefined } element)
            {
                writer.WritePropertyName(_encoded[index]);
                element.WriteTo(writer);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, IJsonWritable? value)
        {
            if (value is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                value.WriteTo(writer);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, IReadOnlyList<IJsonWritable>? items)
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, IReadOnlyList<string>? items)
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write(Utf8JsonWriter writer, int index, IReadOnlyList<long>? items)
        {
            if (items is not null)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.List(writer, items);
            }
        }

        /// <inheritdoc cref="Write(Utf8JsonWriter, int, string?)"/>
        public void Write<T>(Utf8JsonWriter writer, int index, IReadOnlyDictionary<string, T>? map)
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
        public void Write<T>(Utf8JsonWriter writer, int index, Optional<T?> value, Action<Utf8JsonWriter, T> write)
            where T : class
        {
            if (value.IsSet)
            {
                writer.WritePropertyName(_encoded[index]);
                JsonWrite.NullOr(writer, value.Value, write);
            }
        }

        /// <inheritdoc cref="Write{T}(Utf8JsonWriter, int, Optional{T}, Action{Utf8JsonWriter, T})"/>
        public void Write(Utf8JsonWriter writer, int index, Optional<string?> value)
        {
            if (value.IsSet)
            {
                writer.WritePropertyName(_encoded[index]);
                writer.WriteStringValue(value.Value);
            }
        }

        /// <inheritdoc cref="Write{T}(Utf8JsonWriter, int, Optional{T}, Action{Utf8JsonWriter, T})"/>
        public void Write<T>(Utf8JsonWriter writer, int index, Optional<T?> value)
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

        /// <inheritdoc cref="Write{T}(Utf8JsonWriter, int, Optional{T}, Action{Utf8JsonWriter, T})"/>
        public void Write<T>(Utf8JsonWriter writer, int index, Optional<T?> value, Action<Utf8JsonWriter, T> write)
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
    }
}
