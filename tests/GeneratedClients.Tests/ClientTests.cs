using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.DataArtsFabric;
using HuaweiCloud.GaussDBForOpenGauss;
using HuaweiCloud.ModelArts;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// The five generated operations against a real Kestrel server on 127.0.0.1: what goes on the wire, what comes back
/// typed, and which exception each kind of failure surfaces as.
/// </summary>
public sealed class ClientTests
{
    /// <summary>Each operation, called with its page request.</summary>
    private static readonly Dictionary<string, Func<HttpClient, CancellationToken, Task>> Calls = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin"] = (http, ct) => new ModelArtsClient(http).UpdatePluginAsync(PageRequests.UpdatePlugin(), ct),
        ["PatchService"] = (http, ct) => new ModelArtsClient(http).PatchServiceAsync(PageRequests.PatchService(), ct),
        ["UpdateServiceInstance"] = (http, ct) => new DataArtsFabricClient(http).UpdateServiceInstanceAsync(PageRequests.UpdateServiceInstance(), ct),
        ["UpdateEndpoint"] = (http, ct) => new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint(), ct),
        ["InstallKernelPlugin"] = (http, ct) => new GaussDBForOpenGaussClient(http).InstallKernelPluginAsync(PageRequests.InstallKernelPlugin(), ct),
    };

    /// <summary>
    /// Error bodies for the error responses whose page has no example (001's 400, 003's "Abnormal" default), shaped by
    /// their schemas.
    /// </summary>
    private static readonly Dictionary<string, string> SchemaShapedErrorBodies = new(StringComparer.Ordinal)
    {
        ["PatchService 400"] = """{"error_code":"ModelArts.3502","error_msg":"Invalid parameter."}""",
        ["InstallKernelPlugin default"] = """{"error_code":"DBS.200001","error_msg":"Invalid request parameters."}""",
    };

    public static TheoryData<string> OperationIds() => new(Calls.Keys);

    /// <summary>Every error response the specs document, with the HTTP status to answer it with (500 for <c>default</c>).</summary>
    public static TheoryData<string, string, int> DocumentedErrors()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var operation in SpecDocuments.CuratedFiles.SelectMany(SpecDocuments.Operations))
        {
            foreach (var (status, _) in operation.Operation["responses"]!.AsObject())
            {
                if (status == "default")
                {
                    data.Add(operation.OperationId, status, 500);
                    data.Add(operation.OperationId, status, 404);
                }
                else if (!status.StartsWith('2'))
                {
                    data.Add(operation.OperationId, status, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return data;
    }

    // ---------------------------------------------------------------- the five operations on the wire

    [Fact]
    public async Task UpdatePlugin_sends_a_merge_patch_to_the_escaped_path_and_reads_the_typed_200()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, SpecDocuments.Example("UpdatePlugin 200").ToJsonString(), RequestId: "req-plugin-1");
        using var http = server.CreateHttpClient();
        var request = PageRequests.UpdatePlugin() with { PoolName = "pool/a b-é", TemplateName = "node local/dns" };

        var response = await new ModelArtsClient(http).UpdatePluginAsync(request);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("PATCH", sent.Method);
        Assert.Equal("/v2/0c8243400d37468bb4aed3cc94c2911d/pools/pool%2Fa%20b-%C3%A9/plugins/node%20local%2Fdns", sent.RawTarget);
        Assert.Equal(PageRequests.Token, sent.Headers["X-Auth-Token"]);
        Assert.Equal("application/merge-patch+json", sent.ContentType);
        JsonAssert.Equal(JsonNode.Parse(request.Body.ToJson()), sent.Body);
        JsonAssert.Equal(SpecDocuments.Example("UpdatePlugin request"), sent.Body);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("req-plugin-1", response.RequestId);
        Assert.Equal("1.6.63", response.Body.Spec!.Template!.Version);
        Assert.Null(response.Body.Spec.Template.Name);
        Assert.Equal("123.123.123.123", response.Body.Spec.Template.Inputs!["custom"].GetProperty("nameserver").GetString());
    }

    [Fact]
    public async Task PatchService_sends_the_json_patch_array_and_reads_update_time_and_resource_ids()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, SpecDocuments.Example("PatchService 200").ToJsonString(), RequestId: "req-patch-1");
        using var http = server.CreateHttpClient();
        var request = PageRequests.PatchService() with { ServiceId = "svc/1 ü" };

        var response = await new ModelArtsClient(http).PatchServiceAsync(request);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("PATCH", sent.Method);
        Assert.Equal("/v1/0c8243400d37468bb4aed3cc94c2911d/services/svc%2F1%20%C3%BC", sent.RawTarget);
        Assert.Equal(PageRequests.Token, sent.Headers["X-Auth-Token"]);
        Assert.Equal("user-0001", sent.Headers["X-ModelArts-User-ID"]);
        Assert.Equal("application/json", sent.ContentType);
        JsonAssert.Equal(JsonNode.Parse(request.Body.ToJson()), sent.Body);
        JsonAssert.Equal(SpecDocuments.Example("PatchService request"), sent.Body);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("req-patch-1", response.RequestId);
        Assert.Equal(1700625410586L, response.Body.UpdateTime);
        Assert.Equal(["INF-ae2aa85ce2a3fcac-1700530937033", "INF-ae2aa85ca9542b46-1700530937026"], response.Body.ResourceIds);
    }

    [Fact]
    public async Task UpdateServiceInstance_puts_the_body_and_returns_an_accepted_response_tracked_by_id()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(202, SpecDocuments.Example("UpdateServiceInstance 202").ToJsonString(), RequestId: "req-instance-1");
        using var http = server.CreateHttpClient();
        var request = PageRequests.UpdateServiceInstance();

        var response = await new DataArtsFabricClient(http).UpdateServiceInstanceAsync(request);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("PUT", sent.Method);
        Assert.Equal("/v1/workspaces/3d8c4a2e-5b6f-4a1c-9e2d-7f8a9b0c1d2e/services/instances/b935d0ef-f4eb-4b95-aff1-9d33ae9f57b6", sent.RawTarget);
        Assert.Equal(PageRequests.Token, sent.Headers["X-Auth-Token"]);
        Assert.Equal("application/json", sent.ContentType);
        JsonAssert.Equal(JsonNode.Parse(request.Body.ToJson()), sent.Body);
        JsonAssert.Equal(SpecDocuments.Example("UpdateServiceInstance request"), sent.Body);
        Assert.IsType<AcceptedResponse<UpdateServiceInstanceResponseBody>>(response);
        Assert.Equal(202, response.StatusCode);
        Assert.Equal("req-instance-1", response.RequestId);
        Assert.Equal("b935d0ef-f4eb-4b95-aff1-9d33ae9f57b6", response.Body.Id);
        Assert.Equal(response.Body.Id, response.TrackingId);
        Assert.False(response.IsCompleted);
    }

    [Fact]
    public async Task UpdateEndpoint_puts_the_ray_configuration_and_returns_the_accepted_endpoint_tracked_by_id()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(202, SpecDocuments.Example("UpdateEndpoint 202").ToJsonString(), RequestId: "req-endpoint-1");
        using var http = server.CreateHttpClient();
        var request = PageRequests.UpdateEndpoint() with { EndpointId = "ep/1 ü" };

        var response = await new DataArtsFabricClient(http).UpdateEndpointAsync(request);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("PUT", sent.Method);
        Assert.Equal("/v1/workspaces/3d8c4a2e-5b6f-4a1c-9e2d-7f8a9b0c1d2e/endpoints/ep%2F1%20%C3%BC", sent.RawTarget);
        Assert.Equal(PageRequests.Token, sent.Headers["X-Auth-Token"]);
        Assert.Equal("application/json", sent.ContentType);
        JsonAssert.Equal(JsonNode.Parse(request.Body.ToJson()), sent.Body);
        JsonAssert.Equal(SpecDocuments.Example("UpdateEndpoint request"), sent.Body);
        Assert.IsType<AcceptedResponse<EndpointDetail>>(response);
        Assert.Equal(202, response.StatusCode);
        Assert.Equal("req-endpoint-1", response.RequestId);
        Assert.Equal("0b5633ba2b904511ad514346f4d23d4b", response.TrackingId);
        Assert.Equal(response.Body.Id, response.TrackingId);
        Assert.False(response.IsCompleted);
        Assert.Equal("CREATING", response.Body.Status);
        Assert.Equal("OBS://bucket/dir/", response.Body.Config!.RayServiceConfig!.DataInfos![0].OutputPath);
    }

    [Fact]
    public async Task InstallKernelPlugin_posts_with_its_headers_and_returns_an_accepted_response_tracked_by_job_id()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, SpecDocuments.Example("InstallKernelPlugin 200").ToJsonString(), RequestId: "req-kernel-1");
        using var http = server.CreateHttpClient();
        var request = PageRequests.InstallKernelPlugin();

        var response = await new GaussDBForOpenGaussClient(http).InstallKernelPluginAsync(request);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v3/0c8243400d37468bb4aed3cc94c2911d/instances/f9b5f9b296ec6808e067in14/kernel-plugin", sent.RawTarget);
        Assert.Equal(PageRequests.Token, sent.Headers["X-Auth-Token"]);
        Assert.Equal("en-us", sent.Headers["X-Language"]);
        Assert.Equal("application/json", sent.ContentType);
        JsonAssert.Equal(JsonNode.Parse(request.Body.ToJson()), sent.Body);
        JsonAssert.Equal(SpecDocuments.Example("InstallKernelPlugin request"), sent.Body);
        Assert.IsType<AcceptedResponse<InstallKernelPluginResponseBody>>(response);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("req-kernel-1", response.RequestId);
        Assert.Equal("bf26cf3c-d046-4080-bb45-f114be7afa5f", response.Body.JobId);
        Assert.Equal(response.Body.JobId, response.TrackingId);
        Assert.False(response.IsCompleted);
    }

    [Fact]
    public async Task Optional_headers_left_unset_are_not_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"job_id":"j-1"}""");
        using var http = server.CreateHttpClient();

        await new GaussDBForOpenGaussClient(http).InstallKernelPluginAsync(PageRequests.InstallKernelPlugin() with { XAuthToken = null, XLanguage = null });

        var sent = Assert.Single(server.Requests);
        Assert.False(sent.Headers.ContainsKey("X-Auth-Token"));
        Assert.False(sent.Headers.ContainsKey("X-Language"));
    }

    // ---------------------------------------------------------------- error statuses

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task A_documented_error_status_throws_ApiException_with_the_error_fields_of_the_body(string operationId, string status, int httpStatus)
    {
        var key = operationId + " " + status;
        var body = SpecDocuments.Examples().SingleOrDefault(e => e.Key == key)?.Value?.ToJsonString() ?? SchemaShapedErrorBodies[key];
        var json = JsonNode.Parse(body)!;
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(httpStatus, body, RequestId: "req-error-" + httpStatus);
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls[operationId](http, default));

        Assert.Equal(httpStatus, exception.StatusCode);
        Assert.Equal(ScalarText(json["error_code"]), exception.ErrorCode);
        Assert.Equal((string?)json["error_msg"], exception.ErrorMessage);
        Assert.Equal((string?)json["solution_msg"], exception.SolutionMessage);
        Assert.Equal("req-error-" + httpStatus, exception.RequestId);
        Assert.Equal(body, exception.ResponseBody);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.InnerException);
    }

    [Theory]
    [InlineData("UpdateServiceInstance")]
    [InlineData("UpdateEndpoint")]
    public async Task The_403_body_with_an_error_object_and_a_numeric_error_code_gives_error_code_403(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(403, SpecDocuments.Example(operationId + " 403").ToJsonString(), RequestId: "req-403");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls[operationId](http, default));

        Assert.Equal((403, "403", "X-Auth-Token is invalid in the request", "req-403"), (exception.StatusCode, exception.ErrorCode, exception.ErrorMessage, exception.RequestId));
    }

    [Fact]
    public async Task Error_fields_nested_in_an_error_object_alone_are_read_too()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(401, """{"error":{"code":"APIG.0301","message":"Incorrect IAM authentication information"}}""");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls["UpdateEndpoint"](http, default));

        Assert.Equal(("APIG.0301", "Incorrect IAM authentication information"), (exception.ErrorCode, exception.ErrorMessage));
    }

    [Fact]
    public async Task A_solution_message_in_the_error_body_is_surfaced()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(400, """{"error_code":"DLF.0100","error_msg":"Invalid workspace.","solution_msg":"Check the workspace ID."}""");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls["UpdateServiceInstance"](http, default));

        Assert.Equal(("DLF.0100", "Invalid workspace.", "Check the workspace ID."), (exception.ErrorCode, exception.ErrorMessage, exception.SolutionMessage));
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task An_undocumented_status_throws_ApiException(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(502, """{"error_code":"APIG.0202","error_msg":"Backend unavailable"}""", RequestId: "req-502");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls[operationId](http, default));

        Assert.Equal((502, "APIG.0202", "Backend unavailable", "req-502"), (exception.StatusCode, exception.ErrorCode, exception.ErrorMessage, exception.RequestId));
    }

    public static TheoryData<string, string?, string> BodiesThatAreNotJson() => new()
    {
        { "text", "upstream connect error or disconnect/reset before headers", "text/plain" },
        { "empty", null, "application/json" },
        { "html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>", "text/html" },
        { "truncated JSON", """{"error_code":"ModelArts.0001","error_""", "application/json" },
        { "JSON array", """["not","an","object"]""", "application/json" },
    };

    [Theory]
    [MemberData(nameof(BodiesThatAreNotJson))]
    public async Task An_error_body_that_is_not_an_error_object_still_throws_ApiException_with_the_body_and_request_id(string kind, string? body, string contentType)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(502, body, contentType, RequestId: "req-" + kind.Replace(' ', '-'));
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls["UpdatePlugin"](http, default));

        Assert.Equal(502, exception.StatusCode);
        Assert.Null(exception.ErrorCode);
        Assert.Null(exception.ErrorMessage);
        Assert.Equal("req-" + kind.Replace(' ', '-'), exception.RequestId);
        Assert.Equal(string.IsNullOrEmpty(body) ? null : body, string.IsNullOrEmpty(exception.ResponseBody) ? null : exception.ResponseBody);
        Assert.IsNotType<JsonException>(exception.InnerException);
    }

    [Theory]
    [InlineData('x')]
    [InlineData('é')]
    public async Task A_large_error_body_is_cut_to_the_documented_bound(char filler)
    {
        var body = new string(filler, 100 * 1024);
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(500, body, "text/plain", RequestId: "req-big");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Calls["UpdateEndpoint"](http, default));

        Assert.Equal(ApiException.MaxBodyLength + 1, exception.ResponseBody!.Length);
        Assert.StartsWith(body[..ApiException.MaxBodyLength], exception.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("req-big", exception.RequestId);
        Assert.True(exception.Message.Length < 1000, "The message does not carry the body.");
    }

    public static TheoryData<string, int, string> MalformedSuccessBodies() => new()
    {
        { "UpdatePlugin", 200, "{not json" },
        { "UpdatePlugin", 200, "" },
        { "PatchService", 200, """{"update_time":"soon"}""" },
        { "PatchService", 200, """{"resource_ids":{"a":1}}""" },
        { "UpdateServiceInstance", 202, """["b935d0ef"]""" },
        { "UpdateEndpoint", 202, """{"id":{"nested":true}}""" },
        { "InstallKernelPlugin", 200, "<html>OK</html>" },
    };

    [Theory]
    [MemberData(nameof(MalformedSuccessBodies))]
    public async Task A_success_status_with_a_body_that_does_not_match_the_spec_throws_ApiResponseFormatException(string operationId, int status, string body)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(status, body, RequestId: "req-format");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => Calls[operationId](http, default));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("req-format", exception.RequestId);
        Assert.Equal(body.Length == 0 ? null : body, string.IsNullOrEmpty(exception.ResponseBody) ? null : exception.ResponseBody);
    }

    // ---------------------------------------------------------------- validation, cancellation, timeouts

    public static TheoryData<string> InvalidRequestNames() => new(InvalidRequests.Keys);

    private static readonly Dictionary<string, (Func<HttpClient, Task> Call, (string Path, string Rule)[] Violations)> InvalidRequests = new(StringComparer.Ordinal)
    {
        ["UpdatePlugin"] = (
            http => new ModelArtsClient(http).UpdatePluginAsync(PageRequests.UpdatePlugin() with { Body = new UpdatePluginRequestBodyPatch() }),
            [("spec", "required")]),
        ["PatchService"] = (
            http => new ModelArtsClient(http).PatchServiceAsync(PageRequests.PatchService() with { Body = PatchServiceDocument.FromJson("""[{"op":"replace","path":"/status","value":1},{"op":"replace","path":"/config/1/model_id","value":"m"}]"""u8) }),
            [("[0].path", "pattern"), ("[1].path", "pattern")]),
        ["UpdateServiceInstance"] = (
            http => new DataArtsFabricClient(http).UpdateServiceInstanceAsync(PageRequests.UpdateServiceInstance() with { WorkspaceId = "w s", Body = new UpdateServiceInstanceRequestBody { Name = "bad<name>", Description = "a=b", Source = new SourceRef { Id = new string('0', 37) } } }),
            [("path.workspace_id", "pattern"), ("name", "pattern"), ("description", "pattern"), ("source.id", "maxLength")]),
        ["UpdateEndpoint"] = (
            http => new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint() with { WorkspaceId = string.Empty, Body = PageRequests.UpdateEndpointBody() with { ReservedResource = new ReservedResource { Mu = new ResourceDemand() } } }),
            [("path.workspace_id", "minLength"), ("path.workspace_id", "pattern"), ("reserved_resource.mu.spec_code", "required"), ("reserved_resource.mu.min", "required"), ("reserved_resource.mu.max", "required")]),
        ["InstallKernelPlugin"] = (
            http => new GaussDBForOpenGaussClient(http).InstallKernelPluginAsync(PageRequests.InstallKernelPlugin() with { ProjectId = new string('a', 33), InstanceId = "f9b5-f9b2" }),
            [("path.project_id", "maxLength"), ("path.instance_id", "pattern")]),
    };

    [Theory]
    [MemberData(nameof(InvalidRequestNames))]
    public async Task An_invalid_request_throws_RequestValidationException_listing_every_violation_and_sends_nothing(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var (call, violations) = InvalidRequests[operationId];

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => call(http));

        Assert.Equal(violations.Order(), exception.Errors.Select(e => (e.Path, e.Rule)).Order());
        Assert.All(violations, v => Assert.Contains(v.Path + ":", exception.Message, StringComparison.Ordinal));
        Assert.Empty(server.Requests);
    }

    /// <summary>
    /// Deliberately synchronous: an invalid request is a usage error, so, like the <see cref="ArgumentNullException"/> for
    /// a null request, it throws from the call itself rather than from the returned task (the operations are not
    /// <c>async</c>: they return the task of the runtime method that sends). <c>await</c> sees it the same either way.
    /// </summary>
    [Theory]
    [MemberData(nameof(InvalidRequestNames))]
    public async Task An_invalid_request_throws_from_the_call_itself_before_a_task_is_returned(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var (call, _) = InvalidRequests[operationId];
        Task? task = null;

        Assert.Throws<RequestValidationException>(() => { task = call(http); });

        Assert.Null(task);
        Assert.Throws<ArgumentNullException>(() => { _ = new ModelArtsClient(http).UpdatePluginAsync(null!); });
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("UpdatePlugin", 200)]
    [InlineData("UpdatePlugin", 500)]
    [InlineData("PatchService", 200)]
    [InlineData("UpdateEndpoint", 400)]
    [InlineData("UpdateServiceInstance", 200)]
    public async Task The_request_and_its_content_are_disposed_once_the_task_completes(string operationId, int status)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(status, "{}");
        var handler = new CapturingHandler();
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };

        // Success or failure alike: the outcome here is whatever "{}" reads as.
        await Record.ExceptionAsync(() => Calls[operationId](http, default));

        var content = Assert.IsAssignableFrom<HttpContent>(handler.Request?.Content);
        Assert.Throws<ObjectDisposedException>(() => content.ReadAsStream());
    }

    [Fact]
    public void A_list_or_map_body_reader_is_made_once_per_item_reader_and_reads_the_body()
    {
        // As an operation calls it: one call site, whose method group is one delegate however often it runs.
        var lists = Enumerable.Range(0, 2).Select(_ => ApiHttp.ListOf(JsonRead.Element)).ToList();
        var maps = Enumerable.Range(0, 2).Select(_ => ApiHttp.MapOf(JsonRead.Element)).ToList();

        Assert.Same(lists[0], lists[1]);
        Assert.Same(maps[0], maps[1]);
        var list = JsonRead.Start("[1, \"two\"]"u8);
        Assert.Equal(["1", "\"two\""], lists[0](ref list).Select(item => item.GetRawText()));
        var map = JsonRead.Start("{\"a\": [1]}"u8);
        Assert.Equal("[1]", maps[0](ref map)["a"].GetRawText());
    }

    /// <summary>Keeps the request it sends, to look at after the call.</summary>
    private sealed class CapturingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Cancelling_the_token_while_the_server_delays_surfaces_as_OperationCanceledException(string operationId)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "{}", Delay: TimeSpan.FromSeconds(20));
        using var http = server.CreateHttpClient();
        using var cancellation = new CancellationTokenSource();
        var call = Calls[operationId](http, cancellation.Token);
        await server.FirstRequest.WaitAsync(TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "The call returned only " + clock.Elapsed + " after the cancellation.");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task HttpClient_timeout_surfaces_as_TaskCanceledException_with_an_inner_TimeoutException()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(202, "{}", Delay: TimeSpan.FromSeconds(20));
        using var http = server.CreateHttpClient(TimeSpan.FromMilliseconds(300));

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Calls["UpdateEndpoint"](http, default));

        Assert.IsType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task HttpClient_timeout_also_bounds_a_body_that_stalls_after_the_headers()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, SpecDocuments.Example("PatchService 200").ToJsonString(), BodyDelay: TimeSpan.FromSeconds(4));
        using var http = server.CreateHttpClient(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var exception = await Record.ExceptionAsync(() => Calls["PatchService"](http, default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "The call took " + clock.Elapsed + " although HttpClient.Timeout is 300 ms.");
        var canceled = Assert.IsType<TaskCanceledException>(exception);
        Assert.IsType<TimeoutException>(canceled.InnerException);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_path_parameter_of_dots_cannot_send_the_request_to_another_resource(string poolName)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, SpecDocuments.Example("UpdatePlugin 200").ToJsonString());
        using var http = server.CreateHttpClient();

        var exception = await Record.ExceptionAsync(() => new ModelArtsClient(http).UpdatePluginAsync(PageRequests.UpdatePlugin() with { PoolName = poolName }));

        // Either the segment reaches the server as data (percent-encoded), or the client refuses the value and sends nothing.
        if (server.Requests.Count > 0)
        {
            Assert.Equal("/v2/0c8243400d37468bb4aed3cc94c2911d/pools/" + poolName.Replace(".", "%2E", StringComparison.Ordinal) + "/plugins/node-local-dns", server.Requests[0].RawTarget);
        }
        else
        {
            Assert.True(exception is ArgumentException or RequestValidationException, "Expected the value to be refused, got " + exception);
        }
    }

    public static TheoryData<string, string> HeaderInjections() => new()
    {
        { "UpdatePlugin", "X-Auth-Token" },
        { "PatchService", "X-ModelArts-User-ID" },
        { "UpdateEndpoint", "X-Auth-Token" },
        { "InstallKernelPlugin", "X-Language" },
    };

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public async Task A_header_value_with_a_line_break_is_refused_and_nothing_is_sent(string operationId, string header)
    {
        const string Value = "abc\r\nX-Injected: 1";
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "{}");
        using var http = server.CreateHttpClient();
        Func<Task> call = (operationId, header) switch
        {
            ("UpdatePlugin", _) => () => new ModelArtsClient(http).UpdatePluginAsync(PageRequests.UpdatePlugin() with { XAuthToken = Value }),
            ("PatchService", _) => () => new ModelArtsClient(http).PatchServiceAsync(PageRequests.PatchService() with { XModelArtsUserID = Value }),
            ("UpdateEndpoint", _) => () => new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint() with { XAuthToken = Value }),
            _ => () => new GaussDBForOpenGaussClient(http).InstallKernelPluginAsync(PageRequests.InstallKernelPlugin() with { XLanguage = Value }),
        };

        var exception = await Record.ExceptionAsync(call);

        Assert.DoesNotContain(server.Requests, r => r.Headers.ContainsKey("X-Injected"));
        Assert.Empty(server.Requests);
        Assert.True(exception is ArgumentException or RequestValidationException, "Expected " + header + " to be refused before sending, got " + (exception?.ToString() ?? "no exception"));
    }

    [Fact]
    public async Task A_client_without_a_base_address_says_so_and_sends_nothing()
    {
        using var http = new HttpClient();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Calls["PatchService"](http, default));

        Assert.Contains("BaseAddress", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api", "/api/things/a?limit=5")]
    [InlineData("api/", "/api/things/a?limit=5")]
    [InlineData("api/v1", "/api/v1/things/a?limit=5")]
    [InlineData("", "/things/a?limit=5")]
    public async Task A_path_in_the_base_address_is_kept_with_or_without_a_trailing_slash(string basePath, string expectedTarget)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "[]");
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, basePath) };

        await new HuaweiCloud.Annotated.AnnotatedClient(http).ListThingsAsync(new HuaweiCloud.Annotated.ListThingsRequest { Id = "a", Limit = 5 });

        Assert.Equal(expectedTarget, Assert.Single(server.Requests).RawTarget);
    }

    // ---------------------------------------------------------------- lenient reading of responses

    [Fact]
    public async Task Unknown_response_members_are_kept_in_AdditionalProperties_and_written_back()
    {
        var body = SpecDocuments.Example("UpdateEndpoint 202").AsObject();
        body["region"] = "ap-southeast-1";
        body["owner"]!["extra"] = new JsonObject { ["k"] = new JsonArray(1, 2) };
        JsonAssert.Remove(body, ["config", "ray_service_config", "ray_serve_config", "applications", 0, "deployments", 0, "max_replicas_per_node"]);
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(202, body.ToJsonString());
        using var http = server.CreateHttpClient();

        var response = await new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint());

        Assert.Equal("ap-southeast-1", response.Body.AdditionalProperties!["region"].GetString());
        Assert.Equal(2, response.Body.Owner!.AdditionalProperties!["extra"].GetProperty("k")[1].GetInt32());
        JsonAssert.Equal(body, response.Body.ToJson());
    }

    [Fact]
    public async Task A_string_member_sent_as_a_number_or_boolean_is_kept_as_its_text()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(202, """{"id":12345,"name":1.50,"status":true,"business_engine_instance_ids":[7,"x"]}""");
        using var http = server.CreateHttpClient();

        var response = await new DataArtsFabricClient(http).UpdateEndpointAsync(PageRequests.UpdateEndpoint());

        Assert.Equal(("12345", "1.50", "true"), (response.Body.Id, response.Body.Name, response.Body.Status));
        Assert.Equal(["7", "x"], response.Body.BusinessEngineInstanceIds);
        Assert.Equal("12345", response.TrackingId);
    }

    [Fact]
    public async Task A_number_member_sent_as_text_is_read_as_the_number()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"update_time":"1700625410586","resource_ids":[]}""");
        using var http = server.CreateHttpClient();

        var response = await new ModelArtsClient(http).PatchServiceAsync(PageRequests.PatchService());

        Assert.Equal(1700625410586L, response.Body.UpdateTime);
        Assert.Empty(response.Body.ResourceIds!);
    }

    private static string? ScalarText(JsonNode? node) => node?.GetValueKind() switch
    {
        null => null,
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
