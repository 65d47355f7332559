using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.MergeSamples;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// The generated runtime reuses a per-thread writer to serialize and looks members up starting from the one expected
/// next: results must not depend on either, whatever the nesting, the size or the order of the members.
/// </summary>
public sealed class JsonRuntimeTests
{
    [Fact]
    public void A_serialization_started_inside_another_one_leaves_both_intact()
    {
        byte[]? inner = null;
        var outer = JsonWrite.ToUtf8(new Strings { A = "outer" }, static (writer, value) =>
        {
            writer.WriteStartArray();
            JsonWrite.Value(writer, value);
            writer.WriteEndArray();
        });
        var nested = JsonWrite.ToUtf8(0, (writer, _) =>
        {
            writer.WriteStartObject();
            inner = new Strings { B = "inner" }.ToJson();
            writer.WriteString("after", "inner");
            writer.WriteEndObject();
        });

        JsonAssert.Equal("""[{"a":"outer"}]""", outer);
        JsonAssert.Equal("""{"b":"inner"}""", inner!);
        JsonAssert.Equal("""{"after":"inner"}""", nested);
    }

    [Fact]
    public void A_value_larger_than_the_kept_buffer_and_the_next_small_one_serialize_whole()
    {
        var large = new string('x', 100_000);

        var largeJson = new Strings { A = large }.ToJson();
        var smallJson = new Strings { C = "small" }.ToJson();

        Assert.Equal(large, JsonDocument.Parse(largeJson).RootElement.GetProperty("a").GetString());
        JsonAssert.Equal("""{"c":"small"}""", smallJson);
    }

    [Fact]
    public void A_value_whose_serialization_failed_does_not_spoil_the_next_one()
    {
        Assert.Throws<InvalidOperationException>(() => JsonWrite.ToUtf8(0, static (_, _) => throw new InvalidOperationException("failed mid-write")));

        JsonAssert.Equal("""{"a":"next"}""", new Strings { A = "next" }.ToJson());
    }

    [Theory]
    [InlineData("""{"a":"1","b":"2","c":"3"}""")]
    [InlineData("""{"c":"3","b":"2","a":"1"}""")]
    [InlineData("""{"b":"2","unknown":[1],"c":"3","a":"1"}""")]
    [InlineData("""{"\u0061":"1","c":"3","\u0062":"2"}""")]
    public void Members_are_read_in_any_order_and_unknown_ones_are_kept(string json)
    {
        var value = Strings.FromJson(Encoding.UTF8.GetBytes(json));

        Assert.Equal(("1", "2", "3"), (value.A, value.B, value.C));
        Assert.Equal(json.Contains("unknown") ? ["unknown"] : [], value.AdditionalProperties?.Keys.ToArray() ?? []);
    }

    [Fact]
    public void A_member_sent_twice_keeps_the_last_value_as_before()
    {
        var value = Strings.FromJson("""{"a":"first","b":"2","a":"last"}"""u8);

        Assert.Equal(("last", "2"), (value.A, value.B));
    }
}
