extern alias baseline;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Now = RuntimeBenchmarks.Generated.DataArtsFabric;
using Then = baseline::RuntimeBenchmarks.Baseline.DataArtsFabric;

namespace RuntimeBenchmarks;

/// <summary>
/// The generated code of an earlier commit (<c>-p:RuntimeBaseline=COMMIT</c>, the baseline) and of this one, side by side
/// over page 004's payloads in one run: each category's ratio is now / baseline. Compiled only with that property
/// (RuntimeBenchmarks.csproj); the setup checks that both sides write, read and report the same before anything is timed.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BaselineBenchmarks
{
    private const string Deserialize = "Deserialize response";
    private const string Serialize = "Serialize request";
    private const string ValidateValid = "Validate() valid request";
    private const string ValidateInvalid = "Validate() invalid request";
    private const string Baseline = "baseline commit";
    private const string Current = "this commit";

    private readonly byte[] _responseJson = Payloads.UpdateEndpointResponse202;
    private Now.UpdateEndpointRequestBody _nowValid = null!;
    private Now.UpdateEndpointRequestBody _nowInvalid = null!;
    private Then.UpdateEndpointRequestBody _thenValid = null!;
    private Then.UpdateEndpointRequestBody _thenInvalid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _nowValid = Now.UpdateEndpointRequestBody.FromJson(Payloads.UpdateEndpointRequest);
        _nowInvalid = ValidationBenchmarks.InvalidRequest(_nowValid);
        _thenValid = Then.UpdateEndpointRequestBody.FromJson(Payloads.UpdateEndpointRequest);
        // The same six members taken out, through this commit's writer: the records are read leniently.
        _thenInvalid = Then.UpdateEndpointRequestBody.FromJson(_nowInvalid.ToJson());

        SameJson("the request written", _nowValid.ToJson(), _thenValid.ToJson());
        SameJson("the response read (and written again)", Now.EndpointDetail.FromJson(_responseJson).ToJson(), Then.EndpointDetail.FromJson(_responseJson).ToJson());
        SameErrors("the valid request", _nowValid.Validate().Select(e => e.Path + " " + e.Rule), _thenValid.Validate().Select(e => e.Path + " " + e.Rule), 0);
        SameErrors("the invalid request", _nowInvalid.Validate().Select(e => e.Path + " " + e.Rule), _thenInvalid.Validate().Select(e => e.Path + " " + e.Rule), 6);
    }

    [Benchmark(Baseline = true, Description = Baseline)]
    [BenchmarkCategory(Deserialize)]
    public Then.EndpointDetail DeserializeBaseline() => Then.EndpointDetail.FromJson(_responseJson);

    [Benchmark(Description = Current)]
    [BenchmarkCategory(Deserialize)]
    public Now.EndpointDetail DeserializeCurrent() => Now.EndpointDetail.FromJson(_responseJson);

    [Benchmark(Baseline = true, Description = Baseline)]
    [BenchmarkCategory(Serialize)]
    public byte[] SerializeBaseline() => _thenValid.ToJson();

    [Benchmark(Description = Current)]
    [BenchmarkCategory(Serialize)]
    public byte[] SerializeCurrent() => _nowValid.ToJson();

    [Benchmark(Baseline = true, Description = Baseline)]
    [BenchmarkCategory(ValidateValid)]
    public int ValidateValidBaseline() => _thenValid.Validate().Count;

    [Benchmark(Description = Current)]
    [BenchmarkCategory(ValidateValid)]
    public int ValidateValidCurrent() => _nowValid.Validate().Count;

    [Benchmark(Baseline = true, Description = Baseline)]
    [BenchmarkCategory(ValidateInvalid)]
    public int ValidateInvalidBaseline() => _thenInvalid.Validate().Count;

    [Benchmark(Description = Current)]
    [BenchmarkCategory(ValidateInvalid)]
    public int ValidateInvalidCurrent() => _nowInvalid.Validate().Count;

    private static void SameJson(string what, byte[] now, byte[] then)
    {
        if (!JsonNode.DeepEquals(JsonNode.Parse(now), JsonNode.Parse(then)))
        {
            throw new InvalidOperationException("The baseline and this commit differ in " + what + "; the pair would not time the same work.");
        }
    }

    private static void SameErrors(string what, IEnumerable<string> now, IEnumerable<string> then, int expected)
    {
        var nowList = now.ToList();
        if (nowList.Count != expected || !nowList.SequenceEqual(then))
        {
            throw new InvalidOperationException(
                "The validators differ on " + what + " (expected " + expected + " errors): this commit [" + string.Join(", ", nowList)
                + "], baseline [" + string.Join(", ", then) + "].");
        }
    }
}
