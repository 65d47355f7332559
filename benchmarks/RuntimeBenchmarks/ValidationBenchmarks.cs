using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using OpenApiClientGenerator.Runtime;
using RuntimeBenchmarks.Generated.DataArtsFabric;

namespace RuntimeBenchmarks;

/// <summary>The generated validator over page 004's request example, as it is (valid) and with six violations.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private UpdateEndpointRequestBody _valid = null!;
    private UpdateEndpointRequestBody _invalid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _valid = UpdateEndpointRequestBody.FromJson(Payloads.UpdateEndpointRequest);
        _invalid = InvalidRequest(_valid);
    }

    [Benchmark(Baseline = true, Description = "Validate() a valid request")]
    public IReadOnlyList<ValidationError> ValidateValid() => _valid.Validate();

    [Benchmark(Description = "Validate() an invalid request (6 violations)")]
    public IReadOnlyList<ValidationError> ValidateInvalid() => _invalid.Validate();

    /// <summary>
    /// The example with required members taken out: apu's spec_code and warm_up_num, mu's min, the application's name
    /// and deployments, the Ray service's ray_cluster_config. Six violations, each with its JSON path.
    /// </summary>
    public static UpdateEndpointRequestBody InvalidRequest(UpdateEndpointRequestBody valid)
    {
        var reserved = valid.ReservedResource!;
        var service = valid.Config!.RayServiceConfig!;
        var application = service.RayServeConfig!.Applications![0];
        return valid with
        {
            ReservedResource = reserved with
            {
                Apu = reserved.Apu! with { SpecCode = null, WarmUpNum = null },
                Mu = reserved.Mu! with { Min = null },
            },
            Config = valid.Config with
            {
                RayServiceConfig = service with
                {
                    RayServeConfig = service.RayServeConfig with { Applications = [application with { Name = null, Deployments = null }] },
                    RayClusterConfig = null,
                },
            },
        };
    }
}
