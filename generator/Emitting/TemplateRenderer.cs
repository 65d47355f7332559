using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Emitting.Compiled;
using OpenApiClientGenerator.Model;
using Scriban;
using Scriban.Runtime;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// Renders the templates: the user's override when there is one, through Scriban; the embedded template otherwise,
/// through the C# compiled from it (<see cref="CompiledTemplates"/>), unless it includes a template the user overrides.
/// </summary>
internal sealed class TemplateRenderer(TemplateSet templates)
{
    /// <summary>Embedded templates never change while the generator is loaded, so each is parsed once.</summary>
    private static readonly ConcurrentDictionary<string, Template> EmbeddedTemplates = new(StringComparer.Ordinal);

    /// <summary>
    /// One context per thread serves every template rendered on it with the same templates: a new context costs about as
    /// much as rendering a small file, and a spec renders hundreds of files, one renderer each. The pipeline may render
    /// files on several threads at once; a context is never shared between threads. Each render's variables live in a
    /// global of its own, popped afterwards, so a render sees nothing of the one before it.
    /// </summary>
    [ThreadStatic]
    private static ThreadContext? t_context;

    /// <summary>Set while the embedded templates render through Scriban too, for the tests that compare it with the compiled rendering.</summary>
    private static readonly AsyncLocal<bool> ScribanOnly = new();

    public List<DiagnosticInfo> Diagnostics { get; } = [];

    public static IReadOnlyList<string> EmbeddedNames { get; } =
        typeof(TemplateRenderer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Templates.", StringComparison.Ordinal))
            .Select(n => n.Substring("Templates.".Length))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// An override named like no embedded template would be ignored in silence, so each is reported. <c>Runtime.sbncs</c> was
    /// a template until the runtime became C# (see <see cref="RuntimeSources"/>), so its report says what became of it.
    /// </summary>
    public static IEnumerable<DiagnosticInfo> UnusedOverrides(TemplateSet templates)
        => templates.Overrides
            .Where(t => !EmbeddedNames.Contains(t.Name, StringComparer.OrdinalIgnoreCase))
            .Select(t => DiagnosticInfo.Create(
                DiagnosticDescriptors.UnusedTemplate,
                new LocationInfo(t.Path, 0, 0, 0, 0, 0, 0),
                t.Path,
                string.Equals(t.Name, "Runtime.sbncs", StringComparison.OrdinalIgnoreCase)
                    ? "the runtime is no longer a template but C# that the generator emits as it is; only the polyfills are a template (Polyfills.sbncs)"
                    : "no embedded template has this name; they are " + string.Join(", ", EmbeddedNames)));

    /// <summary>Renders every embedded template through Scriban, in this flow of work, until the result is disposed.</summary>
    internal static IDisposable RenderEmbeddedWithScriban()
    {
        ScribanOnly.Value = true;
        return new ScribanOnlyScope();
    }

    public void Render(string templateName, object model, string hintName, List<GeneratedSource> output)
    {
        if (!ScribanOnly.Value && CompiledTemplates.Renders(templateName, name => Override(name) is not null))
        {
            RenderCompiled(templateName, model, hintName, output);
            return;
        }

        var userTemplate = Override(templateName);
        var template = userTemplate is null ? EmbeddedTemplates.GetOrAdd(templateName, LoadEmbedded) : ContextFor(templates).Parsed(userTemplate);
        var source = userTemplate?.Path ?? templateName;
        if (template.HasErrors)
        {
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, null, source, string.Join("; ", template.Messages.Select(m => m.ToString()))));
            return;
        }

