using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using Benchmarks.Shared;

namespace GenerationBenchmarks;

/// <summary>
/// <list type="bullet">
/// <item><c>[--quick] [BenchmarkDotNet arguments]</c>: the BenchmarkDotNet benchmarks (all of them unless <c>--filter</c> says otherwise).</item>
/// <item><c>--host OUTPUT_DIRECTORY SPEC...</c>: runs the generator over the specs and writes what it generates; the
/// process that the whole-process comparison starts.</item>
/// <item><c>--processes [RUNS]</c>: whole-process comparison: this host against NSwag's command-line tool, each started RUNS times per spec.</item>
/// <item><c>--breakdown [RUNS]</c>: where a cold run spends its time, step by step.</item>
/// <item><c>--scale [OPTIONS]</c>: the scale benchmarks (GitHub, Stripe and Kubernetes against the parse floor, NSwag and
/// Kiota; the size sweep), written to benchmarks/scale/; see <see cref="Scale.ScaleCommand"/>.</item>
/// <item><c>--scale-report DIRECTORY [RESULTS_JSON...]</c>: the report of a scale run written again from its results.json, other runs' results merged in.</item>
/// <item><c>--scale-measure SPEC [OPTIONS]</c>: one spec of the scale run, measured in this process; see <see cref="Scale.SpecMeasurement"/>.</item>
/// <item><c>--repeat emit|view|parse|floor|cold RUNS [--spec PATH|github|stripe|kubernetes]</c>: the emitting stage alone, building the views alone, parsing alone, the parse floor, or a whole cold run, RUNS times, over the curated specs or one spec: a steady workload for a profiler or callgrind;
/// <c>--repeat edit-schema|edit-operation RUNS [--spec github|stripe|kubernetes]</c>: the scale benchmarks' re-run after an edit, RUNS times;
/// each after warm-up runs until the JIT has settled (<c>--warm-ups N</c>: at most N), and each prints the bytes allocated and the
/// processor time per run (a re-run also its collections).</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--host":
                return GeneratorHost.Run(args.Skip(1).ToArray());
            case "--processes":
                try
                {
                    return ProcessComparison.Run(RunCount(args, quickDefault: 3, fullDefault: 10));
                }
                catch (InvalidOperationException exception)
                {
                    Console.Error.WriteLine(exception.Message);
                    return 1;
                }

            case "--breakdown":
                return Breakdown.Run(RunCount(args, quickDefault: 5, fullDefault: 30));
            case "--scale":
                return Scale.ScaleCommand.Run(args.Skip(1).ToArray());
            case "--scale-report":
                return Scale.ScaleReport.Rewrite(args.Skip(1).ToArray());
            case "--scale-measure":
                return Scale.SpecMeasurement.Run(args.Skip(1).ToArray());
            case "--repeat":
                return Breakdown.Repeat(
                    args.ElementAtOrDefault(1) ?? "",
                    RunCount(args, quickDefault: 5, fullDefault: 30),
                    args.SkipWhile(a => a != "--spec").Skip(1).FirstOrDefault(),
                    int.TryParse(args.SkipWhile(a => a != "--warm-ups").Skip(1).FirstOrDefault(), out var mostWarmUps) && mostWarmUps > 0 ? mostWarmUps : Scale.SpecMeasurement.MostWarmUps);
        }

        var benchmarkArgs = BenchConfig.BenchmarkArguments(args, out var quick);
        if (!NSwagTool.IsInstalled && !benchmarkArgs.Any(a => a.Contains("--list", StringComparison.Ordinal)))
        {
            try
            {
                NSwagTool.EnsureInstalled();
            }
            catch (InvalidOperationException exception)
            {
                Console.Error.WriteLine("// " + exception.Message);
                Console.Error.WriteLine("// The NSwag benchmarks will fail; the others run.");
            }
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs, BenchConfig.Create(quick));
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static int RunCount(string[] args, int quickDefault, int fullDefault)
    {
        var quick = args.Contains(BenchConfig.QuickSwitch);
        var given = args.Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        return given > 0 ? given : quick ? quickDefault : fullDefault;
    }
}
