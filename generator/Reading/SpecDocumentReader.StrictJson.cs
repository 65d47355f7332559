using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Reading;

internal static partial class SpecDocumentReader
{
    /// <summary>
    /// Reads a strict JSON text (no comment, trailing comma, single quote or NaN) with System.Text.Json's reader, which
    /// costs a fraction of the YAML parser's time and garbage on a large spec. It gives what the YAML reading gives: the
    /// same nodes (scalars are converted by the same YAML 1.2 rules), the same position of every key and value (kept in a
    /// <see cref="PositionTree"/>, as a pointer per node would cost more than the rest of the reading), the same node
    /// count. Whatever it is not sure of gives null, and the text is read by the YAML parser: a text that is not strict
    /// JSON or not valid UTF-16, a syntax error, a string JSON cannot unescape (a lone surrogate), a duplicate key, a
    /// document over the depth or node limit. Every error message and its position is thus the YAML reading's.
    /// </summary>
    private sealed class StrictJsonReader
    {
        /// <summary>Throws on a lone surrogate, which YAML's reader refuses with its own message.</summary>
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly byte[] _utf8;
        private readonly int _byteCount;

        /// <summary>Where the UTF-8 text starts in the text: after its byte order mark, if it has one.</summary>
        private readonly int _textStart;

        /// <summary>All ASCII: a byte's index is its character's, and no counting is needed.</summary>
        private readonly bool _isAscii;

        private readonly LineIndex _lines;
        private readonly int _rootDepth;

        private readonly PositionTree.Builder _positions = new();
        private int _nodeCount;

        /// <summary>A byte and its character's index, moved forward as the reader goes, since tokens come in order.</summary>
        private int _byteCursor;
        private int _charCursor;

        private StrictJsonReader(string text, byte[] utf8, int byteCount, int textStart, int rootDepth)
        {
            _utf8 = utf8;
            _byteCount = byteCount;
            _textStart = textStart;
            _isAscii = byteCount == text.Length - textStart;
            _lines = new LineIndex(text);
            _rootDepth = rootDepth;
        }

        /// <summary>The reading of <paramref name="text"/>, or null when the YAML parser must read it.</summary>
        public static SpecDocument? TryRead(string text, int rootDepth)
        {
            var textStart = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            if (!StartsWithCollection(text, textStart))
            {
                return null;
            }

            byte[]? utf8 = null;
            try
            {
                // A byte order mark is three bytes in UTF-8.
                var byteCount = StrictUtf8.GetByteCount(text) - (textStart * 3);
                utf8 = ArrayPool<byte>.Shared.Rent(byteCount);
                StrictUtf8.GetBytes(text, textStart, text.Length - textStart, utf8, 0);
                return new StrictJsonReader(text, utf8, byteCount, textStart, rootDepth).Read();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not sure (see NotSureException), not strict JSON (JsonException), a lone surrogate in the text
                // (EncoderFallbackException) or escaped in a string (InvalidOperationException): the YAML parser decides.
                return null;
            }
            finally
            {
                if (utf8 is not null)
                {
                    ArrayPool<byte>.Shared.Return(utf8);
                }
            }
        }

        /// <summary>A spec in JSON is an object: a text that starts otherwise is YAML, and not worth a try.</summary>
        private static bool StartsWithCollection(string text, int index)
        {
            while (index < text.Length && text[index] is ' ' or '\t' or '\r' or '\n')
            {
                index++;
            }

            return index < text.Length && text[index] is '{' or '[';
        }

        private SpecDocument Read()
        {
            // The depth limit is the YAML reading's: the JSON reader's own must not come first.
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_utf8, 0, _byteCount), new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
            reader.Read();
            var root = ReadValue(ref reader, _rootDepth, out _, out _, out var positions);

            // Anything after the root value but whitespace fails here.
            if (reader.Read())
            {
                throw new NotSureException();
            }

            return new SpecDocument(root, new SourceMap(new PositionTree(positions!, _lines)), null, _nodeCount);
        }

