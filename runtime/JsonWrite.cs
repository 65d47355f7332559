namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Text.Json;

    /// <summary>
    /// A generated record, union or JSON Patch document, which writes itself as JSON. The writers take this interface rather
    /// than a writer lambda per call, so that writing a member is a plain call the consumer's compiler binds at once.
    /// </summary>
    internal interface IJsonWritable
    {
        void WriteTo(Utf8JsonWriter writer);
    }

    /// <summary>Writes collections with a writer for their items.</summary>
    internal static class JsonWrite
    {
        /// <summary>
        /// Writes a record, union or JSON Patch document, whose writer is its <see cref="IJsonWritable"/> implementation
        /// alone: the calls that write it from a member, a list or <c>ToJson</c> go through the interface anyway, so a
        /// second, internal method would only add a call to each.
        /// </summary>
        public static void Value(Utf8JsonWriter writer, IJsonWritable value) => value.WriteTo(writer);

        public static void List(Utf8JsonWriter writer, IReadOnlyList<IJsonWritable> items)
        {
            writer.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                items[i].WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        public static void List(Utf8JsonWriter writer, IReadOnlyList<string> items)
        {
            writer.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                writer.WriteStringValue(items[i]);
            }

            writer.WriteEndArray();
        }

        public static void List(Utf8JsonWriter writer, IReadOnlyList<long> items)
        {
            writer.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                writer.WriteNumberValue(items[i]);
            }

            writer.WriteEndArray();
        }

        public static void List(Utf8JsonWriter writer, IReadOnlyList<JsonElement> items)
        {
            writer.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                items[i].WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a list of an enum's values, each as the wire value <paramref name="toWire"/> (the enum's <c>ToWire</c>) gives.</summary>
        public static void List<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, Func<T, string> toWire)
            where T : struct
        {
            writer.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                writer.WriteStringValue(toWire(items[i]));
            }

            writer.WriteEndArray();
        }

        public static void List<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
        {
            writer.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                writeItem(writer, items[i]);
            }

            writer.WriteEndArray();
        }

        public static void Map<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> map, Action<Utf8JsonWriter, T> writeValue)
        {
            writer.WriteStartObject();
            foreach (var entry in MapEntries.Of(map))
            {
                writer.WritePropertyName(entry.Key);
                writeValue(writer, entry.Value);
            }

            writer.WriteEndObject();
        }

        public static void Map<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> map)
            where T : IJsonWritable
        {
            writer.WriteStartObject();
            foreach (var entry in MapEntries.Of(map))
            {
                writer.WritePropertyName(entry.Key);
                entry.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        public static void Map(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> map)
        {
            writer.WriteStartObject();
            foreach (var entry in MapEntries.Of(map))
            {
                writer.WriteString(entry.Key, entry.Value);
            }

            writer.WriteEndObject();
        }

        public static void Map(Utf8JsonWriter writer, IReadOnlyDictionary<string, long> map)
        {
            writer.WriteStartObject();
            foreach (var entry in MapEntries.Of(map))
            {
                writer.WriteNumber(entry.Key, entry.Value);
            }

            writer.WriteEndObject();
        }

        public static void Map(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> map)
        {
            writer.WriteStartObject();
            AdditionalProperties(writer, map);
            writer.WriteEndObject();
        }

        /// <summary>Writes <paramref name="value"/>, or a JSON null: a merge patch of null removes the whole target (RFC 7396).</summary>
        public static void NullOr<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> writeValue)
            where T : class
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writeValue(writer, value);
            }
        }

        /// <summary>Writes a merge patch's map (RFC 7396): a null value removes its key.</summary>
        public static void PatchMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T?> map, Action<Utf8JsonWriter, T> writeValue)
            where T : class
            => PatchMapEntries(writer, map, (w, value) => writeValue(w, value!));

        /// <inheritdoc cref="PatchMap{T}(Utf8JsonWriter, IReadOnlyDictionary{string, T}, Action{Utf8JsonWriter, T})"/>
        public static void PatchMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T?> map, Action<Utf8JsonWriter, T> writeValue)
            where T : struct
            => PatchMapEntries(writer, map, (w, value) => writeValue(w, value!.Value));

        private static void PatchMapEntries<TNullable>(Utf8JsonWriter writer, IReadOnlyDictionary<string, TNullable> map, Action<Utf8JsonWriter, TNullable> writePresent)
        {
            writer.WriteStartObject();
            foreach (var entry in MapEntries.Of(map))
            {
                writer.WritePropertyName(entry.Key);
                if (entry.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writePresent(writer, entry.Value);
                }
            }

            writer.WriteEndObject();
        }

        public static void AdditionalProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? additionalProperties)
        {
            if (additionalProperties is null)
            {
                return;
            }

            foreach (var entry in MapEntries.Of(additionalProperties))
            {
                writer.WritePropertyName(entry.Key);
                entry.Value.WriteTo(writer);
            }
        }

        /// <summary>Writes <paramref name="value"/> and returns the UTF-8 JSON; the returned array is all that is allocated.</summary>
        public static byte[] ToUtf8(IJsonWritable value)
        {
            var scratch = JsonScratch.Rent();
            value.WriteTo(scratch.Writer);
            return scratch.Complete();
        }

        /// <summary>Writes <paramref name="value"/> with <paramref name="write"/> and returns the UTF-8 JSON.</summary>
        /// <remarks>
        /// Pass a static lambda: the value travels as an argument, so neither a closure nor a delegate is allocated per call,
        /// and the buffer and writer are reused, so the returned array is all that is allocated.
        /// </remarks>
        public static byte[] ToUtf8<T>(T value, Action<Utf8JsonWriter, T> write)
        {
            var scratch = JsonScratch.Rent();
            write(scratch.Writer, value);
            return scratch.Complete();
        }

        /// <summary>Turns a typed value into a <see cref="JsonElement"/>, for JSON Patch values.</summary>
        public static JsonElement ToElement<T>(T value, Action<Utf8JsonWriter, T> write) => Parse(ToUtf8(value, write));

        /// <inheritdoc cref="ToElement{T}(T, Action{Utf8JsonWriter, T})"/>
        public static JsonElement ToElement(IJsonWritable value) => Parse(ToUtf8(value));

        /// <inheritdoc cref="ToElement{T}(T, Action{Utf8JsonWriter, T})"/>
        public static JsonElement ToElement(string value) => Parse(ToUtf8(value, static (writer, text) => writer.WriteStringValue(text)));

        /// <inheritdoc cref="ToElement{T}(T, Action{Utf8JsonWriter, T})"/>
        public static JsonElement ToElement(long value) => Parse(ToUtf8(value, static (writer, number) => writer.WriteNumberValue(number)));

        /// <inheritdoc cref="ToElement{T}(T, Action{Utf8JsonWriter, T})"/>
        public static JsonElement ToElement(double value) => Parse(ToUtf8(value, static (writer, number) => writer.WriteNumberValue(number)));

        /// <inheritdoc cref="ToElement{T}(T, Action{Utf8JsonWriter, T})"/>
        public static JsonElement ToElement(bool value) => Parse(ToUtf8(value, static (writer, flag) => writer.WriteBooleanValue(flag)));

        private static JsonElement Parse(byte[] utf8)
        {
            using var document = JsonDocument.Parse(utf8);
            return document.RootElement.Clone();
        }

        /// <summary>A buffer and a writer over it, kept per thread so that serializing allocates only its result.</summary>
        private sealed class JsonScratch
        {
            private const int InitialCapacity = 256;

            // A buffer that grew for one huge body would otherwise stay allocated for as long as its thread lives.
            private const int MaxKeptCapacity = 64 * 1024;

            // Renting empties the slot: a ToUtf8 that runs while another is writing on the same thread (a write callback that
            // serializes a value of its own) then gets a fresh instance instead of overwriting the one in use.
            [ThreadStatic]
            private static JsonScratch? s_cached;

#if NETCOREAPP3_0_OR_GREATER
            private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(InitialCapacity);
#else
            private readonly System.IO.MemoryStream _buffer = new(InitialCapacity);
#endif

            private JsonScratch()
            {
                // Generated writers emit well-formed JSON by construction, so checking every token's place is wasted work;
                // System.Text.Json's serializer skips the check for the same reason.
                Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
            }

            public Utf8JsonWriter Writer { get; }

            public static JsonScratch Rent()
            {
                var scratch = s_cached ?? new JsonScratch();
                s_cached = null;
                return scratch;
            }

            /// <summary>Returns what was written and, unless the buffer grew too large to keep, gives the scratch back to the pool.</summary>
            public byte[] Complete()
            {
                Writer.Flush();
#if NETCOREAPP3_0_OR_GREATER
                var utf8 = _buffer.WrittenSpan.ToArray();
#else
                var utf8 = _buffer.ToArray();
#endif
                if (_buffer.Capacity <= MaxKeptCapacity)
                {
#if NET8_0_OR_GREATER
                    _buffer.ResetWrittenCount();
#elif NETCOREAPP3_0_OR_GREATER
                    _buffer.Clear();
#else
                    _buffer.SetLength(0);
#endif
                    Writer.Reset();
                    s_cached = this;
                }

                return utf8;
            }
        }
    }
}
