using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RuntimeBenchmarks.Generated.DataArtsFabric;
using Poco = RuntimeBenchmarks.Pocos;

namespace RuntimeBenchmarks;

/// <summary>
/// Page 004: serialize the UpdateEndpoint request example to UTF-8 JSON, deserialize the 202 response example from it.
/// Ratios are to the generated code (a ratio of 2 means twice the generated code's time).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    private const string Serialize = "Serialize request";
    private const string Deserialize = "Deserialize response";

    private readonly byte[] _responseJson = Payloads.UpdateEndpointResponse202;
    private UpdateEndpointRequestBody _generatedRequest = null!;
    private Poco.UpdateEndpointRequest _pocoRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generatedRequest = UpdateEndpointRequestBody.FromJson(Payloads.UpdateEndpointRequest);
        _pocoRequest = System.Text.Json.JsonSerializer.Deserialize(Payloads.UpdateEndpointRequest, Poco.PocoJsonContext.Default.UpdateEndpointRequest)!;
    }

    [Benchmark(Baseline = true, Description = "generated code")]
    [BenchmarkCategory(Serialize)]
    public byte[] SerializeGenerated() => _generatedRequest.ToJson();

    [Benchmark(Description = "STJ reflection")]
    [BenchmarkCategory(Serialize)]
    public byte[] SerializeStjReflection() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(_pocoRequest, Poco.PocoSettings.Reflection);

    [Benchmark(Description = "STJ source-generated context")]
    [BenchmarkCategory(Serialize)]
    public byte[] SerializeStjSourceGen() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(_pocoRequest, Poco.PocoJsonContext.Default.UpdateEndpointRequest);

    [Benchmark(Description = "Newtonsoft.Json")]
    [BenchmarkCategory(Serialize)]
    public byte[] SerializeNewtonsoft() => Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(_pocoRequest, Poco.PocoSettings.Newtonsoft));

    [Benchmark(Baseline = true, Description = "generated code")]
    [BenchmarkCategory(Deserialize)]
    public EndpointDetail DeserializeGenerated() => EndpointDetail.FromJson(_responseJson);

    [Benchmark(Description = "STJ reflection")]
    [BenchmarkCategory(Deserialize)]
    public Poco.EndpointDetail DeserializeStjReflection() => System.Text.Json.JsonSerializer.Deserialize<Poco.EndpointDetail>(_responseJson, Poco.PocoSettings.Reflection)!;

    [Benchmark(Description = "STJ source-generated context")]
    [BenchmarkCategory(Deserialize)]
    public Poco.EndpointDetail DeserializeStjSourceGen() => System.Text.Json.JsonSerializer.Deserialize(_responseJson, Poco.PocoJsonContext.Default.EndpointDetail)!;

    [Benchmark(Description = "Newtonsoft.Json")]
    [BenchmarkCategory(Deserialize)]
    public Poco.EndpointDetail DeserializeNewtonsoft() => Newtonsoft.Json.JsonConvert.DeserializeObject<Poco.EndpointDetail>(Encoding.UTF8.GetString(_responseJson), Poco.PocoSettings.Newtonsoft)!;
}
