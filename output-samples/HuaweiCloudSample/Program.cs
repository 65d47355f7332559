// Calls the five Huawei Cloud operations through the clients generated from specs/, against a local server on
// 127.0.0.1 that answers with the API pages' own example responses. Every request is signed with an AK/SK pair
// (SDK-HMAC-SHA256), configured on the DI registration. Prints what went over the wire each way.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenApiClientGenerator.Runtime;

await using var server = await SampleServer.StartAsync();

// A real program reads the key pair with AkSk.FromEnvironment() and leaves BaseAddress unset: the region picks
// https://modelarts.ap-southeast-1.myhuaweicloud.com/. Here the local server stands in for the three endpoints.
var credentials = new AkSk("HPUAXLKQ1EXAMPLEAK9Z", "sample-secret-key", projectId: "0c8243400d37468bb4aed3cc94c2911d");
var services = new ServiceCollection();
services.AddModelArtsClient(o => { o.Region = "ap-southeast-1"; o.Credentials = credentials; o.BaseAddress = server.BaseAddress; });
services.AddDataArtsFabricClient(o => { o.Region = "ap-southeast-1"; o.Credentials = credentials; o.BaseAddress = server.BaseAddress; });
services.AddGaussDBForOpenGaussClient(o => { o.Region = "ap-southeast-1"; o.Credentials = credentials; o.BaseAddress = server.BaseAddress; });
await using var provider = services.BuildServiceProvider();
var modelArts = provider.GetRequiredService<ModelArtsClient>();
var dataArts = provider.GetRequiredService<DataArtsFabricClient>();
var gaussDb = provider.GetRequiredService<GaussDBForOpenGaussClient>();

Console.WriteLine($"Local server: {server.BaseAddress}");

Section("UpdatePlugin (ModelArts, JSON merge patch)");
var plugin = await modelArts.UpdatePluginAsync(new UpdatePluginRequest
{
    ProjectId = "0c8243400d37468bb4aed3cc94c2911d",
    PoolName = "pool-c8e2",
    TemplateName = "node-local-dns",
    Body = new UpdatePluginRequestBodyPatch
    {
        Spec = new PluginSpecPatch
        {
            // Version is set, the plug-in input "custom" is removed (null), Name is left as it is (unset).
            Template = new TemplatePatch { Version = "1.6.63", Inputs = new Dictionary<string, JsonElement?> { ["custom"] = null } },
        },
    },
});
Print(server, plugin.StatusCode, plugin.RequestId, plugin.Body.ToJson());

Section("PatchService (ModelArts, JSON Patch)");
var patched = await modelArts.PatchServiceAsync(new PatchServiceRequest
{
    ProjectId = "0c8243400d37468bb4aed3cc94c2911d",
    ServiceId = "b935d0ef-f4eb-4b95-aff1-9d33ae9f57b6",
    Body = new PatchServiceDocument()
        .ReplaceModelId("a9542b46-8dfd-4184-bd81-c8d8946edb47")
        .ReplaceSpecification("modelarts.vm.ai1.a310")
        .ReplaceEnvs(new Dictionary<string, string> { ["LOG_LEVEL"] = "debug" }),
});
Print(server, patched.StatusCode, patched.RequestId, patched.Body.ToJson());

Section("UpdateServiceInstance (DataArts Fabric, 202 Accepted)");
var instance = await dataArts.UpdateServiceInstanceAsync(new UpdateServiceInstanceRequest
{
    WorkspaceId = "ws-0b5633ba",
    InstanceId = "b935d0ef-f4eb-4b95-aff1-9d33ae9f57b6",
    Body = new UpdateServiceInstanceRequestBody
    {
        Name = "serviceInstanceName1",
        Description = "description",
        Config = new UpdateServiceInstanceConfig
        {
            ModelInstanceConfig = new UpdateModelInstanceConfig { Resource = new BaseDemand { Min = 1, Max = 1000 } },
        },
    },
});
Print(server, instance.StatusCode, instance.RequestId, instance.Body.ToJson());
Console.WriteLine($"  accepted, not done yet (IsCompleted={instance.IsCompleted}); follow up with id {instance.TrackingId}");

Section("UpdateEndpoint (DataArts Fabric, 202 Accepted)");
var endpoint = await dataArts.UpdateEndpointAsync(new UpdateEndpointRequest
{
    WorkspaceId = "ws-0b5633ba",
    EndpointId = "0b5633ba2b904511ad514346f4d23d4b",
    Body = new UpdateEndpointRequestBody
    {
        Name = "endpoint1",
        Description = "description",
        ReservedResource = new ReservedResource
        {
            Apu = new ResourceDef { SpecCode = "dpu.d1x", WarmUpNum = 1, MaxNum = 100 },
        },
    },
});
Print(server, endpoint.StatusCode, endpoint.RequestId, endpoint.Body.ToJson());
Console.WriteLine($"  accepted, not done yet; follow up with id {endpoint.TrackingId}; endpoint status {endpoint.Body.Status}");
Console.WriteLine($"  printed response record masks secrets: {endpoint.Body.Urls?.FirstOrDefault()}");

