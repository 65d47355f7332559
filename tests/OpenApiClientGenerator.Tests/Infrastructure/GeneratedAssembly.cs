using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGenerator.Tests.Infrastructure;

/// <summary>
/// Generated code compiled into an in-memory assembly and loaded into a collectible load context, to call what it
/// generated: records are read and written through their own <c>FromJson</c> and <c>ToJson</c>.
/// </summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    /// <summary>A delegate, since reflection cannot pass a span: <c>static T FromJson(ReadOnlySpan&lt;byte&gt;)</c> binds to it as T is a class.</summary>
    private delegate object? FromJsonCall(ReadOnlySpan<byte> utf8Json);

    public Assembly Assembly { get; }

    public static GeneratedAssembly Load(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, "The generated code does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        image.Position = 0;
        var context = new AssemblyLoadContext("Generated." + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    public System.Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    public object FromJson(System.Type type, string json)
    {
        var method = type.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static, [typeof(ReadOnlySpan<byte>)])
            ?? throw new InvalidOperationException(type.FullName + " has no FromJson(ReadOnlySpan<byte>)");
        var fromJson = (FromJsonCall)Delegate.CreateDelegate(typeof(FromJsonCall), method);
        return fromJson(Encoding.UTF8.GetBytes(json)) ?? throw new InvalidOperationException(type.FullName + ".FromJson returned null");
    }

    public static string ToJson(object value)
    {
        try
        {
            return Encoding.UTF8.GetString((byte[])value.GetType().GetMethod("ToJson", System.Type.EmptyTypes)!.Invoke(value, null)!);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    public static object? Property(object value, string name)
        => (value.GetType().GetProperty(name) ?? throw new InvalidOperationException(value.GetType().Name + " has no property " + name)).GetValue(value);

    public void Dispose() => _context.Unload();
}
