using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Reads a YAML or JSON spec into a <see cref="JsonNode"/> tree for Microsoft.OpenApi's JSON reader, recording where
/// every node is so that each diagnostic points at its line. JSON is YAML's flow syntax, so the YAML 1.2 parser is the
/// reading every text has; strict JSON and the YAML that specs are written in take faster paths that give the same
/// tree, positions and node count (see <see cref="StrictJsonReader"/> and <see cref="BlockYamlReader"/>), and leave every
/// text they are not sure of, and every error, to the YAML parser.
/// </summary>
internal static partial class SpecDocumentReader
{
    private const int MaxDepth = 256;
    public const int MaxNodes = 1_000_000;
    private const string TooLargeMessage = "Document is too large or too deeply nested";
    private const string EmptyMessage = "The document is empty";

    private const string StrTag = "tag:yaml.org,2002:str";
    private const string NullTag = "tag:yaml.org,2002:null";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";

    /// <summary>Reads the first document of <paramref name="text"/>. Never throws: a problem comes back as the document's error.</summary>
    public static SpecDocument Read(string text) => ReadFragment(text, 0);

    /// <summary>Reads a fragment of a spec whose value stands <paramref name="depth"/> levels deep, so that the depth limit counts from the spec's root.</summary>
    public static SpecDocument ReadFragment(string text, int depth) => ReadStrictJson(text, depth) ?? ReadBlockYaml(text, depth) ?? ReadWithYamlParser(text, depth);

    /// <summary>The strict JSON reading of a text, or null when the YAML parser must read it.</summary>
    internal static SpecDocument? ReadStrictJson(string text, int depth) => StrictJsonReader.TryRead(text, depth);

    /// <summary>The reading of a text in the YAML that specs are written in, or null when the YAML parser must read it.</summary>
    internal static SpecDocument? ReadBlockYaml(string text, int depth) => BlockYamlReader.TryRead(text, depth);

    /// <summary>The reading of any text, and the one every error comes from.</summary>
    internal static SpecDocument ReadWithYamlParser(string text, int depth) => new TreeReader(text, depth).Read();

    private static JsonNode? ResolvePlain(string text)
    {
        if (IsNull(text))
        {
            return null;
        }

        if (TryParseBool(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        return TryParseInteger(text, out var number) || TryParseFloat(text, out number) ? number : StringValue(text);
    }

    private static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    private static bool TryParseBool(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }

    /// <summary>YAML 1.2 core integers: <c>[-+]?[0-9]+</c>, <c>0o[0-7]+</c> and <c>0x[0-9a-fA-F]+</c>.</summary>
    private static bool TryParseInteger(string text, [NotNullWhen(true)] out JsonValue? value)
    {
        value = null;
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'o')
        {
            return TryParseUnsigned(text, text[1] == 'x' ? 16 : 8, out value);
        }

        var digitsStart = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        if (digitsStart == text.Length)
        {
            return false;
        }

        for (var i = digitsStart; i < text.Length; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
        {
            value = JsonValue.Create(small);
        }
        else if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large))
        {
            value = JsonValue.Create(large);
        }
        else
        {
            value = ApproximateOrText(text);
        }

        return true;
    }

    private static bool TryParseUnsigned(string text, int radix, [NotNullWhen(true)] out JsonValue? value)
    {
        value = null;
        ulong result = 0;
        for (var i = 2; i < text.Length; i++)
        {
            var digit = text[i] switch
            {
                >= '0' and <= '9' => text[i] - '0',
                >= 'a' and <= 'f' => text[i] - 'a' + 10,
                >= 'A' and <= 'F' => text[i] - 'A' + 10,
                _ => radix,
            };
            if (digit >= radix)
            {
                return false;
            }

            // Past 64 bits the literal stays text: no OpenAPI keyword takes such a number.
            if (result > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                value = StringValue(text);
                return true;
            }

            result = (result * (ulong)radix) + (ulong)digit;
        }

        value = result <= long.MaxValue ? JsonValue.Create((long)result) : JsonValue.Create((decimal)result);
        return true;
    }

