using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Reading;

internal static partial class SpecDocumentReader
{
    /// <summary>
    /// Reads the YAML that specs are written in (block mappings and sequences, plain, quoted and block scalars, flow
    /// collections written like JSON) in one pass over the characters: YamlDotNet's scanner costs about as much as
    /// building the model and rendering a small spec together. It gives what the YAML parser gives: the same nodes, the
    /// same position of every key and value (a block scalar ends where the scan of the breaks after it stopped, a block
    /// collection at its last scalar), the same node count. Whatever it is not sure of gives null, and the
    /// text is read by the YAML parser: anchors, aliases, tags, directives, document markers, tabs, carriage returns,
    /// explicit keys, empty values, a scalar or a flow collection laid out in a way this reader does not know, any error.
    /// Every error message and its position, and every reading of the rarer syntax, is thus the YAML parser's.
    /// </summary>
    private sealed class BlockYamlReader
    {
        /// <summary>YamlDotNet's limit on a key that is not marked with <c>?</c>: longer keys are the YAML parser's.</summary>
        private const int SimpleKeyLimit = 1024;

        /// <summary>The characters a plain scalar cannot start with here (YAML allows some of them, in cases left to the YAML parser).</summary>
        private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

        private readonly string _text;
        private readonly LineIndex _lines;
        private readonly int _rootDepth;
        private readonly PositionTree.Builder _positions = new();
        private readonly StringBuilder _value = new();
        private int _nodeCount;

        /// <summary>Index just past the last scalar read: a block collection ends there.</summary>
        private int _contentEnd;

        private BlockYamlReader(string text, int rootDepth)
        {
            _text = text;
            _rootDepth = rootDepth;
            _lines = new LineIndex(text);
        }

        /// <summary>The reading of <paramref name="text"/>, or null when the YAML parser must read it.</summary>
        public static SpecDocument? TryRead(string text, int rootDepth)
        {
            if (!HasOnlyPlainCharacters(text))
            {
                return null;
            }

            try
            {
                return new BlockYamlReader(text, rootDepth).Read();
            }
            catch (NotSureException)
            {
                return null;
            }
        }

