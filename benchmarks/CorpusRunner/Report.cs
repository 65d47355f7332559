using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CorpusRunner;

/// <summary>Where and how a run was made: the report's header.</summary>
public sealed record RunInfo(
    DateTimeOffset Started,
    TimeSpan Wall,
    string Command,
    string Corpus,
    string Selection,
    int Selected,
    string Generator,
    IReadOnlyList<(string Name, string Value)> Machine,
    RunOptions Options);

/// <summary>
/// Writes a run's files: <c>RESULTS.md</c> (the summary, against the targets of issue "composition" §4, with what
/// issues "media types" and "scale" read from it), <c>specs.json</c> (every result in full) and <c>specs.csv</c>
/// (one flat line per spec).
/// </summary>
public static class Report
{
    private const int WorstShown = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(RunInfo info, IReadOnlyList<SpecResult> unordered, string directory)
    {
        var results = unordered.OrderBy(r => r.Spec, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "specs.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions(Worker.Json) { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(directory, "specs.csv"), Csv(results));
        File.WriteAllText(Path.Combine(directory, "RESULTS.md"), Markdown(info, results));
    }

    private static string Markdown(RunInfo info, List<SpecResult> results)
    {
        var md = new StringBuilder();
        var run = results.Count;
        var accepted = results.Where(r => r.Outcome == Outcome.Accepted).ToList();
        var withoutComposition = accepted.Count(r => !r.Unsupported.Keys.Any(UnsupportedConstructs.IsComposition));
        var fullyTyped = accepted.Count(r => r.Unsupported.Count == 0);
        int Count(Outcome outcome) => results.Count(r => r.Outcome == outcome);

        md.AppendLine("# Corpus: the packed generator over the APIs.guru collection").AppendLine();
        md.AppendLine("Written by the corpus runner (`benchmarks/CorpusRunner`); do not edit by hand, run the command below again.").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| date (UTC) | {info.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant)}, {Format(info.Wall.TotalMinutes, "F1")} minutes wall time |");
        md.AppendLine($"| command (from the repository root) | `{info.Command}` |");
        md.AppendLine($"| corpus | {info.Corpus} |");
        md.AppendLine($"| specs | {info.Selection}: {info.Selected} selected, {run} run{(info.Selected > run ? $", {info.Selected - run} not run (budget reached)" : string.Empty)} |");
        md.AppendLine($"| generator | {info.Generator} |");
        md.AppendLine($"| how each spec runs | re-indented JSON as an AdditionalFile `*.openapi.json` of a consumer compilation (Basic.Reference.Assemblies.Net80, the net8.0 SDK's preprocessor symbols, nullable enabled), `CSharpGeneratorDriver`, then `GetDiagnostics()` of the compilation with the generated trees; a worker process per job ({info.Options.Jobs}), killed after {Format(info.Options.Timeout.TotalSeconds, "F0")} s on one spec |");
        foreach (var (name, value) in info.Machine)
        {
            md.AppendLine($"| {name} | {value} |");
        }

        md.AppendLine().AppendLine("## Targets (issue \"composition\" §4, over the whole corpus)").AppendLine();
        md.AppendLine("| target | this run | met |").AppendLine("|---|---|---|");
        md.AppendLine($"| at least 99 % of specs accepted | {Share(accepted.Count, run)} | {Met(accepted.Count >= 0.99 * run)} |");
        md.AppendLine($"| 0 crashes | {Count(Outcome.Crashed)} crashed, {Count(Outcome.TimedOut)} timed out | {Met(Count(Outcome.Crashed) + Count(Outcome.TimedOut) == 0)} |");
        md.AppendLine($"| 0 uncompilable outputs | {Count(Outcome.Uncompilable)} | {Met(Count(Outcome.Uncompilable) == 0)} |");
        md.AppendLine($"| at least 90 % of specs without a composition warning (OAG006 for allOf/oneOf/anyOf/not), of the accepted specs | {Share(withoutComposition, accepted.Count)} | {Met(withoutComposition >= 0.9 * accepted.Count)} |");
        md.AppendLine().AppendLine($"Fully typed (accepted with no OAG006 at all): {Share(fullyTyped, accepted.Count)} of the accepted specs.");
        md.AppendLine().AppendLine("Issue \"media types\" asks for no dropped body and no untyped status range across the corpus:");
        md.AppendLine($"{Sum(results, r => r.DroppedBodies.Values.Sum())} request bodies dropped in {results.Count(r => r.DroppedBodies.Count > 0)} specs, " +
            $"{Sum(results, r => r.UntypedStatusRanges.Values.Sum())} untyped status ranges in {results.Count(r => r.UntypedStatusRanges.Count > 0)} specs (tables below).");

        md.AppendLine().AppendLine("## Outcomes").AppendLine();
        md.AppendLine("| outcome | specs | share | operations in them |").AppendLine("|---|---:|---:|---:|");
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            var these = results.Where(r => r.Outcome == outcome).ToList();
            md.AppendLine($"| {outcome} | {these.Count} | {Percent(these.Count, run)} | {Sum(these, r => r.Operations)} |");
        }

