using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Media;
using Microsoft.AspNetCore.Http;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Text answers, JSON lines and typed response headers, from a real Kestrel server. A slow, a cancelled and a cut-off
/// stream of JSON lines are tested beside server-sent events, in <see cref="StreamingResponseTests"/>.
/// </summary>
public sealed class ResponseMediaTests
{
    [Fact]
    public async Task A_text_answer_is_a_string_decoded_by_its_charset_and_asked_for_with_the_documented_types()
    {
        string? accept = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "text/plain; charset=iso-8859-1";
            await context.Response.Body.WriteAsync(Encoding.Latin1.GetBytes("Grüße\r\nzweite Zeile"));
        });
        using var http = server.CreateHttpClient();

        var response = await new MediaClient(http).GetReadmeAsync(new GetReadmeRequest());

        Assert.Equal("Grüße\r\nzweite Zeile", response.Body);
        Assert.Equal("text/plain, application/json", accept);
    }

    [Fact]
    public async Task A_text_answer_without_a_charset_is_utf8_and_a_documented_error_still_throws_typed()
    {
        var status = 200;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            if (status == 200)
            {
                context.Response.ContentType = "text/plain";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("\uFEFF€ sign"));
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { reason = "none" });
            }
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);

        Assert.Equal("€ sign", (await client.GetReadmeAsync(new GetReadmeRequest())).Body);
        status = 404;
        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.GetReadmeAsync(new GetReadmeRequest()));
        Assert.Equal("none", exception.Error.Reason);
    }

    [Fact]
    public async Task An_xml_answer_that_nothing_types_is_handed_over_as_text()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<config><debug>true</debug></config>");
        });
        using var http = server.CreateHttpClient();

        var response = await new MediaClient(http).GetConfigXmlAsync(new GetConfigXmlRequest());

        Assert.Equal("true", System.Xml.Linq.XElement.Parse(response.Body).Element("debug")!.Value);
    }

    [Fact]
    public async Task Ndjson_lines_are_read_typed_as_they_arrive_skipping_blank_lines()
    {
        string? accept = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"name\":\"a\",\"size\":1}\n\r\n{\"name\":\"b\"}\r\n{\"name\":\"c\",\"size\":3}");
        });
        using var http = server.CreateHttpClient();

        var things = new List<Thing>();
        await foreach (var thing in new MediaClient(http).StreamExportAsync(new StreamExportRequest()))
        {
            things.Add(thing);
        }

        Assert.Equal([("a", 1L), ("b", (long?)null), ("c", 3L)], things.Select(t => (t.Name, t.Size)));
        Assert.Equal("application/x-ndjson, application/json", accept);
    }

    [Fact]
    public async Task A_json_text_sequence_drops_each_record_separator()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json-seq";
            await context.Response.WriteAsync("\u001E{\"delta\":\"Hel\",\"index\":0}\n\u001E{\"delta\":\"lo\",\"index\":1}\n");
        });
        using var http = server.CreateHttpClient();

        var chunks = new List<string?>();
        await foreach (var chunk in new MediaClient(http).StreamSequenceAsync(new StreamSequenceRequest()))
        {
            chunks.Add(chunk.Delta);
        }

        Assert.Equal(["Hel", "lo"], chunks);
    }

    [Fact]
    public async Task An_ndjson_stream_that_ends_in_the_middle_of_a_line_throws_a_format_error_after_the_lines_before()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"name\":\"one\"}\n{\"name\":\"tw");
        });
        using var http = server.CreateHttpClient();

        var received = new List<string?>();
        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (var thing in new MediaClient(http).StreamExportAsync(new StreamExportRequest()))
            {
                received.Add(thing.Name);
            }
        });

        Assert.Equal(["one"], received);
        Assert.Equal(200, exception.StatusCode);
    }

    [Fact]
    public async Task An_ndjson_stream_answered_with_a_documented_error_throws_it_typed_from_the_first_step()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 410;
            await context.Response.WriteAsJsonAsync(new { reason = "expired" });
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(async () =>
        {
            await foreach (var unused in new MediaClient(http).StreamExportAsync(new StreamExportRequest()))
            {
            }
        });

        Assert.Equal((410, "expired"), (exception.StatusCode, exception.Error.Reason));
    }

    [Fact]
    public async Task Documented_response_headers_are_typed_members_of_the_result()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.Headers.Location = "/pets/rex";
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers["X-RateLimit-Remaining"] = "41";
            context.Response.Headers["X-RateLimit-Reset"] = "1800000000";
            context.Response.Headers.LastModified = "Tue, 01 Dec 2026 12:00:00 GMT";
            context.Response.Headers.Link = "</pets?page=2>; rel=\"next\"";
            context.Response.Headers["X-Request-Id"] = "req-1";
            await context.Response.WriteAsJsonAsync(new { name = "rex" });
        });
        using var http = server.CreateHttpClient();

        var response = await new MediaClient(http).CreatePetAsync(new CreatePetRequest { Body = new Thing { Name = "rex" } });

        Assert.Equal("rex", response.Body.Name);
        Assert.Equal("req-1", response.RequestId);
        Assert.Equal(
            new ETagLastModifiedLinkLocationRateLimitRemainingAndRateLimitResetHeaders
            {
                Location = "/pets/rex",
                ETag = "\"v1\"",
                RateLimitRemaining = 41,
                RateLimitReset = 1800000000,
                LastModified = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
                Link = "</pets?page=2>; rel=\"next\"",
            },
            response.Headers);
    }

    [Fact]
    public async Task Headers_the_service_leaves_out_are_null_and_a_body_less_success_carries_its_headers()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            if (context.Request.Method == "DELETE")
            {
                context.Response.StatusCode = 204;
                context.Response.Headers["X-RateLimit-Remaining"] = "7";
                return;
            }

            context.Response.StatusCode = 201;
            context.Response.Headers.Location = "/pets/rex";
            await context.Response.WriteAsJsonAsync(new { name = "rex" });
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);

        var created = await client.CreatePetAsync(new CreatePetRequest { Body = new Thing { Name = "rex" } });
        var deleted = await client.DeletePetAsync(new DeletePetRequest { Name = "rex" });

        Assert.Equal(new ETagLastModifiedLinkLocationRateLimitRemainingAndRateLimitResetHeaders { Location = "/pets/rex" }, created.Headers);
        Assert.Equal((204, 7L), (deleted.StatusCode, deleted.Headers.RateLimitRemaining));
    }

    [Fact]
    public async Task A_download_carries_its_documented_headers_typed_beside_the_streamed_body()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.Headers.ETag = "\"r7\"";
            context.Response.Headers["X-Report-Rows"] = "5000000000";
            context.Response.Headers.LastModified = "Tue, 01 Dec 2026 12:00:00 GMT";
            await context.Response.Body.WriteAsync("a,b"u8.ToArray());
        });
        using var http = server.CreateHttpClient();

        using var report = await new MediaClient(http).DownloadReportAsync(new DownloadReportRequest { Name = "q4" });
        using var reader = new StreamReader(report.Content);

        Assert.Equal(
            new ETagLastModifiedAndReportRowsHeaders { ETag = "\"r7\"", ReportRows = 5000000000, LastModified = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero) },
            report.Headers);
        Assert.Equal(("application/octet-stream", "a,b"), (report.ContentType, await reader.ReadToEndAsync()));
    }

    [Theory]
    [InlineData("X-Report-Rows", "lots", "X-Report-Rows: 'lots'")]
    [InlineData("ETag", null, "no header ETag")]
    public async Task A_download_whose_header_does_not_read_as_its_type_or_is_missing_is_a_format_error(string name, string? value, string expected)
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            if (name != "ETag")
            {
                context.Response.Headers.ETag = "\"r7\"";
            }

            if (value is not null)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.Body.WriteAsync("a,b"u8.ToArray());
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => new MediaClient(http).DownloadReportAsync(new DownloadReportRequest { Name = "q4" }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(200, exception.StatusCode);
    }

    [Fact]
    public async Task Accepted_work_carries_its_documented_headers_typed_beside_its_tracking_id()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.Headers.Location = "/imports/i-9";
            context.Response.Headers.RetryAfter = "30";
            await context.Response.WriteAsJsonAsync(new { id = "i-9" });
        });
        using var http = server.CreateHttpClient();

        var accepted = await new MediaClient(http).StartImportAsync(new StartImportRequest { Body = new Thing { Name = "rex" } });

        Assert.Equal((202, "i-9", false), (accepted.StatusCode, accepted.TrackingId, accepted.IsCompleted));
        Assert.Equal(new LocationAndRetryAfterHeaders { Location = "/imports/i-9", RetryAfter = 30 }, accepted.Headers);
    }

    [Fact]
    public async Task Accepted_work_without_its_required_header_is_a_format_error()
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            await context.Response.WriteAsJsonAsync(new { id = "i-9" });
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => new MediaClient(http).StartImportAsync(new StartImportRequest { Body = new Thing { Name = "rex" } }));

        Assert.Contains("no header Location", exception.Message, StringComparison.Ordinal);
        Assert.Equal(202, exception.StatusCode);
    }

    [Theory]
    [InlineData("X-RateLimit-Remaining", "many", "X-RateLimit-Remaining: 'many'")]
    [InlineData("Last-Modified", "yesterday", "Last-Modified: 'yesterday'")]
    [InlineData("Location", null, "no header Location")]
    public async Task A_header_that_does_not_read_as_its_type_or_a_missing_required_one_is_a_format_error(string name, string? value, string expected)
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            if (name != "Location")
            {
                context.Response.Headers.Location = "/pets/rex";
            }

            if (value is not null)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsJsonAsync(new { name = "rex" });
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => new MediaClient(http).CreatePetAsync(new CreatePetRequest { Body = new Thing { Name = "rex" } }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(201, exception.StatusCode);
    }

    [Fact]
    public async Task A_list_of_files_goes_as_one_part_each_under_the_same_name()
    {
        var files = new List<(string Name, string FileName, string ContentType, string Text)>();
        string? title = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            title = form["title"];
            foreach (var file in form.Files.GetFiles("photos"))
            {
                using var reader = new StreamReader(file.OpenReadStream());
                files.Add((file.Name, file.FileName, file.ContentType, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { name = "album" });
        });
        using var http = server.CreateHttpClient();

        await new MediaClient(http).UploadAlbumAsync(new UploadAlbumRequest
        {
            Body = new UploadAlbumParts
            {
                Title = "holiday",
                Photos = [new FilePart(Encoding.UTF8.GetBytes("one"), "1.png"), new FilePart(new MemoryStream(Encoding.UTF8.GetBytes("two")), "2.jpg", "image/jpeg")],
            },
        });

        Assert.Equal("holiday", title);
        Assert.Equal([("photos", "1.png", "image/png", "one"), ("photos", "2.jpg", "image/jpeg", "two")], files);
    }

    [Fact]
    public async Task A_null_in_a_list_of_files_is_refused_before_anything_is_sent()
    {
        var sent = 0;
        await using var server = await HandlerServer.StartAsync(context =>
        {
            sent++;
            return Task.CompletedTask;
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => new MediaClient(http).UploadAlbumAsync(new UploadAlbumRequest
        {
            Body = new UploadAlbumParts { Photos = [new FilePart(Encoding.UTF8.GetBytes("one"), "1.png"), null!] },
        }));

        Assert.Contains("index 1 of the part 'photos'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, sent);
    }
}
