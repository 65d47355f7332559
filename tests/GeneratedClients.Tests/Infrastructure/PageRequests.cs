using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;

namespace GeneratedClients.Tests.Infrastructure;

/// <summary>
/// The request bodies of the five pages' request examples, written by hand with the generated types: they show that
/// the typed API can say what the pages send. Free-form members (Map&lt;String,Object&gt;, Object) are JSON by design.
/// </summary>
public static class PageRequests
{
    public const string ProjectId = "0c8243400d37468bb4aed3cc94c2911d";
    public const string WorkspaceId = "3d8c4a2e-5b6f-4a1c-9e2d-7f8a9b0c1d2e";
    public const string Token = "MIIZkQYJKoZIhvcNAQcCoIIZgjCCGX4CAQExDTALBglghkgBZQMEAgEwgheFBgkqhkiG9w0BBwGgg";

    /// <summary>000 UpdatePlugin: a merge patch of the plug-in's template.</summary>
    public static UpdatePluginRequestBodyPatch UpdatePluginBody() => new()
    {
        Spec = new PluginSpecPatch
        {
            Template = new TemplatePatch
            {
                Version = "1.6.63",
                Inputs = new Dictionary<string, JsonElement?>
                {
                    ["custom"] = Element(new JsonObject
                    {
                        ["enable_dnsconfig_admission"] = true,
                        ["nameserver"] = "123.123.123.123",
                        ["ndots"] = "3",
                        ["search"] = "123,234",
                    }),
                    ["flavor"] = Element(new JsonObject
                    {
                        ["name"] = "custom",
                        ["replicas"] = 2,
                        ["resources"] = new JsonArray(
                            new JsonObject
                            {
                                ["limitsCpu"] = "234m",
                                ["limitsMem"] = "234Mi",
                                ["name"] = "node-local-dns-admission-controller",
                                ["replicas"] = 1,
                                ["requestsCpu"] = "123m",
                                ["requestsMem"] = "123Mi",
                            },
                            new JsonObject
                            {
                                ["limitsCpu"] = "234m",
                                ["limitsMem"] = "234Mi",
                                ["name"] = "node-local-dns-cache",
                                ["requestsCpu"] = "123m",
                                ["requestsMem"] = "123Mi",
                            }),
                    }),
                },
            },
        },
    };

    public static UpdatePluginRequest UpdatePlugin() => new()
    {
        ProjectId = ProjectId,
        PoolName = "pool-1",
        TemplateName = "node-local-dns",
        XAuthToken = Token,
        Body = UpdatePluginBody(),
    };

    /// <summary>001 PatchService: five replace operations, through the typed methods.</summary>
    public static PatchServiceDocument PatchServiceBody() => new PatchServiceDocument()
        .ReplaceEnvs(new Dictionary<string, string>())
        .ReplaceModelId("a9542b46-8dfd-4184-bd81-c8d8946edb47")
        .ReplaceAdditionalProperties(new Dictionary<string, JsonElement>
        {
            ["persistent_volumes"] = Element(new JsonArray(new JsonObject
            {
                ["storage_type"] = "obs_pfs",
                ["source_address"] = "/dongcong4",
                ["mount_path"] = "/var/tmp",
                ["storage_type_text"] = "atelier_webservice_detail_model_config_volumes_type_obs",
            })),
        })
        .ReplaceSpecification("modelarts.vm.ai1.a310")
        .ReplacePoolName("pool-c8e2-04f258c84780d5a52f3bc00dc15aa5e7");

    public static PatchServiceRequest PatchService() => new()
    {
        ProjectId = ProjectId,
        ServiceId = "ae2aa85c-e2a3-4fca-8c2b-1700530937033",
        XModelArtsUserID = "user-0001",
        XAuthToken = Token,
        Body = PatchServiceBody(),
    };

    /// <summary>002 UpdateServiceInstance.</summary>
    public static UpdateServiceInstanceRequestBody UpdateServiceInstanceBody() => new()
    {
        Source = new SourceRef { Id = "0b5633ba2b904511ad514346f4d23d4b", VersionId = "0b5633ba2b904511ad514346f4d23d4b" },
        Name = "serviceInstanceName1",
        Description = "description",
        Config = new UpdateServiceInstanceConfig
        {
            ModelInstanceConfig = new UpdateModelInstanceConfig { Resource = new BaseDemand { Min = 1, Max = 1000 } },
        },
    };

