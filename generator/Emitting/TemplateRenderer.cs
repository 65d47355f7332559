using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using Scriban;
using Scriban.Runtime;

namespace OpenApiClientGenerator.Emitting;

/// <summary>Renders Scriban templates: the user's override when there is one, the embedded template otherwise.</summary>
internal sealed class TemplateRenderer(TemplateSet templates)
{
    /// <summary>Embedded templates never change while the generator is loaded, so each is parsed once.</summary>
    private static readonly ConcurrentDictionary<string, Template> EmbeddedTemplates = new(StringComparer.Ordinal);

    /// <summary>
    /// One context serves every template this renderer renders: the context caches what it learns by reflection about the
    /// view types, which the templates share. Each render's variables live in a global of its own, popped afterwards.
    /// </summary>
    private TemplateContext? _context;

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

    public void Render(string templateName, object model, string hintName, List<GeneratedSource> output)
    {
        var userTemplate = Override(templateName);
        var template = userTemplate is null ? EmbeddedTemplates.GetOrAdd(templateName, LoadEmbedded) : Template.Parse(userTemplate.Text, userTemplate.Path);
        var source = userTemplate?.Path ?? templateName;
        if (template.HasErrors)
        {
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, null, source, string.Join("; ", template.Messages.Select(m => m.ToString()))));
            return;
        }

        try
        {
            var globals = new ScriptObject();
            globals.Import(model, renamer: StandardMemberRenamer.Default);
            var context = _context ??= CreateContext();
            context.PushGlobal(globals);
            context.PushOutput(new NormalizingOutput());
            var text = template.Render(context);
            context.PopOutput();
            context.PopGlobal();
            output.Add(new GeneratedSource(hintName, text));
        }
        catch (Exception exception) when (exception is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            // A render that failed may have left the context mid-template: the next one starts with a new context.
            _context = null;
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, null, source, exception.Message));
        }
    }

    private TemplateOverride? Override(string templateName)
        => templates.Overrides.FirstOrDefault(t => string.Equals(t.Name, templateName, StringComparison.OrdinalIgnoreCase));

    private TemplateOverride? OverrideAt(string path) => templates.Overrides.FirstOrDefault(t => t.Path == path);

    private TemplateContext CreateContext()
    {
        var context = new RenderContext
        {
            MemberRenamer = StandardMemberRenamer.Default,
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            RecursiveLimit = 64,

            // Scriban cuts longer strings with "..." by default, which would end a file with a long description mid-comment.
            LimitToString = 0,
            TemplateLoader = new IncludeLoader(this),
        };

        // An included embedded template is parsed once per generator, not once per context.
        foreach (var name in IncludedTemplates.Where(name => Override(name) is null))
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
    private sealed class IncludeLoader(TemplateRenderer renderer) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName)
            => renderer.Override(templateName)?.Path ?? templateName;

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath)
            => renderer.OverrideAt(templatePath)?.Text ?? ReadEmbedded(templatePath);

        public System.Threading.Tasks.ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath)
            => new((string?)Load(context, callerSpan, templatePath));
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
