using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Splits a JSON spec into fragments that are read one by one (each path item, each webhook, each component, and the rest), and puts
/// their readings back together into the tree and source map a reading of the whole text gives. An edit of one
/// operation or schema then reads one fragment again instead of the spec. A text that is not plain JSON (YAML, a
/// comment, an odd line break) is one fragment, read whole; so is a spec whose fragments do not all read without error,
/// so that the diagnostics are those of the whole text.
/// </summary>
internal static class SpecFragmenter
{
    /// <summary>Reads and checks every fragment of a spec at once, as the pipeline does one by one.</summary>
    public static SpecRead Read(SpecInput input)
        => new(input, Checking.FragmentChecks.CheckAll(Split(input.Path, input.Text).Select(FragmentRead.Read).ToList()));

    public static IReadOnlyList<SpecFragment> Split(string specPath, string text)
    {
        List<Piece>? pieces;
        var scanner = new JsonPieceScanner(text);
        try
        {
            pieces = scanner.Scan();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fault of the split's own must not fail the user's build: the text is then read whole, as any other.
            pieces = null;
        }

        if (pieces is not null)
        {
            LineIndex.Remember(text, scanner.LineStarts);
        }

        if (pieces is null || pieces.Count == 0)
        {
            return [new SpecFragment(specPath, string.Empty, 0, text)];
        }

        // Each piece is "{}" in the skeleton, so that the skeleton stays the same when a piece's length changes. The
        // skeleton is a small part of the text: its buffer is sized to it, not to the text (a re-run's largest allocation).
        var skeletonLength = text.Length;
        foreach (var piece in pieces)
        {
            skeletonLength -= piece.End - piece.Start - 2;
        }

        var skeleton = new StringBuilder(skeletonLength);
        var fragments = new List<SpecFragment> { null! };
        var copied = 0;
        foreach (var piece in pieces)
        {
            fragments.Add(new SpecFragment(specPath, piece.Pointer, piece.Name, piece.Depth, new FragmentText(text, piece.Start, piece.End - piece.Start)));
            skeleton.Append(text, copied, piece.Start - copied).Append("{}");
            copied = piece.End;
        }

        skeleton.Append(text, copied, text.Length - copied);
        fragments[0] = new SpecFragment(specPath, string.Empty, 0, skeleton.ToString());
        return fragments;
    }

    /// <summary>
    /// The document a reading of the whole text (whose lines <paramref name="lines"/> are) gives, from the readings of its fragments: the
    /// skeleton's tree with each fragment's tree in its place, and a source map that places the skeleton's and each
    /// fragment's positions in the text. Null when the fragments do not stand for the whole text as its own reading
    /// would: one of them failed, or together they pass the node limit.
    /// </summary>
    /// <param name="trees">The tree to place for each reading, in the same order (the skeleton's is the root): each is
    /// taken as it is, and must have no parent (<see cref="Checking.FragmentTrees"/>).</param>
    public static SpecDocument? Assemble(LineIndex lines, IReadOnlyList<FragmentRead> reads, IReadOnlyList<JsonNode?> trees)
    {
        var skeleton = reads[0].Document;
        var nodeCount = reads.Sum(r => (long)r.Document.NodeCount);
        if (trees[0] is not { } skeletonRoot || nodeCount > SpecDocumentReader.MaxNodes)
        {
            return reads.Count == 1 ? new SpecDocument(trees[0], skeleton.Map, skeleton.Error, skeleton.NodeCount) : null;
        }

        var root = skeletonRoot;
        var placed = new List<(string Pointer, SourceMap Map)>(reads.Count - 1);
        var starts = new int[reads.Count - 1];
        var lengths = new int[reads.Count - 1];

        // The fragments of one map (paths, a component section) come one after another: their parent is looked up once.
        JsonObject? parent = null;
        var parentPointer = string.Empty;
        for (var i = 1; i < reads.Count; i++)
        {
            var read = reads[i];
            var pointer = read.Fragment.Pointer;
            var slash = pointer.LastIndexOf('/');
            if (parent is null || slash != parentPointer.Length || string.CompareOrdinal(pointer, 0, parentPointer, 0, slash) != 0)
            {
                parentPointer = pointer.Substring(0, slash);
                parent = JsonPointers.Find(root, parentPointer) as JsonObject;
            }

            if (trees[i] is not JsonObject value || parent is null || !skeleton.Map.TryGetPosition(pointer, out var placeholder))
            {
                return null;
            }

            parent[read.Fragment.Name] = value;
            placed.Add((pointer, read.Document.Map));
            starts[i - 1] = placeholder.Offset;
            lengths[i - 1] = read.Fragment.Text.Length;
        }

        var layout = reads.Count == 1 ? null : new SkeletonLayout(lines, starts, lengths);
        return new SpecDocument(root, SourceMap.Layered(skeleton.Map, layout, placed), null, (int)nodeCount);
    }

