using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Benchmarks.Shared;

/// <summary>
/// The two ways the benchmarks run. The full run is BenchmarkDotNet's default job (its own process per benchmark,
/// built in Release), bounded so that both projects finish in about ten minutes on two cores. The quick run
/// (<c>--quick</c>) runs in this process with three measured iterations: enough to see that nothing broke and
/// roughly where the figures are, in well under two minutes.
/// </summary>
internal static class BenchConfig
{
    public const string QuickSwitch = "--quick";

    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
            : Job.Default.WithMinIterationCount(10).WithMaxIterationCount(25).WithId("Full");
        return DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .AddColumn(StatisticColumn.Median)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared))
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
            .WithOptions(ConfigOptions.DisableLogFile);
    }

    /// <summary>Takes out <c>--quick</c>, and runs every benchmark when no filter is given rather than asking which to run.</summary>
    public static string[] BenchmarkArguments(IEnumerable<string> args, out bool quick)
    {
        var list = args.ToList();
        quick = list.RemoveAll(a => string.Equals(a, QuickSwitch, StringComparison.OrdinalIgnoreCase)) > 0;
        if (!list.Any(a => a is "--filter" or "-f" or "--list" or "--info" or "--help" or "-h" or "--version"))
        {
            list.AddRange(["--filter", "*"]);
        }

        return [.. list];
    }
}
