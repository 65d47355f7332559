using System;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.TemplateCompiler;

/// <summary>Indented C# text, and the names and literals written into it.</summary>
internal sealed class CSharpText
{
    private readonly StringBuilder _text = new();

    private int _depth;

    /// <summary>Whether the last line closed a block: a statement after it is set off by a blank line, as in hand-written C#.</summary>
    private bool _closedBlock;

    public void Line(string line)
    {
        if (_closedBlock && line.Length > 0 && !line.StartsWith('}') && !line.StartsWith("else", StringComparison.Ordinal))
        {
            _text.Append('\n');
        }

        _closedBlock = false;
        _text.Append(line.Length == 0 ? string.Empty : new string(' ', _depth * 4)).Append(line).Append('\n');
    }

    public void Open()
    {
        Line("{");
        _depth++;
    }

    public void Close(string closing = "}")
    {
        _depth--;
        Line(closing);
        _closedBlock = true;
    }

    public void Indent() => _depth++;

    public void Outdent() => _depth--;

    public override string ToString() => _text.ToString();

    /// <summary><c>last_is_block</c> as <c>LastIsBlock</c>.</summary>
    public static string Pascal(string snake)
    {
        var name = new StringBuilder();
        foreach (var part in snake.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return name.ToString();
    }

    /// <summary><c>item_expression</c> as <c>itemExpression</c>, escaped where it is a keyword.</summary>
    public static string Camel(string snake)
    {
        var pascal = Pascal(snake);
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    /// <summary><paramref name="text"/> as a C# string literal, escaped as Roslyn escapes one (the generator's literals are too).</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