        try
        {
            var globals = ViewGlobals.Of(model);
            var context = ContextFor(templates).Context;
            context.PushGlobal(globals);
            var written = new NormalizingOutput();
            context.PushOutput(written);
            var text = template.Render(context);
            context.PopOutput();
            written.Release();
            context.PopGlobal();
            output.Add(new GeneratedSource(hintName, text));
        }
        catch (Exception exception) when (exception is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            // A render that failed may have left the context mid-template: the next one starts with a new context.
            t_context = null;
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, null, source, exception.Message));
        }
    }

    private void RenderCompiled(string templateName, object model, string hintName, List<GeneratedSource> output)
    {
        try
        {
            output.Add(new GeneratedSource(hintName, CompiledTemplates.Render(templateName, model, ContextFor(templates).Context)));
        }
        catch (Exception exception) when (exception is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, null, templateName, exception.Message));
        }
    }

    private TemplateOverride? Override(string templateName) => Override(templates, templateName);

    private static TemplateOverride? Override(TemplateSet templates, string templateName)
        => templates.Overrides.FirstOrDefault(t => string.Equals(t.Name, templateName, StringComparison.OrdinalIgnoreCase));

    private static TemplateOverride? OverrideAt(TemplateSet templates, string path) => templates.Overrides.FirstOrDefault(t => t.Path == path);

    /// <summary>This thread's context for <paramref name="templates"/>; a new one when the thread last rendered with other templates.</summary>
    private static ThreadContext ContextFor(TemplateSet templates)
    {
        if (t_context is not { } current || !current.Templates.Equals(templates))
        {
            t_context = current = new ThreadContext(templates, CreateContext(templates));
        }

        return current;
    }

    /// <summary>A thread's context, and the user's templates it has parsed (each once, not once per file).</summary>
    private sealed class ThreadContext(TemplateSet templates, TemplateContext context)
    {
        private readonly Dictionary<string, Template> _parsed = new(StringComparer.Ordinal);

        public TemplateSet Templates { get; } = templates;

        public TemplateContext Context { get; } = context;

        public Template Parsed(TemplateOverride userTemplate)
        {
            if (!_parsed.TryGetValue(userTemplate.Path, out var template))
            {
                template = Template.Parse(userTemplate.Text, userTemplate.Path);
                _parsed.Add(userTemplate.Path, template);
            }

            return template;
        }
    }

    private static TemplateContext CreateContext(TemplateSet templates)
    {
        var context = new RenderContext
        {
            MemberRenamer = StandardMemberRenamer.Default,
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            RecursiveLimit = 64,

            // Scriban cuts longer strings with "..." by default, which would end a file with a long description mid-comment.
            LimitToString = 0,

            // Auto-indent repeats the blanks before an indented {{ ... }} on each further line its value writes (an included
            // template's, a multi-line string's). The embedded templates indent what they write themselves, and their values
            // are single lines, so their output is the same without it (the output samples show it); and with it, Scriban
            // checks every statement for a code block's indent and scans every text it writes for line ends, about 4 % of
            // a render. A user's template may rely on Scriban's default, so with any override it stays on.
            AutoIndent = templates.Overrides.Count > 0,
            TemplateLoader = new IncludeLoader(templates),
        };

        // An included embedded template is parsed once per generator, not once per context.
        foreach (var name in IncludedTemplates.Where(name => Override(templates, name) is null))
        {
            context.CachedTemplates[name] = EmbeddedTemplates.GetOrAdd(name, LoadEmbedded);
        }

        return context;
    }

    /// <summary>
    /// A context over the shared builtins that learns about each view type once per generator. Scriban gives every new
    /// context a deep copy of its builtin functions (<c>string</c>, <c>array</c>, ...) and reads each type's members by
    /// reflection again in every context: together about as costly as rendering a small template.
    /// </summary>
    private sealed class RenderContext() : TemplateContext(Builtins)
    {
        /// <summary>
        /// One copy of the builtins serves every context. It is read-only, so that no template can change what another
        /// one sees, and so that contexts on other threads only ever read it.
        /// </summary>
        private static readonly ScriptObject Builtins = ReadOnlyBuiltins();

        /// <summary>
        /// How the templates read the members of each view type (<see cref="ViewAccessor"/>). What Scriban learns about a
        /// type depends on the type and on the member renamer and filter, which are the same in every context made here,
        /// and it is only read afterwards: one per type serves all.
        /// </summary>
        private static readonly ConcurrentDictionary<Type, IObjectAccessor?> ViewAccessors = new();

        protected override IObjectAccessor? GetMemberAccessorImpl(object target)
            => target.GetType().Assembly == typeof(RenderContext).Assembly
                ? ViewAccessors.GetOrAdd(target.GetType(), type => ViewAccessor.For(type, base.GetMemberAccessorImpl(target), MemberRenamer))
                : base.GetMemberAccessorImpl(target);

        private static ScriptObject ReadOnlyBuiltins()
        {
            var builtins = GetDefaultBuiltinObject();
            foreach (var functions in builtins.Values.OfType<ScriptObject>())
            {
                functions.IsReadOnly = true;
            }

            builtins.IsReadOnly = true;
            return builtins;
        }
    }

    /// <summary>The templates others include (<c>{{ include "Validation.sbncs" }}</c>): the functions they share or lay out.</summary>
    private static readonly string[] IncludedTemplates = ["Union.sbncs", "Validation.sbncs"];

    /// <summary>Resolves an <c>include</c> as a render does: the user's override when there is one, the embedded template otherwise.</summary>
    private sealed class IncludeLoader(TemplateSet templates) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName)
            => Override(templates, templateName)?.Path ?? templateName;

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath)
            => OverrideAt(templates, templatePath)?.Text ?? ReadEmbedded(templatePath);

        public System.Threading.Tasks.ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath)
            => new((string?)Load(context, callerSpan, templatePath));
    }

    private sealed class ScribanOnlyScope : IDisposable
    {
        public void Dispose() => ScribanOnly.Value = false;
    }

    private static Template LoadEmbedded(string name) => Template.Parse(ReadEmbedded(name), name);

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream("Templates." + name)
            ?? throw new InvalidOperationException($"No embedded template is named '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