        Tally(md, "Rejections by diagnostic", "The generator's errors in the rejected specs (a spec can have several IDs).", "ID", "specs", "diagnostics",
            results.Where(r => r.Outcome == Outcome.Rejected).SelectMany(r => r.Errors.Select(e => (Spec: r.Spec, Key: e.Key, Count: e.Value))));

        md.AppendLine().AppendLine("## Unsupported constructs (OAG006) by kind").AppendLine();
        md.AppendLine("The kind is read from the message, with quoted values taken out; \"what happens\" is the message's own reason.").AppendLine();
        md.AppendLine("| kind | family | occurrences | specs | what happens |").AppendLine("|---|---|---:|---:|---|");
        foreach (var kind in results.SelectMany(r => r.Unsupported.Keys).Distinct().OrderByDescending(k => Sum(results, r => r.Unsupported.GetValueOrDefault(k))).ThenBy(k => k, StringComparer.Ordinal))
        {
            var reason = results.Select(r => r.UnsupportedReasons.GetValueOrDefault(kind)).FirstOrDefault(r => r is not null) ?? string.Empty;
            md.AppendLine($"| {Cell(kind)} | {Family(kind)} | {Sum(results, r => r.Unsupported.GetValueOrDefault(kind))} | {results.Count(r => r.Unsupported.ContainsKey(kind))} | {Cell(reason)} |");
        }

        Tally(md, "Dropped request bodies by media type (issue \"media types\")", "The media types of each body the method was generated without, as the spec lists them under `content`.", "media types", "specs", "bodies",
            results.SelectMany(r => r.DroppedBodies.Select(e => (Spec: r.Spec, Key: e.Key, Count: e.Value))));
        Tally(md, "Untyped status ranges (issue \"media types\")", "Responses under a status pattern, handled as undocumented statuses.", "pattern", "specs", "responses",
            results.SelectMany(r => r.UntypedStatusRanges.Select(e => (Spec: r.Spec, Key: e.Key, Count: e.Value))));
        Tally(md, "Warnings of the generator by ID", "Every warning and info ID, OAG006 included, over all specs run.", "ID", "specs", "diagnostics",
            results.SelectMany(r => r.Warnings.Select(e => (Spec: r.Spec, Key: e.Key, Count: e.Value))));
        Tally(md, "Compiler diagnostics in the generated code", "Errors and warnings of `GetDiagnostics()` over the accepted and uncompilable specs' output; the generated code is meant to have none.", "ID", "specs", "diagnostics",
            results.SelectMany(r => r.CompileDiagnostics.Select(e => (Spec: r.Spec, Key: e.Key, Count: e.Value))));

