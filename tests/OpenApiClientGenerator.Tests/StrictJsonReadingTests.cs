using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Reading;
using OpenApiClientGenerator.Testing;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Strict JSON is read by System.Text.Json's reader rather than the YAML parser; it must give what the YAML parser gives,
/// node for node (the same kinds and CLR values), position for position (every key and value) and count for count, and
/// leave to the YAML parser every text it is not sure of, so that errors stay the YAML reading's.
/// </summary>
public sealed class StrictJsonReadingTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Minified = new() { WriteIndented = false };

    /// <summary>Every spec of the repository and of the generated-client tests, as JSON: indented with characters as they are, and minified with non-ASCII escaped.</summary>
    public static IEnumerable<object[]> SpecsAsJson()
        => SpecFiles().SelectMany(path => new[] { true, false }.Select(indented => new object[] { path, indented }));

    public static IEnumerable<object[]> ConformanceFiles()
        => Directory.GetFiles(Repository.PathOf("tests", "conformance", "json-schema-test-suite"), "*.json", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { Path.GetRelativePath(Repository.PathOf(), p) });

    [Theory]
    [MemberData(nameof(SpecsAsJson))]
    public void A_spec_as_json_reads_as_the_yaml_parser_reads_it(string specPath, bool indented)
    {
        var yaml = File.ReadAllText(Repository.PathOf(specPath));
        var json = SpecDocumentReader.ReadWithYamlParser(yaml, 0).Root!.ToJsonString(indented ? Indented : Minified);

        AssertSameReading(json, depth: 0);
    }

    /// <summary>The vendored JSON Schema suite is JSON as people write it: its own layout, unicode, big and odd numbers.</summary>
    [Theory]
    [MemberData(nameof(ConformanceFiles))]
    public void A_json_file_as_written_reads_as_the_yaml_parser_reads_it(string path)
    {
        var text = File.ReadAllText(Repository.PathOf(path));

        AssertSameReading(text, depth: 0);
        AssertSameReading(JsonNode.Parse(text)!.ToJsonString(Indented), depth: 0);
    }

    [Theory]
    [InlineData("{\"a\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u001f \\u00e9 \\u2028 \\uffff\"}")]
    [InlineData("{\"\\ud83d\\ude00 key\": \"\\ud83d\\ude00\", \"raw \ud83d\ude00\": \"x\ud83d\ude00y\u00e9\u4e2d\"}")]
    [InlineData("{\"k\\u0041\\n\": 1, \"~/\": {\"/~\": [\"a~1b\"]}, \"a~2b\": {\"~01\": [[0], {\"\": 1}]}, \"\": {\"\": []}}")]
    [InlineData("[1e400, -1e400, 1E-400, 12345678901234567890, -12345678901234567890, 123456789012345678901234567890123]")]
    [InlineData("[-0, 0, -0.0, 1.0, 1, 1.10, 0.1, 1e2, 1E+2, 2.5e-3, 9223372036854775807, 9223372036854775808, -9223372036854775809]")]
    [InlineData("[0.1000000000000000000000000000001, 79228162514264337593543950336, 1.7976931348623157e308, 5e-324]")]
    [InlineData("[true, false, null, \"true\", \"null\", \"1\", \"0x1F\", \"~\", \".inf\", \"\", [], {}, [[]], {\"\": {}}]")]
    [InlineData("\uFEFF{\"bom\": \"\u00e9\", \"after\": [1]}")]
    [InlineData("{\r\n\t\"crlf\":\r\n\t\t[\r\n\t\t\t1 ,\r\n\t\t\t2\r\n\t\t]\r\n}\r\n")]
    [InlineData("{\r\"cr\":\r1\r}")]
    [InlineData("{\"a\"\n:\n1, \"b\"   :   2 }")]
    [InlineData("{\"nel\u0085ls\u2028ps\u2029\": \"a\u0085b\u2028c\u2029d\", \"n\": [\n1]}")]
    [InlineData("{\"private use \ue000\ue001\": \"\ue000 and \u2028\"}")]
    [InlineData("  \n [ \"root is a sequence\" ] \n\n ")]
    public void Tricky_json_reads_as_the_yaml_parser_reads_it(string text)
        => AssertSameReading(text, depth: 0);

    /// <summary>Each character, in a key and in a value, raw and escaped, reads as the YAML parser reads it, or is left to it.</summary>
    [Fact]
    public void Every_character_reads_as_the_yaml_parser_reads_it()
    {
        var mismatches = new List<string>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var character = ((char)c).ToString();
            var escaped = "\\u" + c.ToString("x4", CultureInfo.InvariantCulture);
            var raw = c is '"' or '\\' ? "\\" + character : character;
            foreach (var text in new[] { "{\"k" + raw + "\": \"v" + raw + "\"}", "{\"k" + escaped + "\": [\"v" + escaped + "\"]}" })
            {
                if (!SameReading(SpecDocumentReader.ReadWithYamlParser(text, 0), SpecDocumentReader.Read(text)))
                {
                    mismatches.Add(escaped + " in " + text);
                }
            }
        }

        Assert.Empty(mismatches);
    }

    /// <summary>A text the fast path is not sure of goes to the YAML parser, whose message and position are the diagnostic's.</summary>
    [Theory]
    [InlineData("{\"a\": 1, // a comment\n \"b\": 2}")]
    [InlineData("{\"a\": 1, # a comment\n \"b\": 2}")]
    [InlineData("{\"a\": [1, 2,], \"b\": 2}")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\": NaN}")]
    [InlineData("{\"a\": .inf}")]
    [InlineData("{'a': 'single'}")]
    [InlineData("{\"a\": \"\\ud800\"}")]
    [InlineData("{\"a\\udc00\": 1}")]
    [InlineData("{\"a\": \"\\x41\"}")]
    [InlineData("{\"a\": \"tab\tinside\"}")]
    [InlineData("{\"a\": \"line\nbreak\"}")]
    [InlineData("{\"a\": 1, \"a\": 2}")]
    [InlineData("{\n  \"paths\": {\n    \"/a\": {\n      \"get\": {},\n      \"get\": {}\n    }\n  }\n}\n")]
    [InlineData("{\"a\": 01}")]
    [InlineData("{\"a\": +1}")]
    [InlineData("{\"a\": 1.}")]
    [InlineData("{\"a\": 0x1F}")]
    [InlineData("{\"a\": True}")]
    [InlineData("{\"a\": plain}")]
    [InlineData("{a: 1}")]
    [InlineData("{\"a\": 1")]
    [InlineData("{\"a\": [1, 2}")]
    [InlineData("{\"a\": 1}}")]
    [InlineData("{\"a\": 1}\n---\n{\"b\": 2}")]
    [InlineData("{\"a\": 1} trailing")]
    [InlineData("{\"a\": !!str 1}")]
    [InlineData("{\"a\": &anchor {}, \"b\": *anchor}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\":\u00a01}")]
    public void A_text_that_is_not_strict_json_is_left_to_the_yaml_parser(string text)
    {
        Assert.Null(SpecDocumentReader.ReadStrictJson(text, 0));
        AssertSame(SpecDocumentReader.ReadWithYamlParser(text, 0), SpecDocumentReader.Read(text));
    }

    /// <summary>Built here, as a theory's string data would turn a lone surrogate into U+FFFD.</summary>
    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDFFF)]
    public void A_lone_surrogate_in_the_text_is_left_to_the_yaml_parser(int surrogate)
        => A_text_that_is_not_strict_json_is_left_to_the_yaml_parser("{\"a\": \"raw" + (char)surrogate + "\"}");

    /// <summary>A fragment's depth, how many collections its text nests, and whether that is within the limit.</summary>
    public static IEnumerable<object[]> DepthLimits()
        => [[0, 256, true], [0, 257, false], [3, 253, true], [3, 254, false]];

    /// <summary>The depth limit counts from the spec's root, also in a fragment: up to it the fast path reads, past it the YAML parser fails.</summary>
    [Theory]
    [MemberData(nameof(DepthLimits))]
    public void The_depth_limit_is_the_yaml_readings(int depth, int collections, bool readsFast)
    {
        var text = new string('[', collections - 1) + "{\"a\": 1}" + new string(']', collections - 1);

        Assert.Equal(readsFast, SpecDocumentReader.ReadStrictJson(text, depth) is not null);
        var reading = SpecDocumentReader.ReadFragment(text, depth);
        AssertSame(SpecDocumentReader.ReadWithYamlParser(text, depth), reading);
        Assert.Equal(readsFast, reading.Error is null);
    }

    [Fact]
    public void The_node_limit_is_the_yaml_readings()
    {
        var items = string.Join(",", Enumerable.Repeat("0", SpecDocumentReader.MaxNodes - 1));
        var atLimit = "[" + items + "]";
        var pastLimit = "[" + items + ",0]";

        Assert.Equal(SpecDocumentReader.MaxNodes, SpecDocumentReader.ReadStrictJson(atLimit, 0)!.NodeCount);
        Assert.Null(SpecDocumentReader.ReadStrictJson(pastLimit, 0));
        Assert.Equal("Document is too large or too deeply nested", SpecDocumentReader.Read(pastLimit).Error!.Message);
    }

    /// <summary>Reads <paramref name="text"/> both ways; the fast path must take it.</summary>
    private static void AssertSameReading(string text, int depth)
    {
        var fast = SpecDocumentReader.ReadStrictJson(text, depth);
        Assert.NotNull(fast);
        AssertSame(SpecDocumentReader.ReadWithYamlParser(text, depth), fast);
    }

    /// <summary>The same tree (with the CLR type of every value), node count, error, and position of every key and value, and of pointers near them.</summary>
    internal static void AssertSame(SpecDocument expected, SpecDocument actual)
    {
        Assert.Equal(expected.Error, actual.Error);
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(Describe(expected.Root), Describe(actual.Root));
        foreach (var pointer in expected.Root is null ? [] : SpecPointers.Every(expected.Root).SelectMany(WithNear))
        {
            Assert.Equal((pointer, SpecPointers.Position(expected.Map.TryGetPosition, pointer)), (pointer, SpecPointers.Position(actual.Map.TryGetPosition, pointer)));
            Assert.Equal((pointer, SpecPointers.Position(expected.Map.TryGetKeyPosition, pointer)), (pointer, SpecPointers.Position(actual.Map.TryGetKeyPosition, pointer)));
        }
    }

    /// <summary>A pointer, and pointers near it that name no node (a non-canonical index or escape), which both readings must miss.</summary>
    private static IEnumerable<string> WithNear(string pointer)
        => new[] { pointer, pointer + "/00", pointer + "/01", pointer + "/-1", pointer + "/missing", pointer + "/", pointer.Replace("~0", "~"), pointer.Replace("~1", "/") }.Distinct();

    private static bool SameReading(SpecDocument expected, SpecDocument actual)
    {
        try
        {
            AssertSame(expected, actual);
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    /// <summary>The tree with the CLR type of every value, so that a decimal 1 and a long 1 (or a string "1") differ.</summary>
    private static string Describe(JsonNode? node)
    {
        var description = new StringBuilder();
        Describe(node, description);
        return description.ToString();
    }

    private static void Describe(JsonNode? node, StringBuilder description)
    {
        switch (node)
        {
            case null:
                description.Append("null");
                break;
            case JsonObject mapping:
                description.Append('{');
                foreach (var (name, member) in mapping)
                {
                    description.Append(JsonSerializer.Serialize(name)).Append(':');
                    Describe(member, description);
                    description.Append(',');
                }

                description.Append('}');
                break;
            case JsonArray sequence:
                description.Append('[');
                foreach (var item in sequence)
                {
                    Describe(item, description);
                    description.Append(',');
                }

                description.Append(']');
                break;
            case JsonValue value:
                var clrValue = value.GetValue<object>();
                description.Append(clrValue.GetType().Name).Append('(')
                    .Append(clrValue is string text ? string.Join(" ", text.Select(c => ((int)c).ToString("x", CultureInfo.InvariantCulture))) : value.ToJsonString())
                    .Append(')');
                break;
        }
    }

    internal static IEnumerable<string> SpecFiles()
        => GeneratorHarness.RepositorySpecs().Select(s => Path.Combine("specs", Path.GetFileName(s.Path)))
            .Concat(Directory.GetFiles(Repository.PathOf("tests", "GeneratedClients.Tests", "specs"), "*.yaml")
                .Select(p => Path.GetRelativePath(Repository.PathOf(), p)))
            .OrderBy(p => p, StringComparer.Ordinal);

}
