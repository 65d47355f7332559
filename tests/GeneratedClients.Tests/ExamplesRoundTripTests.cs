using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;

namespace GeneratedClients.Tests;

/// <summary>
/// Every example of the three curated specs, read from the spec files at run time: each one reads into its generated
/// type and writes back to the same JSON, and each page's request example can be built with the typed API.
/// </summary>
public sealed class ExamplesRoundTripTests
{
    /// <summary>The documented type of each example, read with the generated FromJson and written with ToJson.</summary>
    private static readonly Dictionary<string, Func<byte[], byte[]>> RoundTrips = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin request"] = json => UpdatePluginRequestBodyPatch.FromJson(json).ToJson(),
        ["UpdatePlugin 200"] = json => UpdatePluginResponseBody.FromJson(json).ToJson(),
        ["UpdatePlugin 400"] = json => UpdatePluginErrorResponse.FromJson(json).ToJson(),
        ["PatchService request"] = json => PatchServiceDocument.FromJson(json).ToJson(),
        ["PatchService 200"] = json => PatchServiceResponseBody.FromJson(json).ToJson(),
        ["UpdateServiceInstance request"] = json => UpdateServiceInstanceRequestBody.FromJson(json).ToJson(),
        ["UpdateServiceInstance 202"] = json => UpdateServiceInstanceResponseBody.FromJson(json).ToJson(),
        ["UpdateServiceInstance 400"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateServiceInstance 401"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateServiceInstance 403"] = json => Error403Response.FromJson(json).ToJson(),
        ["UpdateServiceInstance 404"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateServiceInstance 408"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateServiceInstance 500"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateEndpoint request"] = json => UpdateEndpointRequestBody.FromJson(json).ToJson(),
        ["UpdateEndpoint 202"] = json => EndpointDetail.FromJson(json).ToJson(),
        ["UpdateEndpoint 400"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateEndpoint 401"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateEndpoint 403"] = json => Error403Response.FromJson(json).ToJson(),
        ["UpdateEndpoint 408"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["UpdateEndpoint 500"] = json => ErrorResponse.FromJson(json).ToJson(),
        ["InstallKernelPlugin request"] = json => InstallKernelPluginRequestBody.FromJson(json).ToJson(),
        ["InstallKernelPlugin 200"] = json => InstallKernelPluginResponseBody.FromJson(json).ToJson(),
    };

    /// <summary>Each page's request example, built by hand in C# with the generated records and patch types.</summary>
    private static readonly Dictionary<string, Func<byte[]>> TypedRequests = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin request"] = () => PageRequests.UpdatePluginBody().ToJson(),
        ["PatchService request"] = () => PageRequests.PatchServiceBody().ToJson(),
        ["UpdateServiceInstance request"] = () => PageRequests.UpdateServiceInstanceBody().ToJson(),
        ["UpdateEndpoint request"] = () => PageRequests.UpdateEndpointBody().ToJson(),
        ["InstallKernelPlugin request"] = () => PageRequests.InstallKernelPluginBody().ToJson(),
    };

    /// <summary>
    /// Page-vs-wire differences that CURATION.md documents: D-004-4, 004's 202 example sends the integer
    /// <c>max_replicas_per_node</c> as <c>""</c>, which the reader reads as not set (so it is not written back).
    /// </summary>
    private static readonly object[] MaxReplicasPerNode = ["config", "ray_service_config", "ray_serve_config", "applications", 0, "deployments", 0, "max_replicas_per_node"];

    public static TheoryData<string> ExampleKeys() => new(SpecDocuments.Examples().Select(e => e.Key));

    public static TheoryData<string> RequestExampleKeys() => new(SpecDocuments.Examples().Where(e => e.Status is null).Select(e => e.Key));

