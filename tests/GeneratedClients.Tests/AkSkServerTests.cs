using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenApiClientGenerator.Runtime;
using Polly;

namespace GeneratedClients.Tests;

/// <summary>
/// Signed requests over a real socket to Kestrel, which recomputes each signature from the request it parsed
/// (<see cref="AkSkVerifier"/>) and answers 401 to a wrong one, as Huawei's API Gateway does.
/// </summary>
public sealed class AkSkServerTests
{
    private const string AccessKey = TestKeys.AccessKey;
    private const string SecretKey = TestKeys.SecretKey;
    private const string SecurityToken = TestKeys.SecurityToken;
    private static readonly DateTimeOffset Clock = new(2019, 11, 15, 3, 36, 55, TimeSpan.Zero);
    private static readonly AkSk Credentials = TestKeys.Temporary;

    /// <summary>Each of the five operations, called through a client whose HttpClient signs.</summary>
    private static readonly Dictionary<string, (int Status, Func<HttpClient, Task> Call)> Operations = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin"] = (200, http => new ModelArtsClient(http).UpdatePluginAsync(PageRequests.UpdatePlugin())),
        ["PatchService"] = (200, http => new ModelArtsClient(http).PatchServiceAsync(PageRequests.PatchService())),
        ["UpdateServiceInstance"] = (202, http => new DataArtsFabricClient(http).UpdateServiceInstanceAsync(PageRequests.UpdateServiceInstance())),
        ["UpdateEndpoint"] = (202, http => new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint())),
        ["InstallKernelPlugin"] = (200, http => new GaussDBForOpenGaussClient(http).InstallKernelPluginAsync(PageRequests.InstallKernelPlugin())),
    };

    public static TheoryData<string> VectorNames() => new(AkSkVector.All.Select(vector => vector.Name));

    public static TheoryData<string> OperationIds() => new(Operations.Keys);

    [Theory]
    [MemberData(nameof(VectorNames))]
    public async Task The_server_accepts_each_vectors_request_signed_for_its_own_address(string name)
    {
        var vector = AkSkVector.Get(name);
        await using var server = await StartAsync();
        using var http = SigningClient(server, vector.Credentials);
        using var request = vector.CreateRequest(server.BaseAddress);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(vector.Url.PathAndQuery, server.Requests.Single().RawTarget);
    }

    [Fact]
    public async Task The_server_refuses_a_request_signed_with_another_secret_key()
    {
        await using var server = await StartAsync();
        using var http = SigningClient(server, new AkSk(AccessKey, "another-secret-key", Credentials.ProjectId, SecurityToken));

        using var response = await http.GetAsync("v2/0c8243400d37468bb4aed3cc94c2911d/pools?limit=10");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_server_refuses_a_signed_request_changed_after_signing()
    {
        await using var server = await StartAsync();
        using var http = server.CreateHttpClient();
        var handler = new HuaweiCloudSigningHandler(Credentials, new FakeTimeProvider(Clock));
        using var signed = AkSkVector.Get("post-json").CreateRequest(server.BaseAddress);
        using var changed = AkSkVector.Get("post-json").CreateRequest(server.BaseAddress);
        await handler.SignAsync(signed, CancellationToken.None);
        await handler.SignAsync(changed, CancellationToken.None);
        changed.Headers.Remove("X-Language");
        changed.Headers.TryAddWithoutValidation("X-Language", "zh-cn");

        using var accepted = await http.SendAsync(signed);
        using var refused = await http.SendAsync(changed);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Each_generated_operation_goes_out_signed(string operationId)
    {
        var (status, call) = Operations[operationId];
        await using var server = await StartAsync();
        server.Response = new CannedResponse(status, SpecDocuments.Example(operationId + " " + status.ToString(CultureInfo.InvariantCulture)).ToJsonString());
        using var http = SigningClient(server, Credentials);

        await call(http);

        var request = server.Requests.Single();
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + AccessKey + ", SignedHeaders=", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(SecurityToken, request.Headers["X-Security-Token"]);
    }

    [Fact]
    public async Task A_retried_request_is_signed_again_with_a_fresh_date_and_no_secret_reaches_the_logs()
    {
        await using var server = await StartAsync();
        server.FirstResponses.Enqueue(new CannedResponse(503, """{"error_code":"APIG.0201","error_msg":"Backend unavailable"}"""));
        var clock = new FakeTimeProvider(Clock) { AutoAdvanceAmount = TimeSpan.FromMinutes(1) };
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        // The signer wraps the primary handler, so the resilience handler and the factory's loggers run above it. The
        // loggers print every request header unredacted, so a signing header would show if it were on the request.
        services.AddHttpClient("signed", http =>
            {
                http.BaseAddress = server.BaseAddress;
                http.DefaultRequestHeaders.Add("X-Language", "en-us");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new HuaweiCloudSigningHandler(Credentials, clock) { InnerHandler = new HttpClientHandler() })
            .RedactLoggedHeaders(_ => false)
            .AddResilienceHandler("retry", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.Zero }));
        await using var provider = services.BuildServiceProvider();
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("signed");

        using var response = await http.GetAsync("v2/0c8243400d37468bb4aed3cc94c2911d/pools?limit=10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = server.Requests;
        Assert.Equal(["20191115T033655Z", "20191115T033755Z"], requests.Select(request => request.Headers["X-Sdk-Date"]));
        var signatures = requests.Select(request => request.Headers["Authorization"].Split("Signature=")[1]).ToList();
        Assert.NotEqual(signatures[0], signatures[1]);
        var logged = string.Join("\n", logs.Messages);
        Assert.Contains("Sending HTTP request GET", logged, StringComparison.Ordinal);
        Assert.Contains("X-Language: en-us", logged, StringComparison.Ordinal);
        Assert.All(new[] { AccessKey, SecretKey, SecurityToken }.Concat(signatures), secret => Assert.DoesNotContain(secret, logged, StringComparison.Ordinal));
    }

    // The vectors sign with the same access key pair.
    private static async Task<RecordingServer> StartAsync()
    {
        var server = await RecordingServer.StartAsync();
        server.Authenticate = AkSkVerifier.Accepting(AccessKey, SecretKey);
        return server;
    }

    private static HttpClient SigningClient(RecordingServer server, AkSk credentials)
        => new(new HuaweiCloudSigningHandler(credentials, new FakeTimeProvider(Clock)) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = server.BaseAddress,
        };

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                messages.Enqueue(state.ToString() ?? string.Empty);
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception));
        }
    }
}
