using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.ModelArts;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// 001's JSON Patch (RFC 6902) body: the typed document allows only <c>replace</c> on paths under <c>/config/0/</c>,
/// with a typed method per documented path and a checked escape hatch for the others.
/// </summary>
public sealed class JsonPatchTests
{
    public static TheoryData<string, string, string> TypedMethods() => new()
    {
        { nameof(PatchServiceDocument.ReplaceModelId), "/config/0/model_id", "\"a9542b46-8dfd-4184-bd81-c8d8946edb47\"" },
        { nameof(PatchServiceDocument.ReplaceSpecification), "/config/0/specification", "\"modelarts.vm.ai1.a310\"" },
        { nameof(PatchServiceDocument.ReplacePoolName), "/config/0/pool_name", "\"pool-c8e2\"" },
        { nameof(PatchServiceDocument.ReplaceEnvs), "/config/0/envs", """{"LOG_LEVEL":"debug","a/b~c":"x"}""" },
        { nameof(PatchServiceDocument.ReplaceAdditionalProperties), "/config/0/additional_properties", """{"persistent_volumes":[{"mount_path":"/var/tmp"}]}""" },
    };

    [Theory]
    [MemberData(nameof(TypedMethods))]
    public void A_typed_method_adds_a_replace_of_its_documented_path_with_the_value(string method, string path, string valueJson)
    {
        var document = method switch
        {
            nameof(PatchServiceDocument.ReplaceModelId) => new PatchServiceDocument().ReplaceModelId(JsonSerializer.Deserialize<string>(valueJson)!),
            nameof(PatchServiceDocument.ReplaceSpecification) => new PatchServiceDocument().ReplaceSpecification(JsonSerializer.Deserialize<string>(valueJson)!),
            nameof(PatchServiceDocument.ReplacePoolName) => new PatchServiceDocument().ReplacePoolName(JsonSerializer.Deserialize<string>(valueJson)!),
            nameof(PatchServiceDocument.ReplaceEnvs) => new PatchServiceDocument().ReplaceEnvs(JsonSerializer.Deserialize<Dictionary<string, string>>(valueJson)!),
            nameof(PatchServiceDocument.ReplaceAdditionalProperties) => new PatchServiceDocument().ReplaceAdditionalProperties(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(valueJson)!),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

        var operation = Assert.Single(document);
        Assert.Equal(PatchServiceV2RequestBodyOp.Replace, operation.Op);
        Assert.Equal(path, operation.Path);
        JsonAssert.Equal(JsonNode.Parse(valueJson), JsonNode.Parse(operation.Value.GetRawText()));
        JsonAssert.Equal(new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = JsonNode.Parse(valueJson) }), document.ToJson());
    }

    [Fact]
    public void Every_documented_path_has_a_typed_method()
    {
        var documented = SpecDocuments.Load("modelarts.openapi.yaml")["components"]!["schemas"]!["PatchServiceV2RequestBody"]!["x-json-patch-paths"]!.AsObject().Select(p => p.Key);

        Assert.Equal(documented.Order(StringComparer.Ordinal), TypedMethods().Select(row => (string)row[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_document_offers_only_replace_operations()
    {
        var adders = typeof(PatchServiceDocument).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(PatchServiceDocument))
            .Select(m => m.Name);

        Assert.All(adders, name => Assert.StartsWith("Replace", name, StringComparison.Ordinal));
        Assert.Equal([PatchServiceV2RequestBodyOp.Replace], Enum.GetValues<PatchServiceV2RequestBodyOp>());
        Assert.Throws<JsonException>(() => PatchServiceDocument.FromJson("""[{"op":"remove","path":"/config/0/envs","value":null}]"""u8));
    }

    [Theory]
    [InlineData("/config/0/undocumented_field")]
    [InlineData("/config/0/envs/LOG_LEVEL")]
    [InlineData("/config/0/a~0b~1c")]
    public void The_escape_hatch_accepts_a_path_under_config_0(string path)
    {
        var value = PageRequests.Element("""{"x":1}""");

        var operation = Assert.Single(new PatchServiceDocument().Replace(path, value));

        Assert.Equal((PatchServiceV2RequestBodyOp.Replace, path), (operation.Op, operation.Path));
        JsonAssert.Equal(JsonNode.Parse("""{"x":1}"""), JsonNode.Parse(operation.Value.GetRawText()));
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/config/1/model_id")]
    [InlineData("/config/0/")]
    [InlineData("/config")]
    [InlineData("")]
    [InlineData("config/0/model_id")]
    [InlineData("/config/0/a~2")]
    [InlineData("/config/0/a~")]
    public void The_escape_hatch_throws_ArgumentException_for_a_path_outside_config_0_or_a_malformed_pointer(string path)
    {
        var document = new PatchServiceDocument();

        var exception = Assert.Throws<ArgumentException>(() => document.Replace(path, PageRequests.Element("1")));

        Assert.Equal("path", exception.ParamName);
        Assert.Empty(document);
    }

    [Fact]
    public void Pointer_escaping_turns_tilde_and_slash_into_their_escapes()
    {
        Assert.Equal("a~1b~0c", JsonPointer.Escape("a/b~c"));
        Assert.Equal("~01", JsonPointer.Escape("~1"));
        Assert.Equal("/config/0/envs/a~1b~0c", JsonPointer.Combine("config", "0", "envs", "a/b~c"));
    }

    [Fact]
    public void An_escaped_pointer_addresses_the_member_whose_name_has_a_slash_and_a_tilde()
    {
        var target = JsonNode.Parse("""{"config":[{"envs":{"a/b~c":"old","a":{"b~c":"decoy"}}}]}""")!;

        var document = new PatchServiceDocument().Replace("/config/0/envs/" + JsonPointer.Escape("a/b~c"), PageRequests.Element("\"new\""));

        var patched = Apply(target, JsonNode.Parse(document.ToJson())!.AsArray());
        JsonAssert.Equal(JsonNode.Parse("""{"config":[{"envs":{"a/b~c":"new","a":{"b~c":"decoy"}}}]}"""), patched);
    }

    [Fact]
    public void The_typed_document_serializes_to_the_pages_example()
    {
        JsonAssert.Equal(SpecDocuments.Example("PatchService request"), PageRequests.PatchServiceBody().ToJson());
    }

    [Fact]
    public void The_page_example_applied_to_a_service_replaces_the_five_members()
    {
        var service = JsonNode.Parse("""{"config":[{"model_id":"old","specification":"s","envs":{"A":"1"},"pool_name":"p","additional_properties":{},"weight":100}]}""")!;

        var patched = Apply(service, JsonNode.Parse(PageRequests.PatchServiceBody().ToJson())!.AsArray());

        var config = patched["config"]![0]!;
        Assert.Equal("a9542b46-8dfd-4184-bd81-c8d8946edb47", (string?)config["model_id"]);
        Assert.Equal("modelarts.vm.ai1.a310", (string?)config["specification"]);
        Assert.Empty(config["envs"]!.AsObject());
        Assert.Equal(100, (int)config["weight"]!);
        Assert.Equal("/var/tmp", (string?)config["additional_properties"]!["persistent_volumes"]![0]!["mount_path"]);
    }

    /// <summary>RFC 6902 <c>replace</c> with RFC 6901 pointers: enough to check what the documents address.</summary>
    private static JsonNode Apply(JsonNode target, JsonArray operations)
    {
        var result = target.DeepClone();
        foreach (var operation in operations)
        {
            Assert.Equal("replace", (string?)operation!["op"]);
            var tokens = ((string)operation["path"]!).Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
            var parent = tokens.Take(tokens.Count - 1).Aggregate(result, (node, token) => node is JsonArray array ? array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)]! : node[token]!);
            var last = tokens[^1];
            if (parent is JsonArray list)
            {
                list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = operation["value"]?.DeepClone();
            }
            else
            {
                Assert.True(parent.AsObject().ContainsKey(last), "replace needs an existing member: " + last);
                parent[last] = operation["value"]?.DeepClone();
            }
        }

        return result;
    }
}