        /// <summary>Line feeds and printable characters of the Basic Multilingual Plane; no tab, no carriage return, no byte order mark.</summary>
        private static bool HasOnlyPlainCharacters(string text)
        {
            foreach (var c in text)
            {
                if (c < ' ' ? c != '\n' : c is >= '\u007F' and <= '\u009F' or >= '\uD800' and <= '\uDFFF' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                {
                    return false;
                }
            }

            return true;
        }

        private SpecDocument Read()
        {
            var start = NextContent(0);
            if (start == _text.Length || Column(start) != 0 || _text[start] is '%' or '[' or '{' || StartsWith(start, "---") || StartsWith(start, "..."))
            {
                throw new NotSureException();
            }

            var root = ReadBlockNode(-1, start, _rootDepth, out _, out _, out var positions, out var end);
            if (positions is null || NextContent(end) != _text.Length)
            {
                throw new NotSureException();
            }

            return new SpecDocument(root, new SourceMap(new PositionTree(positions, _lines)), null, _nodeCount);
        }

        /// <summary>
        /// A node that starts a line at <paramref name="start"/>, more indented than its parent (a sequence may stand at
        /// its key's indentation). <paramref name="end"/> is where reading stopped: a line's end, or the next line's content.
        /// </summary>
        private JsonNode? ReadBlockNode(int parentIndent, int start, int depth, out int valueStart, out int valueLength, out PositionTree.Collection? positions, out int end)
        {
            var column = Column(start);
            if (IsEntry(start))
            {
                var sequence = ReadBlockSequence(column, indentless: column == parentIndent, start, depth, out positions, out end);
                (valueStart, valueLength) = (positions.Start, positions.Length);
                return sequence;
            }

            if (column <= parentIndent)
            {
                throw new NotSureException();
            }

            if (TryKey(start, out _, out _, out _))
            {
                var mapping = ReadBlockMapping(column, start, depth, out positions, out end);
                (valueStart, valueLength) = (positions.Start, positions.Length);
                return mapping;
            }

            return ReadValue(parentIndent, start, depth, out valueStart, out valueLength, out positions, out end);
        }

        private JsonObject ReadBlockMapping(int indent, int start, int depth, out PositionTree.Collection positions, out int end)
        {
            Open(depth);
            var opened = _positions.Open();
            var mapping = new JsonObject();
            var at = start;
            while (true)
            {
                if (!TryKey(at, out var name, out var keyEnd, out var afterColon) || mapping.ContainsKey(name))
                {
                    throw new NotSureException();
                }

                _contentEnd = keyEnd;
                JsonNode? value;
                int valueStart, valueLength;
                PositionTree.Collection? child;
                var inline = SkipSpaces(afterColon);
                if (!IsLineEnd(inline))
                {
                    value = ReadValue(indent, inline, depth + 1, out valueStart, out valueLength, out child, out end);
                }
                else
                {
                    var next = NextContent(inline);
                    if (next == _text.Length || Column(next) < indent || (Column(next) == indent && !IsEntry(next)))
                    {
                        // An empty value: the YAML parser places its null.
                        throw new NotSureException();
                    }

                    value = ReadBlockNode(indent, next, depth + 1, out valueStart, out valueLength, out child, out end);
                }

                mapping.Add(name, value);
                _positions.Add(name, at, keyEnd - at, valueStart, valueLength, child);
                at = NextContent(end);
                if (at == _text.Length || Column(at) < indent)
                {
                    break;
                }

                if (Column(at) > indent)
                {
                    throw new NotSureException();
                }
            }

            positions = _positions.Close(opened, isMapping: true, start, _contentEnd - start);
            return mapping;
        }

        private JsonArray ReadBlockSequence(int indent, bool indentless, int start, int depth, out PositionTree.Collection positions, out int end)
        {
            Open(depth);
            var opened = _positions.Open();
            var sequence = new JsonArray();
            var at = start;
            while (true)
            {
                var item = SkipSpaces(at + 1);
                if (IsLineEnd(item) || IsEntry(item))
                {
                    throw new NotSureException();
                }

                JsonNode? value;
                int valueStart, valueLength;
                PositionTree.Collection? child;
                if (TryKey(item, out _, out _, out _))
                {
                    value = ReadBlockMapping(Column(item), item, depth + 1, out child, out end);
                    (valueStart, valueLength) = (child.Start, child.Length);
                }
                else
                {
                    value = ReadValue(indent, item, depth + 1, out valueStart, out valueLength, out child, out end);
                }

                sequence.Add(value);
                _positions.Add(null, 0, 0, valueStart, valueLength, child);
                at = NextContent(end);
                if (at == _text.Length || Column(at) < indent || (indentless && Column(at) == indent && !IsEntry(at)))
                {
                    break;
                }

                if (Column(at) > indent || !IsEntry(at))
                {
                    throw new NotSureException();
                }
            }

            positions = _positions.Close(opened, isMapping: false, start, _contentEnd - start);
            return sequence;
        }

        /// <summary>A scalar or a flow collection at <paramref name="start"/>, in a block whose indentation is <paramref name="indent"/>.</summary>
        private JsonNode? ReadValue(int indent, int start, int depth, out int valueStart, out int valueLength, out PositionTree.Collection? positions, out int end)
        {
            positions = null;
            valueStart = start;
            JsonNode? value;
            switch (_text[start])
            {
                case '[' or '{':
                    value = ReadFlowCollection(indent, start, depth, out positions, out end);
                    valueLength = positions.Length;
                    EndOfLine(end);
                    return value;
                case '|' or '>':
                    value = StringValue(ReadBlockScalar(indent, start, out end));
                    break;
                case '\'' or '"':
                    value = StringValue(ReadQuoted(indent, start, out end));
                    EndOfLine(end);
                    break;
                default:
                    value = ResolvePlain(ReadPlain(indent, start, out end));
                    break;
            }

            Count();
            valueLength = _contentEnd - start;
            return value;
        }

        /// <summary>
        /// A block mapping's key at <paramref name="start"/>: a plain or quoted scalar on one line, then <c>:</c> and a
        /// space or the line's end. <paramref name="keyEnd"/> is just past the key, <paramref name="afterColon"/> past the colon.
        /// </summary>
        private bool TryKey(int start, out string name, out int keyEnd, out int afterColon)
        {
            (name, keyEnd, afterColon) = (string.Empty, 0, 0);
            if (_text[start] is '\'' or '"')
            {
                var close = _text.IndexOf(_text[start], start + 1);
                var lineEnd = LineEnd(start);
                if (close < 0 || close > lineEnd || !IsColon(close + 1) || _text.IndexOf('\\', start, close - start) >= 0 || close - start > SimpleKeyLimit)
                {
                    return false;
                }

                // A doubled single quote is an escaped one; a key with one is the YAML parser's.
                if (_text[start] == '\'' && close + 1 < _text.Length && _text[close + 1] == '\'')
                {
                    return false;
                }

                name = _text.Substring(start + 1, close - start - 1);
                (keyEnd, afterColon) = (close + 1, close + 2);
                return true;
            }

            if (!CanStartPlain(start, flow: false))
            {
                return false;
            }

            for (var i = start; i < _text.Length && _text[i] != '\n' && i - start <= SimpleKeyLimit; i++)
            {
                if (_text[i] == '#' && _text[i - 1] == ' ')
                {
                    return false;
                }

                if (IsColon(i))
                {
                    if (_text[i - 1] == ' ')
                    {
                        return false;
                    }

                    name = _text.Substring(start, i - start);
                    (keyEnd, afterColon) = (i, i + 1);
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A plain scalar may start here: not with an indicator, but with <c>-</c>, <c>?</c> or <c>:</c> before a character
        /// that could follow (<c>-1</c>), which in a flow collection is not one of its own indicators.
        /// </summary>
        private bool CanStartPlain(int i, bool flow)
        {
            var c = _text[i];
            if (Indicators.IndexOf(c) < 0)
            {
                return true;
            }

            return c is '-' or '?' or ':' && i + 1 < _text.Length && _text[i + 1] is not (' ' or '\n') && !(flow && _text[i + 1] is ',' or '[' or ']' or '{' or '}');
        }

        /// <summary>A <c>:</c> that marks a value in block context: followed by a space, the line's end or the text's.</summary>
        private bool IsColon(int i) => i < _text.Length && _text[i] == ':' && (i + 1 == _text.Length || _text[i + 1] is ' ' or '\n');

        /// <summary>A block sequence's entry: <c>-</c> followed by a space or the line's end.</summary>
        private bool IsEntry(int i) => _text[i] == '-' && (i + 1 == _text.Length || _text[i + 1] is ' ' or '\n');

        /// <summary>
        /// A plain scalar in block context, over as many lines as are more indented than its block, folded as YAML folds
        /// them: a line break becomes a space, and each empty line a line feed.
        /// </summary>
        private string ReadPlain(int indent, int start, out int end)
        {
            if (!CanStartPlain(start, flow: false))
            {
                throw new NotSureException();
            }

            _value.Clear();
            var line = start;
            while (true)
            {
                var segmentEnd = PlainSegmentEnd(line, out var endsInComment);
                _value.Append(_text, line, segmentEnd - line);
                _contentEnd = segmentEnd;
                end = segmentEnd;
                if (endsInComment)
                {
                    return _value.ToString();
                }

                // The next line continues the scalar when it is more indented than the block and holds no comment.
                var breaks = 0;
                var next = SkipSpaces(segmentEnd);
                while (next < _text.Length && _text[next] == '\n')
                {
                    breaks++;
                    next = SkipSpaces(next + 1);
                }

                if (next == _text.Length || Column(next) <= indent || _text[next] == '#')
                {
                    return _value.ToString();
                }

                if (Indicators.IndexOf(_text[next]) >= 0)
                {
                    throw new NotSureException();
                }

                _value.Append(breaks == 1 ? " " : new string('\n', breaks - 1));
                line = next;
            }
        }

        /// <summary>
        /// The end of a plain scalar's text on its line, its trailing spaces left out. A comment ends the scalar; a
        /// <c>: </c> in a value is an error or a key the YAML parser must judge.
        /// </summary>
        private int PlainSegmentEnd(int start, out bool endsInComment)
        {
            endsInComment = false;
            var i = start;
            var contentEnd = start;
            for (; i < _text.Length && _text[i] != '\n'; i++)
            {
                var c = _text[i];
                if (c == ' ')
                {
                    continue;
                }

                if (c == '#' && _text[i - 1] == ' ')
                {
                    endsInComment = true;
                    break;
                }

                if (IsColon(i))
                {
                    throw new NotSureException();
                }

                contentEnd = i + 1;
            }

            return contentEnd;
        }

        /// <summary>
        /// A single- or double-quoted scalar, over one line or more: a line break and the spaces around it become a
        /// space, or a line feed for each empty line between.
        /// </summary>
        private string ReadQuoted(int indent, int start, out int end)
        {
            var quote = _text[start];
            _value.Clear();
            var i = start + 1;
            while (true)
            {
                if (i >= _text.Length)
                {
                    throw new NotSureException();
                }

                var c = _text[i];
                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                    {
                        _value.Append('\'');
                        i += 2;
                        continue;
                    }

                    break;
                }

                if (c == '\\' && quote == '"')
                {
                    i = Escape(i);
                    continue;
                }

                if (c is ' ' or '\n')
                {
                    i = QuotedWhitespace(indent, i);
                    continue;
                }

                _value.Append(c);
                i++;
            }

            end = i + 1;
            _contentEnd = end;
            return _value.ToString();
        }

        /// <summary>Spaces inside a quoted scalar: kept within a line, folded across line breaks (those at a line's end and start dropped).</summary>
        private int QuotedWhitespace(int indent, int i)
        {
            var spacesEnd = SkipSpaces(i);
            if (spacesEnd >= _text.Length || _text[spacesEnd] != '\n')
            {
                _value.Append(_text, i, spacesEnd - i);
                return spacesEnd;
            }

            var breaks = 0;
            var next = spacesEnd;
            while (next < _text.Length && _text[next] == '\n')
            {
                breaks++;
                next = SkipSpaces(next + 1);
            }

            // A continuation line no more indented than the block is the YAML parser's to judge.
            if (next >= _text.Length || Column(next) <= indent)
            {
                throw new NotSureException();
            }

            _value.Append(breaks == 1 ? " " : new string('\n', breaks - 1));
            return next;
        }

        /// <summary>A double-quoted scalar's escape at <paramref name="i"/>, the common ones; the index after it.</summary>
        private int Escape(int i)
        {
            if (i + 1 >= _text.Length)
            {
                throw new NotSureException();
            }

            var escaped = _text[i + 1] switch
            {
                '"' or '\\' or '/' => _text[i + 1],
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                _ => '\0',
            };
            if (escaped != '\0')
            {
                _value.Append(escaped);
                return i + 2;
            }

            if (_text[i + 1] == 'u' && i + 5 < _text.Length
                && ushort.TryParse(_text.Substring(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code)
                && code is >= 0x20 and < 0x7F or >= 0xA0 and < 0xD800 or >= 0xE000 and < 0xFFFE)
            {
                _value.Append((char)code);
                return i + 6;
            }

            throw new NotSureException();
        }

        /// <summary>
        /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar, with an optional chomping indicator; its lines are
        /// those more indented than its block, at the indentation of the first. As in YamlDotNet's scanner, it ends at the
        /// start of the line where the scan of the line breaks after it stopped: the next line with content, or the text's end.
        /// </summary>
        private string ReadBlockScalar(int indent, int start, out int end)
        {
            var literal = _text[start] == '|';
            var i = start + 1;
            var chomping = 0;
            if (i < _text.Length && _text[i] is '-' or '+')
            {
                chomping = _text[i] == '-' ? -1 : 1;
                i++;
            }

            var header = SkipSpaces(i);
            if (header < _text.Length && _text[header] == '#' && header > i)
            {
                header = LineEnd(header);
            }

            if (header >= _text.Length || _text[header] != '\n')
            {
                throw new NotSureException();
            }

            // The first line sets the indentation; an empty line before it, or a first line no more indented than the block, is the YAML parser's.
            var first = header + 1;
            var contentIndent = SkipSpaces(first) - first;
            if (first + contentIndent >= _text.Length || _text[first + contentIndent] == '\n' || contentIndent <= indent || contentIndent < 1)
            {
                throw new NotSureException();
            }

            _value.Clear();
            var leadingBreak = false;
            var trailingBreaks = 0;
            var leadingBlank = false;
            i = first + contentIndent;
            while (true)
            {
                // i is at the content of a line, past its indentation.
                var trailingBlank = _text[i] == ' ';
                if (!literal && leadingBreak && !leadingBlank && !trailingBlank)
                {
                    if (trailingBreaks == 0)
                    {
                        _value.Append(' ');
                    }
                }
                else if (leadingBreak)
                {
                    _value.Append('\n');
                }

                _value.Append('\n', trailingBreaks);
                trailingBreaks = 0;
                leadingBlank = trailingBlank;
                var lineEnd = LineEnd(i);
                _value.Append(_text, i, lineEnd - i);
                if (lineEnd >= _text.Length)
                {
                    // A block scalar that ends the text without a line break is the YAML parser's.
                    throw new NotSureException();
                }

                leadingBreak = true;
                i = lineEnd + 1;

                // The breaks after the line: spaces up to the indentation, then empty lines; a line of spaces alone
                // longer than the indentation is the YAML parser's.
                while (true)
                {
                    var lineStart = i;
                    while (i < _text.Length && i - lineStart < contentIndent && _text[i] == ' ')
                    {
                        i++;
                    }

                    if (i < _text.Length && _text[i] == '\n')
                    {
                        trailingBreaks++;
                        i++;
                        continue;
                    }

                    if (i - lineStart == contentIndent && i < _text.Length && _text[i] == ' ' && IsLineEnd(SkipSpaces(i)))
                    {
                        throw new NotSureException();
                    }

                    break;
                }

                if (i >= _text.Length || i - LineStart(i) != contentIndent)
                {
                    break;
                }
            }

            if (chomping != -1 && leadingBreak)
            {
                _value.Append('\n');
            }

            if (chomping == 1)
            {
                _value.Append('\n', trailingBreaks);
            }

            // The scalar ends at the start of the line where the scan of the breaks stopped.
            end = LineStart(i);
            _contentEnd = end;
            return _value.ToString();
        }

        /// <summary>
        /// A flow collection written like JSON: <c>[a, b]</c>, <c>{"k" : v}</c>, over as many lines as it takes, its
        /// items scalars on one line or flow collections. It spans from its opening bracket to its closing one.
        /// </summary>
        private JsonNode ReadFlowCollection(int indent, int start, int depth, out PositionTree.Collection positions, out int end)
        {
            Open(depth);
            var opened = _positions.Open();
            var isMapping = _text[start] == '{';
            var close = isMapping ? '}' : ']';
            JsonNode collection = isMapping ? new JsonObject() : new JsonArray();
            var at = FlowSpace(indent, start + 1);
            if (_text[at] != close)
            {
                while (true)
                {
                    string? name = null;
                    int keyStart = 0, keyEnd = 0;
                    if (isMapping)
                    {
                        keyStart = at;
                        name = ReadFlowScalar(indent, at, out keyEnd, out var quoted);
                        var colon = SkipSpaces(keyEnd);
                        if (!IsColon(colon) || ((JsonObject)collection).ContainsKey(name))
                        {
                            throw new NotSureException();
                        }

                        _contentEnd = keyEnd;
                        at = FlowSpace(indent, colon + 1);
                    }

                    var value = ReadFlowNode(indent, at, depth + 1, out var valueLength, out var child, out var valueEnd);
                    if (isMapping)
                    {
                        ((JsonObject)collection).Add(name!, value);
                    }
                    else
                    {
                        ((JsonArray)collection).Add(value);
                    }

                    _positions.Add(name, keyStart, keyEnd - keyStart, at, valueLength, child);
                    at = FlowSpace(indent, valueEnd);
                    if (_text[at] == close)
                    {
                        break;
                    }

                    if (_text[at] != ',')
                    {
                        throw new NotSureException();
                    }

                    at = FlowSpace(indent, at + 1);
                    if (_text[at] is ']' or '}')
                    {
                        // A trailing comma.
                        throw new NotSureException();
                    }
                }
            }

            end = at + 1;
            _contentEnd = end;
            positions = _positions.Close(opened, isMapping, start, end - start);
            return collection;
        }

        private JsonNode? ReadFlowNode(int indent, int start, int depth, out int valueLength, out PositionTree.Collection? positions, out int end)
        {
            positions = null;
            if (_text[start] is '[' or '{')
            {
                var collection = ReadFlowCollection(indent, start, depth, out positions, out end);
                valueLength = positions.Length;
                return collection;
            }

            var text = ReadFlowScalar(indent, start, out end, out var quoted);
            Count();
            _contentEnd = end;
            valueLength = end - start;
            return quoted ? StringValue(text) : ResolvePlain(text);
        }

        /// <summary>A scalar in a flow collection, on one line: quoted, or plain up to a flow indicator, a <c>: </c> or a comment.</summary>
        private string ReadFlowScalar(int indent, int start, out int end, out bool quoted)
        {
            quoted = _text[start] is '\'' or '"';
            if (quoted)
            {
                var lineEnd = LineEnd(start);
                var text = ReadQuoted(indent, start, out end);
                if (end > lineEnd)
                {
                    throw new NotSureException();
                }

                return text;
            }

            if (!CanStartPlain(start, flow: true))
            {
                throw new NotSureException();
            }

            var contentEnd = start;
            for (var i = start; i < _text.Length; i++)
            {
                var c = _text[i];
                if (c is ',' or '[' or ']' or '{' or '}' or '\n' || (c == '#' && _text[i - 1] == ' '))
                {
                    break;
                }

                // A colon before a space ends a key; one inside a plain scalar of a flow collection is the YAML parser's to judge.
                if (c == ':' && i > start)
                {
                    if (i + 1 < _text.Length && _text[i + 1] is ' ' or '\n')
                    {
                        break;
                    }

                    throw new NotSureException();
                }

                if (c != ' ')
                {
                    contentEnd = i + 1;
                }
            }

            // A plain scalar that goes on to the next line is the YAML parser's.
            var after = SkipSpaces(contentEnd);
            if (after < _text.Length && _text[after] == '\n')
            {
                var next = FlowSpace(indent, after);
                if (_text[next] is not (',' or ']' or '}' or ':'))
                {
                    throw new NotSureException();
                }
            }

            end = contentEnd;
            return _text.Substring(start, contentEnd - start);
        }

        /// <summary>Spaces, line breaks and comments inside a flow collection; the index of what follows, which the text must have.</summary>
        private int FlowSpace(int indent, int i)
        {
            while (true)
            {
                i = SkipSpaces(i);
                if (i >= _text.Length)
                {
                    throw new NotSureException();
                }

                if (_text[i] == '#' && _text[i - 1] is ' ' or '\n')
                {
                    i = LineEnd(i);
                    continue;
                }

                if (_text[i] != '\n')
                {
                    return i;
                }

                i = SkipSpaces(i + 1);

                // Lines of a flow collection no more indented than its block are the YAML parser's to judge.
                if (i < _text.Length && _text[i] != '\n' && Column(i) <= indent)
                {
                    throw new NotSureException();
                }
            }
        }

        /// <summary>After a quoted scalar or a flow collection, the rest of its line holds nothing but spaces and a comment.</summary>
        private void EndOfLine(int i)
        {
            var next = SkipSpaces(i);
            if (next < _text.Length && _text[next] != '\n' && !(_text[next] == '#' && next > i))
            {
                throw new NotSureException();
            }
        }

        /// <summary>The first character of the next line with content (neither empty nor a comment) from <paramref name="i"/> on, or the text's end.</summary>
        private int NextContent(int i)
        {
            while (true)
            {
                i = SkipSpaces(i);
                if (i >= _text.Length)
                {
                    return _text.Length;
                }

                if (_text[i] == '#' && (i == 0 || _text[i - 1] is ' ' or '\n'))
                {
                    i = LineEnd(i);
                    continue;
                }

                if (_text[i] != '\n')
                {
                    return i;
                }

                i++;
            }
        }

        private void Open(int depth)
        {
            if (depth >= MaxDepth)
            {
                throw new NotSureException();
            }

            Count();
        }

        private void Count()
        {
            if (++_nodeCount > MaxNodes)
            {
                throw new NotSureException();
            }
        }

        private bool IsLineEnd(int i) => i >= _text.Length || _text[i] == '\n' || (_text[i] == '#' && _text[i - 1] == ' ');

        private int SkipSpaces(int i)
        {
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            return i;
        }

        private int LineEnd(int i)
        {
            var end = _text.IndexOf('\n', i);
            return end < 0 ? _text.Length : end;
        }

        private int LineStart(int i) => i == 0 ? 0 : _text.LastIndexOf('\n', i - 1) + 1;

        private int Column(int i) => i - LineStart(i);

        private bool StartsWith(int i, string value) => string.CompareOrdinal(_text, i, value, 0, value.Length) == 0;
    }
}
