using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HuaweiCloud.ModelArts;

namespace GeneratedClients.Tests;

/// <summary>A merge patch built from two typed instances sends exactly what changed.</summary>
public sealed class MergePatchDiffTests
{
    private static readonly Template Before = new()
    {
        Name = "log-agent",
        Version = "1.6.62",
        Inputs = new Dictionary<string, JsonElement> { ["flavor"] = JsonDocument.Parse("""{"replicas":2}""").RootElement },
    };

    [Fact]
    public void Equal_instances_give_an_empty_patch()
    {
        var patch = PluginSpecPatch.FromDiff(new PluginSpec { Template = Before }, new PluginSpec { Template = Before with { } });

        Assert.True(patch.IsEmpty);
        Assert.Equal("{}", Encoding.UTF8.GetString(patch.ToJson()));
    }

    [Fact]
    public void Changed_members_are_set_removed_ones_are_null_and_equal_ones_are_left_out()
    {
        var after = Before with { Version = "1.6.63", Name = null };

        var patch = PluginSpecPatch.FromDiff(new PluginSpec { Template = Before }, new PluginSpec { Template = after });

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"template":{"name":null,"version":"1.6.63"}}"""),
            JsonNode.Parse(patch.ToJson())));
    }

    [Fact]
    public void A_map_compares_by_content_and_merges_sending_changed_keys_as_patches_and_removed_keys_as_null()
    {
        var sameContent = Before with { Inputs = new Dictionary<string, JsonElement> { ["flavor"] = JsonDocument.Parse("""{"replicas":2}""").RootElement } };
        var changed = Before with
        {
            Inputs = new Dictionary<string, JsonElement>
            {
                ["flavor"] = JsonDocument.Parse("""{"replicas":3}""").RootElement,
                ["custom"] = JsonDocument.Parse("""{"ndots":"3"}""").RootElement,
            },
        };

        Assert.True(TemplatePatch.FromDiff(Before, sameContent).IsEmpty);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"inputs":{"flavor":{"replicas":3},"custom":{"ndots":"3"}}}"""),
            JsonNode.Parse(TemplatePatch.FromDiff(Before, changed).ToJson())));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"inputs":{"flavor":{"replicas":2},"custom":null}}"""),
            JsonNode.Parse(TemplatePatch.FromDiff(changed, Before).ToJson())));
    }

    [Fact]
    public void A_nested_object_that_appears_is_sent_whole_and_one_that_disappears_is_removed()
    {
        var added = PluginSpecPatch.FromDiff(new PluginSpec(), new PluginSpec { Template = Before with { Inputs = null } });
        var removed = PluginSpecPatch.FromDiff(new PluginSpec { Template = Before }, new PluginSpec());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"template":{"name":"log-agent","version":"1.6.62"}}"""), JsonNode.Parse(added.ToJson())));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"template":null}"""), JsonNode.Parse(removed.ToJson())));
    }
}