    /// <summary>Where a fragment's value stands in the text: <see cref="End"/> is just past its closing brace.</summary>
    private readonly record struct Piece(string Pointer, string Name, int Depth, int Start, int End);

    /// <summary>
    /// Finds the path items and components of a JSON text in one pass over its characters, checking that the text is
    /// plain JSON as far as the split depends on it: strings, brackets, and scalars made of JSON's characters. Anything
    /// else (a YAML construct, a comment, an unclosed bracket) gives null, and the text is read whole.
    /// </summary>
    private sealed class JsonPieceScanner(string text)
    {
        private readonly string _text = text;

        /// <summary>The characters that end a string's run of plain characters: its end, an escape, or a line break, which JSON does not allow in it.</summary>
        private static readonly char[] StringStops = ['"', '\\', '\r', '\n'];

        private readonly List<Piece> _pieces = [];

        /// <summary>Where each line starts: a plain JSON text breaks lines only between its tokens, where the scan passes them.</summary>
        public LineStarts LineStarts { get; } = new();

        /// <summary>As many spaces as the indentation that <see cref="IndentationEnd"/> compares at once.</summary>
        private static readonly string Spaces = new(' ', 128);

        /// <summary>How many spaces start the last line the scan passed, which the next line most likely repeats.</summary>
        private int _indentation;

        /// <summary>The closing bracket each open one of <see cref="Skip"/> waits for, innermost last: one buffer for every value.</summary>
        private char[] _closers = new char[64];
        private int _index;

        public List<Piece>? Scan()
        {
            if (_text.IndexOfAny(['\u0085', '\u2028', '\u2029']) >= 0)
            {
                // Line breaks to Roslyn but not to the YAML parser, which the reader replaces for the whole text at once.
                return null;
            }

            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _index = 1;
            }

            SkipWhitespace();
            if (!Peek('{') || !Object(string.Empty, 0))
            {
                return null;
            }

            SkipWhitespace();
            return _index == _text.Length ? _pieces : null;
        }

        /// <summary>Reads an object whose members at <paramref name="depth"/> + 1 are pieces when <see cref="IsPieceParent"/> says so.</summary>
        private bool Object(string pointer, int depth)
        {
            _index++;
            SkipWhitespace();
            if (Peek('}'))
            {
                _index++;
                return true;
            }

            while (true)
            {
                if (!String(needsValue: true, out var name))
                {
                    return false;
                }

                SkipWhitespace();
                if (!Peek(':'))
                {
                    return false;
                }

                _index++;
                SkipWhitespace();
                var memberPointer = JsonPointers.Append(pointer, name);
                var start = _index;
                if (Peek('{') && IsPieceParent(pointer, depth))
                {
                    if (!Skip())
                    {
                        return false;
                    }

                    _pieces.Add(new Piece(memberPointer, name, depth + 1, start, _index));
                }
                else if (Peek('{') && depth < 2 && (depth == 0 ? name is "paths" or "components" || IsWebhookMap(name) : pointer == "/components"))
                {
                    if (!Object(memberPointer, depth + 1))
                    {
                        return false;
                    }
                }
                else if (!Skip())
                {
                    return false;
                }

                SkipWhitespace();
                if (Peek('}'))
                {
                    _index++;
                    return true;
                }

                if (!Peek(','))
                {
                    return false;
                }

                _index++;
                SkipWhitespace();
            }
        }