Section("InstallKernelPlugin (GaussDB for openGauss)");
var install = await gaussDb.InstallKernelPluginAsync(new InstallKernelPluginRequest
{
    ProjectId = "0c8243400d37468bb4aed3cc94c2911d",
    InstanceId = "f9b5f9b296ec6808e067in14",
    Body = new InstallKernelPluginRequestBody
    {
        PluginName = InstallKernelPluginRequestBodyPluginName.Postgis,
        Url = "xxxx.obs.bucket1",
        Sha256 = "791a8d68064ca3208b52ac2584b3b1ab89e4945069baf48e2b14ed5a7151889b",
    },
});
Print(server, install.StatusCode, install.RequestId, install.Body.ToJson());
Console.WriteLine($"  job to follow: {install.TrackingId}");

Section("A request that breaks the spec is rejected before anything is sent");
var sentBefore = server.RequestCount;
try
{
    await dataArts.UpdateServiceInstanceAsync(new UpdateServiceInstanceRequest
    {
        WorkspaceId = "not/valid!",
        InstanceId = new string('x', 40),
        Body = new UpdateServiceInstanceRequestBody { Name = "bad<name>", Source = new SourceRef { Id = "" } },
    });
}
catch (RequestValidationException exception)
{
    Console.WriteLine(exception.Message);
    Console.WriteLine($"  requests sent: {server.RequestCount - sentBefore}");
}

Section("An error status becomes a typed ApiException");
server.NextStatus = 400;
try
{
    await gaussDb.InstallKernelPluginAsync(new InstallKernelPluginRequest
    {
        ProjectId = "0c8243400d37468bb4aed3cc94c2911d",
        InstanceId = "f9b5f9b296ec6808e067in14",
        Body = new InstallKernelPluginRequestBody { PluginName = InstallKernelPluginRequestBodyPluginName.Postgis, Url = "u", Sha256 = "s" },
    });
}
catch (ApiException<GaussDBErrorResponse> exception)
{
    // The spec documents the error body, so it arrives typed; the Huawei fields are on every ApiException too.
    Console.WriteLine($"  ApiException<GaussDBErrorResponse>: status {exception.StatusCode}, error_code {exception.Error.ErrorCode}, error_msg {exception.Error.ErrorMsg}, X-Request-Id {exception.RequestId}");
}

static void Section(string title) => Console.WriteLine($"{Environment.NewLine}== {title}");

static void Print(SampleServer server, int statusCode, string? requestId, byte[] responseJson)
{
    var sent = server.LastRequest!;
    Console.WriteLine($"  sent     {sent.Method} {sent.Target}");
    Console.WriteLine($"           Content-Type: {sent.ContentType}");
    Console.WriteLine($"           Authorization: {sent.Authorization}");
    Console.WriteLine($"           {sent.Body}");
    Console.WriteLine($"  received {statusCode} (X-Request-Id {requestId})");
    Console.WriteLine($"           {Encoding.UTF8.GetString(responseJson)}");
}

/// <summary>What the sample server saw.</summary>
/// <param name="Authorization">The scheme and the signed headers of the Authorization header; the signature is left out.</param>
internal sealed record SeenRequest(string Method, string Target, string? ContentType, string Authorization, string Body);

/// <summary>A Kestrel server on 127.0.0.1 that answers each operation with its page's example response.</summary>
internal sealed class SampleServer : IAsyncDisposable
{
    private static readonly (string Method, string PathPrefix, int Status, string Body)[] Routes =
    [
        ("PATCH", "/v2/", 200, """{"spec":{"template":{"version":"1.6.63","inputs":{"flavor":{"name":"custom","replicas":2}}}}}"""),
        ("PATCH", "/v1/", 200, """{"update_time":1700625410586,"resource_ids":["INF-ae2aa85ce2a3fcac-1700530937033","INF-ae2aa85ca9542b46-1700530937026"]}"""),
        ("PUT", "/v1/workspaces/ws-0b5633ba/services/", 202, """{"id":"b935d0ef-f4eb-4b95-aff1-9d33ae9f57b6"}"""),
        ("PUT", "/v1/workspaces/ws-0b5633ba/endpoints/", 202, """{"visibility":"PRIVATE","id":"0b5633ba2b904511ad514346f4d23d4b","name":"endpoint1","type":"job","status":"CREATING","urls":[{"name":"string","address":"string","type":"PRIVATE","token":"secret-token"}]}"""),
        ("POST", "/v3/", 200, """{"job_id":"bf26cf3c-d046-4080-bb45-f114be7afa5f"}"""),
    ];

    private readonly WebApplication _app;

    private SampleServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public SeenRequest? LastRequest { get; private set; }

    public int RequestCount { get; private set; }

    /// <summary>Makes the next response an error with this status.</summary>
    public int? NextStatus { get; set; }

    public static async Task<SampleServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SampleServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        LastRequest = new SeenRequest(context.Request.Method, target, context.Request.ContentType, WithoutSignature(context.Request.Headers.Authorization.ToString()), body);
        RequestCount++;
        context.Response.Headers["X-Request-Id"] = "req-" + RequestCount.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        if (NextStatus is { } status)
        {
            NextStatus = null;
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("""{"error_code":"DBS.200001","error_msg":"The instance does not exist."}""");
            return;
        }

        var route = Routes.First(r => r.Method == context.Request.Method && target.StartsWith(r.PathPrefix, StringComparison.Ordinal));
        context.Response.StatusCode = route.Status;
        await context.Response.WriteAsync(route.Body);
    }

    private static string WithoutSignature(string authorization)
        => authorization.Length == 0 ? "(none)" : authorization[..Math.Max(0, authorization.IndexOf(", Signature=", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
