using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OpenApiClientGenerator.TemplateCompiler;

/// <summary>Indented C# text, and the names and literals written into it.</summary>
internal sealed class CSharpText
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

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
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    public static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }
}
