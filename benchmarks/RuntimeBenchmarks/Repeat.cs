using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace RuntimeBenchmarks;

/// <summary>
/// <c>--repeat CLASS.METHOD RUNS</c>: one benchmark body, after its class's [GlobalSetup] and a warm-up, RUNS times, and
/// nothing measured but the bytes allocated: a steady workload for a profiler, or for callgrind, which counts
/// instructions whatever the load. The difference between two run counts divided by theirs is the cost of one call
/// (benchmarks/RESULTS.md, section 3).
/// </summary>
public static class Repeat
{
    public const string Switch = "--repeat";

    private const int WarmUpRuns = 1000;

    public static int Run(string benchmark, int runs)
    {
        var method = typeof(Repeat).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .FirstOrDefault(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null && m.DeclaringType!.Name + "." + m.Name == benchmark);
        if (method is null)
        {
            Console.Error.WriteLine("--repeat takes a benchmark as CLASS.METHOD (for example BaselineBenchmarks.DeserializeCurrent), then a run count; no benchmark " + benchmark);
            return 1;
        }

        var instance = Activator.CreateInstance(method.DeclaringType!)!;
        method.DeclaringType!.GetMethods().SingleOrDefault(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)?.Invoke(instance, null);
        // A Func<TResult> bound to the instance, called from a loop made for TResult: each run costs the body and a
        // delegate call, and nothing is boxed.
        var body = method.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), instance);
        var loop = typeof(Repeat).GetMethod(nameof(Loop), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(method.ReturnType);
        loop.Invoke(null, [body, WarmUpRuns]);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        loop.Invoke(null, [body, runs]);
        var perRun = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)Math.Max(1, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{benchmark}, {runs} runs after {WarmUpRuns} warm-up runs: {perRun:F0} B allocated per run"));
        return 0;
    }

    private static void Loop<TResult>(Func<TResult> body, int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            body();
        }
    }
}
