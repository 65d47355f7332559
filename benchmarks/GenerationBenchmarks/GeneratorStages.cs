using System;
using System.Linq;
using System.Reflection;
using OpenApiClientGenerator;

namespace GenerationBenchmarks;

/// <summary>
/// The generator's stages (read, parse, build the views, emit), called one by one by <see cref="Breakdown"/> and the
/// scale sweep. They are internal to the generator, which gives this project no access to its internals: they are
/// reached by reflection, and <see cref="TryLoad"/> reports a stage that has moved instead of failing.
/// </summary>
internal sealed class GeneratorStages
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
    private readonly MethodInfo _read;
    private readonly MethodInfo _parse;
    private readonly MethodInfo _buildView;
    private readonly MethodInfo _emit;
    private readonly MethodInfo _emitRuntime;
    private readonly ConstructorInfo _specInput;
    private readonly object _specOptions;
    private readonly object _templates;
    private readonly object _options;
    private readonly PropertyInfo _spec;

    private GeneratorStages(Assembly generator)
    {
        Type T(string name) => generator.GetType("OpenApiClientGenerator." + name, throwOnError: true)!;
        MethodInfo M(Type type, string name) => type.GetMethod(name, Static) ?? throw new MissingMethodException(type.FullName, name);
        _read = M(T("Reading.SpecDocumentReader"), "Read");
        _parse = M(T("SpecParser"), "Parse");
        var emitter = T("Emitting.SourceEmitter");
        _buildView = M(emitter, "BuildView");
        _emit = M(emitter, "Emit");
        _emitRuntime = M(emitter, "EmitRuntime");
        _specInput = T("Model.SpecInput").GetConstructors().Single();
        // Every option unset, however many the record has: the defaults a spec without item metadata gets.
        var specOptions = T("Model.SpecOptions").GetConstructors().Single();
        _specOptions = specOptions.Invoke(new object?[specOptions.GetParameters().Length]);
        _templates = T("Model.TemplateSet").GetField("Embedded", Static)!.GetValue(null)!;
        _options = Activator.CreateInstance(T("Model.GeneratorOptions"), [false, false, false, false])!;
        _spec = T("Model.SpecParseResult").GetProperty("Spec")!;
    }

    public static GeneratorStages? TryLoad(out string? missing)
    {
        try
        {
            missing = null;
            return new GeneratorStages(typeof(ClientGenerator).Assembly);
        }
        catch (Exception exception) when (exception is TypeLoadException or MissingMemberException or InvalidOperationException or ArgumentException or MissingMethodException or NullReferenceException)
        {
            missing = "the generator's internals have changed: " + exception.Message;
            return null;
        }
    }

    public object ReadDocument(string text) => _read.Invoke(null, [text])!;

    /// <summary>The parsed spec (an ApiSpec).</summary>
    public object Parse(string path, string text)
    {
        var result = _parse.Invoke(null, [_specInput.Invoke([path, text, _specOptions])])!;
        return _spec.GetValue(result) ?? throw new InvalidOperationException("The spec did not parse: " + path);
    }

    /// <summary>The views of the whole spec, every type rendered, as one file of all of them would be.</summary>
    public object BuildView(object spec)
    {
        var types = (System.Collections.IEnumerable)spec.GetType().GetProperty("Types")!.GetValue(spec)!;
        var names = types.Cast<object>().Select(t => (string)t.GetType().GetProperty("Name")!.GetValue(t)!).ToHashSet(StringComparer.Ordinal);
        return _buildView.Invoke(null, [spec, _options, names])!;
    }

    public object Emit(object spec) => _emit.Invoke(null, [spec, _templates, _options])!;

    public void EmitRuntime() => _emitRuntime.Invoke(null, [_templates, _options]);
}
