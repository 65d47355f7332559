using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Media;
using Microsoft.AspNetCore.Http;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>Downloads, server-sent events and JSON lines, read as they arrive from a real Kestrel server.</summary>
public sealed class StreamingResponseTests
{
    [Fact]
    public async Task A_download_returns_at_the_headers_with_type_length_and_file_name_and_streams_the_body()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? accept = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "application/pdf";
            context.Response.ContentLength = 6;
            context.Response.Headers.ContentDisposition = "attachment; filename=\"report.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf";
            await context.Response.Body.WriteAsync("abc"u8.ToArray());
            await context.Response.Body.FlushAsync();
            await release.Task;
            await context.Response.Body.WriteAsync("def"u8.ToArray());
        });
        using var http = server.CreateHttpClient();

        // The body is half sent and the server waits: the call must still return.
        using var file = await new MediaClient(http).DownloadAsync(new DownloadRequest { Name = "r" }).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("application/pdf", 6L, "résumé.pdf", 200), (file.ContentType, file.ContentLength, file.FileName, file.StatusCode));
        Assert.Equal("application/octet-stream, application/json", accept);
        release.SetResult();
        using var reader = new StreamReader(file.Content);
        Assert.Equal("abcdef", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task A_download_answered_with_an_error_throws_the_api_exception_with_its_body()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(new { error_code = "NOT_FOUND", error_msg = "no such file" });
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => new MediaClient(http).DownloadAsync(new DownloadRequest { Name = "r" }));

        Assert.Equal((404, "NOT_FOUND", "no such file"), (exception.StatusCode, exception.ErrorCode, exception.ErrorMessage));
    }

    [Fact]
    public async Task A_download_answered_with_a_documented_error_body_throws_it_typed()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 410;
            await context.Response.WriteAsJsonAsync(new { reason = "removed" });
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(() => new MediaClient(http).DownloadAsync(new DownloadRequest { Name = "r" }));

        Assert.Equal((410, "removed"), (exception.StatusCode, exception.Error.Reason));
    }

    [Fact]
    public async Task Events_are_read_as_the_whatwg_standard_says_typed_by_the_schema()
    {
        string? requestBody = null;
        string? accept = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            using (var reader = new StreamReader(context.Request.Body))
            {
                requestBody = await reader.ReadToEndAsync();
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(
                "\uFEFF: a comment\r\n"
                + "retry: 1500\r\n"
                + "id: 1\r\n"
                + "data: {\"delta\":\"Hel\",\r\n"
                + "data:  \"index\":0}\r\n"
                + "\r\n"
                + "event: chunk\n"
                + "data:{\"delta\":\"lo\",\"index\":1}\n"
                + "unknown: ignored\n"
                + "\n"
                + "id\r"
                + "data: {\"delta\":\"!\",\"index\":2}\r"
                + "\r"
                + "data: {\"delta\":\"never\"}\n"); // the stream ends in the middle of this event: it is not dispatched
        });
        using var http = server.CreateHttpClient();

        var events = new List<ServerSentEvent<Chunk>>();
        await foreach (var item in new MediaClient(http).StreamChatAsync(new StreamChatRequest { Body = new Thing { Name = "hi" } }))
        {
            events.Add(item);
        }

        Assert.Equal("""{"name":"hi"}""", requestBody);
        Assert.Equal("text/event-stream", accept);
        Assert.Equal(3, events.Count);
        Assert.Equal(("message", "Hel", 0L, "1", TimeSpan.FromMilliseconds(1500)), (events[0].EventType, events[0].Data.Delta, events[0].Data.Index, events[0].Id, events[0].Retry));
        Assert.Equal(("chunk", "lo", "1"), (events[1].EventType, events[1].Data.Delta, events[1].Id));
        Assert.Equal(("message", "!", ""), (events[2].EventType, events[2].Data.Delta, events[2].Id));
    }

    [Theory]
    [InlineData(StreamKind.Events)]
    [InlineData(StreamKind.JsonLines)]
    public async Task A_slow_stream_yields_each_item_as_it_arrives(StreamKind kind)
    {
        var next = new SemaphoreSlim(0);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = ContentType(kind);
            for (var i = 0; i < 3; i++)
            {
                await context.Response.WriteAsync(Item(kind, $"tick {i}"));
                await context.Response.Body.FlushAsync();
                await next.WaitAsync(context.RequestAborted);
            }
        });
        using var http = server.CreateHttpClient();

        var received = new List<string?>();
        await foreach (var item in Stream(new MediaClient(http), kind, CancellationToken.None))
        {
            // The server sends the next item only once this one has arrived.
            received.Add(item);
            next.Release();
        }

        Assert.Equal(["tick 0", "tick 1", "tick 2"], received);
    }

    [Theory]
    [InlineData(StreamKind.Events)]
    [InlineData(StreamKind.JsonLines)]
    public async Task Cancelling_a_stream_stops_it_and_releases_the_response(StreamKind kind)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            context.Response.ContentType = ContentType(kind);
            await context.Response.WriteAsync(Item(kind, "first"));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = server.CreateHttpClient();
        using var cancellation = new CancellationTokenSource();

        var received = new List<string?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Stream(new MediaClient(http), kind, cancellation.Token))
            {
                received.Add(item);
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(100)); // while the server sends nothing
            }
        });

        Assert.Equal(["first"], received);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the server saw the connection go
    }

    [Theory]
    [InlineData(StreamKind.Events)]
    [InlineData(StreamKind.JsonLines)]
    public async Task A_stream_cut_off_in_the_middle_yields_the_items_before_and_then_fails(StreamKind kind)
    {
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = ContentType(kind);
            await context.Response.WriteAsync(Item(kind, "one") + Item(kind, "two")[..8]);
            await context.Response.Body.FlushAsync();
            await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            context.Abort();
        });
        using var http = server.CreateHttpClient();

        var received = new List<string?>();
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await foreach (var item in Stream(new MediaClient(http), kind, CancellationToken.None))
            {
                received.Add(item);
                firstArrived.TrySetResult();
            }
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["one"], received);
    }

    public enum StreamKind
    {
        Events,
        JsonLines,
    }

    private static string ContentType(StreamKind kind) => kind == StreamKind.Events ? "text/event-stream" : "application/x-ndjson";

    /// <summary>One item on the wire: a text event, or a line of a Thing named <paramref name="text"/>.</summary>
    private static string Item(StreamKind kind, string text) => kind == StreamKind.Events ? $"data: {text}\n\n" : $"{{\"name\":\"{text}\"}}\n";

    private static async IAsyncEnumerable<string?> Stream(MediaClient client, StreamKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (kind == StreamKind.Events)
        {
            await foreach (var item in client.StreamTicksAsync(new StreamTicksRequest(), cancellationToken))
            {
                yield return item.Data;
            }
        }
        else
        {
            await foreach (var item in client.StreamExportAsync(new StreamExportRequest(), cancellationToken))
            {
                yield return item.Name;
            }
        }
    }
}
