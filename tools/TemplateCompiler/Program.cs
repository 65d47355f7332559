using System;
using System.IO;
using System.Linq;
using OpenApiClientGenerator.TemplateCompiler;

// Writes generator/Emitting/Compiled/*.g.cs from templates/*.sbncs; run from anywhere in the repository:
//   dotnet run --project tools/TemplateCompiler
var root = CompilerPaths.Root(Directory.GetCurrentDirectory());
var templates = Directory.GetFiles(Path.Combine(root, "templates"), "*.sbncs")
    .ToDictionary(p => Path.GetFileName(p), File.ReadAllText, StringComparer.Ordinal);
var output = Path.Combine(root, CompilerPaths.CompiledFolder);
Directory.CreateDirectory(output);
foreach (var stale in Directory.GetFiles(output, "*.g.cs"))
{
    File.Delete(stale);
}

foreach (var (name, text) in CompiledSources.Write(templates))
{
    File.WriteAllText(Path.Combine(output, name), text);
}

Console.WriteLine("Wrote " + CompilerPaths.CompiledFolder + " from " + templates.Count + " templates.");

namespace OpenApiClientGenerator.TemplateCompiler
{
    /// <summary>Where the templates and the compiled C# live in the repository.</summary>
    public static class CompilerPaths
    {
        public const string CompiledFolder = "generator/Emitting/Compiled";

        public const string RegenerateCommand = "dotnet run --project tools/TemplateCompiler";

        public static string Root(string start)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Run the template compiler inside the repository (no Generator.sln above " + start + ").");
        }
    }
}
