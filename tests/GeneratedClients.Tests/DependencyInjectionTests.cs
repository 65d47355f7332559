using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.GaussDBForOpenGauss;
using Microsoft.Extensions.DependencyInjection;

namespace GeneratedClients.Tests;

/// <summary>The generated <c>Add…Client</c> registers a typed client with IHttpClientFactory that users extend with handlers.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task A_registered_client_calls_the_configured_endpoint_through_the_users_handlers()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"job_id":"bf26cf3c-d046-4080-bb45-f114be7afa5f"}""");
        var services = new ServiceCollection();
        services.AddTransient<TokenHandler>();
        services.AddGaussDBForOpenGaussClient(options => options.BaseAddress = server.BaseAddress)
            .AddHttpMessageHandler<TokenHandler>()
            .AddStandardResilienceHandler();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<GaussDBForOpenGaussClient>();
        var response = await client.InstallKernelPluginAsync(new InstallKernelPluginRequest
        {
            ProjectId = "0c8243400d37468bb4aed3cc94c2911d",
            InstanceId = "f9b5f9b296ec6808e067in14",
            Body = new InstallKernelPluginRequestBody { PluginName = InstallKernelPluginRequestBodyPluginName.Postgis, Url = "xxxx.obs.bucket1", Sha256 = "791a" },
        });

        Assert.Equal("bf26cf3c-d046-4080-bb45-f114be7afa5f", response.TrackingId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v3/0c8243400d37468bb4aed3cc94c2911d/instances/f9b5f9b296ec6808e067in14/kernel-plugin", request.RawTarget);
        Assert.Equal("from-the-handler", request.Headers["X-Auth-Token"]);
    }

    [Fact]
    public void A_client_registered_without_a_base_address_calls_the_specs_server_in_the_default_region()
    {
        var services = new ServiceCollection();
        services.AddGaussDBForOpenGaussClient(_ => { });
        services.AddGaussDBForOpenGaussClient(o => o.Region = "cn-north-4");
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var httpClient = factory.CreateClient(nameof(GaussDBForOpenGaussClient));

        Assert.Equal(new Uri("https://gaussdb-opengauss.cn-north-4.myhuaweicloud.com/"), httpClient.BaseAddress);
    }

    /// <summary>Supplies the token, as users do from their credential store.</summary>
    private sealed class TokenHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Auth-Token", "from-the-handler");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
