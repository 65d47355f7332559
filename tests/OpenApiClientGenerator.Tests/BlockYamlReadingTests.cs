using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenApiClientGenerator.Reading;
using OpenApiClientGenerator.Testing;
using Xunit;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// The YAML specs are written in is read without YamlDotNet's scanner; it must give what the YAML parser gives, node for
/// node, position for position and count for count, and leave to the YAML parser every text it is not sure of, so that
/// errors and the rarer syntax stay the YAML reading's.
/// </summary>
public sealed class BlockYamlReadingTests
{
    public static IEnumerable<object[]> YamlSpecs()
        => StrictJsonReadingTests.SpecFiles()
            .Concat(Directory.GetFiles(Repository.PathOf("output-samples", "snapshots"), "*.yaml", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Repository.PathOf(), p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new object[] { p });

    /// <summary>Every YAML spec of the repository takes the fast path: a spec that fell back to YamlDotNet would cost the reading four times as much.</summary>
    [Theory]
    [MemberData(nameof(YamlSpecs))]
    public void A_yaml_spec_reads_as_the_yaml_parser_reads_it(string specPath)
        => AssertSameReading(File.ReadAllText(Repository.PathOf(specPath)));

    /// <summary>Each line of a curated spec removed, indented, unindented, doubled, or given a comment or a colon: read as the YAML parser reads it, or left to it.</summary>
    [Fact]
    public void A_spec_with_a_line_changed_reads_as_the_yaml_parser_reads_it_or_is_left_to_it()
    {
        var lines = File.ReadAllText(Repository.PathOf("specs", "gaussdb-opengauss.openapi.yaml")).Split('\n');
        var changes = new Func<List<string>, int, bool>[]
        {
            (copy, i) => { copy.RemoveAt(i); return true; },
            (copy, i) => { copy[i] = " " + copy[i]; return true; },
            (copy, i) => { copy[i] = copy[i].StartsWith(' ') ? copy[i].Substring(1) : copy[i]; return true; },
            (copy, i) => { copy.Insert(i, copy[i]); return true; },
            (copy, i) => { copy.Insert(i, string.Empty); return true; },
            (copy, i) => { copy[i] += " # note"; return true; },
            (copy, i) => { copy[i] += ":"; return true; },
        };
        var read = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var change in changes)
            {
                var copy = lines.ToList();
                change(copy, i);
                var text = string.Join("\n", copy);
                if (SpecDocumentReader.ReadBlockYaml(text, 0) is { } fast)
                {
                    read++;
                    StrictJsonReadingTests.AssertSame(SpecDocumentReader.ReadWithYamlParser(text, 0), fast);
                }
            }
        }

        // Most changes leave valid YAML that the fast path reads; the test would prove nothing if it left them all.
        Assert.True(read > lines.Length * 3, $"{read} of {lines.Length * changes.Length} changed texts read");
    }

    [Theory]
    [InlineData("a: |\n  line1\n\n  line3\n   more\n  last\n\n\nb: >\n  folded\n  text\n\n  para\n    indented\n  back\n\nc: |-\n  strip\n\nd: |+\n  keep\n\n\ne: >-\n  x\n  y\nf: end\n")]
    [InlineData("a: plain\n  continued\n\n  after blank\nb: \"dq \\\" \\\\ \\n \\t \\u00e9 x\"\nc: 'sq '' it'\nd: 'multi\n  line\n\n  para'\ne: \"multi\n  dq\"\n")]
    [InlineData("f: -1\ng: -x\nh: 1.0\ni: 0x1F\nj: ~\nk: .inf\nl: true\nm: 1e5\nn: 12345678901234567890123\no: null\np: NO\nq: 0o17\nr: +5\ns: 中文 text\n")]
    [InlineData("list:\n- a\n- b: 1\n  c: 2\n- [x, y, {z: 1}]\n- {a: [1, 2], \"b c\" : 'd'}\nempty: []\nobj: {}\nobj2: { }\nk: v # comment\n# full comment\n  # indented comment\nz: \"q\" # c\n")]
    [InlineData("ex:\n  {\n    \"a\" : 1,\n    \"b\" : [ {\n      \"c\" : \"d\"\n    } ],\n    \"e\" : true\n  }\nnext: 1\n")]
    [InlineData("a: x:y\nb: http://x.y/z?q=1#frag\nc: a #b\nd: a#b\n")]
    [InlineData("a: >\n  x\n  # not a comment\n  y\n# a comment\nb: 1\n")]
    [InlineData("a:\n  - x\n  - \"y\"\n  - |\n    lit\n  - >-\n    fold\n  - [1]\nb:\n  c: |\n    deep\n  d: e\n")]
    [InlineData("a:\n  \"quoted value\"\nb:\n  [1]\nc:\n  plain\n  two\nd:\n- x\ne: ''\nf: \"\"\ng: ' x '\n")]
    [InlineData("\n\n# comment\na:   spaced   \nb:    \"x\"   \nc: x")]
    public void Yaml_as_specs_write_it_reads_as_the_yaml_parser_reads_it(string text)
        => AssertSameReading(text);

    /// <summary>A text the fast path is not sure of goes to the YAML parser, whose message and position are the diagnostic's.</summary>
    [Theory]
    [InlineData("a: &anchor {b: 1}\nc: *anchor\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("? complex\n: x\n")]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a: [1, 2,]\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: |2\n   x\n")]
    [InlineData("a: >\n\n  x\n")]
    [InlineData("a: |\n  x")]
    [InlineData("a: \"x\\\n  y\"\n")]
    [InlineData("a: \"\\x41\"\n")]
    [InlineData("a: x\n  y: z\n")]
    [InlineData("a: b\n c: d\n")]
    [InlineData("a: [ \"x\",\n\"y\"]\n")]
    [InlineData("a:\n  - - x\n")]
    [InlineData("a: - b\n")]
    [InlineData("a: 'open\n")]
    [InlineData("{\"json\": 1,}\n")]
    [InlineData("just a scalar\n")]
    [InlineData("a: \u0085b\n")]
    public void A_text_the_fast_path_is_not_sure_of_is_left_to_the_yaml_parser(string text)
    {
        Assert.Null(SpecDocumentReader.ReadBlockYaml(text, 0));
        StrictJsonReadingTests.AssertSame(SpecDocumentReader.ReadWithYamlParser(text, 0), SpecDocumentReader.Read(text));
    }

    /// <summary>The depth limit counts from the spec's root, also in a fragment: up to it the fast path reads, past it the YAML parser fails.</summary>
    [Theory]
    [MemberData(nameof(StrictJsonReadingTests.DepthLimits), MemberType = typeof(StrictJsonReadingTests))]
    public void The_depth_limit_is_the_yaml_readings(int depth, int collections, bool readsFast)
    {
        var text = string.Concat(Enumerable.Range(0, collections).Select(level => new string(' ', level) + "k:" + (level == collections - 1 ? " 1" : string.Empty) + "\n"));

        Assert.Equal(readsFast, SpecDocumentReader.ReadBlockYaml(text, depth) is not null);
        var reading = SpecDocumentReader.ReadFragment(text, depth);
        StrictJsonReadingTests.AssertSame(SpecDocumentReader.ReadWithYamlParser(text, depth), reading);
        Assert.Equal(readsFast, reading.Error is null);
    }

    private static void AssertSameReading(string text)
    {
        var fast = SpecDocumentReader.ReadBlockYaml(text, 0);
        Assert.NotNull(fast);
        StrictJsonReadingTests.AssertSame(SpecDocumentReader.ReadWithYamlParser(text, 0), fast);
    }
}