    public static UpdateServiceInstanceRequest UpdateServiceInstance() => new()
    {
        WorkspaceId = WorkspaceId,
        InstanceId = "b935d0ef-f4eb-4b95-aff1-9d33ae9f57b6",
        XAuthToken = Token,
        Body = UpdateServiceInstanceBody(),
    };

    /// <summary>003 InstallKernelPlugin.</summary>
    public static InstallKernelPluginRequestBody InstallKernelPluginBody() => new()
    {
        PluginName = InstallKernelPluginRequestBodyPluginName.Postgis,
        Url = "xxxx.obs.bucket1",
        Sha256 = "791a8d68064ca3208b52ac2584b3b1ab89e4945069baf48e2b14ed5a7151889b",
    };

    public static InstallKernelPluginRequest InstallKernelPlugin() => new()
    {
        ProjectId = ProjectId,
        InstanceId = "f9b5f9b296ec6808e067in14",
        XAuthToken = Token,
        XLanguage = "en-us",
        Body = InstallKernelPluginBody(),
    };

    /// <summary>004 UpdateEndpoint: the Ray Serve configuration, member by member.</summary>
    public static UpdateEndpointRequestBody UpdateEndpointBody() => new()
    {
        Name = "endpoint1",
        Description = "description",
        ReservedResource = new ReservedResource
        {
            Apu = new ResourceDef { SpecCode = "dpu.d1x", WarmUpNum = 1, MaxNum = 100 },
            Dpu = new SqlResourceDef { SpecCode = "dpu.d1x", WarmUpNum = 1, MaxNum = 100, UsePublicResource = false },
            Mu = new ResourceDemand { SpecCode = "string", Min = 0, Max = 1 },
        },
        RayResource = new RayResourceInput
        {
            HeadNodeResource = new HeadNodeResourceDemand { SpecCode = "string" },
            WorkNodeResources = [new WorkNodeResourceDemand { Name = "cpuGroup1", Resource = new ResourceDemand { SpecCode = "string", Min = 0, Max = 1 } }],
        },
        Cap = new CapRef { CapId = "0b5633ba2b904511ad514346f4d23d4b", VersionId = "0b5633ba2b904511ad514346f4d23d4b" },
        Config = new EndpointConfig { RayServiceConfig = RayService() },
    };

    public static RayServiceConfig RayService() => new()
    {
        RayServeConfig = new RayServeConfig { Applications = [ServeApplication()] },
        RayClusterConfig = new RayClusterConfig
        {
            HeadGroupSpec = new HeadGroupSpecV2 { Limits = new ResourceSpec { SpecCode = "string" }, Requests = new ResourceSpec { SpecCode = "string" } },
            WorkerGroupSpecs =
            [
                new WorkerGroupSpecV2
                {
                    Name = "string",
                    MinReplicas = 10000,
                    MaxReplicas = 10000,
                    Limits = new ResourceSpec { SpecCode = "string" },
                    Requests = new ResourceSpec { SpecCode = "string" },
                },
            ],
        },
        DataInfos = [new DataBriefInfo { InputPath = "OBS://bucket/dir/" }],
    };

    public static ServeApplication ServeApplication() => new()
    {
        Name = "string",
        ImportPath = "string",
        Deployments = [ServeDeployment()],
        RuntimeEnv = new ServeRuntimeEnv
        {
            WorkingDir = "string",
            EnvVars = new Dictionary<string, string> { ["additionalProp1"] = "string", ["additionalProp2"] = "string", ["additionalProp3"] = "string" },
        },
        RoutePrefix = "string",
    };

    public static Deployment ServeDeployment() => new()
    {
        Name = "string",
        RayActorOptions = new RayActorOptions { NumCpus = 0, Memory = 0, Resources = "string" },
        AutoscalingConfig = new AutoscalingConfig
        {
            TargetOngoingRequests = 1000,
            MaxOngoingRequests = 1000,
            MinReplicas = 1000,
            MaxReplicas = 1000,
            InitialReplicas = 1000,
            UpscaleDelayS = 86400,
            DownscaleDelayS = 86400,
        },
        NumReplicas = 1000,
        UserConfig = new Dictionary<string, JsonElement>(),
        MaxReplicasPerNode = 1,
    };

    public static UpdateEndpointRequest UpdateEndpoint() => new()
    {
        WorkspaceId = WorkspaceId,
        EndpointId = "0b5633ba2b904511ad514346f4d23d4b",
        XAuthToken = Token,
        Body = UpdateEndpointBody(),
    };

    /// <summary>A free-form JSON value.</summary>
    public static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
