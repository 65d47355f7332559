using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.MergeSamples;
using HuaweiCloud.ModelArts;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// JSON merge patch (RFC 7396) bodies: an unset member is left out, a member set to null is written as null, nested
/// objects merge. The examples of RFC 7396 Appendix A that a typed object patch can express are built with the types
/// generated from specs/merge-samples.openapi.yaml and applied with <see cref="MergePatch"/>, the RFC's algorithm.
/// </summary>
public sealed class MergePatchTests
{
    /// <summary>RFC 7396 Appendix A, in order: original, patch, result.</summary>
    private static readonly (string Original, string Patch, string Result)[] AppendixA =
    [
        ("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}"""),
        ("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}"""),
        ("""{"a":"b"}""", """{"a":null}""", """{}"""),
        ("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}"""),
        ("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}"""),
        ("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}"""),
        ("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}"""),
        ("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}"""),
        ("""["a","b"]""", """["c","d"]""", """["c","d"]"""),
        ("""{"a":"b"}""", """["c"]""", """["c"]"""),
        ("""{"a":"foo"}""", "null", "null"),
        ("""{"a":"foo"}""", "\"bar\"", "\"bar\""),
        ("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}"""),
        ("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}"""),
        ("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}"""),
    ];

    /// <summary>The Appendix A patches (numbered from 1) built with the generated patch types.</summary>
    private static readonly Dictionary<int, Func<byte[]>> TypedPatches = new()
    {
        [1] = () => new StringsPatch { A = "c" }.ToJson(),
        [2] = () => new StringsPatch { B = "c" }.ToJson(),
        [3] = () => new StringsPatch { A = null }.ToJson(),
        [4] = () => new StringsPatch { A = null }.ToJson(),
        [5] = () => new StringsPatch { A = "c" }.ToJson(),
        [6] = () => new StringListPatch { A = new[] { "b" } }.ToJson(),
        [7] = () => new NestedPatch { A = new NestedInnerPatch { B = "d", C = null } }.ToJson(),
        [8] = () => new IntegerListPatch { A = new[] { 1 } }.ToJson(),
        [13] = () => new IntegersPatch { A = 1 }.ToJson(),
        [14] = () => new StringsPatch { A = "b", C = null }.ToJson(),
        [15] = () => new DeepPatch { A = new DeepLevel1Patch { Bb = new DeepLevel2Patch { Ccc = null } } }.ToJson(),
    };

    public static TheoryData<int> AppendixANumbers() => new(Enumerable.Range(1, AppendixA.Length));

    public static TheoryData<int> TypedNumbers() => new(TypedPatches.Keys);

