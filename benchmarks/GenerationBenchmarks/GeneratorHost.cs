using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace GenerationBenchmarks;

/// <summary>
/// The generator as a process of its own, for comparing whole processes with NSwag's command-line tool: read the
/// specs, run the generator once, write the generated files. The consumer compilation references System.Runtime
/// alone, so that the process pays for the generator and Roslyn's driver, not for loading a framework's worth of
/// reference assemblies that a real build has loaded anyway.
/// </summary>
public static class GeneratorHost
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: GenerationBenchmarks --host OUTPUT_DIRECTORY [--metadata NAME=VALUE]... [--diagnostics FILE] SPEC...");
            return 2;
        }

        var outputDirectory = args[0];

        // Item metadata for every spec, as MSBuild passes it (IncludeTags=repos;issues is OpenApiIncludeTags).
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var specPaths = new List<string>();
        string? diagnosticsPath = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--diagnostics" && i + 1 < args.Length)
            {
                diagnosticsPath = args[++i];
            }
            else if (args[i] == "--metadata" && i + 1 < args.Length && args[i + 1].Split('=', 2) is [var name, var value])
            {
                metadata["build_metadata.AdditionalFiles.OpenApi" + name] = value;
                i++;
            }
            else
            {
                specPaths.Add(Path.GetFullPath(args[i]));
            }
        }

        var workload = new GeneratorWorkload(specPaths.Select(p => (p, File.ReadAllText(p))), [Net80.References.SystemRuntime]);
        var fileOptions = specPaths.ToDictionary(p => p, _ => (IReadOnlyDictionary<string, string>)metadata, StringComparer.Ordinal);
        var result = workload.CreateDriver(fileOptions: fileOptions).RunGenerators(workload.Compilation).GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())
            .Concat(result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()))
            .ToList();
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        if (diagnosticsPath is not null)
        {
            // Every diagnostic, one a line in the order reported, for comparing two builds of the generator.
            File.WriteAllLines(diagnosticsPath, result.Diagnostics.Select(d => d.ToString()));
        }

        Directory.CreateDirectory(outputDirectory);
        var files = 0;
        foreach (var source in result.Results.SelectMany(r => r.GeneratedSources))
        {
            using var stream = File.Create(Path.Combine(outputDirectory, source.HintName));
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            source.SourceText.Write(writer);
            files++;
        }

        Console.WriteLine($"Generated {files} files into {outputDirectory}.");
        return errors.Count == 0 && files > 0 ? 0 : 1;
    }
}
