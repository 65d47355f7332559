using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.AuthSchemes;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Authentication from the generated options: the spec's security schemes become typed credentials, each operation's
/// requirement picks the one to send, and the Kestrel test server checks what arrives (AK/SK signatures recomputed by
/// <see cref="AkSkVerifier"/>).
/// </summary>
public sealed class AuthenticationTests
{
    private static readonly Dictionary<string, Func<IServiceProvider, Task>> SeedOperations = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin"] = p => p.GetRequiredService<ModelArtsClient>().UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = null }),
        ["PatchService"] = p => p.GetRequiredService<ModelArtsClient>().PatchServiceAsync(PageRequests.PatchService() with { XAuthToken = null }),
        ["UpdateServiceInstance"] = p => p.GetRequiredService<DataArtsFabricClient>().UpdateServiceInstanceAsync(PageRequests.UpdateServiceInstance() with { XAuthToken = null }),
        ["UpdateEndpoint"] = p => p.GetRequiredService<DataArtsFabricClient>().UpdateEndpointAsync(PageRequests.UpdateEndpoint() with { XAuthToken = null }),
        ["InstallKernelPlugin"] = p => p.GetRequiredService<GaussDBForOpenGaussClient>().InstallKernelPluginAsync(PageRequests.InstallKernelPlugin() with { XAuthToken = null }),
    };

    public static TheoryData<string> SeedOperationIds() => new(SeedOperations.Keys);

    [Theory]
    [MemberData(nameof(SeedOperationIds))]
    public async Task Each_seed_operation_goes_out_signed_with_the_credentials_from_the_options(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Authenticate = AkSkVerifier.Accepting(TestKeys.AccessKey, TestKeys.SecretKey);
        server.Response = new CannedResponse(operationId is "UpdateServiceInstance" or "UpdateEndpoint" ? 202 : 200, "{}");
        var services = new ServiceCollection();
        services.AddModelArtsClient(o => { o.Region = "ap-southeast-1"; o.Credentials = TestKeys.Permanent; o.BaseAddress = server.BaseAddress; });
        services.AddDataArtsFabricClient(o => { o.Region = "ap-southeast-1"; o.Credentials = TestKeys.Permanent; o.BaseAddress = server.BaseAddress; });
        services.AddGaussDBForOpenGaussClient(o => { o.Region = "ap-southeast-1"; o.Credentials = TestKeys.Permanent; o.BaseAddress = server.BaseAddress; });
        await using var provider = services.BuildServiceProvider();

        await SeedOperations[operationId](provider);

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + TestKeys.AccessKey + ",", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("X-Auth-Token"));
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_key_is_refused_by_the_server()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Authenticate = AkSkVerifier.Accepting(TestKeys.AccessKey, TestKeys.SecretKey);
        var client = new ModelArtsClient(new ModelArtsClientOptions { BaseAddress = server.BaseAddress, Credentials = new AkSk(TestKeys.AccessKey, "another-secret") });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = null }));

        Assert.Equal(401, exception.StatusCode);
    }

    [Fact]
    public async Task A_retry_is_signed_again_and_the_signing_survives_a_later_primary_handler()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Authenticate = AkSkVerifier.Accepting(TestKeys.AccessKey, TestKeys.SecretKey);
        server.FirstResponses.Enqueue(new CannedResponse(503, "{}"));
        var services = new ServiceCollection();
        services.AddModelArtsClient(o => { o.Credentials = TestKeys.Permanent; o.BaseAddress = server.BaseAddress; })
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1));
        services.AddHttpClient(nameof(ModelArtsClient)).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ModelArtsClient>().UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = null });

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.StartsWith("SDK-HMAC-SHA256 ", request.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_from_the_options_is_sent_once_and_the_requests_own_token_wins()
    {
        await using var server = await RecordingServer.StartAsync();
        var client = new ModelArtsClient(new ModelArtsClientOptions { BaseAddress = server.BaseAddress, Token = "from-options", Credentials = TestKeys.Permanent });

        await client.UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = null });
        await client.UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = "from-request" });

        Assert.Equal(["from-options", "from-request"], server.Requests.Select(request => request.Headers["X-Auth-Token"]));
        Assert.All(server.Requests, request => Assert.False(request.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task A_token_callback_is_asked_for_each_request()
    {
        await using var server = await RecordingServer.StartAsync();
        var calls = 0;
        var client = new GaussDBForOpenGaussClient(new GaussDBForOpenGaussClientOptions
        {
            BaseAddress = server.BaseAddress,
            TokenProvider = _ => new ValueTask<string>("token-" + Interlocked.Increment(ref calls)),
        });

        await client.InstallKernelPluginAsync(PageRequests.InstallKernelPlugin() with { XAuthToken = null });
        await client.InstallKernelPluginAsync(PageRequests.InstallKernelPlugin() with { XAuthToken = null });

        Assert.Equal(["token-1", "token-2"], server.Requests.Select(request => request.Headers["X-Auth-Token"]));
    }

    [Fact]
    public async Task An_operation_whose_requirement_cannot_be_met_fails_before_sending_and_names_the_options()
    {
        await using var server = await RecordingServer.StartAsync();
        var client = new ModelArtsClient(new ModelArtsClientOptions { BaseAddress = server.BaseAddress });

        var exception = await Assert.ThrowsAsync<ApiAuthenticationException>(() => client.UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = null }));

        Assert.Equal("The operation needs credentials that are not configured: set ModelArtsClientOptions.Token, or ModelArtsClientOptions.Credentials.", exception.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_region_picks_the_base_address_without_a_url()
    {
        Assert.Equal(new Uri("https://modelarts.ap-southeast-1.myhuaweicloud.com/"), new ModelArtsClientOptions().ResolveBaseAddress());
        Assert.Equal(new Uri("https://modelarts.cn-north-4.myhuaweicloud.com/"), new ModelArtsClientOptions { Region = "cn-north-4" }.ResolveBaseAddress());
        Assert.Equal(new Uri("https://gaussdb-opengauss.ap-southeast-1.myhuaweicloud.com/"), new GaussDBForOpenGaussClientOptions().ResolveBaseAddress());
        Assert.Equal(new Uri("http://127.0.0.1:5000/base/"), new ModelArtsClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000/base") }.ResolveBaseAddress());
    }

    [Theory]
    [InlineData(null, "", "Set ModelArtsClientOptions.Region, or ModelArtsClientOptions.BaseAddress: the server URL https://{service}.{region}.myhuaweicloud.com needs a value for {region}.")]
    [InlineData(null, "evil.com/x", "ModelArtsClientOptions.Region is 'evil.com/x', which holds a character that would change the shape of the server URL https://{service}.{region}.myhuaweicloud.com.")]
    [InlineData("ftp://files.example.com/", "ap-southeast-1", "ModelArtsClientOptions.BaseAddress must be an absolute http or https URI, e.g. https://example.com/; it is 'ftp://files.example.com/'.")]
    public void A_wrong_or_missing_base_address_fails_when_the_client_is_created(string? baseAddress, string region, string message)
    {
        var services = new ServiceCollection();
        services.AddModelArtsClient(o => { o.Region = region; o.BaseAddress = baseAddress is null ? null : new Uri(baseAddress); });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ModelArtsClient>());

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public async Task Each_kind_of_scheme_sends_its_credential_where_the_spec_says()
    {
        await using var server = await RecordingServer.StartAsync();
        var client = new AuthSchemesClient(new AuthSchemesClientOptions
        {
            Port = server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Bearer = "bearer-token",
            HeaderKey = "header-key",
            QueryKey = "query key",
            CookieKey = "cookie-key",
            Basic = new BasicCredentials("user", "pass:word"),
            Oidc = "id-token",
        });

        await client.GetBearerAsync(new GetBearerRequest());
        await client.GetHeaderKeyAsync(new GetHeaderKeyRequest());
        await client.GetQueryKeyAsync(new GetQueryKeyRequest { Page = 2 });
        await client.GetCookieKeyAsync(new GetCookieKeyRequest());
        await client.GetBasicAsync(new GetBasicRequest());
        await client.GetOpenIdConnectAsync(new GetOpenIdConnectRequest());
        await client.GetKeyAndBasicAsync(new GetKeyAndBasicRequest());
        await client.GetAnonymousAsync(new GetAnonymousRequest());
        await client.GetOptionalAsync(new GetOptionalRequest());

        var requests = server.Requests;
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:pass:word"));
        Assert.Equal("Bearer bearer-token", requests[0].Headers["Authorization"]);
        Assert.Equal("header-key", requests[1].Headers["X-Api-Key"]);
        Assert.Equal("/query-key?page=2&api_key=query%20key", requests[2].RawTarget);
        Assert.Equal("session=cookie-key", requests[3].Headers["Cookie"]);
        Assert.Equal(basic, requests[4].Headers["Authorization"]);
        Assert.Equal("Bearer id-token", requests[5].Headers["Authorization"]);
        Assert.Equal(("header-key", basic), (requests[6].Headers["X-Api-Key"], requests[6].Headers["Authorization"]));
        Assert.False(requests[7].Headers.ContainsKey("Authorization") || requests[7].Headers.ContainsKey("X-Api-Key"));
        Assert.Equal("header-key", requests[8].Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task An_and_requirement_needs_every_scheme_and_an_optional_one_goes_out_anonymous()
    {
        await using var server = await RecordingServer.StartAsync();
        var client = new AuthSchemesClient(new AuthSchemesClientOptions { BaseAddress = server.BaseAddress, HeaderKey = "header-key" });

        var exception = await Assert.ThrowsAsync<ApiAuthenticationException>(() => client.GetKeyAndBasicAsync(new GetKeyAndBasicRequest()));
        await new AuthSchemesClient(new AuthSchemesClientOptions { BaseAddress = server.BaseAddress }).GetOptionalAsync(new GetOptionalRequest());

        Assert.Equal("The operation needs credentials that are not configured: set AuthSchemesClientOptions.HeaderKey and AuthSchemesClientOptions.Basic.", exception.Message);
        var request = Assert.Single(server.Requests);
        Assert.False(request.Headers.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public async Task OAuth2_fetches_a_token_once_under_concurrency_caches_it_and_retries_once_on_a_401()
    {
        await using var server = await TokenServer.StartAsync();
        var client = new AuthSchemesClient(new AuthSchemesClientOptions
        {
            BaseAddress = server.BaseAddress,
            Oauth = new OAuth2ClientCredentials("client-1", "secret-1"),
            TimeProvider = new FakeTimeProvider(),
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetOAuthAsync(new GetOAuthRequest())));
        await client.GetOAuthAsync(new GetOAuthRequest());
        Assert.Equal(1, server.TokensIssued);
        Assert.Equal("grant_type=client_credentials&scope=read", server.LastGrant);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:secret-1")), server.LastClientAuthorization);

        server.RevokeTokens();
        await client.GetOAuthAsync(new GetOAuthRequest());

        Assert.Equal(2, server.TokensIssued);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.ApiAuthorizations.Distinct());
    }

    [Theory]
    [InlineData(3600, 3540)] // an hour's token is renewed a minute before it expires
    [InlineData(10, 5)] // a token shorter-lived than two minutes at half its lifetime
    public async Task OAuth2_keeps_a_token_until_its_renewal_is_due_by_the_clock_then_fetches_a_new_one(int expiresIn, int renewAfter)
    {
        await using var server = await TokenServer.StartAsync(expiresIn);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var client = new AuthSchemesClient(new AuthSchemesClientOptions { BaseAddress = server.BaseAddress, Oauth = new OAuth2ClientCredentials("client-1", "secret-1"), TimeProvider = clock });

        await client.GetOAuthAsync(new GetOAuthRequest());
        clock.Advance(TimeSpan.FromSeconds(renewAfter) - TimeSpan.FromTicks(1));
        await client.GetOAuthAsync(new GetOAuthRequest());
        Assert.Equal(1, server.TokensIssued);

        clock.Advance(TimeSpan.FromTicks(1));
        await client.GetOAuthAsync(new GetOAuthRequest());
        clock.Advance(TimeSpan.FromSeconds(renewAfter) - TimeSpan.FromTicks(1));
        await client.GetOAuthAsync(new GetOAuthRequest());

        Assert.Equal(2, server.TokensIssued);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2"], server.ApiAuthorizations);
    }

    [Fact]
    public async Task OAuth2_keeps_a_token_without_expires_in_until_the_service_refuses_it()
    {
        await using var server = await TokenServer.StartAsync(expiresIn: null);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var client = new AuthSchemesClient(new AuthSchemesClientOptions { BaseAddress = server.BaseAddress, Oauth = new OAuth2ClientCredentials("client-1", "secret-1"), TimeProvider = clock });

        await client.GetOAuthAsync(new GetOAuthRequest());
        clock.Advance(TimeSpan.FromDays(365));
        await client.GetOAuthAsync(new GetOAuthRequest());
        Assert.Equal(1, server.TokensIssued);

        server.RevokeTokens();
        await client.GetOAuthAsync(new GetOAuthRequest());

        Assert.Equal(2, server.TokensIssued);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"], server.ApiAuthorizations);
    }

    [Fact]
    public async Task OAuth2_reports_a_refused_grant_without_the_secret()
    {
        await using var server = await TokenServer.StartAsync();
        var refused = new AuthSchemesClient(new AuthSchemesClientOptions { BaseAddress = server.BaseAddress, Oauth = new OAuth2ClientCredentials("client-1", "wrong") });

        var exception = await Assert.ThrowsAsync<ApiAuthenticationException>(() => refused.GetOAuthAsync(new GetOAuthRequest()));

        Assert.Equal(0, server.TokensIssued);
        Assert.Equal($"The token endpoint {server.BaseAddress}oauth/token answered 401 to the client credentials grant (error: invalid_client).", exception.Message);
        Assert.DoesNotContain("wrong", exception.ToString(), StringComparison.Ordinal);
    }

    /// <summary>An OAuth 2.0 token endpoint and an API that accepts only the tokens it issued and has not revoked.</summary>
    private sealed class TokenServer : IAsyncDisposable
    {
        private readonly HashSet<string> _valid = [];
        private readonly List<string> _apiAuthorizations = [];
        private int _issued;
        private HandlerServer _server = null!;

        public Uri BaseAddress => _server.BaseAddress;

        public int TokensIssued => Volatile.Read(ref _issued);

        public string? LastGrant { get; private set; }

        public string? LastClientAuthorization { get; private set; }

        public IReadOnlyList<string> ApiAuthorizations { get { lock (_valid) { return _apiAuthorizations.ToList(); } } }

        /// <param name="expiresIn">The tokens' lifetime in seconds, sent as <c>expires_in</c>; none is sent when null.</param>
        public static async Task<TokenServer> StartAsync(int? expiresIn = 3600)
        {
            var server = new TokenServer();
            server._server = await HandlerServer.StartAsync(context => server.HandleAsync(context, expiresIn));
            return server;
        }

        public void RevokeTokens()
        {
            lock (_valid)
            {
                _valid.Clear();
            }
        }

        private async Task HandleAsync(HttpContext context, int? expiresIn)
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (context.Request.Path == "/oauth/token")
            {
                using var reader = new System.IO.StreamReader(context.Request.Body);
                LastGrant = await reader.ReadToEndAsync();
                LastClientAuthorization = authorization;
                if (authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-1:secret-1")))
                {
                    context.Response.StatusCode = 401;
                    await context.Response.WriteAsync("""{"error":"invalid_client","error_description":"secret wrong"}""");
                    return;
                }

                await Task.Delay(50); // long enough for concurrent callers to pile up behind one fetch
                var token = "token-" + Interlocked.Increment(ref _issued);
                lock (_valid)
                {
                    _valid.Add("Bearer " + token);
                }

                context.Response.ContentType = "application/json";
                var lifetime = expiresIn is { } seconds ? $$""","expires_in":{{seconds}}""" : string.Empty;
                await context.Response.WriteAsync($$"""{"access_token":"{{token}}","token_type":"Bearer"{{lifetime}}}""");
                return;
            }

            lock (_valid)
            {
                _apiAuthorizations.Add(authorization);
                context.Response.StatusCode = _valid.Contains(authorization) ? 200 : 401;
            }
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