        /// <summary>
        /// The members of <c>paths</c>, of the webhook maps and of each section of <c>components</c> are the pieces: GitHub's
        /// 218 webhooks would otherwise make a skeleton that every parse copies (<see cref="Checking.FragmentTrees"/>).
        /// </summary>
        private static bool IsPieceParent(string pointer, int depth)
            => (depth == 1 && (pointer == "/paths" || IsWebhookMap(pointer.Substring(1))))
                || (depth == 2 && pointer.StartsWith("/components/", System.StringComparison.Ordinal));

        private static bool IsWebhookMap(string name) => ModelBuilding.OperationSelection.WebhookMaps.Contains(name);

        /// <summary>
        /// Moves past one value of any kind: most of the text is inside the pieces, so this is one loop over its
        /// tokens, with the text and the position in locals, which calls out only for a string, a scalar and a run of
        /// whitespace.
        /// </summary>
        private bool Skip()
        {
            var text = _text;
            var end = text.Length;
            var index = _index;
            var depth = 0;
            while (index < end)
            {
                var c = text[index];
                switch (c)
                {
                    case '"':
                        index = StringEnd(index + 1);
                        if (index < 0)
                        {
                            return false;
                        }

                        // Most strings are keys: the ": " after one is passed here rather than a character a turn.
                        if (depth > 0 && index + 1 < end && text[index] == ':' && text[index + 1] == ' ')
                        {
                            index += 2;
                        }

                        break;
                    case ' ' or '\t' or '\r' or '\n':
                        index = WhitespaceEnd(index);
                        continue;
                    case '{' or '[':
                        if (depth == _closers.Length)
                        {
                            System.Array.Resize(ref _closers, depth * 2);
                        }

                        _closers[depth++] = c == '{' ? '}' : ']';
                        index++;
                        break;
                    case '}' or ']':
                        if (depth == 0 || _closers[--depth] != c)
                        {
                            return false;
                        }

                        index++;
                        break;
                    case ',' or ':':
                        if (depth == 0)
                        {
                            return false;
                        }

                        // A comma mostly ends its line: the line break after it is passed here too.
                        index++;
                        if (index < end && text[index] == '\n')
                        {
                            index = IndentationEnd(index + 1);
                        }

                        break;
                    default:
                        index = ScalarEnd(index);
                        if (index < 0)
                        {
                            return false;
                        }

                        break;
                }

                if (depth == 0)
                {
                    _index = index;
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Where the string whose first character is at <paramref name="index"/> ends, just past its closing quote; -1
        /// when it has a line break, which JSON does not allow in it, or no end.
        /// </summary>
        private int StringEnd(int index)
        {
            var text = _text;
            while (index < text.Length)
            {
                // Most of a spec's text is inside strings: the next character that matters is searched for, not each one read.
                index = text.IndexOfAny(StringStops, index);
                if (index < 0)
                {
                    return -1;
                }

                var c = text[index];
                if (c == '"')
                {
                    return index + 1;
                }

                // A line break in a string, escaped or not, is no JSON (YAML reads it): such a text is read whole, its
                // lines counted, since this scan notes line starts only between tokens.
                if (c is '\r' or '\n' || (index + 1 < text.Length && text[index + 1] is '\r' or '\n'))
                {
                    return -1;
                }

                index += 2;
            }

            return -1;
        }

        /// <summary>
        /// Where the number, <c>true</c>, <c>false</c> or <c>null</c> at <paramref name="start"/> ends, by its characters; -1
        /// when it is none: a minus is followed by a digit, so that no YAML indicator passes.
        /// </summary>
        private int ScalarEnd(int start)
        {
            var text = _text;
            var index = start;
            while (index < text.Length && text[index] is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '+' or '-' or '.')
            {
                index++;
            }

            return index > start
                && text[start] is (>= '0' and <= '9') or 't' or 'f' or 'n' or '-'
                && (text[start] != '-' || (start + 1 < index && text[start + 1] is >= '0' and <= '9'))
                ? index
                : -1;
        }

        /// <param name="value">The string's text, for a key (<paramref name="needsValue"/>); empty otherwise.</param>
        private bool String(bool needsValue, out string value)
        {
            value = string.Empty;
            if (!Peek('"'))
            {
                return false;
            }

            var start = ++_index;
            var escaped = false;
            while (_index < _text.Length)
            {
                // Most of a spec's text is inside strings: the next character that matters is searched for, not each one read.
                var next = _text.AsSpan(_index).IndexOfAny(StringStops);
                if (next < 0)
                {
                    return false;
                }

                _index += next;
                var c = _text[_index];
                if (c is '\r' or '\n')
                {
                    return false;
                }

                if (c == '\\')
                {
                    escaped = true;
                    _index += 2;
                }
                else
                {
                    // A key's text is what the reader gives it: escapes are rare in keys, and the reader handles them.
                    var unescaped = !needsValue ? string.Empty : escaped ? Unescaped(start, _index) : _text.Substring(start, _index - start);
                    value = unescaped ?? string.Empty;
                    _index++;
                    return unescaped is not null;
                }
            }

            return false;
        }

        /// <summary>A key with escapes, as JSON reads it; null for an escape JSON does not have, which YAML may read otherwise.</summary>
        private string? Unescaped(int start, int end)
        {
            try
            {
                return JsonNode.Parse(_text.Substring(start - 1, end - start + 2))!.GetValue<string>();
            }
            catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
            {
                // InvalidOperationException: an escaped lone surrogate, which JSON's reader refuses and YAML's may read.
                return null;
            }
        }

        private bool Peek(char c) => _index < _text.Length && _text[_index] == c;

        private void SkipWhitespace() => _index = WhitespaceEnd(_index);

        /// <summary>Where the run of whitespace at <paramref name="index"/> ends, noting each line start on the way.</summary>
        private int WhitespaceEnd(int index)
        {
            var text = _text;
            while (index < text.Length)
            {
                var c = text[index];
                if (c == '\n')
                {
                    index = IndentationEnd(index + 1);
                }
                else if (c == '\r')
                {
                    index = CarriageReturnEnd(index);
                }
                else if (c is ' ' or '\t')
                {
                    index++;
                }
                else
                {
                    break;
                }
            }

            return index;
        }

        /// <summary>Just past the CR at <paramref name="index"/>: a line break of its own unless an LF follows, which then ends the line (CRLF).</summary>
        private int CarriageReturnEnd(int index)
        {
            if (index + 1 == _text.Length || _text[index + 1] != '\n')
            {
                LineStarts.Add(index + 1);
            }

            return index + 1;
        }

        /// <summary>
        /// Where the run of spaces that starts the line at <paramref name="index"/> ends, noting where the line starts. A line of an indented text mostly
        /// has the indentation of the line before, or one level more or less: those spaces are compared at once, and only
        /// the few past them (or, when they are not all spaces, every one) are looked at one by one.
        /// </summary>
        private int IndentationEnd(int index)
        {
            LineStarts.Add(index);
            var text = _text;
            var length = _indentation < text.Length - index ? _indentation : text.Length - index;

            // A line less indented than the one before has its first token where the guess has spaces.
            while (length > 0 && text[index + length - 1] != ' ')
            {
                length--;
            }

            if (length > 0 && !text.AsSpan(index, length).SequenceEqual(Spaces.AsSpan(0, length)))
            {
                length = 0;
            }

            var end = index + length;
            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            _indentation = end - index < Spaces.Length ? end - index : Spaces.Length;
            return end;
        }
    }
}
