using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.MergeSamples;
using HuaweiCloud.ModelArts;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// For random before/after pairs, the patch <c>FromDiff</c> builds, merged onto before's JSON by RFC 7396 §2
/// (<see cref="MergePatchTests.MergePatch"/>), gives after's JSON, for every kind of member: scalars, arrays, maps of
/// scalars, of objects and of maps, free-form objects, untyped values, nested records; null and absent, set and unset.
/// Keys and values come from small sets, so that before and after share, change and drop members often.
/// </summary>
/// <remarks>
/// A merge patch cannot set a JSON null (RFC 7396 §1: null removes), so the free-form values generated here hold null
/// only inside arrays, which are replaced whole.
/// </remarks>
public sealed class MergePatchPropertyTests
{
    private const long Iterations = 2000;

    private static readonly Gen<string> Key = Gen.OneOf("k1", "k2", "k3", "k~/");

    private static readonly Gen<string> Text = Gen.OneOf("a", "b", "");

    private static readonly Gen<int> Number = Gen.Int[0, 2];

    private static readonly Gen<JsonElement> Json = JsonValue(depth: 2).Select(node => JsonSerializer.SerializeToElement(node));

    private static readonly Gen<Child> AChild = Gen.Select(Text.Null(), Number.Nullable(), Map(Json).Null(), (name, size, attributes) => new Child { Name = name, Size = size, Attributes = attributes });

    private static readonly Gen<Everything> AnEverything = Gen.Select(
        Gen.Select(Text.Null(), Text.Null(), Number.Nullable(), Text.List[0, 2].Null(), Map(Text).Null(), Map(Text).Null(), Map(Number).Null()),
        Gen.Select(Map(Json).Null(), Json.Nullable(), AChild.Null(), Map(AChild).Null(), Map(Map(Number)).Null(), AChild.List[0, 2].Null()),
        (scalars, nested) => new Everything
        {
            Text = scalars.Item1,
            Note = scalars.Item2,
            Count = scalars.Item3,
            Tags = scalars.Item4,
            Labels = scalars.Item5,
            StrictLabels = scalars.Item6,
            Limits = scalars.Item7,
            Extra = nested.Item1,
            Anything = nested.Item2,
            Child = nested.Item3,
            Children = nested.Item4,
            Groups = nested.Item5,
            Items = nested.Item6,
        });

    private static readonly Gen<Template> ATemplate = Gen.Select(Text.Null(), Text.Null(), Map(Json).Null(), (name, version, inputs) => new Template { Name = name, Version = version, Inputs = inputs });

    [Fact]
    public void A_diff_merged_onto_before_gives_after_for_every_member_kind()
    {
        Gen.Select(AnEverything, AnEverything).Sample((before, after) =>
        {
            var patch = EverythingPatch.FromDiff(before, after);

            AssertMergesTo(before.ToJson(), patch.ToJson(), after.ToJson());
            Assert.Equal(patch.ToJson(), EverythingPatch.FromJson(patch.ToJson()).ToJson());
            Assert.Equal(patch.IsEmpty, JsonNode.DeepEquals(JsonNode.Parse(before.ToJson()), JsonNode.Parse(after.ToJson())));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_diff_is_valid_unless_it_removes_what_the_spec_does_not_let_a_merge_patch_remove()
    {
        Gen.Select(AnEverything, AnEverything).Sample((before, after) =>
        {
            var expected = new List<string>();
            if (before.StrictLabels is { } beforeLabels && after.StrictLabels is { } afterLabels)
            {
                expected.AddRange(beforeLabels.Keys.Where(k => !afterLabels.ContainsKey(k)).Select(k => "strictLabels['" + k + "']"));
            }

            if (before.Text is not null && after.Text is null)
            {
                expected.Add("text");
            }

            var errors = EverythingPatch.FromDiff(before, after).Validate();

            Assert.All(errors, e => Assert.Equal("nullable", e.Rule));
            Assert.Equal(expected.Order(System.StringComparer.Ordinal), errors.Select(e => e.Path).Order(System.StringComparer.Ordinal));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void A_template_diff_merged_onto_before_gives_after_and_removes_a_dropped_plugin_input()
    {
        Gen.Select(ATemplate, ATemplate).Sample((before, after) =>
        {
            var patch = TemplatePatch.FromDiff(before, after);

            AssertMergesTo(before.ToJson(), patch.ToJson(), after.ToJson());

            // No member of the page's Template is nullable (inputs is a map, never null; see specs/CURATION.md): dropping
            // one is refused before anything is sent, while dropping a plug-in input is a valid patch.
            var removed = new[] { ("name", before.Name is not null && after.Name is null), ("version", before.Version is not null && after.Version is null), ("inputs", before.Inputs is not null && after.Inputs is null) };
            Assert.Equal(removed.Where(m => m.Item2).Select(m => m.Item1), patch.Validate().Select(e => e.Path));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Page_000s_removed_plugin_input_is_sent_as_null_and_merges_away()
    {
        var before = PageRequests.UpdatePluginBody().Spec.Value!.Template.Value!;
        var installed = new Template { Version = "1.6.62", Inputs = before.Inputs.Value!.ToDictionary(e => e.Key, e => e.Value!.Value) };
        var after = installed with { Version = "1.6.63", Inputs = installed.Inputs.Where(e => e.Key != "custom").ToDictionary(e => e.Key, e => e.Value) };

        var patch = TemplatePatch.FromDiff(installed, after);

        JsonAssert.Equal("""{"version":"1.6.63","inputs":{"custom":null}}""", patch.ToJson());
        Assert.Empty(patch.Validate());
        AssertMergesTo(installed.ToJson(), patch.ToJson(), after.ToJson());
    }

    private static void AssertMergesTo(byte[] before, byte[] patch, byte[] after)
        => JsonAssert.Equal(JsonNode.Parse(after), MergePatchTests.MergePatch(JsonNode.Parse(before), JsonNode.Parse(patch)));

    private static Gen<IReadOnlyDictionary<string, T>> Map<T>(Gen<T> value)
        => Gen.Select(Key, value).List[0, 3].Select(IReadOnlyDictionary<string, T> (entries) => entries.GroupBy(e => e.Item1).ToDictionary(g => g.Key, g => g.First().Item2));

    /// <summary>A JSON value of any kind; objects hold no null (see the remarks), arrays may.</summary>
    private static Gen<JsonNode?> JsonValue(int depth)
    {
        var scalar = Gen.OneOf<JsonNode?>(Text.Select(t => (JsonNode?)t), Number.Select(n => (JsonNode?)n), Gen.Bool.Select(b => (JsonNode?)b));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = JsonValue(depth - 1);
        var array = Gen.OneOf(inner, Gen.Const((JsonNode?)null)).List[0, 2].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        var obj = Gen.Select(Key, inner).List[0, 3].Select(members => (JsonNode?)new JsonObject(members.GroupBy(m => m.Item1).Select(g => KeyValuePair.Create(g.Key, g.First().Item2?.DeepClone()))));
        return Gen.OneOf(scalar, array, obj);
    }
}
