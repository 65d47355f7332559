using System;
using System.IO;
using System.Linq;

namespace GenerationBenchmarks.Scale;

/// <summary>
/// This process's peak resident memory (Linux <c>VmHWM</c>), which <see cref="Reset"/> brings back down to the current
/// resident size (<c>echo 5 &gt; /proc/self/clear_refs</c>), so that one stage's peak can be read apart from an
/// earlier stage's. Null where /proc does not offer it.
/// </summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then runs from the start of the process, which the report says.
        }
    }

    /// <summary>The peak resident size since the last <see cref="Reset"/>, in MiB.</summary>
    public static double? ReadMiB()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
