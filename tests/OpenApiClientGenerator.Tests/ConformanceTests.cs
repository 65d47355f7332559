using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenApiClientGenerator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Issue "Conformance": generated validators accept exactly the <c>valid: true</c> data of the JSON Schema Test Suite's
/// draft-4 cases for the keywords the generator supports. Each case's schema becomes the property <c>value</c> of an
/// OpenAPI 3.0.3 component (3.1.0 for a <c>type</c> array, which 3.0 forbids); the generated record reads
/// <c>{"value": data}</c> and validates it. A JsonException while reading, or any validation error, means "rejected";
/// anything else means "accepted". Run with CONFORMANCE_DUMP=folder to see the specs and generated code.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>
    /// How many cases of each keyword file must pass: the file's total minus its skips. Asserted, so that a case cannot
    /// silently stop being run (a group dropped, a skip added without a reason).
    /// </summary>
    private static readonly Dictionary<string, (int Passed, int Total)> ExpectedCounts = new(StringComparer.Ordinal)
    {
        ["enum"] = (49, 49),
        ["maxItems"] = (4, 4),
        ["maxLength"] = (5, 5),
        ["maximum"] = (14, 14),
        ["minItems"] = (4, 4),
        ["minLength"] = (5, 5),
        ["minimum"] = (17, 17),
        ["multipleOf"] = (11, 11),
        ["pattern"] = (9, 9),
        ["required"] = (12, 17),
        ["type"] = (79, 79),
    };

    /// <summary>
    /// Cases not run, keyed "file / group description / test description", each with the reason. A case listed here
    /// that does not exist fails the test, so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal)
    {
        ["required / required validation / ignores arrays"] = PropertiesWithoutType,
        ["required / required validation / ignores strings"] = PropertiesWithoutType,
        ["required / required validation / ignores other non-objects"] = PropertiesWithoutType,
        ["required / required validation / ignores null"] = PropertiesWithoutType,
        ["required / required validation / ignores boolean"] = PropertiesWithoutType,
    };

    private const string PropertiesWithoutType =
        "a schema with properties but no type: object is generated as a record (Subject0Value), so data that is not an "
        + "object (here [], \"\", 12, null, true) cannot be read into it, while JSON Schema says such data is valid";

    public static IEnumerable<object[]> KeywordFiles()
        => ExpectedCounts.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => new object[] { k });

    /// <summary>The suite's keyword files, vendored in the repository (see tests/conformance/json-schema-test-suite/SOURCE).</summary>
    internal static string SuiteDirectory => Repository.PathOf("tests", "conformance", "json-schema-test-suite", "draft4");

    [Fact]
    public void Every_supported_keyword_file_of_the_suite_is_tested()
    {
        Assert.True(Directory.Exists(SuiteDirectory), "The JSON Schema Test Suite is missing: " + SuiteDirectory);
        var files = Directory.GetFiles(SuiteDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(ExpectedCounts.Keys.OrderBy(k => k, StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(KeywordFiles))]
    public void Conformance_generated_validators_accept_exactly_the_valid_data(string keyword)
    {
        var groups = ConformanceSuite.Load(Path.Combine(SuiteDirectory, keyword + ".json"));
        RunAndAssert(keyword, groups, ExpectedCounts[keyword]);
    }

    /// <summary>
    /// Cases beyond the suite, in its format, where .NET's behaviour differs from what JSON Schema prescribes: OpenAPI
    /// patterns are ECMA-262 regular expressions (RegexOptions.ECMAScript would narrow \d and \w but keep .NET's
    /// <c>$</c> and <c>.</c>, and narrow \s to ASCII), and lengths count code points, not UTF-16 code units. The suite's groups have no <c>type</c>,
    /// so each rule is also checked on a typed string, which generates different code.
    /// </summary>
    [Fact]
    public void Conformance_supplement_ECMA_262_patterns_and_code_point_lengths()
    {
        var groups = ConformanceSuite.Parse(ConformanceSupplement.Json);
        RunAndAssert("supplement", groups, (ConformanceSupplement.CaseCount, ConformanceSupplement.CaseCount));
    }

    private void RunAndAssert(string keyword, IReadOnlyList<ConformanceGroup> groups, (int Passed, int Total) expected)
    {
        var stopwatch = Stopwatch.StartNew();
        var skipsOfFile = Skips.Where(s => s.Key.StartsWith(keyword + " / ", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var unknownSkips = skipsOfFile.Keys.Except(groups.SelectMany(g => g.Tests.Select(t => CaseKey(keyword, g, t))), StringComparer.Ordinal).ToList();
        Assert.True(unknownSkips.Count == 0, "Skips naming no case of the suite: " + string.Join("; ", unknownSkips));

        using var subjects = ConformanceSubjects.Generate(keyword, groups);
        var passed = 0;
        var total = 0;
        var failures = new List<string>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            foreach (var test in group.Tests)
            {
                total++;
                var key = CaseKey(keyword, group, test);
                if (skipsOfFile.TryGetValue(key, out var reason))
                {
                    output.WriteLine($"SKIP  {key}: {reason}");
                    continue;
                }

                var outcome = subjects.Check(g, test.Data);
                if (outcome.Agrees(test.Valid))
                {
                    passed++;
                    output.WriteLine($"ok    {key}: {Compact(test.Data)} {outcome.Describe()}");
                }
                else
                {
                    failures.Add($"{key}\n      schema {Compact(group.Schema)}\n      data {Compact(test.Data)}: expected {(test.Valid ? "accepted" : "rejected")}, was {outcome.Describe()}");
                }
            }
        }

        var summary = $"{keyword}: {passed}/{total} passed, {skipsOfFile.Count} skipped, {failures.Count} failed";
        output.WriteLine($"{summary} ({stopwatch.ElapsedMilliseconds} ms)");
        var notGenerated = subjects.Problems.OrderBy(p => p.Key)
            .Select(p => $"NOT GENERATED  {keyword} / {groups[p.Key].Description}\n      schema {Compact(groups[p.Key].Schema)}\n      {p.Value}")
            .ToList();
        foreach (var line in notGenerated)
        {
            output.WriteLine(line);
        }

        foreach (var warning in subjects.Warnings)
        {
            output.WriteLine("WARNING  " + warning);
        }

        foreach (var failure in failures)
        {
            output.WriteLine("FAIL  " + failure);
        }

        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", notGenerated.Concat(failures.Select(f => "FAIL  " + f))));
        Assert.Equal(expected, (passed, total));
    }

    /// <summary>JSON on one line, for messages; text already on one line is shown as the suite has it.</summary>
    private static string Compact(string json)
    {
        if (!json.Contains('\n', StringComparison.Ordinal))
        {
            return json;
        }

        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string CaseKey(string keyword, ConformanceGroup group, ConformanceCase test)
        => keyword + " / " + group.Description + " / " + test.Description;
}

internal sealed record ConformanceGroup(string Description, string Schema, IReadOnlyList<ConformanceCase> Tests);

/// <summary>One test of the suite; <see cref="Data"/> and the group's schema are the JSON texts exactly as the file has them.</summary>
internal sealed record ConformanceCase(string Description, string Data, bool Valid);

internal static class ConformanceSuite
{
    public static IReadOnlyList<ConformanceGroup> Load(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<ConformanceGroup> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(group => new ConformanceGroup(
                group.GetProperty("description").GetString()!,
                group.GetProperty("schema").GetRawText(),
                group.GetProperty("tests").EnumerateArray()
                    .Select(test => new ConformanceCase(
                        test.GetProperty("description").GetString()!,
                        test.GetProperty("data").GetRawText(),
                        test.GetProperty("valid").GetBoolean()))
                    .ToList()))
            .ToList();
    }
}

/// <summary>The supplement's cases, in the suite's format; what each expects is what ECMA-262 and JSON Schema say.</summary>
internal static class ConformanceSupplement
{
    public const int CaseCount = 33;

    public const string Json = """
        [
            {
                "description": "ECMA-262 $ matches only at the end of the input, not before a final line feed as .NET's does",
                "schema": { "pattern": "^a*$" },
                "tests": [
                    { "description": "a match", "data": "aaa", "valid": true },
                    { "description": "a final line feed", "data": "aaa\n", "valid": false }
                ]
            },
            {
                "description": "typed string: ECMA-262 $ matches only at the end of the input",
                "schema": { "type": "string", "pattern": "^a*$" },
                "tests": [
                    { "description": "a match", "data": "aaa", "valid": true },
                    { "description": "a final line feed", "data": "aaa\n", "valid": false }
                ]
            },
            {
                "description": "typed string: a character class checked with a loop",
                "schema": { "type": "string", "pattern": "^[a-z]+$" },
                "tests": [
                    { "description": "a match", "data": "abc", "valid": true },
                    { "description": "a final line feed", "data": "abc\n", "valid": false }
                ]
            },
            {
                "description": "ECMA-262 \\d is ASCII digits only",
                "schema": { "type": "string", "pattern": "^\\d+$" },
                "tests": [
                    { "description": "ASCII digits", "data": "123", "valid": true },
                    { "description": "Arabic-Indic digits", "data": "\u0661\u0662\u0663", "valid": false }
                ]
            },
            {
                "description": "ECMA-262 \\w is ASCII word characters only",
                "schema": { "type": "string", "pattern": "^\\w+$" },
                "tests": [
                    { "description": "ASCII word characters", "data": "abc_1", "valid": true },
                    { "description": "a Latin letter beyond ASCII", "data": "\u00e9", "valid": false }
                ]
            },
            {
                "description": "ECMA-262 \\s is every Unicode space and line terminator",
                "schema": { "type": "string", "pattern": "^\\s$" },
                "tests": [
                    { "description": "a space", "data": " ", "valid": true },
                    { "description": "a no-break space", "data": "\u00a0", "valid": true },
                    { "description": "a zero width no-break space", "data": "\ufeff", "valid": true },
                    { "description": "an em space", "data": "\u2003", "valid": true },
                    { "description": "a line separator", "data": "\u2028", "valid": true },
                    { "description": "a letter", "data": "a", "valid": false }
                ]
            },
            {
                "description": "ECMA-262 . matches no line terminator",
                "schema": { "type": "string", "pattern": "^.$" },
                "tests": [
                    { "description": "a letter", "data": "a", "valid": true },
                    { "description": "a line feed", "data": "\n", "valid": false },
                    { "description": "a carriage return", "data": "\r", "valid": false },
                    { "description": "a line separator", "data": "\u2028", "valid": false },
                    { "description": "a paragraph separator", "data": "\u2029", "valid": false }
                ]
            },
            {
                "description": "ECMA-262 \\S is anything but a Unicode space or line terminator",
                "schema": { "type": "string", "pattern": "^\\S+$" },
                "tests": [
                    { "description": "letters", "data": "ab", "valid": true },
                    { "description": "a no-break space", "data": "a\u00a0b", "valid": false }
                ]
            },
            {
                "description": "ECMA-262 [^] matches any character, line terminators included",
                "schema": { "type": "string", "pattern": "^[^]$" },
                "tests": [
                    { "description": "a letter", "data": "a", "valid": true },
                    { "description": "a line feed", "data": "\n", "valid": true }
                ]
            },
            {
                "description": "ECMA-262 [] matches nothing",
                "schema": { "type": "string", "pattern": "[]" },
                "tests": [
                    { "description": "a letter", "data": "a", "valid": false },
                    { "description": "a closing bracket", "data": "]", "valid": false }
                ]
            },
            {
                "description": "maxLength counts code points",
                "schema": { "maxLength": 1 },
                "tests": [
                    { "description": "one supplementary code point", "data": "\ud83d\udca9", "valid": true },
                    { "description": "two supplementary code points", "data": "\ud83d\udca9\ud83d\udca9", "valid": false }
                ]
            },
            {
                "description": "typed string: maxLength counts code points",
                "schema": { "type": "string", "maxLength": 1 },
                "tests": [
                    { "description": "one supplementary code point", "data": "\ud83d\udca9", "valid": true },
                    { "description": "two supplementary code points", "data": "\ud83d\udca9\ud83d\udca9", "valid": false }
                ]
            },
            {
                "description": "typed string: minLength counts code points",
                "schema": { "type": "string", "minLength": 2 },
                "tests": [
                    { "description": "one supplementary code point", "data": "\ud83d\udca9", "valid": false },
                    { "description": "two supplementary code points", "data": "\ud83d\udca9\ud83d\udca9", "valid": true }
                ]
            }
        ]
        """;
}

/// <summary>A generated spec, with the lines each group's component takes.</summary>
internal sealed record ConformanceSpec(string Path, string Text, IReadOnlyDictionary<int, (int First, int Last)> Lines);

/// <summary>What the generated code did with one datum.</summary>
internal sealed record ConformanceOutcome(bool Accepted, string? NotGenerated, string? ReadError, IReadOnlyList<string> ValidationErrors)
{
    /// <summary>A group the generator or the compiler failed on has no code, so none of its cases can pass.</summary>
    public bool Agrees(bool valid) => NotGenerated is null && Accepted == valid;

    public string Describe()
        => NotGenerated is not null ? "not generated (the group's errors are listed above)"
            : ReadError is not null ? "rejected while reading (JsonException: " + ReadError + ")"
            : ValidationErrors.Count == 0 ? "accepted (read, no validation errors)"
            : "rejected by Validate(): " + string.Join("; ", ValidationErrors);
}

/// <summary>
/// The records generated for one keyword file: one component per group (Subject0..SubjectN) in one spec (two when some
/// group needs OpenAPI 3.1, see <see cref="UsesTypeArray"/>), generated, compiled and loaded into a collectible load
/// context once. A group the generator reports an error for, or whose
/// generated code does not compile, is left out and the rest generated again, so that one group's problem shows as
/// that group's failures instead of hiding the whole file.
/// </summary>
internal sealed class ConformanceSubjects : IDisposable
{
    private static readonly Regex SubjectPointer = new(@"/components/schemas/Subject(\d+)(?![0-9])", RegexOptions.CultureInvariant);
    private static readonly Regex SubjectTypeName = new(@"^Subject(\d+)(?![0-9])", RegexOptions.CultureInvariant);

    private readonly AssemblyLoadContext? _context;
    private readonly Dictionary<int, (FromJsonCall FromJson, MethodInfo Validate)> _subjects = [];

    private ConformanceSubjects(AssemblyLoadContext? context, Assembly? assembly, IEnumerable<int> generated, IReadOnlyDictionary<int, string> problems)
    {
        _context = context;
        Problems = problems;
        foreach (var i in generated)
        {
            var type = assembly!.GetTypes().Single(t => t.Name == "Subject" + i);
            var fromJson = type.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static, [typeof(ReadOnlySpan<byte>)])
                ?? throw new InvalidOperationException(type.FullName + " has no FromJson(ReadOnlySpan<byte>)");
            var validate = type.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
                ?? throw new InvalidOperationException(type.FullName + " has no Validate()");
            _subjects.Add(i, ((FromJsonCall)Delegate.CreateDelegate(typeof(FromJsonCall), fromJson), validate));
        }
    }

    private delegate object? FromJsonCall(ReadOnlySpan<byte> utf8Json);

    /// <summary>Groups that have no generated code, with the generator's or the compiler's errors.</summary>
    public IReadOnlyDictionary<int, string> Problems { get; }

    /// <summary>Compiler warnings in the generated code, which consumers building with TreatWarningsAsErrors would see.</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    public static ConformanceSubjects Generate(string keyword, IReadOnlyList<ConformanceGroup> groups)
    {
        var problems = new Dictionary<int, string>();
        for (var attempt = 1; ; attempt++)
        {
            var included = Enumerable.Range(0, groups.Count).Where(i => !problems.ContainsKey(i)).ToList();
            if (included.Count == 0)
            {
                return new ConformanceSubjects(null, null, [], problems);
            }

            var specs = new List<ConformanceSpec>();
            if (included.Where(i => !UsesTypeArray(groups[i].Schema)).ToList() is { Count: > 0 } openApi30)
            {
                specs.Add(BuildSpec("conformance.openapi.json", "3.0.3", "Conformance " + keyword, groups, openApi30));
            }

            if (included.Where(i => UsesTypeArray(groups[i].Schema)).ToList() is { Count: > 0 } openApi31)
            {
                specs.Add(BuildSpec("conformance-3.1.openapi.json", "3.1.0", "Conformance " + keyword + " 3.1", groups, openApi31));
            }

            var run = GeneratorHarness.Run(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)));
            Dump(keyword, attempt, specs, run);
            var generatorErrors = GeneratorErrors(run);
            if (generatorErrors.Count > 0)
            {
                foreach (var error in generatorErrors)
                {
                    if (GroupOfGeneratorError(error, specs) is { } group)
                    {
                        Blame(problems, group, error.ToString());
                    }
                    else
                    {
                        // An error without a place (the generator failing on the whole file): each group on its own tells whose it is.
                        BlameOneByOne(problems, keyword, groups, included, error);
                    }
                }

                continue;
            }

            // Emitting reports every error and warning GetDiagnostics would, without binding everything twice.
            using var image = new MemoryStream();
            var emitted = run.Compilation.Emit(image);
            var compilerErrors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Distinct(DiagnosticText.Instance).ToList();
            if (compilerErrors.Count > 0)
            {
                foreach (var error in compilerErrors)
                {
                    var group = GroupOfCompilerError(error)
                        ?? throw new Xunit.Sdk.XunitException("The generated code does not compile, in code no group can be blamed for:\n" + string.Join("\n", compilerErrors.Take(20)));
                    Blame(problems, group, "does not compile: " + error);
                }

                continue;
            }

            Assert.True(emitted.Success, "Emitting failed:\n" + string.Join("\n", emitted.Diagnostics));
            image.Position = 0;

            var context = new AssemblyLoadContext("Conformance." + keyword, isCollectible: true);
            try
            {
                return new ConformanceSubjects(context, context.LoadFromStream(image), included, problems)
                {
                    Warnings = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList(),
                };
            }
            catch
            {
                context.Unload();
                throw;
            }
        }
    }

    public ConformanceOutcome Check(int group, string data)
    {
        if (Problems.TryGetValue(group, out var problem))
        {
            return new ConformanceOutcome(false, problem, null, []);
        }

        var (fromJson, validate) = _subjects[group];
        var json = Encoding.UTF8.GetBytes("{\"value\": " + data + "}");
        object? instance;
        try
        {
            instance = Read(fromJson, json);
        }
        catch (JsonException exception)
        {
            return new ConformanceOutcome(false, null, exception.Message, []);
        }

        Assert.NotNull(instance);
        var errors = ((IEnumerable)validate.Invoke(instance, null)!).Cast<object>().Select(DescribeError).ToList();
        return new ConformanceOutcome(errors.Count == 0, null, null, errors);
    }

    public void Dispose() => _context?.Unload();

    /// <summary>
    /// An OpenAPI document whose component SubjectN is an object with the one property <c>value</c>, whose schema is
    /// group N's schema as the suite has it (but for <c>$comment</c>, see <see cref="WithoutComment"/>). Records the first
    /// and last line of each group's component, to blame a diagnostic on a group by its line.
    /// </summary>
    private static ConformanceSpec BuildSpec(string path, string version, string title, IReadOnlyList<ConformanceGroup> groups, IReadOnlyList<int> included)
    {
        var text = new StringBuilder();
        var lines = new Dictionary<int, (int First, int Last)>();
        var line = 0;
        Append("{\n  \"openapi\": \"" + version + "\",\n");
        Append("  \"info\": { \"title\": \"" + title + "\", \"version\": \"1.0.0\" },\n");
        Append("  \"paths\": {},\n");
        Append("  \"components\": {\n    \"schemas\": {");
        for (var n = 0; n < included.Count; n++)
        {
            var i = included[n];
            Append(n == 0 ? "\n" : ",\n");
            var first = line;
            Append("      \"Subject" + i + "\": { \"type\": \"object\", \"properties\": { \"value\": " + WithoutComment(groups[i].Schema) + " } }");
            lines.Add(i, (first, line));
        }

        Append("\n    }\n  }\n}\n");
        return new ConformanceSpec(path, text.ToString(), lines);

        void Append(string part)
        {
            text.Append(part);
            line += part.Count(c => c == '\n');
        }
    }

    /// <summary>
    /// Whether the schema has a <c>type</c> array, which OpenAPI 3.0.3 forbids ("Value MUST be a string. Multiple types
    /// via an array are not supported") and Microsoft.OpenApi rejects in a 3.0 document ("Expected scalar value"), but
    /// OpenAPI 3.1 (JSON Schema 2020-12) has with draft 4's meaning. Such groups are wrapped in a 3.1.0 document; none of
    /// them uses a keyword whose meaning changed between the drafts (the boolean exclusiveMinimum/exclusiveMaximum).
    /// </summary>
    private static bool UsesTypeArray(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return HasTypeArray(document.RootElement);

        static bool HasTypeArray(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Any(p => (p.Name == "type" && p.Value.ValueKind == JsonValueKind.Array) || HasTypeArray(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().Any(HasTypeArray),
            _ => false,
        };
    }

    /// <summary>
    /// OpenAPI 3.0's Schema Object has no <c>$comment</c> (Microsoft.OpenApi reports "$comment is not a valid property"),
    /// and a comment asserts nothing, so a top-level one is left out. The other members keep their exact text.
    /// </summary>
    private static string WithoutComment(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("$comment", out _))
        {
            return schema;
        }

        return "{ " + string.Join(", ", document.RootElement.EnumerateObject()
            .Where(p => p.Name != "$comment")
            .Select(p => JsonSerializer.Serialize(p.Name) + ": " + p.Value.GetRawText())) + " }";
    }

    private static List<Diagnostic> GeneratorErrors(GeneratorRun run)
        => run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Distinct(DiagnosticText.Instance).ToList();

    private static void BlameOneByOne(Dictionary<int, string> problems, string keyword, IReadOnlyList<ConformanceGroup> groups, IReadOnlyList<int> included, Diagnostic error)
    {
        var blamed = false;
        foreach (var i in included)
        {
            var spec = BuildSpec("conformance.openapi.json", UsesTypeArray(groups[i].Schema) ? "3.1.0" : "3.0.3", "Conformance " + keyword, groups, [i]);
            foreach (var own in GeneratorErrors(GeneratorHarness.Run([new InMemoryAdditionalText(spec.Path, spec.Text)])))
            {
                Blame(problems, i, own.ToString());
                blamed = true;
            }
        }

        if (!blamed)
        {
            throw new Xunit.Sdk.XunitException("The generator reported an error that no group causes on its own:\n" + error);
        }
    }

    /// <summary>With CONFORMANCE_DUMP set to a folder, writes each keyword's spec and generated code there, to look into a failure.</summary>
    private static void Dump(string keyword, int attempt, IReadOnlyList<ConformanceSpec> specs, GeneratorRun run)
    {
        if (Environment.GetEnvironmentVariable("CONFORMANCE_DUMP") is not { Length: > 0 } folder)
        {
            return;
        }

        var directory = Directory.CreateDirectory(Path.Combine(folder, keyword, "attempt" + attempt)).FullName;
        foreach (var spec in specs)
        {
            File.WriteAllText(Path.Combine(directory, spec.Path), spec.Text);
        }

        foreach (var source in run.Sources)
        {
            File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }
    }

    /// <summary>Records an error against a group; a group's first three errors say enough.</summary>
    private static void Blame(Dictionary<int, string> problems, int group, string error)
    {
        if (!problems.TryGetValue(group, out var previous))
        {
            problems[group] = error;
        }
        else if (previous.Count(c => c == '\n') < 2)
        {
            problems[group] = previous + "\n      " + error;
        }
        else if (!previous.EndsWith("...", StringComparison.Ordinal))
        {
            problems[group] = previous + "\n      ...";
        }
    }

    private sealed class DiagnosticText : IEqualityComparer<Diagnostic>
    {
        public static readonly DiagnosticText Instance = new();

        public bool Equals(Diagnostic? x, Diagnostic? y) => x?.ToString() == y?.ToString();

        public int GetHashCode(Diagnostic obj) => obj.ToString().GetHashCode(StringComparison.Ordinal);
    }

    private static int? GroupOfGeneratorError(Diagnostic error, IReadOnlyList<ConformanceSpec> specs)
    {
        if (SubjectPointer.Match(error.GetMessage(CultureInfo.InvariantCulture)) is { Success: true } match)
        {
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var span = error.Location.GetLineSpan();
        var line = span.StartLinePosition.Line;
        return specs.Where(s => s.Path == span.Path)
            .SelectMany(s => s.Lines)
            .Where(l => l.Value.First <= line && line <= l.Value.Last)
            .Select(l => (int?)l.Key)
            .FirstOrDefault();
    }

    /// <summary>The group whose generated types (Subject3, Subject3Value, ...) hold the error.</summary>
    private static int? GroupOfCompilerError(Diagnostic error)
    {
        if (error.Location.SourceTree is not { } tree)
        {
            return null;
        }

        var type = tree.GetRoot().FindNode(error.Location.SourceSpan).AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().LastOrDefault();
        return type is not null && SubjectTypeName.Match(type.Identifier.ValueText) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// Calls FromJson(ReadOnlySpan&lt;byte&gt;) through a delegate, since reflection cannot box a span argument. Should a
    /// call ever come through reflection, a TargetInvocationException is unwrapped so that a JsonException still counts.
    /// </summary>
    private static object? Read(FromJsonCall fromJson, byte[] json)
    {
        try
        {
            return fromJson(json);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    private static string DescribeError(object error)
    {
        var type = error.GetType();
        string? Get(string name) => type.GetProperty(name)?.GetValue(error)?.ToString();
        return $"{Get("Path")} {Get("Rule")}: {Get("Message")}";
    }
}
