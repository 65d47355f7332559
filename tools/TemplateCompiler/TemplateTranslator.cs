using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Scriban.Syntax;

namespace OpenApiClientGenerator.TemplateCompiler;

/// <summary>
/// Translates one template into C# that writes the same text: its top level into a render method, each of its functions
/// into a method. Only the constructs the embedded templates use are supported; anything else throws
/// <see cref="TemplateCompilerException"/>. Values stay Scriban's objects: the helpers of <c>CompiledTemplates</c>
/// (generator/Emitting/Compiled) read members, test truth, compare and convert them as Scriban does.
/// </summary>
internal sealed class TemplateTranslator(
    string templateName,
    IReadOnlyDictionary<string, TemplateOutline> outlines,
    IReadOnlySet<string> globals,
    ISet<string> members)
{
    private readonly CSharpText _text = CompiledSources.Header("templates/" + templateName, "the template");

    /// <summary>
    /// Every template's functions: a function is a global once defined, so an included template calls those of the
    /// templates included before it (Union.sbncs calls Validation.sbncs's write_helpers, both included by Models.sbncs).
    /// </summary>
    private readonly Dictionary<string, ScriptFunction> _functions = outlines.Values.SelectMany(o => o.Functions)
        .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>The loop variables in scope, innermost last: <c>for.first</c> is the last one's.</summary>
    private readonly List<string> _loops = [];

    /// <summary>The parameters of the function being translated; empty at the top level.</summary>
    private HashSet<string> _parameters = new(StringComparer.Ordinal);

    private enum Kind
    {
        /// <summary>A Scriban value (<c>object?</c>).</summary>
        Value,

        /// <summary>A C# <c>bool</c>: a condition, a comparison, a loop's first or last.</summary>
        Flag,

        /// <summary>A C# <c>int</c>: a size, a loop's index, a number literal.</summary>
        Number,
    }

    /// <summary>An expression's C#; a compound one is put in parentheses where it is an operand.</summary>
    private sealed record Expression(string Code, Kind Kind, bool IsCompound = false)
    {
        public string Operand => IsCompound ? "(" + Code + ")" : Code;
    }

    public static string FieldName(string global) => "_" + CSharpText.Camel(global).TrimStart('@');

    public string Translate(ScriptPage page)
    {
        _text.Line("internal sealed partial class CompiledTemplates");
        _text.Open();
        _text.Line("/// <summary>Renders templates/" + templateName + ".</summary>");
        _text.Line("private void " + TemplateOutline.RenderMethod(templateName) + "()");
        _text.Open();
        Block(page.Body);
        _text.Close();
        foreach (var (name, function) in outlines[templateName].Functions)
        {
            Function(name, function);
        }

        _text.Close();
        return _text.ToString();
    }

    private void Function(string name, ScriptFunction function)
    {
        var parameters = function.Parameters?.Select(p => p.DefaultValue is null && p.EqualOrTripleDotToken is null
            ? p.Name!.Name
            : throw Unsupported(p, "a parameter with a default value or a variable count")).ToList() ?? [];
        _parameters = new HashSet<string>(parameters, StringComparer.Ordinal);
        _text.Line(string.Empty);
        _text.Line("/// <summary>The template's <c>" + name + "(" + string.Join(", ", parameters) + ")</c>.</summary>");
        _text.Line("private void " + CSharpText.Pascal(name) + "(" + string.Join(", ", parameters.Select(p => "object? " + CSharpText.Camel(p))) + ")");
        _text.Open();
        Block(function.Body as ScriptBlockStatement ?? throw Unsupported(function, "a function whose body is not a block"));
        _text.Close();
        _parameters = new HashSet<string>(StringComparer.Ordinal);
    }

    private void Block(ScriptBlockStatement? block)
    {
        foreach (var statement in block?.Statements ?? [])
        {
            Statement(statement);
        }
    }

    private void Statement(ScriptStatement statement)
    {
        switch (statement)
        {
            case ScriptRawStatement { IsEscape: true }:
                throw Unsupported(statement, "an escape block");
            case ScriptRawStatement raw:
                // The parser has already trimmed the text next to {{~ and ~}}.
                WriteText(raw.Text.ToString());
                break;

            // The delimiters and end keywords only mark where code starts and stops; comments are not in the tree.
            case ScriptEscapeStatement or ScriptEndStatement:
                break;

            // Functions are methods of their own (see Function); defining one writes nothing.
            case ScriptFunction:
                break;
            case ScriptExpressionStatement { Expression: var expression }:
                ExpressionStatement(expression!);
                break;
            case ScriptIfStatement conditional:
                If(conditional, "if");
                break;
            case ScriptForStatement loop:
                For(loop);
                break;
            case ScriptCaseStatement choice:
                Case(choice);
                break;
            case ScriptContinueStatement when _loops.Count > 0:
                _text.Line("continue;");
                break;
            default:
                throw Unsupported(statement, statement.GetType().Name);
        }
    }

    private void WriteText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var lines = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(CSharpText.Literal(text.Substring(start, end - start)));
            start = end;
        }

        if (lines.Count == 1)
        {
            _text.Line("Write(" + lines[0] + ");");
            return;
        }

        _text.Line("Write(");
        _text.Indent();
        for (var i = 0; i < lines.Count; i++)
        {
            _text.Line(lines[i] + (i < lines.Count - 1 ? " +" : ");"));
        }

        _text.Outdent();
    }

    private void ExpressionStatement(ScriptExpression expression)
    {
        switch (expression)
        {
            case ScriptAssignExpression { Target: ScriptVariable { Scope: ScriptVariableScope.Global } target, Value: var value }
                when !_parameters.Contains(target.Name) && !_loops.Contains(target.Name):
                _text.Line(FieldName(target.Name) + " = " + AsValue(Translate(value)) + ";");
                break;
            case ScriptAssignExpression:
                throw Unsupported(expression, "an assignment to anything but a global variable");
            case ScriptFunctionCall { Target: ScriptVariable { Name: "include" }, Arguments: [ScriptLiteral { Value: string included }] }:
                _text.Line(TemplateOutline.RenderMethod(included) + "();");
                break;
            case ScriptFunctionCall { Target: ScriptVariable target } call when _functions.TryGetValue(target.Name, out var function):
                Call(target.Name, function, call.Arguments?.ToList() ?? []);
                break;
            case ScriptVariable target when _functions.TryGetValue(target.Name, out var function):
                Call(target.Name, function, []);
                break;
            default:
                var written = Translate(expression);
                _text.Line(written.Kind switch
                {
                    Kind.Flag => "WriteFlag(" + written.Code + ");",
                    Kind.Number => "WriteNumber(" + written.Code + ");",
                    _ => "WriteValue(" + written.Code + ");",
                });
                break;
        }
    }

    /// <summary>A call of a template function, as a statement: the functions write their text and return nothing.</summary>
    private void Call(string name, ScriptFunction function, List<ScriptExpression> arguments)
    {
        if (arguments.Count != function.ParameterCount)
        {
            throw Unsupported(function, name + " called with " + arguments.Count + " arguments for its " + function.ParameterCount + " parameters");
        }

        _text.Line(CSharpText.Pascal(name) + "(" + string.Join(", ", arguments.Select(a => AsValue(Translate(a)))) + ");");
    }

    private void If(ScriptIfStatement conditional, string keyword)
    {
        _text.Line(keyword + " (" + AsFlag(Translate(conditional.Condition)).Code + ")");
        _text.Open();
        Block(conditional.Then);
        _text.Close();
        switch (conditional.Else)
        {
            case null:
                break;
            case ScriptIfStatement elseIf:
                If(elseIf, "else if");
                break;
            case ScriptElseStatement otherwise:
                Else(otherwise);
                break;
            default:
                throw Unsupported(conditional.Else, conditional.Else.GetType().Name);
        }
    }

    private void Else(ScriptElseStatement otherwise)
    {
        _text.Line("else");
        _text.Open();
        Block(otherwise.Body);
        _text.Close();
    }

    private void For(ScriptForStatement loop)
    {
        if (loop.Variable is not ScriptVariable { Scope: ScriptVariableScope.Global } variable || loop.Else is not null || loop.NamedArguments is { Count: > 0 })
        {
            throw Unsupported(loop, "a loop other than for name in values");
        }

        // Items gives each value with its place in the loop: for.first, for.last and for.index are the variable's.
        _text.Line("foreach (var " + CSharpText.Camel(variable.Name) + " in Items(" + AsValue(Translate(loop.Iterator)) + "))");
        _text.Open();
        _loops.Add(variable.Name);
        Block(loop.Body);
        _loops.RemoveAt(_loops.Count - 1);
        _text.Close();
    }

    private void Case(ScriptCaseStatement choice)
    {
        var value = AsValue(Translate(choice.Value));
        var local = choice.Value is ScriptMemberExpression member ? CSharpText.Camel(member.Member!.Name) : throw Unsupported(choice, "a case of anything but a member");
        _text.Line("var " + local + " = " + value + ";");
        var keyword = "if";
        var branch = choice.Body?.Statements.OfType<ScriptConditionStatement>().SingleOrDefault();
        while (branch is not null)
        {
            switch (branch)
            {
                case ScriptWhenStatement option:
                    var tests = option.Values.Select(v => "IsEqual(" + local + ", " + AsValue(Translate(v)) + ")");
                    _text.Line(keyword + " (" + string.Join(" || ", tests) + ")");
                    _text.Open();
                    Block(option.Body);
                    _text.Close();
                    keyword = "else if";
                    branch = option.Next;
                    break;
                case ScriptElseStatement otherwise:
                    Else(otherwise);
                    branch = null;
                    break;
                default:
                    throw Unsupported(branch, branch.GetType().Name);
            }
        }
    }

    private Expression Translate(ScriptExpression? expression)
    {
        switch (expression)
        {
            case ScriptLiteral { Value: string text }:
                return new(CSharpText.Literal(text), Kind.Value);
            case ScriptLiteral { Value: bool flag }:
                return new(flag ? "true" : "false", Kind.Flag);
            case ScriptLiteral { Value: int number }:
                return new(number.ToString(CultureInfo.InvariantCulture), Kind.Number);
            case ScriptNestedExpression { Expression: var inner }:
                return Translate(inner);
            case ScriptVariable variable:
                return Variable(variable);
            case ScriptMemberExpression { Target: ScriptVariable { Name: "for" }, Member.Name: var property }:
                return LoopProperty(expression, property);
            case ScriptMemberExpression { Member.Name: "size", Target: var target }:
                return new("Size(" + AsValue(Translate(target)) + ")", Kind.Number);
            case ScriptMemberExpression { Member.Name: var name, Target: var target }:
                members.Add(name);
                return new("Get(" + AsValue(Translate(target)) + ", ViewMembers." + CSharpText.Pascal(name) + ")", Kind.Value);
            case ScriptIndexerExpression { Target: var target, Index: var index } when Translate(index) is { Kind: Kind.Number } position:
                return new("Index(" + AsValue(Translate(target)) + ", " + position.Code + ")", Kind.Value);
            case ScriptUnaryExpression { Operator: ScriptUnaryOperator.Not, Right: var operand }:
                return new("!" + AsFlag(Translate(operand)).Operand, Kind.Flag);
            case ScriptBinaryExpression binary:
                return Binary(binary);
            case ScriptPipeCall pipe:
                return Pipe(pipe);
            default:
                throw Unsupported(expression, expression?.GetType().Name ?? "a missing expression");
        }
    }

    private Expression Variable(ScriptVariable variable)
    {
        var name = variable.Name;
        if (variable.Scope != ScriptVariableScope.Global || name == "for" || _functions.ContainsKey(name))
        {
            throw Unsupported(variable, "the variable " + name + " as a value");
        }

        if (_loops.Contains(name))
        {
            return new(CSharpText.Camel(name) + ".Value", Kind.Value);
        }

        if (_parameters.Contains(name))
        {
            return new(CSharpText.Camel(name), Kind.Value);
        }

        if (globals.Contains(name))
        {
            return new(FieldName(name), Kind.Value);
        }

        // Not assigned by any template: a member of the view the render was given, as Scriban imports it.
        members.Add(name);
        return new("Get(View, ViewMembers." + CSharpText.Pascal(name) + ")", Kind.Value);
    }

    private Expression LoopProperty(ScriptExpression expression, string property)
    {
        if (_loops.Count == 0)
        {
            throw Unsupported(expression, "for." + property + " outside a loop");
        }

        var loop = CSharpText.Camel(_loops[^1]);
        return property switch
        {
            "first" => new(loop + ".IsFirst", Kind.Flag),
            "last" => new(loop + ".IsLast", Kind.Flag),
            "index" => new(loop + ".Index", Kind.Number),
            _ => throw Unsupported(expression, "for." + property),
        };
    }

    private Expression Binary(ScriptBinaryExpression binary)
    {
        var left = Translate(binary.Left);
        var right = Translate(binary.Right);
        switch (binary.Operator)
        {
            case ScriptBinaryOperator.And:
                return new(AsFlag(left).Operand + " && " + AsFlag(right).Operand, Kind.Flag, true);
            case ScriptBinaryOperator.Or:
                return new(AsFlag(left).Operand + " || " + AsFlag(right).Operand, Kind.Flag, true);
            case ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual
                or ScriptBinaryOperator.CompareGreater or ScriptBinaryOperator.CompareLess
                or ScriptBinaryOperator.CompareGreaterOrEqual or ScriptBinaryOperator.CompareLessOrEqual
                when left.Kind == Kind.Number && right.Kind == Kind.Number:
                return new(left.Code + " " + binary.OperatorAsText + " " + right.Code, Kind.Flag, true);
            case ScriptBinaryOperator.CompareEqual:
                return new("IsEqual(" + AsValue(left) + ", " + AsValue(right) + ")", Kind.Flag);
            case ScriptBinaryOperator.CompareNotEqual:
                return new("!IsEqual(" + AsValue(left) + ", " + AsValue(right) + ")", Kind.Flag);
            case ScriptBinaryOperator.Add:
                return new("Add(" + AsValue(left) + ", " + AsValue(right) + ")", Kind.Value);
            case ScriptBinaryOperator.EmptyCoalescing:
                return new("Coalesce(" + AsValue(left) + ", " + AsValue(right) + ")", Kind.Value);
            default:
                throw Unsupported(binary, "the operator " + binary.OperatorAsText);
        }
    }

    /// <summary><c>value | object.function arguments | ...</c>: the builtins the templates use, each a helper of its own.</summary>
    private Expression Pipe(ScriptPipeCall pipe) => Pipe(AsValue(Translate(pipe.From)), pipe.To);

    /// <summary>The parser nests a chain to the right (<c>a | (f | g)</c>); it runs left to right (<c>g(f(a))</c>).</summary>
    private Expression Pipe(string input, ScriptExpression? to)
    {
        if (to is ScriptPipeCall chain)
        {
            return Pipe(Pipe(input, chain.From).Code, chain.To);
        }

        var (function, arguments) = to switch
        {
            ScriptFunctionCall { Target: ScriptMemberExpression target } call => (target, call.Arguments?.ToList() ?? []),
            ScriptMemberExpression target => (target, new List<ScriptExpression>()),
            _ => throw Unsupported(to, "a pipe into anything but a builtin function"),
        };
        var name = (function.Target as ScriptVariable)?.Name + "." + function.Member!.Name;
        var helper = (name, arguments.Count) switch
        {
            ("html.escape", 0) => "HtmlEscape",
            ("string.literal", 0) => "StringLiteral",
            ("string.append", 1) => "StringAppend",
            ("array.join", 1) => "ArrayJoin",
            ("array.last", 0) => "ArrayLast",
            _ => throw Unsupported(to, "the builtin " + name + " with " + arguments.Count + " arguments"),
        };
        return new(helper + "(" + string.Join(", ", arguments.Select(a => AsValue(Translate(a))).Prepend(input)) + ")", Kind.Value);
    }

    private Expression AsFlag(Expression expression) => expression.Kind switch
    {
        Kind.Flag => expression,
        Kind.Value => new("IsTrue(" + expression.Code + ")", Kind.Flag),
        _ => throw new TemplateCompilerException(templateName + ": a number used as a condition (" + expression.Code + ")."),
    };

    private static string AsValue(Expression expression) => expression.Kind switch
    {
        Kind.Flag => "Boxed(" + expression.Code + ")",
        Kind.Number => "(object)" + expression.Operand,
        _ => expression.Code,
    };

    private TemplateCompilerException Unsupported(ScriptNode? node, string what)
        => new(templateName + node?.Span.Start + ": the template compiler does not support " + what + "; render the template with Scriban, or teach tools/TemplateCompiler the construct.");
}
