using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Emitting;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Patterns;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Issue "correctness" §4: patterns mean what ECMA-262 says, read in Unicode mode (the <c>u</c> flag). The cases are in
/// Patterns/: ecmascript-patterns.json names for each the rule of ECMA-262 §22.2 (RegExp Objects) its expected outcome
/// follows, cross-checked with V8 (<c>new RegExp(pattern, "u").test(data)</c>, or the flags the case names);
/// json-schema-test-suite-patterns.json holds the JSON Schema Test Suite's string cases of <c>pattern</c>.
/// </summary>
public sealed class PatternTests
{
    private static readonly Lazy<IReadOnlyList<PatternRule>> Rules = new(LoadRules);

    private static readonly string[] CaseFiles = ["ecmascript-patterns.json", "json-schema-test-suite-patterns.json"];

    public static IEnumerable<object[]> RuleNames() => Rules.Value.Select(r => new object[] { r.Rule });

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_translated_pattern_matches_what_ECMA_262_matches(string rule)
    {
        var subject = Rules.Value.Single(r => r.Rule == rule);
        var spec = PatternAnalyzer.Analyze(subject.Pattern, out var error);
        Assert.True(spec is not null, $"'{subject.Pattern}' was not translated: {error}");
        var regex = new Regex(spec.RegexPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Assert.All(subject.Tests, test => Assert.True(
            regex.IsMatch(test.Data) == test.Valid,
            $"{rule}: '{subject.Pattern}' (as {spec.RegexPattern}) on {JsonSerializer.Serialize(test.Data)}: expected {(test.Valid ? "a match" : "no match")}"));
    }

    /// <summary>
    /// RegularExpressionAttribute accepts a value only when one match spans it all, and accepts the empty string without
    /// matching (docs/options.md says so); otherwise it must agree with Validate() on every case.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleNames))]
    public void The_DataAnnotations_pattern_agrees_with_the_validator(string rule)
    {
        var subject = Rules.Value.Single(r => r.Rule == rule);
        var spec = PatternAnalyzer.Analyze(subject.Pattern, out _)!;
        var attribute = new RegularExpressionAttribute(DataAnnotations.RegularExpressionPattern(spec));
        Assert.All(subject.Tests, test => Assert.True(
            attribute.IsValid(test.Data) == (test.Valid || test.Data.Length == 0),
            $"{rule}: [RegularExpression] for '{subject.Pattern}' on {JsonSerializer.Serialize(test.Data)}"));
    }

    /// <summary>The same cases through the generated Validate() of a typed string, where the character class loop applies too.</summary>
    [Fact]
    public void Generated_validators_follow_ECMA_262()
    {
        var groups = Rules.Value
            .Select(r => new ConformanceGroup(
                r.Rule,
                JsonSerializer.Serialize(new { type = "string", pattern = r.Pattern }),
                r.Tests.Select((t, i) => new ConformanceCase("case " + i, JsonSerializer.Serialize(t.Data), t.Valid)).ToList()))
            .ToList();
        using var subjects = ConformanceSubjects.Generate("patterns", groups);
        Assert.Empty(subjects.Problems);
        var failures = groups.SelectMany((g, i) => g.Tests.Where(t => !subjects.Check(i, t.Data).Agrees(t.Valid)).Select(t => $"{g.Description}: {t.Data}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(@"^\p{Print}+$", @"'\p{Print}' is a Java (or .NET) character class")]
    [InlineData(@"^\p{XDigit}+$", @"'\p{XDigit}' is a Java (or .NET) character class")]
    [InlineData(@"^[\p{all}]+$", @"'\p{all}' is a Java (or .NET) character class")]
    [InlineData(@"^\p{IsGreek}$", @"'\p{IsGreek}' is a Java (or .NET) character class")]
    [InlineData(@"^\p{greek}$", @"'\p{greek}' names no Unicode property ECMA-262 knows (names are case-sensitive)")]
    [InlineData(@"^\pL$", @"'\p' is not followed by a property in braces")]
    [InlineData(@"\Aabc\z", @"'\A' is not an ECMA-262 escape")]
    [InlineData(@"(?i)abc", @"'(?i' is not an ECMA-262 group")]
    [InlineData(@"^(a)\2$", @"'\2' refers to group 2, and the pattern has 1")]
    [InlineData(@"^\k<name>$", @"'\k' refers to no group named 'name'")]
    [InlineData(@"^[z-a]$", "a range in a character class is out of order")]
    [InlineData(@"^[\d-z]$", @"a class escape such as '\d' cannot be the end of a range")]
    [InlineData(@"^a**$", "'*' has nothing to repeat")]
    [InlineData(@"^\u{110000}$", @"'\u{110000}' is not a code point")]
    [InlineData(@"^(a$", "a group is not closed")]
    [InlineData(@"^a)$", "a ')' closes no group")]
    public void A_pattern_ECMA_262_does_not_define_says_why(string pattern, string reason)
    {
        Assert.Null(PatternAnalyzer.Analyze(pattern, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    /// <summary>Issue "composition" §3: a pattern in another dialect is a warning at its node, and the rest of the spec, the node's other constraints included, is generated and checked.</summary>
    [Fact]
    public void A_Java_pattern_is_a_warning_at_its_node_and_only_its_check_is_skipped()
    {
        var run = GeneratorHarness.RunSpecs(("demo.openapi.yaml", """
            openapi: 3.0.3
            info:
              title: Demo
              version: '1.0'
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    code:
                      type: string
                      maxLength: 3
                      pattern: '^\p{Print}+$'
                    name:
                      type: string
                      pattern: '^\p{Letter}+ \p{Script=Greek}$'
            """));

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAG009", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(13, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(@"The pattern '^\p{Print}+$' cannot be checked", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
        using var assembly = GeneratedAssembly.Load(run.Compilation);
        var item = assembly.Type("Demo.Item");
        Assert.Equal(["code: maxLength"], Errors(assembly, item, """{"code":"\u0001\u0001\u0001\u0001","name":"ab \u03b1"}"""));
        Assert.Equal(["name: pattern"], Errors(assembly, item, """{"code":"a","name":"ab a"}"""));
    }

    private static List<string> Errors(GeneratedAssembly assembly, Type type, string json)
    {
        var value = assembly.FromJson(type, json);
        var errors = (System.Collections.IEnumerable)type.GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!;
        return errors.Cast<object>().Select(e => GeneratedAssembly.Property(e, "Path") + ": " + GeneratedAssembly.Property(e, "Rule")).ToList();
    }

    private static IReadOnlyList<PatternRule> LoadRules()
        => CaseFiles
            .SelectMany(file => JsonSerializer.Deserialize<PatternCaseFile>(
                File.ReadAllText(Repository.PathOf("tests", "OpenApiClientGenerator.Tests", "Patterns", file)),
                new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!.Rules)
            .ToList();

    private sealed record PatternCaseFile(string Source, IReadOnlyList<PatternRule> Rules);

    private sealed record PatternRule(string Rule, string Pattern, string? Flags, IReadOnlyList<PatternCase> Tests);

    private sealed record PatternCase(string Data, bool Valid);
}