    /// <summary>
    /// YAML 1.2 core floats: <c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, and <c>.inf</c> and <c>.nan</c>,
    /// which JSON cannot hold and so stay text. A number becomes a decimal when that is exact, so <c>minimum: 1.1</c>
    /// stays 1.1 for the validators it feeds, rather than double's 1.1000000000000001.
    /// </summary>
    private static bool TryParseFloat(string text, [NotNullWhen(true)] out JsonValue? value)
    {
        value = null;
        var index = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        if (IsSpecialFloat(text, index))
        {
            value = StringValue(text);
            return true;
        }

        var integerStart = index;
        while (index < text.Length && IsDigit(text[index]))
        {
            index++;
        }

        var integerEnd = index;
        var fractionStart = index;
        if (index < text.Length && text[index] == '.')
        {
            fractionStart = ++index;
            while (index < text.Length && IsDigit(text[index]))
            {
                index++;
            }
        }

        var fractionEnd = index;
        if (integerEnd == integerStart && fractionEnd == fractionStart)
        {
            return false;
        }

        var exponent = 0;
        if (index < text.Length && text[index] is 'e' or 'E')
        {
            index++;
            var negative = index < text.Length && text[index] == '-';
            if (index < text.Length && text[index] is '-' or '+')
            {
                index++;
            }

            var exponentStart = index;
            while (index < text.Length && IsDigit(text[index]))
            {
                // Beyond any exponent decimal or double can hold, further digits only matter to the syntax.
                exponent = Math.Min((exponent * 10) + (text[index] - '0'), 100_000);
                index++;
            }

            if (index == exponentStart)
            {
                return false;
            }

            exponent = negative ? -exponent : exponent;
        }

        if (index != text.Length)
        {
            return false;
        }

        value = IsExactDecimal(text, integerStart, integerEnd, fractionStart, fractionEnd, exponent)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                ? JsonValue.Create(exact)
                : ApproximateOrText(text);
        return true;
    }

    private static bool IsSpecialFloat(string text, int start)
        => text.Length - start == 4
            && (text.Substring(start) is ".inf" or ".Inf" or ".INF" || (start == 0 && text is ".nan" or ".NaN" or ".NAN"));

    /// <summary>
    /// decimal.Parse rounds silently past 28 significant digits or 28 decimal places, so such numbers go to double.
    /// Overflow needs no check here: decimal.TryParse fails on it.
    /// </summary>
    private static bool IsExactDecimal(string text, int integerStart, int integerEnd, int fractionStart, int fractionEnd, int exponent)
    {
        var integerDigits = integerEnd - integerStart;
        var digitCount = integerDigits + (fractionEnd - fractionStart);
        char DigitAt(int i) => i < integerDigits ? text[integerStart + i] : text[fractionStart + i - integerDigits];

        var first = 0;
        while (first < digitCount && DigitAt(first) == '0')
        {
            first++;
        }

        if (first == digitCount)
        {
            return true;
        }

        var last = digitCount - 1;
        while (DigitAt(last) == '0')
        {
            last--;
        }

        var significantDigits = last - first + 1;
        var decimalPlaces = last + 1 - integerDigits - exponent;
        return significantDigits <= 28 && decimalPlaces <= 28;
    }

    /// <summary>Numbers decimal cannot hold become doubles; those double cannot hold either stay text, as JSON has no infinity.</summary>
    private static JsonValue ApproximateOrText(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number)
            ? JsonValue.Create(number)
            : StringValue(text);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static JsonValue StringValue(string text) => JsonValue.Create(text)!;