    [Fact]
    public void Every_example_in_the_specs_has_a_round_trip_and_every_request_example_a_typed_builder()
    {
        var keys = SpecDocuments.Examples().Select(e => e.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RoundTrips.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.Equal(TypedRequests.Keys.Order(StringComparer.Ordinal), keys.Where(k => k.EndsWith(" request", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ExampleKeys))]
    public void An_example_read_into_its_generated_type_writes_back_the_same_json(string key)
    {
        var example = SpecDocuments.Example(key);
        var expected = example.DeepClone();
        if (key == "UpdateEndpoint 202")
        {
            JsonAssert.Remove(expected, MaxReplicasPerNode);
        }

        var written = RoundTrips[key](Utf8(example));

        JsonAssert.Equal(expected, written);
    }

    [Fact]
    public void The_004_response_sends_max_replicas_per_node_as_empty_text_which_reads_as_not_set()
    {
        var example = SpecDocuments.Example("UpdateEndpoint 202");
        var onThePage = JsonAssert.Remove(example.DeepClone(), MaxReplicasPerNode);
        Assert.Equal("\"\"", onThePage?.ToJsonString());

        var detail = EndpointDetail.FromJson(Utf8(example));

        var deployment = Assert.Single(Assert.Single(detail.Config!.RayServiceConfig!.RayServeConfig!.Applications!).Deployments!);
        Assert.Null(deployment.MaxReplicasPerNode);
        Assert.Equal(1000, deployment.NumReplicas);
        var writtenDeployment = JsonNode.Parse(detail.ToJson())!["config"]!["ray_service_config"]!["ray_serve_config"]!["applications"]![0]!["deployments"]![0]!.AsObject();
        Assert.False(writtenDeployment.ContainsKey("max_replicas_per_node"));
    }

    [Theory]
    [MemberData(nameof(RequestExampleKeys))]
    public void A_request_built_with_the_typed_api_serializes_to_the_pages_request_example(string key)
    {
        var example = SpecDocuments.Example(key);

        var written = TypedRequests[key]();

        JsonAssert.Equal(example, written);
    }

    [Fact]
    public void The_hand_built_requests_are_valid_against_the_spec()
    {
        Assert.Empty(PageRequests.UpdatePlugin().Validate());
        Assert.Empty(PageRequests.PatchService().Validate());
        Assert.Empty(PageRequests.UpdateServiceInstance().Validate());
        Assert.Empty(PageRequests.UpdateEndpoint().Validate());
        Assert.Empty(PageRequests.InstallKernelPlugin().Validate());
    }

    [Fact]
    public void Typed_response_members_hold_the_example_values()
    {
        var patchService = PatchServiceResponseBody.FromJson(Utf8(SpecDocuments.Example("PatchService 200")));
        var endpoint = EndpointDetail.FromJson(Utf8(SpecDocuments.Example("UpdateEndpoint 202")));
        var plugin = UpdatePluginResponseBody.FromJson(Utf8(SpecDocuments.Example("UpdatePlugin 200")));
        var forbidden = Error403Response.FromJson(Utf8(SpecDocuments.Example("UpdateEndpoint 403")));

        Assert.Equal(1700625410586L, patchService.UpdateTime);
        Assert.Equal(["INF-ae2aa85ce2a3fcac-1700530937033", "INF-ae2aa85ca9542b46-1700530937026"], patchService.ResourceIds);
        Assert.Equal("0b5633ba2b904511ad514346f4d23d4b", endpoint.Id);
        Assert.Equal(0L, endpoint.TokensQuota!.Total);
        Assert.Equal("2025-01-17T07:30:35.677Z", endpoint.TokensQuota.ExpireTime);
        Assert.Equal(false, endpoint.ReservedResource!.Dpu!.UsePublicResource);
        Assert.Equal("1.6.63", plugin.Spec!.Template!.Version);
        Assert.Equal(2, plugin.Spec.Template.Inputs!["flavor"].GetProperty("replicas").GetInt32());
        Assert.Equal(403, forbidden.ErrorCode);
        Assert.Equal("403", forbidden.Error!.Code);
    }

    private static byte[] Utf8(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
}