        /// <summary>Reads the value the reader stands on, and leaves the reader on its last token.</summary>
        /// <param name="positions">The positions inside the value, when it is a collection.</param>
        private JsonNode? ReadValue(ref Utf8JsonReader reader, int depth, out int start, out int length, out PositionTree.Collection? positions)
        {
            positions = null;
            var startByte = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var collection = reader.TokenType == JsonTokenType.StartObject ? ReadObject(ref reader, depth, out positions) : (JsonNode)ReadArray(ref reader, depth, out positions);
                    (start, length) = (positions.Start, positions.Length);
                    return collection;
                case JsonTokenType.String:
                    Scalar(startByte, startByte + reader.ValueSpan.Length + 2, out start, out length);
                    return StringValue(reader.GetString()!);
                case JsonTokenType.Number:
                    Scalar(startByte, startByte + reader.ValueSpan.Length, out start, out length);

                    // A plain scalar to YAML, converted by the same rules: 1.0 stays a decimal, 1e400 text.
                    return ResolvePlain(Encoding.UTF8.GetString(_utf8, startByte, reader.ValueSpan.Length));
                case JsonTokenType.True or JsonTokenType.False:
                    Scalar(startByte, startByte + reader.ValueSpan.Length, out start, out length);
                    return JsonValue.Create(reader.TokenType == JsonTokenType.True);
                case JsonTokenType.Null:
                    Scalar(startByte, startByte + reader.ValueSpan.Length, out start, out length);
                    return null;
                default:
                    throw new NotSureException();
            }
        }

        private JsonObject ReadObject(ref Utf8JsonReader reader, int depth, out PositionTree.Collection positions)
        {
            var start = BeginCollection(ref reader, depth);
            var opened = _positions.Open();
            var mapping = new JsonObject();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyStartByte = (int)reader.TokenStartIndex;
                var keyStart = CharOffset(keyStartByte);
                var keyLength = CharOffset(keyStartByte + reader.ValueSpan.Length + 2) - keyStart;
                var name = reader.GetString()!;

                // The YAML reading reports a duplicate where the YAML parser has got to: it is left to say so.
                if (mapping.ContainsKey(name))
                {
                    throw new NotSureException();
                }

                reader.Read();
                mapping.Add(name, ReadValue(ref reader, depth + 1, out var valueStart, out var valueLength, out var child));
                _positions.Add(name, keyStart, keyLength, valueStart, valueLength, child);
            }

            positions = EndCollection(ref reader, opened, isMapping: true, start);
            return mapping;
        }

        private JsonArray ReadArray(ref Utf8JsonReader reader, int depth, out PositionTree.Collection positions)
        {
            var start = BeginCollection(ref reader, depth);
            var opened = _positions.Open();
            var sequence = new JsonArray();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                sequence.Add(ReadValue(ref reader, depth + 1, out var valueStart, out var valueLength, out var child));
                _positions.Add(null, 0, 0, valueStart, valueLength, child);
            }

            positions = EndCollection(ref reader, opened, isMapping: false, start);
            return sequence;
        }

        /// <returns>The offset of the collection's opening bracket in the text.</returns>
        private int BeginCollection(ref Utf8JsonReader reader, int depth)
        {
            if (depth >= MaxDepth)
            {
                throw new NotSureException();
            }

            Count();
            return CharOffset((int)reader.TokenStartIndex);
        }

        /// <summary>A collection spans from its opening bracket to its closing one, which the reader stands on.</summary>
        private PositionTree.Collection EndCollection(ref Utf8JsonReader reader, (int, int) opened, bool isMapping, int start)
            => _positions.Close(opened, isMapping, start, CharOffset((int)reader.TokenStartIndex) + 1 - start);

        private void Scalar(int startByte, int endByte, out int start, out int length)
        {
            Count();
            start = CharOffset(startByte);
            length = CharOffset(endByte) - start;
        }

        private void Count()
        {
            if (++_nodeCount > MaxNodes)
            {
                throw new NotSureException();
            }
        }

        /// <summary>
        /// The text's offset of a byte of the UTF-8 text: one character per byte that starts a sequence, two for a
        /// four-byte sequence (a surrogate pair). Bytes are asked for in ascending order, so each is counted once.
        /// </summary>
        private int CharOffset(int byteIndex)
        {
            if (_isAscii)
            {
                return _textStart + byteIndex;
            }

            for (; _byteCursor < byteIndex; _byteCursor++)
            {
                var b = _utf8[_byteCursor];
                if ((b & 0xC0) != 0x80)
                {
                    _charCursor += b >= 0xF0 ? 2 : 1;
                }
            }

            return _textStart + _charCursor;
        }
    }

    /// <summary>The strict JSON reading leaves the text to the YAML parser.</summary>
    private sealed class NotSureException : Exception;
}
