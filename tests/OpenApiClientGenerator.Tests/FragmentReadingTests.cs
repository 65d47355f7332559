using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// A JSON spec is read in fragments (each path item, each webhook, each component, the skeleton); put back together they must give
/// what a reading of the whole text gives, node for node and position for position, or nothing at all.
/// </summary>
public sealed class FragmentReadingTests
{
    public static IEnumerable<object[]> RepositorySpecsAsJson()
        => GeneratorHarness.RepositorySpecs().SelectMany(spec => new[] { true, false }.Select(indented => new object[] { Path.GetFileName(spec.Path), indented }));

    [Theory]
    [MemberData(nameof(RepositorySpecsAsJson))]
    public void A_json_spec_read_in_fragments_gives_the_tree_and_every_position_of_a_whole_reading(string specName, bool indented)
    {
        var yaml = GeneratorHarness.RepositorySpecs().Single(s => Path.GetFileName(s.Path) == specName).GetText()!.ToString();
        var json = SpecDocumentReader.Read(yaml).Root!.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });

        var fragments = SpecFragmenter.Split("spec.openapi.json", json);
        var reads = fragments.Select(FragmentRead.Read).ToList();
        var assembled = SpecFragmenter.Assemble(new LineIndex(json), reads, reads.Select(r => r.Document.Root?.DeepClone()).ToList());
        var whole = SpecDocumentReader.Read(json);

        Assert.True(fragments.Count > 1, "The JSON spec was not split.");
        Assert.NotNull(assembled);
        Assert.True(JsonNode.DeepEquals(whole.Root, assembled!.Root), "The fragments put together differ from the whole reading.");
        foreach (var pointer in SpecPointers.Every(whole.Root!))
        {
            Assert.Equal(SpecPointers.Position(whole.Map.TryGetPosition, pointer), SpecPointers.Position(assembled.Map.TryGetPosition, pointer));
            Assert.Equal(SpecPointers.Position(whole.Map.TryGetKeyPosition, pointer), SpecPointers.Position(assembled.Map.TryGetKeyPosition, pointer));
        }
    }

    /// <summary>
    /// A parse places the cached checked trees of the fragments in its spec instead of copies, where nothing after the
    /// checks changes them: two parses of the same readings, one after the other and two at once (as an IDE runs them),
    /// give what a parse of fresh readings gives, and leave the cached trees as the checks made them. The inline spec
    /// has what changes a fragment after the checks: an inner reference, a reference to a parameter's schema, an API
    /// Gateway placeholder, and an operation that a tag selection leaves out.
    /// </summary>
    [Theory]
    [MemberData(nameof(RepositorySpecsAsJson))]
    [InlineData("changing", true)]
    [InlineData("changing, a key escaped", false)]
    public void Parses_that_share_the_checked_fragments_leave_them_as_they_were(string specName, bool indented)
    {
        const string Changing = """
            {"openapi": "3.0.3", "info": {"title": "Changing", "version": "1"},
             "paths": {
               "/a": {"get": {"tags": ["kept"], "operationId": "getA", "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 0}}],
                              "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Box/properties/inner"}}}}}}},
               "/c": {"get": {"tags": ["kept"], "operationId": "getC", "responses": {"204": {"description": "none"}}},
                      "post": {"tags": ["other"], "operationId": "postC", "responses": {"204": {"description": "none"}}}},
               "/b": {"get": {"tags": ["kept"], "operationId": "getB", "parameters": [{"$ref": "#/components/parameters/Ids"}],
                              "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/parameters/Ids"}}}}}}}}
             },
             "components": {
               "schemas": {"Box": {"type": "object", "properties": {"inner": {"type": "object", "properties": {"n": {"type": "integer"}}}}}},
               "parameters": {"Ids": {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "integer"}}}}
             },
             "x-webhooks": {"shipped": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Box"}}}}, "responses": {"200": {"description": "ok"}}}}}}
            """;
        // Spelled with an escape, the API Gateway's placeholder key is not what a search of the text finds.
        var text = specName == "changing, a key escaped"
            ? Changing.Replace("\"/b\":", """
                "/d": {"get": {"tags": ["kept"], "operationId": "getD", "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "max\u004cength": 0}}],
                               "responses": {"204": {"description": "none"}}}},
                "/b":
                """)
            : specName == "changing"
            ? JsonNode.Parse(Changing)!.ToJsonString(new JsonSerializerOptions { WriteIndented = indented })
            : SpecDocumentReader.Read(GeneratorHarness.RepositorySpecs().Single(s => Path.GetFileName(s.Path) == specName).GetText()!.ToString()).Root!
                .ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
        var options = specName.StartsWith("changing", StringComparison.Ordinal) ? new SpecOptions(null, null, null, SpecSelection.FromMetadata(name => name == "OpenApiIncludeTags" ? "kept" : null)) : new SpecOptions(null, null, null);
        var input = new SpecInput("spec.openapi.json", text, options);
        var read = SpecFragmenter.Read(input);
        var expected = SpecParser.ParseRead(new SpecRead(input, FragmentChecks.CheckAll([FragmentRead.Read(new SpecFragment(input.Path, string.Empty, 0, text))])));

        var first = SpecParser.ParseRead(read);
        var second = SpecParser.ParseRead(read);
        var atOnce = new SpecParseResult[4];
        System.Threading.Tasks.Parallel.For(0, atOnce.Length, i => atOnce[i] = SpecParser.ParseRead(read));

        Assert.True(read.Fragments.Count > 1, "The JSON spec was not split.");
        Assert.NotNull(expected.Spec);
        Assert.All(new[] { first, second }.Concat(atOnce), result =>
        {
            Assert.Equal(expected.Diagnostics, result.Diagnostics);
            Assert.Equal(expected.Spec, result.Spec);
        });
        var fresh = SpecFragmenter.Read(input).Fragments;
        Assert.All(read.Fragments.Zip(fresh), pair => Assert.True(
            JsonNode.DeepEquals(pair.Second.Tree, pair.First.Tree) && pair.First.Tree?.Parent is null,
            $"The checked tree of {pair.First.Read.Fragment.Pointer} was changed by a parse."));
    }

    /// <summary>
    /// Each webhook is a fragment of its own, as each path item is, so that the skeleton a parse copies stays small
    /// (GitHub has 218): read in fragments, a spec with webhooks (OpenAPI 3.1's, checked as path items, and the
    /// <c>x-webhooks</c> extension, which the checks leave alone) gives the diagnostics and the model of a whole reading.
    /// </summary>
    [Theory]
    [InlineData("true", false)]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public void Webhooks_are_fragments_and_give_what_a_whole_reading_gives(string? webhooks, bool broken)
    {
        const string Broken = """
                "broken": {"post": {"parameters": ["not a parameter"], "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}}, "responses": {"200": {"description": "ok"}}}},
            """;
        var text = """
            {
              "openapi": "3.1.0",
              "info": {"title": "Hooks", "version": "1"},
              "paths": {"/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Box"}}}}}}}},
              "webhooks": {
            """ + "\n" + (broken ? Broken + "\n" : string.Empty) + """
                "shipped": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Box"}}}}, "responses": {"200": {"description": "ok"}}}}
              },
              "x-webhooks": {"legacy": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Box"}}}}, "responses": {"200": {"description": "ok"}}}}},
              "components": {"schemas": {"Box": {"type": "object", "properties": {"n": {"type": "integer"}}}}}
            }
            """;
        var input = new SpecInput("spec.openapi.json", text, new SpecOptions(null, null, null, Webhooks: WebhookSelection.FromMetadata(webhooks)));

        var split = SpecParser.Parse(input);
        var whole = SpecParser.ParseRead(new SpecRead(input, FragmentChecks.CheckAll([FragmentRead.Read(new SpecFragment(input.Path, string.Empty, 0, text))])));

        Assert.Equal(
            new[] { string.Empty, "/paths/~1a" }.Concat(broken ? ["/webhooks/broken"] : []).Concat(["/webhooks/shipped", "/x-webhooks/legacy", "/components/schemas/Box"]),
            SpecFragmenter.Split(input.Path, text).Select(f => f.Pointer));
        Assert.Equal(broken, whole.Diagnostics.Any(d => d.Id == "OAG002" && d.Location!.StartLine == 5));
        Assert.Equal(broken, whole.Diagnostics.Any(d => d.Id == "OAG004" && d.Location!.StartLine == 5));
        Assert.Equal(!broken, whole.Spec is not null);
        Assert.Equal(whole.Diagnostics, split.Diagnostics);
        Assert.Equal(whole.Spec, split.Spec);
    }

    [Theory]
    [InlineData("openapi: 3.0.3\npaths: {}\n")]
    [InlineData("{\"openapi\": \"3.0.3\", # a comment\n \"paths\": {\"/a\": {}}}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"x\": 'single-quoted'}}}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"get\": {}}}")]
    [InlineData("{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"x\": \"a\u2028b\"}}}")]
    [InlineData("{\"paths\": {\"/a\": {\"x\": ---}}}")]
    [InlineData("{\"paths\": {\"/a\\ud800\": {}}}")]
    [InlineData("{\"paths\": {\"/a\": {\"x\": \"a line\nbreak\"}}}")]
    [InlineData("{\"paths\": {\"/a\": {\"x\": \"a\rb\"}}}")]
    [InlineData("{\"paths\": {\"/a\": {\"x\": \"unterminated")]
    [InlineData("{\"paths\": {\"/a\": {\"x\": \"unterminated\\")]
    public void A_text_that_is_not_plain_json_is_one_fragment_read_whole(string text)
        => Assert.Equal([string.Empty], SpecFragmenter.Split("spec.openapi.json", text).Select(f => f.Pointer));

    /// <summary>Positions count lines as Roslyn does: CR, LF, CRLF, NEL, LS and PS each end one line; a CR before an LF does not.</summary>
    [Fact]
    public void Lines_end_at_every_line_break_roslyn_knows()
    {
        const string Text = "a\rb\nc\r\nd\u0085e\u2028f\u2029g\r\rh\n";
        var lines = new LineIndex(Text);

        var expected = Microsoft.CodeAnalysis.Text.SourceText.From(Text).Lines;
        for (var offset = 0; offset <= Text.Length; offset++)
        {
            var line = expected.GetLinePosition(offset);
            Assert.Equal((line.Line, line.Character), lines.LineAndColumn(offset));
        }

        Assert.Equal((9, 0), lines.LineAndColumn(Text.Length));
    }

    /// <summary>
    /// A text of many lines, whose line starts the index keeps in several blocks (4,096 a block), places every offset on
    /// the line Roslyn does: in the first and the last block, at each block's edges, and past the text's end; whether the
    /// split found the lines or the index counted them.
    /// </summary>
    [Fact]
    public void Lines_past_many_blocks_of_line_starts_are_placed_as_roslyn_places_them()
    {
        string[] lineBreaks = ["\n", "\r\n", "\r"];
        var items = Enumerable.Range(0, 10_000).Select(i => lineBreaks[i % 3] + new string(' ', i % 7) + i.ToString(CultureInfo.InvariantCulture));
        var text = "{\"paths\": {\"/a\": {\"x\": [" + string.Join(",", items) + "]}}}\n";

        Assert.Equal(2, SpecFragmenter.Split("spec.openapi.json", text).Count);
        var expected = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;
        Assert.Equal(10_002, expected.Count);
        foreach (var lines in new[] { LineIndex.Of(text), new LineIndex(text) })
        {
            for (var offset = 0; offset <= text.Length; offset++)
            {
                var line = expected.GetLinePosition(offset);
                Assert.Equal((line.Line, line.Character), lines.LineAndColumn(offset));
            }
        }
    }

    /// <summary>The split finds the lines of a JSON text as it scans it (<see cref="LineIndex.Of"/>): LF, CR and CRLF, in whitespace anywhere in the text.</summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void The_lines_the_split_finds_are_those_of_the_text(string lineBreak)
    {
        var text = "{\"openapi\": \"3.0.3\",\n    \"paths\": {\n\r\n        \"/a\": {\"x\": [1,\n 2]},\r        \"/b\": {}\n  }\n}\r\n\n".Replace("\n", lineBreak, StringComparison.Ordinal);

        Assert.Equal(3, SpecFragmenter.Split("spec.openapi.json", text).Count);
        var found = LineIndex.Of(text);
        var counted = new LineIndex(text);
        Assert.NotSame(counted, found);
        for (var offset = 0; offset <= text.Length; offset++)
        {
            Assert.Equal(counted.LineAndColumn(offset), found.LineAndColumn(offset));
        }
    }

    /// <summary>
    /// The split compares a line's indentation with the line before's at once: lines more, less and as much indented,
    /// with tabs, CRs and blank lines among them, and keys parted from their colons and values, give the same pieces,
    /// and the line starts the scan notes on the way are those of the text.
    /// </summary>
    [Theory]
    [InlineData("{\n  \"paths\": {\n    \"/a\": {\n      \"x\": 1\n    },\n    \"/b\": {}\n  }\n}\n")]
    [InlineData("{\n  \"paths\": {\n        \"/a\": {\n  \"x\": 1\n            },\n\n\n \"/b\": {}\n  }\n}")]
    [InlineData("{\r\n\t\"paths\": {\r\n\t\t\"/a\": {\r\n\t\t\t\"x\": 1\r\n\t\t},\r\n \t \"/b\": {}\r\n\t}\r\n}\r\n")]
    [InlineData("{\"paths\":{\"/a\":{\"x\":1},\"/b\":{}}}")]
    [InlineData("{\"paths\" :\n {\"/a\"\n  :  {\"x\"\n    :\n1 }  ,\"/b\" : {}}}")]
    [InlineData("{\n  \"paths\": {\n    \"/a\": {\n      \"x\": \"  \\\"\\n  {[\",\n      \"y\": [\n        \"}\"\n      ]\n    },\n    \"/b\": {}\n  }\n}")]
    public void Whitespace_of_every_shape_between_the_tokens_leaves_the_pieces_as_they_are(string text)
    {
        var fragments = SpecFragmenter.Split("spec.openapi.json", text);

        Assert.Equal([string.Empty, "/paths/~1a", "/paths/~1b"], fragments.Select(f => f.Pointer));
        Assert.Equal("{}", fragments[2].Text.ToString());
        Assert.Equal(JsonNode.Parse(text)!["paths"]!["/a"]!.ToJsonString(), JsonNode.Parse(fragments[1].Text.ToString())!.ToJsonString());
        var found = LineIndex.Of(text);
        var counted = new LineIndex(text);
        for (var offset = 0; offset <= text.Length; offset++)
        {
            Assert.Equal(counted.LineAndColumn(offset), found.LineAndColumn(offset));
        }
    }

    /// <summary>A character that is not JSON where the line before has its indentation, or past it, is found as in any other place.</summary>
    [Theory]
    [InlineData("{\n  \"paths\": {\n    \"/a\": {\n      \"x\": 1,\n   #  \"y\": 2\n    }\n  }\n}")]
    [InlineData("{\n  \"paths\": {\n    \"/a\": {\n      \"x\": 1,\n      \"y\": 2,\n     '\"z\": 3\n    }\n  }\n}")]
    [InlineData("{\n  \"paths\": {\n    \"/a\": {\n      \"x\": 1,\n        # \"y\": 2\n    }\n  }\n}")]
    [InlineData("{\n  \"paths\": {\n    \"/a\": {\n      \"x\": 1,\n\u00a0     \"y\": 2\n    }\n  }\n}")]
    public void A_stray_character_in_an_indentation_makes_the_text_one_fragment(string text)
        => Assert.Equal([string.Empty], SpecFragmenter.Split("spec.openapi.json", text).Select(f => f.Pointer));

    /// <summary>
    /// A backslash before a line break in a string is no JSON, but YAML reads it: the spec is then read whole, and the
    /// positions after that line are those of the text's own lines (the split's scan, which skipped the escaped
    /// character, once left that line out).
    /// </summary>
    [Fact]
    public void A_line_break_escaped_in_a_string_counts_as_a_line()
    {
        const string Text = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"a\\\nb\", \"version\": \"1\"},\n  \"paths\": {\n    \"/a\": {\"get\": {\"parameters\": [\"not a parameter\"], \"responses\": {\"200\": {\"description\": \"ok\"}}}}\n  }\n}\n";
        var input = new SpecInput("spec.openapi.json", Text, new SpecOptions(null, null, null));

        var result = SpecParser.Parse(input);

        var expectedLine = Microsoft.CodeAnalysis.Text.SourceText.From(Text).Lines.GetLinePosition(Text.IndexOf("\"not a parameter\"", StringComparison.Ordinal)).Line;
        Assert.Equal(5, expectedLine);
        Assert.Single(result.Diagnostics, d => d.Location!.StartLine == expectedLine);
        Assert.All(result.Diagnostics, d => Assert.NotEqual(expectedLine - 1, d.Location!.StartLine));
    }

    /// <summary>
    /// A fragment is a slice of the spec's text, equal to another of the same characters wherever it stands, and gets a
    /// copy of its own when read: the fragments the pipeline keeps do not keep the texts of past runs alive.
    /// </summary>
    [Fact]
    public void A_fragment_is_a_slice_of_the_text_until_it_is_read()
    {
        const string Text = "{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"x\": 1}, \"/b\": {\"x\": 1}}}";
        var fragments = SpecFragmenter.Split("spec.openapi.json", Text);
        var edited = SpecFragmenter.Split("spec.openapi.json", Text.Replace("\"3.0.3\"", "\"3.0.4\"", StringComparison.Ordinal));

        Assert.Equal(fragments[1].Text, fragments[2].Text);
        Assert.Equal(fragments[1].Text.GetHashCode(), fragments[2].Text.GetHashCode());
        Assert.Equal(fragments.Skip(1), edited.Skip(1));
        Assert.NotEqual(fragments[0], edited[0]);
        Assert.NotEqual(fragments[1], fragments[2]);

        var read = FragmentRead.Read(edited[1]).Fragment.Text.ToString();
        Assert.Equal("{\"x\": 1}", read);
        Assert.Same(read, edited[1].Text.ToString());
        Assert.Equal(fragments[1].Text, edited[1].Text);
        Assert.NotEqual(fragments[1].Text, new FragmentText("{\"x\": 2}", 0, 8));
    }

    /// <summary>The split searches each string for its end: an escaped quote or backslash, or a bracket inside a string, ends nothing.</summary>
    [Fact]
    public void Escapes_and_brackets_inside_strings_leave_the_pieces_whole()
    {
        const string PathItem = "{\"x\": \"q\\\\\\\"}]\", \"y\": [\"\\\\\"]}";
        const string Text = "{\"openapi\": \"3.0.3 \\\"}\", \"paths\": {\"/a\\\"b\": " + PathItem + ", \"/c\": {}}}";

        var fragments = SpecFragmenter.Split("spec.openapi.json", Text);

        Assert.Equal([string.Empty, "/paths/~1a\"b", "/paths/~1c"], fragments.Select(f => f.Pointer));
        Assert.Equal([PathItem, "{}"], fragments.Skip(1).Select(f => f.Text.ToString()));
        Assert.Equal("{\"openapi\": \"3.0.3 \\\"}\", \"paths\": {\"/a\\\"b\": {}, \"/c\": {}}}", fragments[0].Text.ToString());
    }

    /// <summary>A duplicate key inside a path item fails its fragment: the spec is read whole, and the error is the whole reading's.</summary>
    [Fact]
    public void A_fragment_that_fails_to_read_gives_the_diagnostic_of_the_whole_reading()
    {
        const string Text = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"T\", \"version\": \"1\" },\n  \"paths\": {\n    \"/a\": {\n      \"get\": {},\n      \"get\": {}\n    }\n  }\n}\n";
        var fragments = SpecFragmenter.Split("spec.openapi.json", Text);
        Assert.Equal([string.Empty, "/paths/~1a"], fragments.Select(f => f.Pointer));
        var reads = fragments.Select(FragmentRead.Read).ToList();
        Assert.Null(SpecFragmenter.Assemble(new LineIndex(Text), reads, reads.Select(r => r.Document.Root?.DeepClone()).ToList()));

        var result = SpecParser.Parse(new SpecInput("spec.openapi.json", Text, new SpecOptions(null, null, null)));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("OAG001", 6, 6), (error.Id, error.Location!.StartLine, error.Location.StartColumn));
        Assert.Contains("Duplicate key 'get'", string.Join(" ", error.MessageArgs), StringComparison.Ordinal);
    }

    /// <summary>A string JSON's reader refuses (an escaped lone surrogate, found by the fuzz tests) must not stop the split or crash it.</summary>
    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff\\u2197")]
    public void A_value_json_cannot_unescape_gives_the_diagnostics_of_the_whole_reading(string escaped)
    {
        var text = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"T\", \"version\": \"1\" },\n  \"paths\": {\n    \"/a\": { \"description\": \"" + escaped + "\" }\n  }\n}\n";
        var input = new SpecInput("spec.openapi.json", text, new SpecOptions(null, null, null));

        var split = SpecParser.Parse(input);
        var whole = SpecParser.ParseRead(new SpecRead(input, FragmentChecks.CheckAll([FragmentRead.Read(new SpecFragment(input.Path, string.Empty, 0, text))])));

        Assert.Equal(2, SpecFragmenter.Split(input.Path, text).Count);
        Assert.Equal(whole.Diagnostics, split.Diagnostics);
        Assert.Equal(whole.Spec, split.Spec);
    }

}
