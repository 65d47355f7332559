using System.Linq;
using BenchmarkDotNet.Running;
using Benchmarks.Shared;

namespace RuntimeBenchmarks;

/// <summary><c>[--quick] [BenchmarkDotNet arguments]</c>: the runtime benchmarks (all of them unless <c>--filter</c> says otherwise).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(BenchConfig.BenchmarkArguments(args, out var quick), BenchConfig.Create(quick));
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
