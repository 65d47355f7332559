using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CorpusRunner;

/// <summary>
/// Runs the specs in child processes (<see cref="Worker"/>), one spec at a time per process, each under a watchdog: a
/// spec that outlives the timeout has its process killed and is recorded as timed out; a process that dies (a stack
/// overflow cannot be caught) names the spec it was on, with its last words on standard error. Either way a new
/// process takes the next spec. Every result is appended to a progress file as it arrives, so that an interrupted
/// run resumes where it stopped (<c>--resume</c>).
/// </summary>
public sealed class Supervisor(RunOptions options, string analyzerDirectory)
{
    private const int StandardErrorLinesKept = 5;

    private readonly object _gate = new();

    private readonly List<SpecResult> _results = [];

    private int _started;

    public string ProgressFile => Path.Combine(options.OutputDirectory, "specs.progress.jsonl");

    /// <summary>Runs <paramref name="specs"/> and returns every result, earlier ones from the progress file included.</summary>
    public IReadOnlyList<SpecResult> Run(IReadOnlyList<string> specs, Stopwatch clock)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var finished = Path.Combine(options.OutputDirectory, "specs.json");
        if (options.Resume && File.Exists(ProgressFile))
        {
            _results.AddRange(File.ReadLines(ProgressFile).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<SpecResult>(l, Worker.Json)!));
        }
        else if (options.Resume && File.Exists(finished))
        {
            // A finished run: resuming it runs what it left out (or nothing) and writes the report again.
            _results.AddRange(JsonSerializer.Deserialize<List<SpecResult>>(File.ReadAllText(finished), Worker.Json)!);
            File.WriteAllLines(ProgressFile, _results.Select(r => JsonSerializer.Serialize(r, Worker.Json)));
        }
        else
        {
            File.Delete(ProgressFile);
        }

        var done = _results.Select(r => r.Spec).ToHashSet(StringComparer.Ordinal);
        var queue = new ConcurrentQueue<string>(specs.Where(s => !done.Contains(s)));
        var total = queue.Count;
        var slots = Enumerable.Range(0, options.Jobs).Select(_ => Task.Run(() => Drain(queue, total, clock))).ToArray();
        Task.WaitAll(slots);
        return _results;
    }

    private void Drain(ConcurrentQueue<string> queue, int total, Stopwatch clock)
    {
        WorkerProcess? worker = null;
        try
        {
            while ((options.Budget is not { } budget || clock.Elapsed < budget) && queue.TryDequeue(out var spec))
            {
                var number = Interlocked.Increment(ref _started);
                Console.WriteLine($"[{number}/{total}] {spec}");
                if (worker is { IsAlive: false })
                {
                    // It died between specs, after its last answer: nothing is lost, but it cannot take this one.
                    worker.Dispose();
                    worker = null;
                }

                worker ??= new WorkerProcess(analyzerDirectory);
                var result = worker.Run(spec, options.Timeout);
                if (result.Outcome is Outcome.Crashed or Outcome.TimedOut && !worker.IsAlive)
                {
                    worker.Dispose();
                    worker = null;
                }

                if (result.Outcome != Outcome.Accepted)
                {
                    Console.WriteLine($"    {result.Outcome}: {result.FirstErrors.FirstOrDefault()}");
                }

                lock (_gate)
                {
                    _results.Add(result);
                    File.AppendAllText(ProgressFile, JsonSerializer.Serialize(result, Worker.Json) + "\n");
                }
            }
        }
        finally
        {
            worker?.Dispose();
        }
    }

    /// <summary>One child process and the pipe to it.</summary>
    private sealed class WorkerProcess : IDisposable
    {
        private readonly Process _process;

        private readonly ConcurrentQueue<string> _standardError = new();

        public WorkerProcess(string analyzerDirectory)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(typeof(Worker).Assembly.Location);
            start.ArgumentList.Add("--worker");
            start.ArgumentList.Add(analyzerDirectory);
            _process = Process.Start(start) ?? throw new InvalidOperationException("The worker process did not start.");
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    _standardError.Enqueue(e.Data);
                    while (_standardError.Count > StandardErrorLinesKept && _standardError.TryDequeue(out string? _))
                    {
                    }
                }
            };
            _process.BeginErrorReadLine();
        }

        public bool IsAlive => !_process.HasExited;

        public SpecResult Run(string spec, TimeSpan timeout)
        {
            _process.StandardInput.WriteLine(spec);
            _process.StandardInput.Flush();
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var line = _process.StandardOutput.ReadLineAsync();
                var remaining = timeout - deadline.Elapsed;
                if (remaining <= TimeSpan.Zero || !line.Wait(remaining))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                    return new SpecResult { Spec = spec, Outcome = Outcome.TimedOut, FirstErrors = [$"no result after {timeout.TotalSeconds:F0} s; the worker process was killed"] };
                }

                if (line.Result is null)
                {
                    _process.WaitForExit();
                    return new SpecResult
                    {
                        Spec = spec,
                        Outcome = Outcome.Crashed,
                        FirstErrors = [$"the worker process died (exit code {_process.ExitCode}{(_process.ExitCode == 137 ? ", killed: out of memory?" : string.Empty)}): " + string.Join(" | ", _standardError)],
                    };
                }

                if (line.Result.StartsWith(Worker.ResultPrefix, StringComparison.Ordinal))
                {
                    return JsonSerializer.Deserialize<SpecResult>(line.Result[Worker.ResultPrefix.Length..], Worker.Json)!;
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.Dispose();
        }
    }
}
