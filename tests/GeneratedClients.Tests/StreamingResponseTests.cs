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

/// <summary>
/// Downloads, server-sent events and JSON lines, read as they arrive from a real Kestrel server; the streams both as the
/// enumerable sent when the loop starts and as the <c>StreamResponse</c> opened with its documented headers.
/// </summary>
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

    [Fact]
    public async Task Events_follow_the_whatwg_rules_for_empty_data_spaces_and_invalid_ids_and_retries()
    {
        await using var server = await HandlerServer.StartAsync(context =>
        {
            context.Response.ContentType = "text/event-stream";
            return context.Response.WriteAsync(
                "event: ping\n\n" // no data: nothing is dispatched, and the event type does not carry over
                + ": a comment alone\n\n"
                + "data\n\n" // a field without a colon has the empty value: an event with empty data
                + "data:\ndata:\n\n" // two empty data lines are one line feed
                + "data:  two spaces\n\n" // only the first space after the colon is dropped
                + "retry: 3000\nid: 7\ndata: x\n\n"
                + "retry: 12a\ndata: y\n\n" // a retry that is not all digits is ignored
                + "id: bad\u0000id\ndata: z\n\n"); // an id with NUL is ignored
        });
        using var http = server.CreateHttpClient();

        var events = new List<(string, string, string?, TimeSpan?)>();
        await foreach (var item in new MediaClient(http).StreamTicksAsync(new StreamTicksRequest()))
        {
            events.Add((item.EventType, item.Data, item.Id, item.Retry));
        }

        var retry = TimeSpan.FromMilliseconds(3000);
        Assert.Equal(
            [
                ("message", "", null, null),
                ("message", "\n", null, null),
                ("message", " two spaces", null, null),
                ("message", "x", "7", retry),
                ("message", "y", "7", retry),
                ("message", "z", "7", retry),
            ],
            events);
    }

    [Theory]
    [InlineData(StreamKind.Events)]
    [InlineData(StreamKind.JsonLines)]
    [InlineData(StreamKind.EventsWithHeaders)]
    [InlineData(StreamKind.JsonLinesWithHeaders)]
    public async Task A_slow_stream_yields_each_item_as_it_arrives(StreamKind kind)
    {
        var next = new SemaphoreSlim(0);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            Start(context.Response, kind);
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
    [InlineData(StreamKind.EventsWithHeaders)]
    [InlineData(StreamKind.JsonLinesWithHeaders)]
    public async Task Cancelling_a_stream_stops_it_and_releases_the_response(StreamKind kind)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            Start(context.Response, kind);
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
    [InlineData(StreamKind.EventsWithHeaders)]
    [InlineData(StreamKind.JsonLinesWithHeaders)]
    public async Task A_stream_cut_off_in_the_middle_yields_the_items_before_and_then_fails(StreamKind kind)
    {
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            Start(context.Response, kind);
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

    [Fact]
    public async Task A_stream_with_documented_headers_returns_them_typed_once_they_are_in_before_its_first_event()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
            context.Response.Headers["X-RateLimit-Remaining"] = "41";
            context.Response.Headers["X-Model"] = "gpt-x";
            context.Response.Headers["X-Request-Id"] = "req-7";

            // Only the headers are sent until the test has read them.
            await context.Response.Body.FlushAsync();
            await release.Task;
            await context.Response.WriteAsync("data: {\"delta\":\"Hel\"}\n\ndata: {\"delta\":\"lo\"}\n\n");
        });
        using var http = server.CreateHttpClient();

        await using var reply = await new MediaClient(http).StreamMeteredChatAsync(new StreamMeteredChatRequest { Body = new Thing { Name = "hi" } }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((200, "req-7"), (reply.StatusCode, reply.RequestId));
        Assert.Equal(new ModelAndRateLimitRemainingHeaders { RateLimitRemaining = 41, Model = "gpt-x" }, reply.Headers);
        Assert.Equal(("""{"name":"hi"}""", "text/event-stream, application/json"), (requestBody, accept));
        release.SetResult();
        var deltas = new List<string?>();
        await foreach (var item in reply)
        {
            deltas.Add(item.Data.Delta);
        }

        Assert.Equal(["Hel", "lo"], deltas);
    }

    [Theory]
    [InlineData("5000000000", 5000000000L)]
    [InlineData(null, null)]
    public async Task A_json_lines_stream_carries_its_documented_headers_typed_an_absent_optional_one_as_null(string? totalCount, long? expected)
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            context.Response.Headers["X-Export-Id"] = "e-3";
            if (totalCount is not null)
            {
                context.Response.Headers["X-Total-Count"] = totalCount;
            }

            await context.Response.WriteAsync("{\"name\":\"rex\"}\n{\"name\":\"fido\",\"size\":3}\n");
        });
        using var http = server.CreateHttpClient();

        await using var export = await new MediaClient(http).StreamCountedExportAsync(new StreamCountedExportRequest());
        var names = new List<string?>();
        await foreach (var thing in export)
        {
            names.Add(thing.Name);
        }

        Assert.Equal(new ExportIdAndTotalCountHeaders { ExportId = "e-3", TotalCount = expected }, export.Headers);
        Assert.Equal(["rex", "fido"], names);
    }

    [Theory]
    [InlineData("many", "X-RateLimit-Remaining: 'many'")]
    [InlineData(null, "no header X-RateLimit-Remaining")]
    public async Task A_stream_whose_required_header_is_missing_or_not_its_type_is_a_format_error_and_releases_the_response(string? remaining, string expected)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            context.Response.ContentType = "text/event-stream";
            if (remaining is not null)
            {
                context.Response.Headers["X-RateLimit-Remaining"] = remaining;
            }

            await context.Response.WriteAsync("data: tick\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => new MediaClient(http).StreamMeteredTicksAsync(new StreamMeteredTicksRequest()));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(200, exception.StatusCode);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the response was disposed before the exception left
    }

    [Fact]
    public async Task A_stream_with_headers_answered_with_a_documented_error_throws_it_typed_from_the_call()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 429;
            await context.Response.WriteAsJsonAsync(new { reason = "slow down" });
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(() => new MediaClient(http).StreamMeteredChatAsync(new StreamMeteredChatRequest { Body = new Thing { Name = "hi" } }));

        Assert.Equal((429, "slow down"), (exception.StatusCode, exception.Error.Reason));
    }

    [Fact]
    public async Task A_stream_with_headers_is_read_once()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            Start(context.Response, StreamKind.JsonLinesWithHeaders);
            await context.Response.WriteAsync(Item(StreamKind.JsonLinesWithHeaders, "rex"));
        });
        using var http = server.CreateHttpClient();

        await using var export = await new MediaClient(http).StreamCountedExportAsync(new StreamCountedExportRequest());
        var names = new List<string?>();
        await foreach (var thing in export)
        {
            names.Add(thing.Name);
        }

        Assert.Equal(["rex"], names);
        var again = Assert.Throws<InvalidOperationException>(() => export.GetAsyncEnumerator());
        Assert.Contains("read or disposed", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_a_stream_with_headers_that_is_not_read_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            Start(context.Response, StreamKind.EventsWithHeaders);
            await context.Response.WriteAsync(Item(StreamKind.EventsWithHeaders, "first"));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = server.CreateHttpClient();

        var ticks = await new MediaClient(http).StreamMeteredTicksAsync(new StreamMeteredTicksRequest());
        Assert.Equal(9L, ticks.Headers.RateLimitRemaining);
        await ticks.DisposeAsync();

        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Throws<InvalidOperationException>(() => ticks.GetAsyncEnumerator());
    }

    [Fact]
    public async Task Cancelling_a_stream_with_headers_through_its_loop_stops_it_and_releases_the_response()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            Start(context.Response, StreamKind.EventsWithHeaders);
            await context.Response.WriteAsync(Item(StreamKind.EventsWithHeaders, "first"));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = server.CreateHttpClient();
        using var cancellation = new CancellationTokenSource();

        // The call is given no token: the loop's own cancels the read in flight.
        await using var ticks = await new MediaClient(http).StreamMeteredTicksAsync(new StreamMeteredTicksRequest());
        var received = new List<string?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in ticks.WithCancellation(cancellation.Token))
            {
                received.Add(item.Data);
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });

        Assert.Equal(["first"], received);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_stream_sent_when_its_loop_starts_builds_its_request_then_so_one_never_read_holds_none_to_dispose()
    {
        // Without a base address no request can be built: the calls return, and each loop's first step says so. Had they
        // built their messages (and the body's content) at the call, nothing would dispose them for a loop never run.
        using var http = new System.Net.Http.HttpClient();
        var client = new MediaClient(http);
        var events = client.StreamChatAsync(new StreamChatRequest { Body = new Thing { Name = "hi" } });
        var lines = client.StreamExportAsync(new StreamExportRequest());

        await using var eventSteps = events.GetAsyncEnumerator();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await eventSteps.MoveNextAsync());
        await using var lineSteps = lines.GetAsyncEnumerator();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await lineSteps.MoveNextAsync());

        // The request is still validated by the call itself.
        Assert.Throws<RequestValidationException>(() => { _ = client.StreamChatAsync(new StreamChatRequest { Body = null! }); });
    }

    /// <summary>The four shapes of a stream: events and JSON lines, sent when the loop starts or opened with their documented headers.</summary>
    public enum StreamKind
    {
        Events,
        JsonLines,
        EventsWithHeaders,
        JsonLinesWithHeaders,
    }

    private static bool IsEvents(StreamKind kind) => kind is StreamKind.Events or StreamKind.EventsWithHeaders;

    /// <summary>Starts a stream's success: its content type, and the headers its spec requires.</summary>
    private static void Start(HttpResponse response, StreamKind kind)
    {
        response.ContentType = IsEvents(kind) ? "text/event-stream" : "application/x-ndjson";
        if (kind == StreamKind.EventsWithHeaders)
        {
            response.Headers["X-RateLimit-Remaining"] = "9";
        }
        else if (kind == StreamKind.JsonLinesWithHeaders)
        {
            response.Headers["X-Export-Id"] = "e-1";
        }
    }

    /// <summary>One item on the wire: a text event, or a line of a Thing named <paramref name="text"/>.</summary>
    private static string Item(StreamKind kind, string text) => IsEvents(kind) ? $"data: {text}\n\n" : $"{{\"name\":\"{text}\"}}\n";

    /// <summary>The items' text, read through the kind's method with <paramref name="cancellationToken"/> given to the call.</summary>
    private static async IAsyncEnumerable<string?> Stream(MediaClient client, StreamKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case StreamKind.Events:
                await foreach (var item in client.StreamTicksAsync(new StreamTicksRequest(), cancellationToken))
                {
                    yield return item.Data;
                }

                break;
            case StreamKind.JsonLines:
                await foreach (var item in client.StreamExportAsync(new StreamExportRequest(), cancellationToken))
                {
                    yield return item.Name;
                }

                break;
            case StreamKind.EventsWithHeaders:
                await using (var ticks = await client.StreamMeteredTicksAsync(new StreamMeteredTicksRequest(), cancellationToken))
                {
                    Assert.Equal(9L, ticks.Headers.RateLimitRemaining);
                    await foreach (var item in ticks)
                    {
                        yield return item.Data;
                    }
                }

                break;
            default:
                await using (var export = await client.StreamCountedExportAsync(new StreamCountedExportRequest(), cancellationToken))
                {
                    Assert.Equal("e-1", export.Headers.ExportId);
                    await foreach (var item in export)
                    {
                        yield return item.Name;
                    }
                }

                break;
        }
    }
}
