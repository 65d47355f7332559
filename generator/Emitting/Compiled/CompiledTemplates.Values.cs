using System;
using System.Collections;
using System.Globalization;
using Scriban.Functions;
using Scriban.Syntax;

namespace OpenApiClientGenerator.Emitting.Compiled;

/// <summary>
/// What the compiled templates do with values, each as Scriban does it: the common cases (a string written, a flag
/// tested, two strings compared) directly, the others through the context or Scriban's own operators and builtins, so
/// that no value renders differently from a Scriban render.
/// </summary>
internal sealed partial class CompiledTemplates
{
    /// <summary>The flags, boxed once: templates assign flags to globals (<c>separate = true</c>) in their loops.</summary>
    private static readonly object True = true;

    private static readonly object False = false;

    /// <summary><c>.size</c> of what is not a collection (a string, a script object): as Scriban's accessors tell it.</summary>
    private static readonly MemberRead SizeMember = new("size");

    private void Write(string text) => _output.Write(text, 0, text.Length);

    /// <summary><c>{{ value }}</c>: nothing for null, the text of anything else as the context makes it.</summary>
    private void WriteValue(object? value)
    {
        if ((value as string ?? (value is null ? null : _context.ObjectToString(value))) is { } text)
        {
            Write(text);
        }
    }

    private void WriteFlag(bool flag) => Write(flag ? "true" : "false");

    private void WriteNumber(int number) => Write(number.ToString(CultureInfo.InvariantCulture));

    private object? Get(object? target, MemberRead member) => member.Of(target, _context);

    private static object Boxed(bool flag) => flag ? True : False;

    private bool IsTrue(object? value) => value is bool flag ? flag : value is not null && _context.ToBool(default, value);

    private bool IsEqual(object? left, object? right)
        => left is string leftText && right is string rightText
            ? string.Equals(leftText, rightText, StringComparison.Ordinal)
            : _context.ToBool(default, Operator(ScriptBinaryOperator.CompareEqual, left, right));

    private object? Add(object? left, object? right)
        => left is string leftText && right is string rightText ? leftText + rightText : Operator(ScriptBinaryOperator.Add, left, right);

    private object? Coalesce(object? left, object? right) => Operator(ScriptBinaryOperator.EmptyCoalescing, left, right);

    private object? Operator(ScriptBinaryOperator op, object? left, object? right) => ScriptBinaryExpression.Evaluate(_context, default, op, left, right);

    private int Size(object? value) => value is ICollection collection ? collection.Count : _context.ToInt(default, Get(value, SizeMember));

    /// <summary><c>list[position]</c>: a list's item directly, anything else through the accessor Scriban would use.</summary>
    private object? Index(object? target, int position)
    {
        if (target is IList list && position >= 0 && position < list.Count)
        {
            return list[position];
        }

        return target is not null && _context.GetMemberAccessor(target).TryGetItem(_context, default, target, position, out var item) ? item : null;
    }

    /// <summary>What <c>for</c> goes through: nothing for null, a list as it is, any other sequence as a list of its values.</summary>
    private static LoopItems Items(object? values) => values switch
    {
        null => new LoopItems(Array.Empty<object>()),
        IList list => new LoopItems(list),
        IEnumerable sequence and not string => new LoopItems(Collect(sequence)),
        _ => throw new InvalidOperationException("A template loops over a " + values.GetType().Name + ", which is not a list."),
    };

    private static ArrayList Collect(IEnumerable sequence)
    {
        var values = new ArrayList();
        foreach (var value in sequence)
        {
            values.Add(value);
        }

        return values;
    }

    private string? Text(object? value) => value as string ?? (value is null ? null : _context.ObjectToString(value));

    private string? HtmlEscape(object? value) => HtmlFunctions.Escape(Text(value));

    private string? StringLiteral(object? value) => StringFunctions.Literal(Text(value));

    private string? StringAppend(object? value, object? with) => StringFunctions.Append(_context, Text(value), Text(with));

    private string? ArrayJoin(object? values, object? delimiter) => ArrayFunctions.Join(_context, default, values as IEnumerable, Text(delimiter), null);

    private static object? ArrayLast(object? values) => ArrayFunctions.Last(values as IEnumerable);
}