        var generated = results.Where(r => r.GeneratedFiles > 0).ToList();
        md.AppendLine().AppendLine("## Methods against operations").AppendLine();
        md.AppendLine($"Specs with generated code: {generated.Count}. Operations in them: {Sum(generated, r => r.Operations)}; client methods generated: {Sum(generated, r => r.Methods)}. " +
            $"Specs where the counts differ: {generated.Count(r => r.Methods != r.Operations)}.");
        Worst(md, "Largest differences", generated.Where(r => r.Methods != r.Operations).OrderByDescending(r => Math.Abs(r.Operations - r.Methods)));

        md.AppendLine().AppendLine("## Size and time (issue \"scale\")").AppendLine();
        md.AppendLine($"Generated lines leave out the shared runtime file ({generated.Select(r => r.RuntimeLines).DefaultIfEmpty().Max()} lines, the same for every spec). " +
            "Generation is the driver's run, parsing included; compile is `GetDiagnostics()`. Times are wall-clock on a shared machine.").AppendLine();
        md.AppendLine("| | total | median | 90th percentile | max | spec with the max |").AppendLine("|---|---:|---:|---:|---:|---|");
        Distribution(md, "spec size (KB, minified)", results, r => r.Bytes / 1024.0);
        Distribution(md, "operations", results, r => r.Operations);
        Distribution(md, "generated lines", generated, r => r.GeneratedLines);
        Distribution(md, "generated lines per operation", generated.Where(r => r.Operations > 0).ToList(), r => (double)r.GeneratedLines / r.Operations, hasTotal: false);
        Distribution(md, "generation (ms)", results.Where(r => r.GenerationMs > 0).ToList(), r => r.GenerationMs);
        Distribution(md, "compile (ms)", generated.Where(r => r.CompileMs > 0).ToList(), r => r.CompileMs);
        Worst(md, "Largest outputs", generated.OrderByDescending(r => r.GeneratedLines));
        Worst(md, "Slowest (generation + compile)", results.OrderByDescending(r => r.GenerationMs + r.CompileMs));
        Worst(md, "Most unsupported constructs", results.Where(r => r.Unsupported.Count > 0).OrderByDescending(r => r.Unsupported.Values.Sum()));

        md.AppendLine().AppendLine("## Specs not accepted").AppendLine();
        var notAccepted = results.Where(r => r.Outcome != Outcome.Accepted).OrderBy(r => r.Outcome).ThenBy(r => r.Spec, StringComparer.Ordinal).ToList();
        md.AppendLine(notAccepted.Count == 0 ? "None." : "| spec | outcome | operations | first errors |\n|---|---|---:|---|");
        foreach (var result in notAccepted)
        {
            md.AppendLine($"| {result.Spec} | {result.Outcome} | {result.Operations} | {Cell(string.Join(" / ", result.FirstErrors))} |");
        }

