using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>Values the specs mark <c>x-sensitive</c> (X-Auth-Token, 004's <c>urls[].token</c>) never reach printed forms or exception messages.</summary>
public sealed class SecretsTests
{
    private const string Secret = "SECRET-token-3f9a1c7e5b";

    /// <summary>Each operation's page request carrying <see cref="Secret"/> as its X-Auth-Token.</summary>
    private static readonly Dictionary<string, object> RequestsWithToken = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin"] = PageRequests.UpdatePlugin() with { XAuthToken = Secret },
        ["PatchService"] = PageRequests.PatchService() with { XAuthToken = Secret },
        ["UpdateServiceInstance"] = PageRequests.UpdateServiceInstance() with { XAuthToken = Secret },
        ["UpdateEndpoint"] = PageRequests.UpdateEndpoint() with { XAuthToken = Secret },
        ["InstallKernelPlugin"] = PageRequests.InstallKernelPlugin() with { XAuthToken = Secret },
    };

    /// <summary>Each operation with an invalid request carrying the token, and the call that sends it.</summary>
    private static readonly Dictionary<string, Func<HttpClient, bool, Task>> Calls = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin"] = (http, invalid) => new ModelArtsClient(http).UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = Secret, Body = invalid ? new UpdatePluginRequestBodyPatch() : PageRequests.UpdatePluginBody() }),
        ["PatchService"] = (http, invalid) => new ModelArtsClient(http).PatchServiceAsync(PageRequests.PatchService() with { XAuthToken = Secret, Body = invalid ? PatchServiceDocument.FromJson("""[{"op":"replace","path":"/x","value":1}]"""u8) : PageRequests.PatchServiceBody() }),
        ["UpdateServiceInstance"] = (http, invalid) => new DataArtsFabricClient(http).UpdateServiceInstanceAsync(PageRequests.UpdateServiceInstance() with { XAuthToken = Secret, WorkspaceId = invalid ? string.Empty : PageRequests.WorkspaceId }),
        ["UpdateEndpoint"] = (http, invalid) => new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint() with { XAuthToken = Secret, WorkspaceId = invalid ? "a b" : PageRequests.WorkspaceId }),
        ["InstallKernelPlugin"] = (http, invalid) => new GaussDBForOpenGaussClient(http).InstallKernelPluginAsync(PageRequests.InstallKernelPlugin() with { XAuthToken = Secret, InstanceId = invalid ? "x-y" : "f9b5f9b296ec6808e067in14" }),
    };

    public static TheoryData<string> OperationIds() => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_token_never_appears_in_the_printed_request(string operationId)
    {
        var request = RequestsWithToken[operationId];

        var printed = request.ToString()!;

        Assert.DoesNotContain(Secret, printed, StringComparison.Ordinal);
        Assert.Contains("XAuthToken = ***", printed, StringComparison.Ordinal);
        Assert.Contains("Body = ", printed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task The_token_never_appears_in_a_RequestValidationException(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => Calls[operationId](http, true));

        Assert.NotEmpty(exception.Errors);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.All(exception.Errors, e => Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal));
        Assert.Empty(server.Requests);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task The_token_sent_on_the_wire_never_appears_in_an_ApiException(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(401, """{"error_code":"APIG.1002","error_msg":"Incorrect token or token resolution failed"}""", RequestId: "req-401");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls[operationId](http, false));

        Assert.Equal(Secret, Assert.Single(server.Requests).Headers["X-Auth-Token"]);
        foreach (var text in new[] { exception.Message, exception.ToString(), exception.ErrorCode, exception.ErrorMessage, exception.SolutionMessage, exception.RequestId })
        {
            Assert.DoesNotContain(Secret, text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_endpoint_url_token_never_appears_in_the_printed_response()
    {
        var body = SpecDocuments.Example("UpdateEndpoint 202").AsObject();
        body["urls"]![0]!["token"] = Secret;
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(202, body.ToJsonString());
        using var http = server.CreateHttpClient();

        var response = await new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint());

        var url = Assert.Single(response.Body.Urls!);
        Assert.Equal(Secret, url.Token);
        Assert.DoesNotContain(Secret, url.ToString(), StringComparison.Ordinal);
        Assert.Contains("Token = ***", url.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, response.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, response.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, string.Join(",", response.Body.Urls!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_read_from_json_is_still_masked_and_is_written_back_for_the_wire()
    {
        var url = EndpointUrl.FromJson(System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["name"] = "n", ["token"] = Secret }.ToJsonString()));

        Assert.DoesNotContain(Secret, url.ToString(), StringComparison.Ordinal);
        Assert.Equal(Secret, (string?)JsonNode.Parse(url.ToJson())!["token"]);
        Assert.DoesNotContain(Secret, (url with { Name = "m" }).ToString(), StringComparison.Ordinal);
    }
}
