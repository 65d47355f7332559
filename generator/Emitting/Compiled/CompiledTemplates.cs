using System;
using System.Collections.Generic;
using System.Linq;
using Scriban;

namespace OpenApiClientGenerator.Emitting.Compiled;

/// <summary>
/// Renders the embedded templates through C# compiled from them: tools/TemplateCompiler writes the <c>*.g.cs</c> files
/// beside this one, a method per template and per template function. Interpreting a template's syntax tree was most of a
/// render's cost; the compiled code writes the same text, byte for byte, for a fraction of it. The values stay what
/// Scriban sees: the views are read through the accessors Scriban would use, and truth, equality, text and the builtins
/// are Scriban's own (see <c>CompiledTemplates.Values.cs</c>). A user's template, and any template that includes one,
/// is still rendered by Scriban (<see cref="TemplateRenderer"/>).
/// </summary>
/// <remarks>An instance is one render's state: its view, its output and the global variables its templates assign.</remarks>
internal sealed partial class CompiledTemplates
{
    private readonly TemplateContext _context;

    private readonly NormalizingOutput _output;

    private CompiledTemplates(object view, TemplateContext context, NormalizingOutput output)
    {
        View = view;
        _context = context;
        _output = output;
    }

    /// <summary>The object whose members are the render's global variables (<c>{{ title }}</c>), as Scriban imports them.</summary>
    private object View { get; }

    /// <summary>
    /// Whether <paramref name="templateName"/> is compiled and neither it nor any template it includes is overridden: a
    /// compiled template renders the embedded templates it includes, never a user's.
    /// </summary>
    public static bool Renders(string templateName, Func<string, bool> isOverridden)
        => Templates.TryGetValue(templateName, out var template) && !isOverridden(templateName) && !template.Includes.Any(isOverridden);

    /// <summary>
    /// Renders <paramref name="templateName"/> over <paramref name="view"/>. <paramref name="context"/> is the thread's
    /// Scriban context: its accessors read the views, and it converts and compares values as it does in a Scriban render.
    /// </summary>
    public static string Render(string templateName, object view, TemplateContext context)
    {
        var output = new NormalizingOutput();
        Templates[templateName].Render(new CompiledTemplates(view, context, output));
        var text = output.ToString();
        output.Release();
        return text;
    }

    /// <summary>A template's render method, and the templates it includes, directly or through another.</summary>
    private sealed class CompiledTemplate(Action<CompiledTemplates> render, IReadOnlyList<string> includes)
    {
        public Action<CompiledTemplates> Render { get; } = render;

        public IReadOnlyList<string> Includes { get; } = includes;
    }
}
