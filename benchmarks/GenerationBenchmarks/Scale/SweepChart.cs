using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GenerationBenchmarks.Scale;

/// <summary>
/// benchmarks/scale/sweep.svg: the sweep's time (processor time, the steadier measure on shared cores) and memory series against operations, log-log, side by side, with a
/// dashed line of slope 1 (linear growth) through each panel's largest cold-run point, so that a curve bending up
/// away from it grows faster than linearly.
/// </summary>
public static class SweepChart
{
    private const double PanelWidth = 460;
    private const double PanelHeight = 320;
    private const double Left = 70;
    private const double Top = 40;
    private const double Gap = 110;
    private const double Bottom = 60;

    public static string Svg(IReadOnlyList<SweepPoint> sweep)
    {
        var points = sweep.Where(p => p.Figures is not null).Select(p => p.Figures!).OrderBy(f => f.Operations).ToList();
        var width = Left + (2 * PanelWidth) + Gap + 190;
        var height = Top + PanelHeight + Bottom + 20;
        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{width:F0}" height="{height:F0}" viewBox="0 0 {width:F0} {height:F0}" font-family="sans-serif" font-size="12">"""));
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        Panel(svg, points, "time", "processor time (ms)", Left);
        Panel(svg, points, "memory", "memory (MiB)", Left + PanelWidth + Gap);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, List<SpecFigures> points, string panel, string unit, double x0)
    {
        var series = SweepSeries.All.Where(s => s.Panel == panel && points.Any(p => s.Value(p) is > 0)).ToList();
        if (points.Count < 2 || series.Count == 0)
        {
            return;
        }

        var values = series.SelectMany(s => points.Select(p => s.Value(p))).OfType<double>().Where(v => v > 0).ToList();
        var (xMin, xMax) = (Math.Log10(points[0].Operations), Math.Log10(points[^1].Operations));
        var (yMin, yMax) = (Math.Floor(Math.Log10(values.Min())), Math.Ceiling(Math.Log10(values.Max())));
        double X(double operations) => x0 + ((Math.Log10(operations) - xMin) / (xMax - xMin) * PanelWidth);
        double Y(double value) => Top + PanelHeight - ((Math.Log10(value) - yMin) / (yMax - yMin) * PanelHeight);

        svg.AppendLine(Invariant($"""<text x="{x0 + (PanelWidth / 2):F0}" y="{Top - 16:F0}" text-anchor="middle" font-size="14" font-weight="bold">{(panel == "time" ? "Time" : "Memory")} against operations (log-log)</text>"""));
        svg.AppendLine(Invariant($"""<rect x="{x0:F0}" y="{Top:F0}" width="{PanelWidth:F0}" height="{PanelHeight:F0}" fill="none" stroke="#333"/>"""));
        for (var decade = yMin; decade <= yMax; decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.AppendLine(Invariant($"""<line x1="{x0:F0}" y1="{y:F1}" x2="{x0 + PanelWidth:F0}" y2="{y:F1}" stroke="#ddd"/><text x="{x0 - 6:F0}" y="{y + 4:F1}" text-anchor="end">{Label(Math.Pow(10, decade))}</text>"""));
        }

        foreach (var p in points)
        {
            var x = X(p.Operations);
            svg.AppendLine(Invariant($"""<line x1="{x:F1}" y1="{Top:F0}" x2="{x:F1}" y2="{Top + PanelHeight:F0}" stroke="#eee"/><text x="{x:F1}" y="{Top + PanelHeight + 16:F0}" text-anchor="middle">{p.Operations:N0}</text>"""));
        }

        svg.AppendLine(Invariant($"""<text x="{x0 + (PanelWidth / 2):F0}" y="{Top + PanelHeight + 36:F0}" text-anchor="middle">operations</text>"""));
        svg.AppendLine(Invariant($"""<text transform="translate({x0 - 52:F0},{Top + (PanelHeight / 2):F0}) rotate(-90)" text-anchor="middle">{unit}</text>"""));

        // Linear growth through the largest point of the panel's first series.
        var anchor = series[0].Value(points[^1]);
        if (anchor is > 0)
        {
            var start = anchor.Value * points[0].Operations / points[^1].Operations;
            svg.AppendLine(Invariant($"""<line x1="{X(points[0].Operations):F1}" y1="{Y(Math.Max(start, Math.Pow(10, yMin))):F1}" x2="{X(points[^1].Operations):F1}" y2="{Y(anchor.Value):F1}" stroke="#999" stroke-dasharray="6,4"/>"""));
        }

        var legendY = Top + 8;
        foreach (var s in series)
        {
            var line = points.Select(p => (p.Operations, Value: s.Value(p))).Where(v => v.Value is > 0).Select(v => Invariant($"{X(v.Operations):F1},{Y(v.Value!.Value):F1}")).ToList();
            svg.AppendLine($"""<polyline fill="none" stroke="{s.Color}" stroke-width="2" points="{string.Join(' ', line)}"/>""");
            foreach (var point in line)
            {
                var xy = point.Split(',');
                svg.AppendLine($"""<circle cx="{xy[0]}" cy="{xy[1]}" r="3" fill="{s.Color}"/>""");
            }

            svg.AppendLine(Invariant($"""<line x1="{x0 + PanelWidth + 10:F0}" y1="{legendY:F0}" x2="{x0 + PanelWidth + 28:F0}" y2="{legendY:F0}" stroke="{s.Color}" stroke-width="2"/><text x="{x0 + PanelWidth + 32:F0}" y="{legendY + 4:F0}">{s.Name.Split(" (")[0]}</text>"""));
            legendY += 18;
        }

        svg.AppendLine(Invariant($"""<line x1="{x0 + PanelWidth + 10:F0}" y1="{legendY:F0}" x2="{x0 + PanelWidth + 28:F0}" y2="{legendY:F0}" stroke="#999" stroke-dasharray="6,4"/><text x="{x0 + PanelWidth + 32:F0}" y="{legendY + 4:F0}">linear</text>"""));
    }

    private static string Label(double value)
        => value >= 1000000 ? Invariant($"{value / 1000000:0.#}M") : value >= 1000 ? Invariant($"{value / 1000:0.#}k") : Invariant($"{value:0.###}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
