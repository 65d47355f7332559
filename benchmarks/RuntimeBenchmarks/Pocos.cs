using System.Collections.Generic;
using System.Text.Json.Serialization;

// Hand-written POCOs of the shape of page 004's UpdateEndpoint request and 202 response, as a developer would write them
// for System.Text.Json or Newtonsoft.Json: mutable classes, nullable members, List/Dictionary collections. Member names
// come from a snake_case naming policy (STJ) or naming strategy (Newtonsoft), not from attributes.
namespace RuntimeBenchmarks.Pocos;

public sealed class UpdateEndpointRequest
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public ReservedResource? ReservedResource { get; set; }
    public RayResourceInput? RayResource { get; set; }
    public CapRef? Cap { get; set; }
    public EndpointConfig? Config { get; set; }
}

public sealed class ReservedResource
{
    public ResourceDef? Apu { get; set; }
    public SqlResourceDef? Dpu { get; set; }
    public ResourceDemand? Mu { get; set; }
}

public sealed class ResourceDef
{
    public string? SpecCode { get; set; }
    public int? WarmUpNum { get; set; }
    public int? MaxNum { get; set; }
}

public sealed class SqlResourceDef
{
    public string? SpecCode { get; set; }
    public int? WarmUpNum { get; set; }
    public int? MaxNum { get; set; }
    public bool? UsePublicResource { get; set; }
}

public sealed class ResourceDemand
{
    public string? SpecCode { get; set; }
    public int? Min { get; set; }
    public int? Max { get; set; }
}

public sealed class RayResourceInput
{
    public HeadNodeResourceDemand? HeadNodeResource { get; set; }
    public List<WorkNodeResourceDemand>? WorkNodeResources { get; set; }
}

public sealed class HeadNodeResourceDemand
{
    public string? SpecCode { get; set; }
}

public sealed class WorkNodeResourceDemand
{
    public string? Name { get; set; }
    public ResourceDemand? Resource { get; set; }
}

public sealed class CapRef
{
    public string? CapId { get; set; }
    public string? VersionId { get; set; }
}

public sealed class EndpointConfig
{
    public RayServiceConfig? RayServiceConfig { get; set; }
}

public sealed class RayServiceConfig
{
    public RayServeConfig? RayServeConfig { get; set; }
    public RayClusterConfig? RayClusterConfig { get; set; }
    public RayServiceLogConfig? LogConfig { get; set; }
    public List<DataBriefInfo>? DataInfos { get; set; }
}

public sealed class RayServeConfig
{
    public List<ServeApplication>? Applications { get; set; }
}

public sealed class ServeApplication
{
    public string? Name { get; set; }
    public string? ImportPath { get; set; }
    public List<Deployment>? Deployments { get; set; }
    public ServeRuntimeEnv? RuntimeEnv { get; set; }
    public string? RoutePrefix { get; set; }
}

public sealed class Deployment
{
    public string? Name { get; set; }
    public RayActorOptions? RayActorOptions { get; set; }
    public AutoscalingConfig? AutoscalingConfig { get; set; }
    public int? NumReplicas { get; set; }

    /// <summary>Free-form: JsonElement values under System.Text.Json, JToken values under Newtonsoft.Json.</summary>
    public Dictionary<string, object?>? UserConfig { get; set; }

    /// <summary>The response example sends <c>""</c> here (meaning "not set"); System.Text.Json needs a converter for that, Newtonsoft.Json reads it as null itself.</summary>
    [JsonConverter(typeof(EmptyStringAsNullInt32Converter))]
    public int? MaxReplicasPerNode { get; set; }

    public int? MaxOngoingRequests { get; set; }
    public int? MaxQueuedRequests { get; set; }
}

public sealed class RayActorOptions
{
    public double? NumCpus { get; set; }
    public double? Memory { get; set; }
    public string? Resources { get; set; }
}

public sealed class AutoscalingConfig
{
    public int? TargetOngoingRequests { get; set; }
    public int? MaxOngoingRequests { get; set; }
    public int? MinReplicas { get; set; }
    public int? MaxReplicas { get; set; }
    public int? InitialReplicas { get; set; }
    public int? UpscaleDelayS { get; set; }
    public int? DownscaleDelayS { get; set; }
}

public sealed class ServeRuntimeEnv
{
    public string? WorkingDir { get; set; }
    public Dictionary<string, string>? EnvVars { get; set; }
}

public sealed class RayClusterConfig
{
    public HeadGroupSpecV2? HeadGroupSpec { get; set; }
    public List<WorkerGroupSpecV2>? WorkerGroupSpecs { get; set; }
}

public sealed class HeadGroupSpecV2
{
    public ResourceSpec? Limits { get; set; }
    public ResourceSpec? Requests { get; set; }
}

public sealed class WorkerGroupSpecV2
{
    public string? Name { get; set; }
    public int? MinReplicas { get; set; }
    public int? MaxReplicas { get; set; }
    public ResourceSpec? Limits { get; set; }
    public ResourceSpec? Requests { get; set; }
}

public sealed class ResourceSpec
{
    public string? SpecCode { get; set; }
}

public sealed class RayServiceLogConfig
{
    public RayServiceLogLtsConfig? Lts { get; set; }
}

public sealed class RayServiceLogLtsConfig
{
    public bool? Enabled { get; set; }
    public string? LogGroupId { get; set; }
    public string? LogStreamId { get; set; }
}

public sealed class DataBriefInfo
{
    public string? InputPath { get; set; }
    public string? OutputPath { get; set; }
    public string? EnvVarName { get; set; }
}

public sealed class EndpointDetail
{
    public string? Visibility { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? Description { get; set; }

    /// <summary>A string, as the generated record keeps <c>format: date-time</c>.</summary>
    public string? CreateTime { get; set; }

    public string? UpdateTime { get; set; }
    public EndpointOwner? Owner { get; set; }
    public CapRef? Cap { get; set; }
    public ReservedResource? ReservedResource { get; set; }
    public RayResourceOutput? RayResource { get; set; }
    public List<EndpointCache>? Caches { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMsg { get; set; }
    public List<EndpointUrl>? Urls { get; set; }
    public List<string>? BusinessEngineInstanceIds { get; set; }
    public TokensQuota? TokensQuota { get; set; }
    public string? RuntimeEnvType { get; set; }
    public EndpointConfig? Config { get; set; }
}

public sealed class EndpointOwner
{
    public string? DomainName { get; set; }
    public string? DomainId { get; set; }
    public string? UserName { get; set; }
    public string? UserId { get; set; }
}

public sealed class RayResourceOutput
{
    public HeadGroupResource? HeadGroupSpec { get; set; }
    public List<WorkerGroupResource>? WorkerGroupSpec { get; set; }
}

public sealed class HeadGroupResource
{
    public string? SpecCode { get; set; }
}

public sealed class WorkerGroupResource
{
    public string? Name { get; set; }
    public string? SpecCode { get; set; }
    public int? MinReplicas { get; set; }
    public int? MaxReplicas { get; set; }
}

public sealed class EndpointCache
{
    public string? MntPath { get; set; }
    public string? CacheInsId { get; set; }
}

public sealed class EndpointUrl
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Type { get; set; }
    public string? Token { get; set; }
}

public sealed class TokensQuota
{
    public long? Total { get; set; }
    public long? Used { get; set; }
    public string? ExpireTime { get; set; }
}
