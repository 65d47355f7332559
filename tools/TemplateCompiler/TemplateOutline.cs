using System;
using System.Collections.Generic;
using System.Linq;
using Scriban.Syntax;

namespace OpenApiClientGenerator.TemplateCompiler;

/// <summary>What other templates need to know of a template before it is translated: its functions, the templates it includes, the globals it assigns.</summary>
internal sealed class TemplateOutline
{
    private TemplateOutline(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>The functions it defines (<c>func name(parameters)</c>), by name.</summary>
    public Dictionary<string, ScriptFunction> Functions { get; } = new(StringComparer.Ordinal);

    public List<string> DirectIncludes { get; } = [];

    public HashSet<string> AssignedGlobals { get; } = new(StringComparer.Ordinal);

    public static TemplateOutline Of(string name, ScriptPage page)
    {
        var outline = new TemplateOutline(name);
        outline.Visit(page, insideFunction: false);
        return outline;
    }

    /// <summary><c>Models.sbncs</c> as <c>Models</c>.</summary>
    public static string MethodStem(string templateName) => CSharpText.Pascal(templateName.Substring(0, templateName.IndexOf('.', StringComparison.Ordinal)));

    public static string RenderMethod(string templateName) => "Render" + MethodStem(templateName);

    /// <summary>Every template this one includes, directly or through another, in name order.</summary>
    public IEnumerable<string> Includes(IReadOnlyDictionary<string, TemplateOutline> outlines)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(DirectIncludes);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (found.Add(name))
            {
                foreach (var next in outlines[name].DirectIncludes)
                {
                    pending.Push(next);
                }
            }
        }

        return found;
    }

    private void Visit(ScriptNode? node, bool insideFunction)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptFunction function:
                if (insideFunction || function.NameOrDoToken is not ScriptVariable name)
                {
                    throw new TemplateCompilerException(Name + ": only named functions at a template's top level are supported (" + function.Span + ").");
                }

                Functions.Add(name.Name, function);
                Visit(function.Body, insideFunction: true);
                return;
            case ScriptFunctionCall { Target: ScriptVariable { Name: "include" }, Arguments: [ScriptLiteral { Value: string included }] }:
                DirectIncludes.Add(included);
                return;
            case ScriptAssignExpression { Target: ScriptVariable target } assign:
                AssignedGlobals.Add(target.Name);
                Visit(assign.Value, insideFunction);
                return;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Visit(node.GetChildren(i), insideFunction);
        }
    }
}
