using System;
using System.Linq;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.ApiGatewayExport;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Issue 13 §4: the client generated from a spec in the dialect of Huawei's API Gateway exports
/// (<c>specs/apigateway-export.openapi.yaml</c>) sends what the export describes, against the Kestrel test server.
/// </summary>
public sealed class ApiGatewayExportTests
{
    [Fact]
    public async Task Parameters_with_the_exports_placeholder_limits_take_any_value()
    {
        await using var server = await RecordingServer.StartAsync();
        var client = new ApiGatewayExportClient(server.CreateHttpClient());

        await client.ShowItemAsync(new ShowItemRequest { ItemId = "item-1", Page = "3", XTraceId = "trace-7" });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/items/item-1?page=3"), (request.Method, request.RawTarget));
        Assert.Equal("trace-7", request.Headers["X-Trace-Id"]);
    }

    [Theory]
    [InlineData("report.pdf", "/v1/files/report.pdf")]
    [InlineData("reports/2024/q1 sales.pdf", "/v1/files/reports/2024/q1%20sales.pdf")]
    [InlineData("a?b#c/%2F/ü", "/v1/files/a%3Fb%23c/%252F/%C3%BC")]
    public async Task A_greedy_segment_keeps_the_slashes_and_escapes_each_segment(string proxy, string target)
    {
        await using var server = await RecordingServer.StartAsync();
        var client = new ApiGatewayExportClient(server.CreateHttpClient());

        await client.DownloadFileAsync(new DownloadFileRequest { Proxy = proxy });

        Assert.Equal(target, Assert.Single(server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../secret")]
    [InlineData("a/../../secret")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("/a")]
    [InlineData("a/")]
    public async Task A_greedy_value_with_an_empty_dot_or_dot_dot_segment_is_refused_before_sending(string proxy)
    {
        await using var server = await RecordingServer.StartAsync();
        var client = new ApiGatewayExportClient(server.CreateHttpClient());

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.ForwardFilePutAsync(new ForwardFilePutRequest { Proxy = proxy }));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("path.proxy", "pathSegment"), (error.Path, error.Rule));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_any_method_operation_is_a_method_for_each_common_method_the_path_does_not_declare()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"method":"any","path":"/v1/files/a/b"}""");
        var client = new ApiGatewayExportClient(server.CreateHttpClient());

        var put = await client.ForwardFilePutAsync(new ForwardFilePutRequest { Proxy = "a/b" });
        await client.ForwardFilePostAsync(new ForwardFilePostRequest { Proxy = "a/b" });
        await client.ForwardFileDeleteAsync(new ForwardFileDeleteRequest { Proxy = "a/b" });
        await client.ForwardFilePatchAsync(new ForwardFilePatchRequest { Proxy = "a/b" });
        await client.DownloadFileAsync(new DownloadFileRequest { Proxy = "a/b" });

        Assert.Equal("/v1/files/a/b", put.Body.Path);
        Assert.Equal(
            [("PUT", "/v1/files/a/b"), ("POST", "/v1/files/a/b"), ("DELETE", "/v1/files/a/b"), ("PATCH", "/v1/files/a/b"), ("GET", "/v1/files/a/b")],
            server.Requests.Select(r => (r.Method, r.RawTarget)));

        // The path item's own get stays the GET: the any-method operation catches only the methods it leaves free.
        var methods = typeof(ApiGatewayExportClient).GetMethods().Select(m => m.Name).Where(n => n.StartsWith("ForwardFile", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["ForwardFileDeleteAsync", "ForwardFilePatchAsync", "ForwardFilePostAsync", "ForwardFilePutAsync"], methods);
    }

    [Fact]
    public async Task A_greedy_path_goes_out_signed_with_the_exports_ak_sk_scheme_and_the_server_accepts_the_signature()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Authenticate = AkSkVerifier.Accepting(TestKeys.AccessKey, TestKeys.SecretKey);
        var client = new ApiGatewayExportClient(new ApiGatewayExportClientOptions { BaseAddress = server.BaseAddress, Credentials = TestKeys.Permanent });

        var response = await client.ForwardFilePostAsync(new ForwardFilePostRequest { Proxy = "reports/2024/q1 sales.pdf" });

        Assert.Equal(200, response.StatusCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/files/reports/2024/q1%20sales.pdf", request.RawTarget);
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + TestKeys.AccessKey + ",", request.Headers["Authorization"], StringComparison.Ordinal);
    }
}
