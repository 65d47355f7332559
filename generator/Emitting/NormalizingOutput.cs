using System;
using System.Threading;
using System.Threading.Tasks;
using Scriban.Runtime;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// Where a template renders to: output must be byte-identical on every OS, so line endings never depend on the template
/// file's checkout (<c>\r\n</c> becomes <c>\n</c>); and an indented empty line, which templates produce easily, should not
/// show up as trailing whitespace in a diff (blanks before a line's end are dropped, and at the end of the text).
/// </summary>
/// <remarks>
/// It normalizes as the text arrives, so that a file's text is built once: rendering to Scriban's own builder and
/// normalizing its string afterwards handled each file four times (builder, string, builder, string), and for the
/// largest files each string is a large-object-heap allocation. The text is written into a buffer that the thread's
/// renders reuse (<see cref="Release"/>), so that a render allocates its file's string and nothing else for it: a
/// builder of its own grew in chunks as large as the file together, once more per file. The blanks that end what has
/// arrived so far are written at once and cut off again if a line end follows them.
/// </remarks>
internal sealed class NormalizingOutput : IScriptOutput
{
    /// <summary>A buffer larger than this (2 MiB) is not kept for the next render: one outsized file should not hold it.</summary>
    private const int LargestKeptBuffer = 1 << 20;

    /// <summary>The buffer the last render on this thread released, for the next one; null while a render uses it.</summary>
    [ThreadStatic]
    private static char[]? t_spareBuffer;

    private char[] _text;

    private int _length;

    /// <summary>
    /// Where the blanks that end the text so far begin (followed by a <c>\r</c> if <see cref="_endsWithCarriageReturn"/>;
    /// the text's length when it ends otherwise): a line end cuts the text back to here.
    /// </summary>
    private int _trailingStart;

    private bool _endsWithCarriageReturn;

    public NormalizingOutput()
    {
        _text = t_spareBuffer ?? new char[4096];
        t_spareBuffer = null;
    }

    public void Write(string text, int offset, int count)
    {
        var end = offset + count;
        while (true)
        {
            var newLine = text.IndexOf('\n', offset, end - offset);
            Append(text, offset, newLine < 0 ? end : newLine);
            if (newLine < 0)
            {
                return;
            }

            _length = _trailingStart;
            Reserve(1);
            _text[_length++] = '\n';
            _trailingStart = _length;
            _endsWithCarriageReturn = false;
            offset = newLine + 1;
        }
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return default;
    }

    /// <summary>The text so far, without the blanks that end it (a <c>\r</c> at the end stays: no line end follows it).</summary>
    public override string ToString() => new(_text, 0, _endsWithCarriageReturn ? _length : _trailingStart);

    /// <summary>Gives the buffer to the thread's next render; this output is not written to or read afterwards.</summary>
    public void Release()
    {
        if (_text.Length <= LargestKeptBuffer)
        {
            t_spareBuffer = _text;
        }
    }

    /// <summary>Makes room for <paramref name="count"/> more characters.</summary>
    private void Reserve(int count)
    {
        if (_length + count > _text.Length)
        {
            var larger = new char[Math.Max(_text.Length * 2, _length + count)];
            Array.Copy(_text, larger, _length);
            _text = larger;
        }
    }

    /// <summary>Appends part of a line (no <c>\n</c> in it) and finds where the blanks that end the text now begin.</summary>
    private void Append(string text, int start, int end)
    {
        if (end == start)
        {
            return;
        }

        var endsWithCarriageReturn = text[end - 1] == '\r';
        var blanksStart = endsWithCarriageReturn ? end - 1 : end;
        while (blanksStart > start && text[blanksStart - 1] is ' ' or '\t')
        {
            blanksStart--;
        }

        // Blanks, or a \r, right after the blanks that ended the text extend them; after anything else (a \r
        // included: no line end followed it) the blanks start anew.
        if (blanksStart > start || _endsWithCarriageReturn)
        {
            _trailingStart = _length + (blanksStart - start);
        }

        Reserve(end - start);
        text.CopyTo(start, _text, _length, end - start);
        _length += end - start;
        _endsWithCarriageReturn = endsWithCarriageReturn;
    }
}
