using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Running;
using Benchmarks.Shared;

namespace RuntimeBenchmarks;

/// <summary>
/// <c>[--quick] [BenchmarkDotNet arguments]</c>: the runtime benchmarks (all of them unless <c>--filter</c> says otherwise).
/// Built with <c>-p:RuntimeBaseline=COMMIT</c>, they include <c>BaselineBenchmarks</c>.
/// <c>--repeat CLASS.METHOD RUNS</c>: one benchmark body RUNS times, for a profiler or callgrind (<see cref="Repeat"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is [Repeat.Switch, var benchmark, var runs])
        {
            return Repeat.Run(benchmark, int.Parse(runs, CultureInfo.InvariantCulture));
        }

        // BenchmarkDotNet builds this project again for its benchmark processes, with whatever job the command line
        // chose; MSBuild reads environment variables as properties, so those builds get the baseline too.
        if (typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RuntimeBaseline") is { Value: { } baseline })
        {
            Environment.SetEnvironmentVariable("RuntimeBaseline", baseline);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(BenchConfig.BenchmarkArguments(args, out var quick), BenchConfig.Create(quick));
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