        md.AppendLine().AppendLine("## Files").AppendLine();
        md.AppendLine("- `specs.json`: every spec's result in full (the fields of `benchmarks/CorpusRunner/SpecResult.cs`).");
        md.AppendLine("- `specs.csv`: one line per spec; counts by kind as `key=count` joined with `; `.");
        return md.ToString();
    }

    private static void Tally(StringBuilder md, string title, string description, string keyHeader, string specsHeader, string countHeader, IEnumerable<(string Spec, string Key, int Count)> rows)
    {
        md.AppendLine().AppendLine("## " + title).AppendLine().AppendLine(description).AppendLine();
        var groups = rows.GroupBy(r => r.Key, StringComparer.Ordinal).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            md.AppendLine("None.");
            return;
        }

        md.AppendLine($"| {keyHeader} | {specsHeader} | {countHeader} | specs (first few) |").AppendLine("|---|---:|---:|---|");
        foreach (var group in groups)
        {
            var specs = group.Select(r => r.Spec).Distinct().ToList();
            md.AppendLine($"| {Cell(group.Key)} | {specs.Count} | {group.Sum(r => r.Count)} | {string.Join(", ", specs.Take(4))}{(specs.Count > 4 ? ", …" : string.Empty)} |");
        }
    }

    private static void Worst(StringBuilder md, string title, IEnumerable<SpecResult> ordered)
    {
        var shown = ordered.Take(WorstShown).ToList();
        md.AppendLine().AppendLine("### " + title).AppendLine();
        if (shown.Count == 0)
        {
            md.AppendLine("None.");
            return;
        }

        md.AppendLine("| spec | outcome | KB | operations | methods | generated lines | generation ms | compile ms | OAG006 |").AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in shown)
        {
            md.AppendLine($"| {r.Spec} | {r.Outcome} | {r.Bytes / 1024} | {r.Operations} | {r.Methods} | {r.GeneratedLines.ToString("N0", Invariant)} | {Format(r.GenerationMs, "F0")} | {Format(r.CompileMs, "F0")} | {r.Unsupported.Values.Sum()} |");
        }
    }

    private static void Distribution(StringBuilder md, string name, List<SpecResult> results, Func<SpecResult, double> value, bool hasTotal = true)
    {
        if (results.Count == 0)
        {
            return;
        }

        var sorted = results.OrderBy(value).ToList();
        double At(double quantile) => value(sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(quantile * sorted.Count))]);
        md.AppendLine($"| {name} | {(hasTotal ? Format(results.Sum(value), "N0") : string.Empty)} | {Format(At(0.5), "N0")} | {Format(At(0.9), "N0")} | {Format(value(sorted[^1]), "N0")} | {sorted[^1].Spec} |");
    }

    private static string Csv(List<SpecResult> results)
    {
        var csv = new StringBuilder();
        csv.AppendLine("spec,outcome,openapi,bytes,spec_lines,operations,methods,generated_files,generated_lines,generation_ms,compile_ms,errors,warnings,unsupported,dropped_bodies,untyped_status_ranges,compile_diagnostics,first_error");
        foreach (var r in results)
        {
            string[] fields =
            [
                r.Spec, r.Outcome.ToString(), r.OpenApi ?? string.Empty, r.Bytes.ToString(Invariant), r.SpecLines.ToString(Invariant),
                r.Operations.ToString(Invariant), r.Methods.ToString(Invariant), r.GeneratedFiles.ToString(Invariant), r.GeneratedLines.ToString(Invariant),
                Format(r.GenerationMs, "F1"), Format(r.CompileMs, "F1"), Pairs(r.Errors), Pairs(r.Warnings), Pairs(r.Unsupported),
                Pairs(r.DroppedBodies), Pairs(r.UntypedStatusRanges), Pairs(r.CompileDiagnostics), r.FirstErrors.FirstOrDefault() ?? string.Empty,
            ];
            csv.AppendLine(string.Join(",", fields.Select(CsvField)));
        }

        return csv.ToString();
    }

    private static string Pairs(SortedDictionary<string, int> counts) => string.Join("; ", counts.Select(c => c.Key + "=" + c.Value.ToString(Invariant)));

    private static string CsvField(string value)
        => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Family(string kind)
        => UnsupportedConstructs.IsComposition(kind) ? "composition"
        : UnsupportedConstructs.IsDroppedBody(kind) ? "request body"
        : UnsupportedConstructs.IsStatusRange(kind) ? "status range"
        : kind.Contains("parameter", StringComparison.OrdinalIgnoreCase) ? "parameter"
        : "other";

    private static string Cell(string text)
        => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) is var cell && cell.Length > 300 ? cell[..300] + "…" : cell;

    private static int Sum(IEnumerable<SpecResult> results, Func<SpecResult, int> value) => results.Sum(value);

    private static string Share(int part, int whole) => $"{part} of {whole} ({Percent(part, whole)})";

    private static string Percent(int part, int whole) => whole == 0 ? "–" : Format(100.0 * part / whole, "F1") + " %";

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Format(double value, string format) => value.ToString(format, Invariant);
}
