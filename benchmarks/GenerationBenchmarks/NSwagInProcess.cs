using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;

namespace GenerationBenchmarks;

/// <summary>
/// NSwag's C# client generator in this process, loaded by reflection from the tool's own DLLs (so that its
/// Newtonsoft.Json, YamlDotNet and friends do not meet ours), doing what <c>openapi2csclient</c> does: read the YAML
/// document (JSON when its path ends in .json, as the tool decides too), generate the client file.
/// </summary>
public sealed class NSwagInProcess
{
    private readonly MethodInfo _fromYaml;
    private readonly MethodInfo _fromJson;
    private readonly Type _settingsType;
    private readonly ConstructorInfo _generatorConstructor;
    private readonly MethodInfo _generateFile;
    private readonly PropertyInfo _csharpSettings;
    private readonly PropertyInfo _namespace;

    private NSwagInProcess(AssemblyLoadContext context)
    {
        var core = context.LoadFromAssemblyName(new AssemblyName("NSwag.Core.Yaml"));
        var csharp = context.LoadFromAssemblyName(new AssemblyName("NSwag.CodeGeneration.CSharp"));
        _fromYaml = FromText(core.GetType("NSwag.OpenApiYamlDocument", throwOnError: true)!, "FromYamlAsync");
        _fromJson = FromText(context.LoadFromAssemblyName(new AssemblyName("NSwag.Core")).GetType("NSwag.OpenApiDocument", throwOnError: true)!, "FromJsonAsync");
        _settingsType = csharp.GetType("NSwag.CodeGeneration.CSharp.CSharpClientGeneratorSettings", throwOnError: true)!;
        var generatorType = csharp.GetType("NSwag.CodeGeneration.CSharp.CSharpClientGenerator", throwOnError: true)!;
        _generatorConstructor = generatorType.GetConstructors().Single(c => c.GetParameters().Length == 2 && c.GetParameters()[1].ParameterType == _settingsType);
        _generateFile = generatorType.GetMethod("GenerateFile", Type.EmptyTypes) ?? throw new MissingMethodException(generatorType.FullName, "GenerateFile");
        _csharpSettings = _settingsType.GetProperty("CSharpGeneratorSettings") ?? throw new MissingMemberException(_settingsType.FullName, "CSharpGeneratorSettings");
        _namespace = _csharpSettings.PropertyType.GetProperty("Namespace") ?? throw new MissingMemberException(_csharpSettings.PropertyType.FullName, "Namespace");
    }

    public static NSwagInProcess Load(string binaryDirectory) => new(new NSwagLoadContext([binaryDirectory, .. AspNetCoreFrameworkDirectories()]));

    /// <summary>The C# client file NSwag writes for one spec, YAML or (by its path) JSON.</summary>
    public string GenerateClient(string specText, string documentPath)
    {
        var read = documentPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? _fromJson : _fromYaml;
        var arguments = read.GetParameters().Select((p, i) => i switch
        {
            0 => specText,
            _ when p.ParameterType == typeof(string) => documentPath,
            _ when p.ParameterType == typeof(CancellationToken) => CancellationToken.None,
            _ => p.HasDefaultValue ? p.DefaultValue : null,
        }).ToArray();
        var task = (Task)read.Invoke(null, arguments)!;
        task.GetAwaiter().GetResult();
        var document = task.GetType().GetProperty("Result")!.GetValue(task)!;
        var settings = Activator.CreateInstance(_settingsType)!;
        _namespace.SetValue(_csharpSettings.GetValue(settings), "Consumer");
        var generator = _generatorConstructor.Invoke([document, settings]);
        return (string)_generateFile.Invoke(generator, null)!;
    }

    /// <summary>The overload of a static <c>From…Async(string data, …)</c> reader with the fewest parameters.</summary>
    private static MethodInfo FromText(Type document, string name)
        => document.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name && m.GetParameters().Length > 0 && m.GetParameters()[0].ParameterType == typeof(string))
            .OrderBy(m => m.GetParameters().Length)
            .First();

    /// <summary>Generates a client for every spec; returns the total length, so that the work cannot be optimized away.</summary>
    public int GenerateAll(IReadOnlyList<(string Path, string Text)> specs)
    {
        var length = 0;
        foreach (var (path, text) in specs)
        {
            length += GenerateClient(text, path).Length;
        }

        return length;
    }

    /// <summary>
    /// The tool runs on the ASP.NET Core shared framework as well as .NET's (its runtimeconfig.json says so; Fluid needs
    /// Microsoft.Extensions.FileProviders from it): the framework of the same version as this runtime, else the newest.
    /// </summary>
    private static IEnumerable<string> AspNetCoreFrameworkDirectories()
    {
        var runtimeDirectory = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var frameworks = Path.Combine(runtimeDirectory.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App");
        if (!Directory.Exists(frameworks))
        {
            yield break;
        }

        var sameVersion = Path.Combine(frameworks, runtimeDirectory.Name);
        yield return Directory.Exists(sameVersion)
            ? sameVersion
            : Directory.GetDirectories(frameworks).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).First();
    }

    private sealed class NSwagLoadContext(IReadOnlyList<string> directories) : AssemblyLoadContext("NSwag")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            foreach (var directory in directories)
            {
                var path = Path.Combine(directory, assemblyName.Name + ".dll");
                if (File.Exists(path))
                {
                    return LoadFromAssemblyPath(path);
                }
            }

            return null;
        }
    }
}
