using System.Text;
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
/// largest files each string is a large-object-heap allocation. The builder starts small on purpose: it then grows in
/// chunks that stay off that heap, where a buffer the size of a whole file would go and bring on gen2 collections.
/// The blanks that end what has arrived so far are written at once and cut off again if a line end follows them.
/// </remarks>
internal sealed class NormalizingOutput : IScriptOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>
    /// Where the blanks that end the text so far begin (followed by a <c>\r</c> if <see cref="_endsWithCarriageReturn"/>;
    /// the text's length when it ends otherwise): a line end cuts the text back to here.
    /// </summary>
    private int _trailingStart;

    private bool _endsWithCarriageReturn;

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

            if (_trailingStart < _text.Length)
            {
                _text.Length = _trailingStart;
            }

            _text.Append('\n');
            _trailingStart = _text.Length;
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
    public override string ToString() => _endsWithCarriageReturn ? _text.ToString() : _text.ToString(0, _trailingStart);

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
            _trailingStart = _text.Length + (blanksStart - start);
        }

        _text.Append(text, start, end - start);
        _endsWithCarriageReturn = endsWithCarriageReturn;
    }
}
