using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using GenerationBenchmarks;
using RuntimeBenchmarks;
using Poco = RuntimeBenchmarks.Pocos;

namespace Benchmarks.Tests;

/// <summary>Each runtime benchmark body, run once: every serializer reads and writes page 004's examples faithfully.</summary>
public sealed class RuntimeBenchmarkTests
{
    private static readonly JsonNode RequestExample = JsonNode.Parse(Payloads.UpdateEndpointRequest)!;

    private static SerializationBenchmarks SetUp()
    {
        var benchmarks = new SerializationBenchmarks();
        benchmarks.Setup();
        return benchmarks;
    }

    /// <summary>The 202 example as the typed readers give it back: <c>"max_replicas_per_node": ""</c> means "not set".</summary>
    private static JsonNode ResponseAsRead()
    {
        var response = JsonNode.Parse(Payloads.UpdateEndpointResponse202)!;
        var deployment = response["config"]!["ray_service_config"]!["ray_serve_config"]!["applications"]![0]!["deployments"]![0]!.AsObject();
        Assert.Equal("", deployment["max_replicas_per_node"]!.GetValue<string>());
        deployment.Remove("max_replicas_per_node");
        return response;
    }

    [Fact]
    public void Payloads_are_the_spec_examples_of_update_endpoint()
    {
        var spec = ParseFloor.ToJsonNode(File.ReadAllText(Repository.PathOf("specs", "dataarts-fabric.openapi.yaml")));
        var operation = spec["paths"]!["/v1/workspaces/{workspace_id}/endpoints/{endpoint_id}"]!["put"]!;
        Assert.Equal("UpdateEndpoint", operation["operationId"]!.GetValue<string>());

        JsonAssert.Equivalent(operation["requestBody"]!["content"]!["application/json"]!["example"], RequestExample, "request example");
        JsonAssert.Equivalent(operation["responses"]!["202"]!["content"]!["application/json"]!["example"], JsonNode.Parse(Payloads.UpdateEndpointResponse202), "202 example");
    }

    [Fact]
    public void Every_serializer_writes_the_request_example()
    {
        var benchmarks = SetUp();

        JsonAssert.Equivalent(RequestExample, JsonNode.Parse(benchmarks.SerializeGenerated()), "generated");
        JsonAssert.Equivalent(RequestExample, JsonNode.Parse(benchmarks.SerializeStjReflection()), "STJ reflection");
        JsonAssert.Equivalent(RequestExample, JsonNode.Parse(benchmarks.SerializeStjSourceGen()), "STJ source-gen");
        JsonAssert.Equivalent(RequestExample, JsonNode.Parse(benchmarks.SerializeNewtonsoft()), "Newtonsoft.Json");
    }

    [Fact]
    public void Every_serializer_reads_the_response_example()
    {
        var benchmarks = SetUp();
        var expected = ResponseAsRead();

        var generated = benchmarks.DeserializeGenerated();
        Assert.Null(generated.Config!.RayServiceConfig!.RayServeConfig!.Applications![0].Deployments![0].MaxReplicasPerNode);
        JsonAssert.Equivalent(expected, JsonNode.Parse(generated.ToJson()), "generated");

        var reflection = benchmarks.DeserializeStjReflection();
        JsonAssert.Equivalent(expected, JsonNode.Parse(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(reflection, Poco.PocoSettings.Reflection)), "STJ reflection");

        var sourceGen = benchmarks.DeserializeStjSourceGen();
        JsonAssert.Equivalent(expected, JsonNode.Parse(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(sourceGen, Poco.PocoJsonContext.Default.EndpointDetail)), "STJ source-gen");

        var newtonsoft = benchmarks.DeserializeNewtonsoft();
        Assert.Null(newtonsoft.Config!.RayServiceConfig!.RayServeConfig!.Applications![0].Deployments![0].MaxReplicasPerNode);
        JsonAssert.Equivalent(expected, JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(newtonsoft, Poco.PocoSettings.Newtonsoft)), "Newtonsoft.Json");
    }

    [Fact]
    public void Validator_passes_the_example_and_reports_each_violation_of_the_invalid_request()
    {
        var benchmarks = new ValidationBenchmarks();
        benchmarks.Setup();

        Assert.Empty(benchmarks.ValidateValid());
        var paths = benchmarks.ValidateInvalid().Select(e => e.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "config.ray_service_config.ray_cluster_config",
                "config.ray_service_config.ray_serve_config.applications[0].deployments",
                "config.ray_service_config.ray_serve_config.applications[0].name",
                "reserved_resource.apu.spec_code",
                "reserved_resource.apu.warm_up_num",
                "reserved_resource.mu.min",
            ],
            paths);
    }

    [Fact]
    public void Repeat_runs_a_benchmark_body_after_its_setup_and_refuses_an_unknown_one()
    {
        // ValidateInvalid needs the request its [GlobalSetup] builds: without the setup it would throw.
        Assert.Equal(0, Repeat.Run("ValidationBenchmarks.ValidateInvalid", 2));
        Assert.Equal(1, Repeat.Run("ValidationBenchmarks.NoSuchBody", 2));
    }
}
