using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace GenerationBenchmarks.Scale;

/// <summary>The machine's one-minute load average, sampled at each step, so that the report says how loaded the shared cores were.</summary>
public sealed class MachineLoad
{
    private readonly List<double> _samples = [];

    public double? Sample()
    {
        try
        {
            var value = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
            lock (_samples)
            {
                _samples.Add(value);
            }

            return value;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public string Summary
        => _samples.Count == 0 ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{_samples.Min():F1}–{_samples.Max():F1} (median {_samples.OrderBy(s => s).ElementAt(_samples.Count / 2):F1}, {_samples.Count} samples)");
}