    /// <summary>A problem the parser accepts but a JSON tree cannot hold: a duplicate key, an alias bomb, a bad tagged value.</summary>
    private sealed class SpecFormatException(string message, SourcePosition position) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }

    /// <summary>What an anchor stands for; its size and height are charged again at every alias.</summary>
    private readonly record struct Anchor(JsonNode? Node, int NodeCount, int Height);


    /// <summary>
    /// Builds the tree in one pass over YamlDotNet's event stream, and the positions beside it in the tree's shape (a
    /// <see cref="PositionTree"/>, as the strict JSON reading does): a pointer and a map entry per node would cost more
    /// than the tree. Every Read method starts on the first event of its node and leaves the parser on the event after it.
    /// </summary>
    private sealed class TreeReader
    {
        /// <summary>Line breaks in YAML 1.1, but ordinary characters in YAML 1.2 and in JSON.</summary>
        private static readonly char[] Yaml11LineBreaks = ['\u0085', '\u2028', '\u2029'];

        private readonly string _text;
        private readonly LineIndex _lines;
        private readonly int _byteOrderMarkLength;
        private readonly Scanner _scanner;
        private readonly Parser _parser;
        private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);

        private readonly PositionTree.Builder _positions = new();

        /// <summary>
        /// The segments from the root to the node being read: a member's name, or null for a sequence's item (whose
        /// index is its sequence's count so far). Only an alias needs the node's pointer, which is made from them then.
        /// </summary>
        private readonly List<string?> _path = [];
        private readonly List<JsonArray> _sequences = [];

        /// <summary>The alias copies that hold collections, by pointer, for the positions of the nodes inside them.</summary>
        private List<(string Pointer, SourcePosition Position, JsonNode Copy)>? _aliasCopies;

        /// <summary>What stands in for each of <see cref="Yaml11LineBreaks"/> while YamlDotNet reads, if the text has any.</summary>
        private readonly char[]? _standIns;

        private int _nodeCount;

        /// <summary>Index just past the last node read: a block collection ends there, not at YamlDotNet's end mark.</summary>
        private long _contentEnd;

        /// <summary>The innermost flow collection being read, to explain the failure YamlDotNet reports without a message.</summary>
        private NodeEvent? _openFlowCollection;

        /// <summary>How deep the text's root stands in the spec: 0 unless the text is a fragment of it.</summary>
        private readonly int _rootDepth;

        public TreeReader(string text, int rootDepth)
        {
            _text = text;
            _rootDepth = rootDepth;
            _lines = new LineIndex(text);

            // YamlDotNet takes U+0085, U+2028 and U+2029 for line breaks, as YAML 1.1 did: it rejects a quoted string
            // that holds one, and trims the spaces around it. Characters the text lacks stand in for them, one for one,
            // so that offsets stay right, and scalars get them back.
            var readable = text;
            if (text.IndexOfAny(Yaml11LineBreaks) >= 0)
            {
                _standIns = new char[Yaml11LineBreaks.Length];
                var candidate = '\uE000';
                for (var i = 0; i < _standIns.Length; i++, candidate++)
                {
                    while (text.IndexOf(candidate) >= 0)
                    {
                        candidate++;
                    }

                    _standIns[i] = candidate;
                    readable = readable.Replace(Yaml11LineBreaks[i], candidate);
                }
            }

            // YamlDotNet takes a byte order mark for content: skip it, and count it back into every offset.
            var input = new StringReader(readable);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                input.Read();
                _byteOrderMarkLength = 1;
            }

            _scanner = new Scanner(input, skipComments: true);
            _parser = new Parser(_scanner);
        }

        private ParsingEvent Current => _parser.Current!;

        public SpecDocument Read()
        {
            try
            {
                var root = ReadFirstDocument(out var start, out var length, out var positions);
                return root is null ? Failure(EmptyMessage, default) : new SpecDocument(root, MapOf(start, length, positions), null, _nodeCount);
            }
            catch (SpecFormatException exception)
            {
                return Failure(exception.Message, exception.Position);
            }
            catch (YamlException exception)
            {
                // A few errors carry the start of the enclosing node (a tab in the indentation marks its mapping),
                // which is before text already read without fault; the scanner knows where reading stopped.
                var position = exception.Start.Index < _contentEnd
                    ? ErrorPosition(_scanner.CurrentPosition, _scanner.CurrentPosition)
                    : ErrorPosition(exception.Start, exception.End);
                var message = WithoutLocation(exception.Message);
                return _openFlowCollection is not null && message.IndexOf(" flow ", StringComparison.Ordinal) >= 0
                    ? UnclosedFlowCollection(position)
                    : Failure(message, position);
            }
            catch (InvalidOperationException) when (_openFlowCollection is not null)
            {
                // YamlDotNet fails this way when a flow collection in block context is left open at the end of the text.
                return UnclosedFlowCollection(ErrorPosition(_scanner.CurrentPosition, _scanner.CurrentPosition));
            }
            catch (Exception exception)
            {
                return Failure(exception.Message, ErrorPosition(_scanner.CurrentPosition, _scanner.CurrentPosition));
            }
        }

        /// <summary>The positions of a document whose root spans <paramref name="start"/> and <paramref name="length"/>: a scalar root has no collection to hold them.</summary>
        private SourceMap MapOf(int start, int length, PositionTree.Collection? positions)
        {
            SourceMap map;
            if (positions is null)
            {
                map = new SourceMap();
                map.AddValue(string.Empty, _lines.Position(start, length));
            }
            else
            {
                map = new SourceMap(new PositionTree(positions, _lines));
            }

            foreach (var (pointer, position, copy) in _aliasCopies ?? [])
            {
                map.AddAliasCopy(pointer, position, copy);
            }

            return map;
        }

        private SpecDocument Failure(string message, SourcePosition position) => new(null, new SourceMap(), new SpecSyntaxError(message, position), _nodeCount);

        /// <summary>
        /// A flow collection (<c>[</c> or <c>{</c>) that misses its closing bracket or a comma. The parser notices only
        /// at the next token it cannot take, maybe lines later or at the end of the text; the bracket that opened the
        /// collection is where to look, so the message names it, and at the end of the text the diagnostic is put there.
        /// </summary>
        private SpecDocument UnclosedFlowCollection(SourcePosition errorPosition)
        {
            var open = _openFlowCollection!;
            var opening = ErrorPosition(open.Start, open.Start);
            var (kind, closing) = open is MappingStart ? ("mapping", '}') : ("sequence", ']');
            var atEnd = string.IsNullOrWhiteSpace(_text.Substring(Math.Min(errorPosition.Offset, _text.Length)));
            return atEnd
                ? Failure($"The flow {kind} that starts here is never closed: did not find expected ',' or '{closing}' before the end of the document.", opening)
                : Failure(
                    $"While parsing a flow {kind}, did not find expected ',' or '{closing}'. The {kind} starts at line {opening.Line + 1}, column {opening.Column + 1}.",
                    errorPosition);
        }

        /// <summary>Only the first document of a stream is the spec: the events of later ones are never read.</summary>
        private JsonNode? ReadFirstDocument(out int start, out int length, out PositionTree.Collection? positions)
        {
            (start, length, positions) = (0, 0, null);
            MoveNext();
            MoveNext();
            if (Current is StreamEnd)
            {
                return null;
            }

            MoveNext();
            if (Current is DocumentEnd)
            {
                return null;
            }

            // Reading the node moves the parser onto the document's end, which rejects anything left after the root.
            return ReadNode(_rootDepth, out _, out start, out length, out positions);
        }

        private void MoveNext()
        {
            if (!_parser.MoveNext())
            {
                throw new SpecFormatException("Unexpected end of the document", ErrorPosition(_scanner.CurrentPosition, _scanner.CurrentPosition));
            }
        }

        /// <param name="height">How many levels of collections the node holds, itself included: 0 for a scalar.</param>
        /// <param name="start">The offset of the node's first character.</param>
        /// <param name="length">How many characters the node spans.</param>
        /// <param name="positions">The positions inside the node, when it is a collection.</param>
        private JsonNode? ReadNode(int depth, out int height, out int start, out int length, out PositionTree.Collection? positions)
        {
            positions = null;
            switch (Current)
            {
                case Scalar scalar:
                    height = 0;
                    return ReadScalar(scalar, out start, out length);
                case AnchorAlias alias:
                    return ReadAlias(alias, depth, out height, out start, out length);
                case MappingStart mapping:
                    var mappingNode = ReadMapping(mapping, depth, out height, out positions);
                    (start, length) = (positions.Start, positions.Length);
                    return mappingNode;
                case SequenceStart sequence:
                    var sequenceNode = ReadSequence(sequence, depth, out height, out positions);
                    (start, length) = (positions.Start, positions.Length);
                    return sequenceNode;
                default:
                    throw new SpecFormatException($"Unexpected {Current.GetType().Name}", ErrorPosition(Current.Start, Current.End));
            }
        }

        private JsonNode? ReadScalar(Scalar scalar, out int start, out int length)
        {
            var node = ConvertScalar(scalar, ValueOf(scalar));
            Count(1, scalar.Start, scalar.End.Index);
            (start, length) = Span(scalar.Start, scalar.End.Index);
            _contentEnd = scalar.End.Index;
            Remember(scalar.Anchor, node, 1, 0);
            MoveNext();
            return node;
        }

        /// <summary>A node has one parent, so an alias gets a copy of its anchor's node.</summary>
        private JsonNode? ReadAlias(AnchorAlias alias, int depth, out int height, out int start, out int length)
        {
            var position = PositionOf(alias.Start, alias.End.Index);
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchor))
            {
                throw new SpecFormatException($"Alias '*{alias.Value.Value}' refers to an undefined anchor", position);
            }

            // Copies of copies grow exponentially ("billion laughs"): charge the limits before copying anything.
            if (depth + anchor.Height > MaxDepth)
            {
                throw new SpecFormatException(TooLargeMessage, position);
            }

            Count(anchor.NodeCount, alias.Start, alias.End.Index);
            var copy = anchor.Node?.DeepClone();
            if (copy is JsonObject or JsonArray)
            {
                (_aliasCopies ??= []).Add((Pointer(), position, copy));
            }

            (start, length) = (position.Offset, position.Length);
            _contentEnd = alias.End.Index;
            height = anchor.Height;
            MoveNext();
            return copy;
        }

        private JsonObject ReadMapping(MappingStart start, int depth, out int height, out PositionTree.Collection positions)
        {
            var firstNode = _nodeCount;
            var isFlow = start.Style == MappingStyle.Flow;
            var outerFlowCollection = BeginCollection(start, isFlow, depth);
            var opened = _positions.Open();
            var mapping = new JsonObject();
            height = 1;
            MoveNext();
            while (Current is not MappingEnd)
            {
                if (Current is not Scalar key)
                {
                    throw new SpecFormatException("Only scalars can be mapping keys", ErrorPosition(Current.Start, Current.End));
                }

                var name = ValueOf(key);

                // JsonObject throws on a duplicate; it is the second key that needs fixing.
                if (mapping.ContainsKey(name))
                {
                    throw new SpecFormatException($"Duplicate key '{name}'", PositionOf(key.Start, key.End.Index));
                }

                if (!key.Anchor.IsEmpty)
                {
                    Remember(key.Anchor, ConvertScalar(key, name), 1, 0);
                }

                var (keyStart, keyLength) = Span(key.Start, key.End.Index);
                _contentEnd = key.End.Index;
                MoveNext();
                _path.Add(name);
                mapping.Add(name, ReadNode(depth + 1, out var valueHeight, out var valueStart, out var valueLength, out var child));
                _path.RemoveAt(_path.Count - 1);
                _positions.Add(name, keyStart, keyLength, valueStart, valueLength, child);
                height = Math.Max(height, valueHeight + 1);
            }

            positions = EndCollection(start, isFlow, outerFlowCollection, opened, isMapping: true);
            Remember(start.Anchor, mapping, _nodeCount - firstNode, height);
            MoveNext();
            return mapping;
        }

        private JsonArray ReadSequence(SequenceStart start, int depth, out int height, out PositionTree.Collection positions)
        {
            var firstNode = _nodeCount;
            var isFlow = start.Style == SequenceStyle.Flow;
            var outerFlowCollection = BeginCollection(start, isFlow, depth);
            var opened = _positions.Open();
            var sequence = new JsonArray();
            height = 1;
            MoveNext();
            _path.Add(null);
            _sequences.Add(sequence);
            while (Current is not SequenceEnd)
            {
                sequence.Add(ReadNode(depth + 1, out var itemHeight, out var itemStart, out var itemLength, out var child));
                _positions.Add(null, 0, 0, itemStart, itemLength, child);
                height = Math.Max(height, itemHeight + 1);
            }

            _path.RemoveAt(_path.Count - 1);
            _sequences.RemoveAt(_sequences.Count - 1);
            positions = EndCollection(start, isFlow, outerFlowCollection, opened, isMapping: false);
            Remember(start.Anchor, sequence, _nodeCount - firstNode, height);
            MoveNext();
            return sequence;
        }

        /// <param name="depth">The collection's depth: 0 for the root.</param>
        /// <returns>The flow collection that was open before this one, to restore at its end.</returns>
        private NodeEvent? BeginCollection(NodeEvent start, bool isFlow, int depth)
        {
            if (depth >= MaxDepth)
            {
                throw new SpecFormatException(TooLargeMessage, ErrorPosition(start.Start, start.End));
            }

            _nodeCount++;
            if (_nodeCount > MaxNodes)
            {
                throw new SpecFormatException(TooLargeMessage, ErrorPosition(start.Start, start.End));
            }

            var outer = _openFlowCollection;
            _openFlowCollection = isFlow ? start : outer;
            return outer;
        }

        /// <summary>
        /// The collection's positions and span, from its first character to its last: a flow collection's closing
        /// bracket, or a block collection's last node, since YamlDotNet marks a block's end at the next token, possibly
        /// lines later. Its members' positions are taken off the stacks, where they were put after their own members'.
        /// </summary>
        private PositionTree.Collection EndCollection(NodeEvent start, bool isFlow, NodeEvent? outerFlowCollection, (int, int) opened, bool isMapping)
        {
            var closing = (int)Current.Start.Index + _byteOrderMarkLength;
            if (isFlow && closing < _text.Length && _text[closing] is '}' or ']')
            {
                _contentEnd = Current.Start.Index + 1;
            }

            _openFlowCollection = outerFlowCollection;
            var (offset, length) = Span(start.Start, _contentEnd);
            return _positions.Close(opened, isMapping, offset, length);
        }

        /// <summary>The pointer of the node being read, from <see cref="_path"/>.</summary>
        private string Pointer()
        {
            var pointer = string.Empty;
            var sequence = 0;
            foreach (var segment in _path)
            {
                pointer = segment is null
                    ? pointer + "/" + _sequences[sequence++].Count.ToString(CultureInfo.InvariantCulture)
                    : JsonPointers.Append(pointer, segment);
            }

            return pointer;
        }

        private void Remember(AnchorName anchor, JsonNode? node, int nodeCount, int height)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = new Anchor(node, nodeCount, height);
            }
        }

        /// <summary>Charges <paramref name="nodes"/> against the limit; past it, the node that starts at <paramref name="start"/> is reported.</summary>
        private void Count(int nodes, Mark start, long endIndex)
        {
            _nodeCount += nodes;
            if (_nodeCount > MaxNodes)
            {
                throw new SpecFormatException(TooLargeMessage, PositionOf(start, endIndex));
            }
        }

        /// <summary>Turns a scalar into a JSON value by the YAML 1.2 core schema, as OpenAPI tooling does.</summary>
        private JsonNode? ConvertScalar(Scalar scalar, string text)
        {
            if (scalar.Tag.IsEmpty)
            {
                return scalar.Style == ScalarStyle.Plain ? ResolvePlain(text) : StringValue(text);
            }

            if (scalar.Tag.IsNonSpecific)
            {
                return StringValue(text);
            }

            switch (scalar.Tag.Value)
            {
                case StrTag:
                    return StringValue(text);
                case NullTag when IsNull(text):
                    return null;
                case BoolTag when TryParseBool(text, out var flag):
                    return JsonValue.Create(flag);
                case IntTag when TryParseInteger(text, out var integer):
                    return integer;
                case FloatTag when TryParseFloat(text, out var number):
                    return number;
                case NullTag or BoolTag or IntTag or FloatTag:
                    var tagName = scalar.Tag.Value.Substring(scalar.Tag.Value.LastIndexOf(':') + 1);
                    throw new SpecFormatException($"'{text}' is not a valid !!{tagName}", PositionOf(scalar.Start, scalar.End.Index));
                default:
                    // An application tag (!!binary, !custom) means nothing to OpenAPI: the text decides, as if untagged.
                    return scalar.Style == ScalarStyle.Plain ? ResolvePlain(text) : StringValue(text);
            }
        }

        private string ValueOf(Scalar scalar)
        {
            var value = scalar.Value;
            for (var i = 0; _standIns is not null && i < _standIns.Length; i++)
            {
                value = value.Replace(_standIns[i], Yaml11LineBreaks[i]);
            }

            return value;
        }

        /// <summary>Offsets come from the index, not from the mark's line, which counts neither the byte order mark nor the line breaks stood in for.</summary>
        private (int Offset, int Length) Span(Mark start, long endIndex)
            => ((int)start.Index + _byteOrderMarkLength, (int)Math.Max(0, endIndex - start.Index));

        private SourcePosition PositionOf(Mark start, long endIndex)
        {
            var (offset, length) = Span(start, endIndex);
            return _lines.Position(offset, length);
        }

        /// <summary>An error covers at least one character where there is one, so that the IDE has something to underline.</summary>
        private SourcePosition ErrorPosition(Mark start, Mark end)
        {
            var position = PositionOf(start, end.Index);
            return position with { Length = Math.Min(Math.Max(position.Length, 1), Math.Max(0, _text.Length - position.Offset)) };
        }

        /// <summary>Older YamlDotNet versions start messages with "(Line: 1, Col: 2, Idx: 1) - (Line: ...): "; the diagnostic has the location already.</summary>
        private static string WithoutLocation(string message)
        {
            var end = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
            return end > 0 ? message.Substring(end + 3) : message;
        }
    }
}
