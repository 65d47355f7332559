using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeneratedClients.Tests.Infrastructure;

/// <summary>A request as the server saw it on the wire.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The query as ASP.NET Core's own parser reads it: each name with its values, in order.</summary>
    public IReadOnlyDictionary<string, string[]> Query { get; init; } = new Dictionary<string, string[]>();
}

/// <summary>What the server answers with next.</summary>
/// <param name="Delay">How long the server waits before it answers at all.</param>
/// <param name="BodyDelay">How long the server stalls after it has sent the status, the headers and the first byte of the body.</param>
public sealed record CannedResponse(int StatusCode, string? Body, string ContentType = "application/json", string? RequestId = "req-0001", TimeSpan Delay = default, TimeSpan BodyDelay = default);

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an ephemeral port. It records every request and answers with the canned
/// response set for the test, so client tests assert on real bytes over a real socket.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RecordingServer(WebApplication app) => _app = app;

    public CannedResponse Response { get; set; } = new(200, "{}");

    /// <summary>Answered in turn before <see cref="Response"/>, e.g. a 503 that a retry follows.</summary>
    public ConcurrentQueue<CannedResponse> FirstResponses { get; } = new();

    /// <summary>Checks each request's credentials from the request as ASP.NET parsed it and its body; a refused request gets <see cref="Unauthorized"/>.</summary>
    public Func<HttpRequest, byte[], bool>? Authenticate { get; set; }

    /// <summary>The answer to a refused request, as Huawei's API Gateway words it.</summary>
    public static CannedResponse Unauthorized { get; } = new(401, """{"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}""");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Completes when the first request has been recorded (before any delay), e.g. to cancel a call in flight.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public HttpClient CreateHttpClient(TimeSpan? timeout = null)
        => new() { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!;
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            feature.RawTarget,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            buffer.ToArray())
        {
            Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal),
        });
        _firstRequest.TrySetResult();

        var response = Authenticate is { } authenticate && !authenticate(context.Request, buffer.ToArray())
            ? Unauthorized
            : FirstResponses.TryDequeue(out var first) ? first : Response;
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = response.StatusCode;
        if (response.RequestId is not null)
        {
            context.Response.Headers["X-Request-Id"] = response.RequestId;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            var body = Encoding.UTF8.GetBytes(response.Body);
            if (response.BodyDelay > TimeSpan.Zero && body.Length > 1)
            {
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body.AsMemory(0, 1), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(response.BodyDelay, context.RequestAborted);
                await context.Response.Body.WriteAsync(body.AsMemory(1), context.RequestAborted);
            }
            else
            {
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