    /// <summary>RFC 7396 section 2, over <see cref="JsonNode"/> (where a C# null is JSON null).</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = MergePatch(result.TryGetPropertyValue(name, out var current) ? current?.DeepClone() : null, value);
            }
        }

        return result;
    }

    [Theory]
    [MemberData(nameof(AppendixANumbers))]
    public void The_test_merge_function_gives_the_result_of_every_RFC_7396_appendix_A_example(int number)
    {
        var (original, patch, result) = AppendixA[number - 1];

        JsonAssert.Equal(JsonNode.Parse(result), MergePatch(JsonNode.Parse(original), JsonNode.Parse(patch)));
    }

    [Theory]
    [MemberData(nameof(TypedNumbers))]
    public void An_RFC_7396_example_patch_built_with_generated_types_writes_the_RFC_patch_and_merges_to_the_RFC_result(int number)
    {
        var (original, patch, result) = AppendixA[number - 1];

        var written = TypedPatches[number]();

        JsonAssert.Equal(patch, written);
        JsonAssert.Equal(JsonNode.Parse(result), MergePatch(JsonNode.Parse(original), JsonNode.Parse(written)));
    }

    /// <summary>
    /// The Appendix A patches that are not objects, sent as bodies of operations whose schemas allow them: an array
    /// schema (case 9), an untyped one (10 and 12: anything may replace the object) and a nullable one (11: null removes
    /// the whole target).
    /// </summary>
    private static readonly Dictionary<int, Func<MergeSamplesClient, Task>> SentPatches = new()
    {
        [9] = client => client.PatchTagListAsync(new PatchTagListRequest { Id = "9", Body = ["c", "d"] }),
        [10] = client => client.PatchDocumentAsync(new PatchDocumentRequest { Id = "10", Body = JsonSerializer.SerializeToElement(new[] { "c" }) }),
        [11] = client => client.PatchNullableDocumentAsync(new PatchNullableDocumentRequest { Id = "11", Body = null }),
        [12] = client => client.PatchDocumentAsync(new PatchDocumentRequest { Id = "12", Body = JsonSerializer.SerializeToElement("bar") }),
    };

    public static TheoryData<int> SentNumbers() => new(SentPatches.Keys);

    [Fact]
    public void Every_RFC_example_is_built_with_generated_types_the_object_patches_as_records_the_others_as_bodies()
    {
        var notObjects = Enumerable.Range(1, AppendixA.Length).Where(n => JsonNode.Parse(AppendixA[n - 1].Patch) is not JsonObject);

        Assert.Equal(notObjects, Enumerable.Range(1, AppendixA.Length).Except(TypedPatches.Keys));
        Assert.Equal(notObjects, SentPatches.Keys);
    }

    [Theory]
    [MemberData(nameof(SentNumbers))]
    public async Task An_RFC_7396_example_patch_that_is_not_an_object_is_sent_as_the_body_a_spec_allowing_it_declares(int number)
    {
        var (original, patch, result) = AppendixA[number - 1];
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, original); // any document of the schema: the request is what is checked
        using var http = server.CreateHttpClient();

        await SentPatches[number](new MergeSamplesClient(http));

        var sent = Assert.Single(server.Requests);
        Assert.Equal("application/merge-patch+json", sent.ContentType);
        JsonAssert.Equal(patch, sent.Body);
        JsonAssert.Equal(JsonNode.Parse(result), MergePatch(JsonNode.Parse(original), JsonNode.Parse(sent.Body)));
    }

    [Fact]
    public void A_nullable_merge_patch_body_set_to_null_or_to_a_patch_is_valid()
    {
        Assert.Empty(new PatchNullableDocumentRequest { Id = "11", Body = null }.Validate());
        Assert.Empty(new PatchNullableDocumentRequest { Id = "11", Body = new NullableStringsPatch { A = null } }.Validate());
    }

    [Fact]
    public void An_unset_member_is_absent_and_a_member_set_to_null_is_written_as_null()
    {
        var patch = new TemplatePatch { Version = "1.6.63", Name = null };

        var json = JsonNode.Parse(patch.ToJson())!.AsObject();

        Assert.Equal(["name", "version"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Null, json["name"]?.GetValueKind() ?? JsonValueKind.Null);
        Assert.True(json.ContainsKey("name"));
        Assert.False(json.ContainsKey("inputs"));
        Assert.Equal("{}", JsonAssert.Text(new TemplatePatch().ToJson()));
    }

    [Fact]
    public void A_nested_patch_merges_into_the_plugin_and_leaves_its_other_members()
    {
        var current = SpecDocuments.Example("UpdatePlugin 200");
        var patch = new UpdatePluginRequestBodyPatch { Spec = new PluginSpecPatch { Template = new TemplatePatch { Version = "1.6.64", Name = "node-local-dns" } } };

        var merged = MergePatch(current, JsonNode.Parse(patch.ToJson()));

        var expected = current.DeepClone();
        expected["spec"]!["template"]!["version"] = "1.6.64";
        expected["spec"]!["template"]!["name"] = "node-local-dns";
        JsonAssert.Equal(expected, merged);
    }

    [Fact]
    public void A_patch_that_removes_one_input_sends_null_for_it_only()
    {
        var current = SpecDocuments.Example("UpdatePlugin 200");
        var patch = new UpdatePluginRequestBodyPatch { Spec = new PluginSpecPatch { Template = new TemplatePatch { Inputs = new Dictionary<string, JsonElement?> { ["custom"] = null } } } };

        var merged = MergePatch(current, JsonNode.Parse(patch.ToJson()));

        Assert.Empty(patch.Validate());
        JsonAssert.Equal("""{"spec":{"template":{"inputs":{"custom":null}}}}""", patch.ToJson());
        var expected = current.DeepClone();
        expected["spec"]!["template"]!["inputs"]!.AsObject().Remove("custom");
        JsonAssert.Equal(expected, merged);
    }

    [Fact]
    public void Null_on_a_member_the_spec_does_not_make_nullable_is_a_nullable_violation_at_its_path()
    {
        // Page 000 documents inputs as Map<String,Object>, never null (specs/CURATION.md); a validating server refuses it.
        var patch = new UpdatePluginRequestBodyPatch { Spec = new PluginSpecPatch { Template = new TemplatePatch { Version = "1.6.63", Inputs = null } } };

        var error = Assert.Single(patch.Validate());

        Assert.Equal("spec.template.inputs", error.Path);
        Assert.Equal("nullable", error.Rule);
    }

    [Fact]
    public void Null_where_the_spec_allows_it_passes_and_a_map_key_is_refused_null_only_where_its_values_are_not_nullable()
    {
        var allowed = new EverythingPatch { Note = null, Labels = new Dictionary<string, string?> { ["a"] = null }, Extra = new Dictionary<string, JsonElement?> { ["b"] = null } };
        var refused = new EverythingPatch { Text = null, StrictLabels = new Dictionary<string, string?> { ["a"] = null, ["b"] = "kept" } };

        Assert.Empty(allowed.Validate());
        Assert.Equal(
            [("strictLabels['a']", "nullable"), ("text", "nullable")],
            refused.Validate().Select(e => (e.Path, e.Rule)).OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Optional_tells_unset_from_set_to_null()
    {
        Optional<string?> unset = default;
        Optional<string?> toNull = null;
        Optional<string?> toValue = "v";

        Assert.False(unset.IsSet);
        Assert.Throws<InvalidOperationException>(() => unset.Value);
        Assert.True(toNull.IsSet);
        Assert.Null(toNull.Value);
        Assert.Equal("v", toValue.Value);
        Assert.NotEqual(unset, toNull);
        Assert.Equal(Optional<string?>.Unset, unset);
    }

    [Fact]
    public void A_patch_read_from_json_keeps_set_null_and_unset_members_apart_and_writes_them_back()
    {
        var json = """{"a":null,"b":"x"}"""u8.ToArray();

        var patch = StringsPatch.FromJson(json);

        Assert.True(patch.A.IsSet);
        Assert.Null(patch.A.Value);
        Assert.Equal("x", patch.B.Value);
        Assert.False(patch.C.IsSet);
        JsonAssert.Equal("""{"a":null,"b":"x"}""", patch.ToJson());
    }

    /// <summary>Before and after values, and the patch RFC 7396 needs between them.</summary>
    private static readonly Dictionary<string, Func<(byte[] Before, byte[] Patch, byte[] After)>> Diffs = new(StringComparer.Ordinal)
    {
        ["a string changes"] = () => Diff(new Strings { A = "b" }, new Strings { A = "c" }, StringsPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["a string goes"] = () => Diff(new Strings { A = "b", B = "c" }, new Strings { B = "c" }, StringsPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["strings appear"] = () => Diff(new Strings(), new Strings { A = "x", B = "y" }, StringsPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["nothing changes"] = () => Diff(new Strings { A = "x" }, new Strings { A = "x" }, StringsPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["a nested member changes"] = () => Diff(new Nested { A = new NestedInner { B = "c", C = "x" } }, new Nested { A = new NestedInner { B = "d", C = "x" } }, NestedPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["a nested object goes"] = () => Diff(new Nested { A = new NestedInner { B = "c" } }, new Nested(), NestedPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["a nested object appears"] = () => Diff(new Nested(), new Nested { A = new NestedInner { C = "z" } }, NestedPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["a member two levels down goes"] = () => Diff(new Deep { A = new DeepLevel1 { Bb = new DeepLevel2 { Ccc = "x" } } }, new Deep { A = new DeepLevel1 { Bb = new DeepLevel2() } }, DeepPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["an object one level down goes"] = () => Diff(new Deep { A = new DeepLevel1 { Bb = new DeepLevel2 { Ccc = "x" } } }, new Deep { A = new DeepLevel1() }, DeepPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["a list is reordered"] = () => Diff(new IntegerList { A = [1, 2] }, new IntegerList { A = [2, 1] }, IntegerListPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["a list keeps its items"] = () => Diff(new IntegerList { A = [1, 2] }, new IntegerList { A = [1, 2] }, IntegerListPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["an integer stays and a string goes"] = () => Diff(new Integers { A = 1, E = "e" }, new Integers { A = 1 }, IntegersPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
        ["an integer becomes zero"] = () => Diff(new Integers { A = 1 }, new Integers { A = 0 }, IntegersPatch.FromDiff, s => s.ToJson(), p => p.ToJson()),
    };

    /// <summary>The smallest patch for each pair above, worked out from RFC 7396 by hand.</summary>
    private static readonly Dictionary<string, string> MinimalPatches = new(StringComparer.Ordinal)
    {
        ["a string changes"] = """{"a":"c"}""",
        ["a string goes"] = """{"a":null}""",
        ["strings appear"] = """{"a":"x","b":"y"}""",
        ["nothing changes"] = "{}",
        ["a nested member changes"] = """{"a":{"b":"d"}}""",
        ["a nested object goes"] = """{"a":null}""",
        ["a nested object appears"] = """{"a":{"c":"z"}}""",
        ["a member two levels down goes"] = """{"a":{"bb":{"ccc":null}}}""",
        ["an object one level down goes"] = """{"a":{"bb":null}}""",
        ["a list is reordered"] = """{"a":[2,1]}""",
        ["a list keeps its items"] = "{}",
        ["an integer stays and a string goes"] = """{"e":null}""",
        ["an integer becomes zero"] = """{"a":0}""",
    };

    public static TheoryData<string> DiffNames() => new(Diffs.Keys);

    [Theory]
    [MemberData(nameof(DiffNames))]
    public void A_patch_from_two_typed_values_is_the_smallest_one_and_merging_it_gives_the_after_value(string name)
    {
        var (before, patch, after) = Diffs[name]();

        JsonAssert.Equal(MinimalPatches[name], patch);
        JsonAssert.Equal(JsonNode.Parse(after), MergePatch(JsonNode.Parse(before), JsonNode.Parse(patch)));
    }

    [Fact]
    public async Task The_client_sends_only_the_set_members_as_application_merge_patch_json()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"a":{"b":"c"}}""");
        using var http = server.CreateHttpClient();

        var response = await new MergeSamplesClient(http).PatchNestedAsync(new PatchNestedRequest { Id = "doc 1", Body = new NestedPatch { A = new NestedInnerPatch { C = null } } });

        var sent = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", "/nested/doc%201", "application/merge-patch+json"), (sent.Method, sent.RawTarget, sent.ContentType));
        JsonAssert.Equal("""{"a":{"c":null}}""", sent.Body);
        Assert.Equal("c", response.Body.A!.B);
    }

    private static (byte[] Before, byte[] Patch, byte[] After) Diff<TValue, TPatch>(TValue before, TValue after, Func<TValue, TValue, TPatch> diff, Func<TValue, byte[]> write, Func<TPatch, byte[]> writePatch)
        => (write(before), writePatch(diff(before, after)), write(after));
}
