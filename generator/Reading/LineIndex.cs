using System;

namespace OpenApiClientGenerator.Reading;

/// <summary>Turns offsets into lines and columns, with the line breaks of Roslyn's SourceText: CR, LF, CRLF, NEL, LS and PS.</summary>
internal sealed class LineIndex
{
    /// <summary>The characters C# ends a line at, which Roslyn's SourceText counts lines by.</summary>
    internal static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];

    /// <summary>The index of each spec text whose lines the fragment split found (<see cref="Of"/>): the split sees every line break of a JSON text as it scans it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, LineIndex> Found = new();

    private readonly LineStarts _lineStarts;

    /// <param name="lineStarts">Where each line starts: kept, not copied (a spec's lines are many).</param>
    private LineIndex(LineStarts lineStarts) => _lineStarts = lineStarts;

    public LineIndex(string text)
    {
        _lineStarts = new LineStarts();

        // The next line break is searched for, not each character read: a spec is read again at every edit.
        for (var i = 0; i < text.Length; i++)
        {
            var next = text.AsSpan(i).IndexOfAny(LineBreaks);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            _lineStarts.Add(i + 1);
        }
    }

    /// <summary>The lines of <paramref name="text"/>: those the split found, or else found now.</summary>
    public static LineIndex Of(string text) => Found.TryGetValue(text, out var found) ? found : new LineIndex(text);

    /// <summary>Keeps the lines a scan of <paramref name="text"/> found for <see cref="Of"/>.</summary>
    public static void Remember(string text, LineStarts lineStarts) => Found.GetValue(text, _ => new LineIndex(lineStarts));

    public SourcePosition Position(int offset, int length)
    {
        var (line, column) = LineAndColumn(offset);
        return new SourcePosition(line, column, offset, length);
    }

    public (int Line, int Column) LineAndColumn(int offset)
    {
        var line = _lineStarts.LineOf(offset);
        return (line, offset - _lineStarts[line]);
    }

    /// <summary>Where the line holding <paramref name="offset"/> ends, before its line break.</summary>
    public int EndOfLine(int offset, string text)
    {
        var (line, _) = LineAndColumn(offset);
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] : text.Length;
        while (end > offset && text[end - 1] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
        {
            end--;
        }

        return end;
    }
}
