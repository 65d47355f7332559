using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using OpenApiClientGenerator.Runtime;
using HuaweiCloud.Media;

namespace GeneratedClients.Tests;

/// <summary>Request bodies beyond JSON and status ranges, against Kestrel reading what the client sends with ASP.NET Core's own parsers.</summary>
public sealed class MediaTypeTests
{
    [Fact]
    public async Task A_form_body_is_sent_by_its_encoding_as_asp_net_core_parses_it()
    {
        IFormCollection? form = null;
        string? contentType = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            contentType = context.Request.ContentType;
            form = await context.Request.ReadFormAsync();
            await context.Response.WriteAsJsonAsync(new { name = "ch_1" });
        });
        using var http = server.CreateHttpClient();

        var response = await new MediaClient(http).CreateChargeAsync(new CreateChargeRequest
        {
            Body = new ChargeForm
            {
                Amount = 2000,
                Currency = "usd",
                Description = "a&b=c é+",
                Capture = true,
                Metadata = new System.Collections.Generic.Dictionary<string, string> { ["order_id"] = "6735", ["note"] = "x[y]=z" },
                Items = [new ChargeFormItemsItem { Price = "price_1", Quantity = 2 }, new ChargeFormItemsItem { Price = "price_2" }],
                Shipping = new ChargeFormShipping { Name = "Ada", Address = new ChargeFormShippingAddress { City = "Berlin" } },
                Expand = ["customer", "invoice"],
                Tags = ["a", "b,c"],
                Codes = ["x", "y"],
                Options = new ChargeFormOptions { Level = 3 },
            },
        });

        Assert.Equal("ch_1", response.Body.Name);
        Assert.Equal("application/x-www-form-urlencoded", contentType);
        Assert.NotNull(form);
        Assert.Equal("2000", form!["amount"]);
        Assert.Equal("usd", form["currency"]);
        Assert.Equal("a&b=c é+", form["description"]);
        Assert.Equal("true", form["capture"]);
        Assert.Equal("6735", form["metadata[order_id]"]);
        Assert.Equal("x[y]=z", form["metadata[note]"]);
        Assert.Equal("price_1", form["items[0][price]"]);
        Assert.Equal("2", form["items[0][quantity]"]);
        Assert.Equal("price_2", form["items[1][price]"]);
        Assert.False(form.ContainsKey("items[1][quantity]"));
        Assert.Equal("Ada", form["shipping[name]"]);
        Assert.Equal("Berlin", form["shipping[address][city]"]);
        Assert.Equal("customer,invoice", string.Join(",", form["expand"].ToArray()));
        Assert.Equal(2, form["expand"].Count);
        Assert.Equal("a,b,c", form["tags"]);
        Assert.Equal("x|y", form["codes"]);
        Assert.Equal("""{"level":3}""", form["options"]);
        Assert.Equal(15, form.Count);
    }

    [Fact]
    public async Task A_form_body_that_breaks_the_spec_is_rejected_before_sending()
    {
        var requests = 0;
        await using var server = await HandlerServer.StartAsync(context => { requests++; return Task.CompletedTask; });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new MediaClient(http).CreateChargeAsync(new CreateChargeRequest
        {
            Body = new ChargeForm { Amount = 0, Currency = "us" },
        }));

        Assert.Equal(["amount:minimum", "currency:minLength"], exception.Errors.Select(e => e.Path + ":" + e.Rule).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(0, requests);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(203)]
    [InlineData(299)]
    public async Task A_success_range_returns_its_typed_body_for_any_status_in_it(int status)
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { name = "ranged", size = 7 });
        });
        using var http = server.CreateHttpClient();

        var response = await new MediaClient(http).GetRangedAsync(new GetRangedRequest { Id = "a" });

        Assert.Equal((status, "ranged", 7L), (response.StatusCode, response.Body.Name, response.Body.Size));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(418)]
    [InlineData(503)]
    public async Task An_error_status_covered_by_a_range_or_default_throws_the_api_exception_an_explicit_status_taking_precedence(int status)
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { reason = "refused" });
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => new MediaClient(http).GetRangedAsync(new GetRangedRequest { Id = "a" }));

        Assert.Equal(status, exception.StatusCode);
        Assert.Contains("refused", exception.ResponseBody);

        // 4XX documents its body, so a status in the range carries it typed; 404 is documented on its own without a body,
        // which takes precedence over the range, and default documents none.
        if (status == 418)
        {
            Assert.Equal("refused", Assert.IsType<ApiException<Problem>>(exception).Error.Reason);
        }
        else
        {
            Assert.IsType<ApiException>(exception);
        }
    }

    [Theory]
    [InlineData(300, "choices")]
    [InlineData(500, "reason")]
    [InlineData(503, "reason")]
    public async Task A_redirection_or_server_error_range_throws_the_exception_typed_by_its_own_body(int status, string member)
    {
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            // No Location: HttpClient hands a 300 back rather than following it.
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(member == "choices" ? """{"choices":["/a","/b"]}""" : """{"reason":"down"}""");
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => new MediaClient(http).GetRangedMovedAsync(new GetRangedMovedRequest { Id = "a" }));

        Assert.Equal(status, exception.StatusCode);
        if (status < 400)
        {
            Assert.Equal(["/a", "/b"], Assert.IsType<ApiException<GetRangedMovedError3XX>>(exception).Error.Choices);
        }
        else
        {
            Assert.Equal("down", Assert.IsType<ApiException<Problem>>(exception).Error.Reason);
        }
    }

    [Fact]
    public async Task A_204_beside_a_documented_body_is_success_without_a_body()
    {
        var status = 204;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            if (status == 200)
            {
                await context.Response.WriteAsJsonAsync(new { name = "there" });
            }
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);

        var empty = await client.GetMaybeAsync(new GetMaybeRequest { Id = "a" });
        status = 200;
        var full = await client.GetMaybeAsync(new GetMaybeRequest { Id = "a" });

        Assert.Equal((204, null), (empty.StatusCode, empty.Body));
        Assert.Equal("there", full.Body?.Name);
    }

    [Fact]
    public async Task A_default_response_describes_the_success_when_no_success_is_documented()
    {
        await using var server = await HandlerServer.StartAsync(context => context.Response.WriteAsJsonAsync(new { name = "fallback" }));
        using var http = server.CreateHttpClient();

        var response = await new MediaClient(http).GetFallbackAsync(new GetFallbackRequest());

        Assert.Equal("fallback", response.Body.Name);
    }

    [Fact]
    public async Task A_text_body_is_sent_as_utf8_text_and_checked_against_its_schema()
    {
        string? text = null;
        string? contentType = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            contentType = context.Request.ContentType;
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            text = await reader.ReadToEndAsync();
            context.Response.StatusCode = 204;
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);

        var response = await client.PutNoteAsync(new PutNoteRequest { Body = "Grüße, line one\nline two" });
        var tooLong = await Assert.ThrowsAsync<RequestValidationException>(() => client.PutNoteAsync(new PutNoteRequest { Body = new string('x', 101) }));

        Assert.Equal(204, response.StatusCode);
        Assert.Equal("Grüße, line one\nline two", text);
        Assert.Equal("text/plain; charset=utf-8", contentType);
        Assert.Equal("maxLength", Assert.Single(tooLong.Errors).Rule);
    }

    [Fact]
    public async Task A_binary_body_takes_a_stream_bytes_or_content_and_names_its_type()
    {
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string? ContentType, byte[] Body)>();
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            received.Enqueue((context.Request.ContentType, buffer.ToArray()));
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { name = "blob" });
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);

        await client.PutBlobAsync(new PutBlobRequest { Name = "a", Body = new MemoryStream([1, 2, 3]) });
        await client.PutBlobAsync(new PutBlobRequest { Name = "b", Body = new byte[] { 4, 5 } });
        await client.PutBlobAsync(new PutBlobRequest { Name = "c", Body = new BinaryBody(new byte[] { 6 }, "image/png") });
        var content = new ByteArrayContent([7]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        await client.PutBlobAsync(new PutBlobRequest { Name = "d", Body = content });

        Assert.Equal(
            [("application/octet-stream", "1,2,3"), ("application/octet-stream", "4,5"), ("image/png", "6"), ("application/pdf", "7")],
            received.Select(r => (r.ContentType, string.Join(",", r.Body))).ToArray());
    }

    /// <summary>The SHA-256 of <see cref="PatternStream"/>'s bytes, as hex.</summary>
    internal static string PatternSha256(long length) => PatternStream.Sha256(length);

    /// <summary>A stream of <c>i % 251</c> bytes that is neither seekable nor in memory, so that nothing can know its length in advance.</summary>
    internal sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public static string Sha256(long length)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var stream = new PatternStream(length);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) % 251);
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Multipart bodies, read by ASP.NET Core's <c>Request.Form</c> and <c>Request.Form.Files</c>.</summary>
public sealed class MultipartTests
{
    [Fact]
    public async Task A_multipart_body_sends_files_with_their_names_and_types_and_values_as_text_or_json()
    {
        IFormCollection? form = null;
        var files = new System.Collections.Generic.List<(string Name, string FileName, string ContentType, string Text)>();
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            form = await context.Request.ReadFormAsync();
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                files.Add((file.Name, file.FileName, file.ContentType, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { name = "file-1" });
        });
        using var http = server.CreateHttpClient();

        var response = await new MediaClient(http).UploadFileAsync(new UploadFileRequest
        {
            Body = new UploadFileParts
            {
                File = new FilePart(new MemoryStream(Encoding.UTF8.GetBytes("line one\nline two")), "notes \"draft\" ü.txt", "text/plain"),
                Purpose = "fine-tune",
                Attempt = 3,
                Attributes = new UploadFilePartsAttributes { Label = "a&b" },
                Preview = new FilePart([0x89, 0x50], "preview.png"),
            },
        });

        Assert.Equal("file-1", response.Body.Name);
        Assert.Equal("fine-tune", form!["purpose"]);
        Assert.Equal("3", form["attempt"]);
        Assert.Equal("""{"label":"a\u0026b"}""", form["attributes"]);
        Assert.Equal(3, form.Count);
        Assert.Equal(2, files.Count);
        Assert.Equal(("file", "notes \"draft\" ü.txt", "text/plain", "line one\nline two"), files[0]);
        Assert.Equal(("preview", "preview.png", "image/png"), (files[1].Name, files[1].FileName, files[1].ContentType));
    }

    [Fact]
    public async Task Optional_parts_left_unset_are_not_sent()
    {
        IFormCollection? form = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            form = await context.Request.ReadFormAsync();
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { name = "file-2" });
        });
        using var http = server.CreateHttpClient();

        await new MediaClient(http).UploadFileAsync(new UploadFileRequest
        {
            Body = new UploadFileParts { File = new FilePart([1, 2, 3], "data.bin"), Purpose = "batch" },
        });

        Assert.Equal(["purpose"], form!.Keys.ToArray());
        var file = Assert.Single(form.Files);
        Assert.Equal(("file", "data.bin", "application/octet-stream", 3L), (file.Name, file.FileName, file.ContentType, file.Length));
    }

    [Fact]
    public async Task A_part_that_cannot_be_added_disposes_the_parts_before_it_and_sends_nothing()
    {
        var requests = 0;
        await using var server = await HandlerServer.StartAsync(context =>
        {
            requests++;
            context.Response.StatusCode = 201;
            return Task.CompletedTask;
        });
        using var http = server.CreateHttpClient();
        var file = new DisposalRecordingStream([1, 2, 3]);

        await Assert.ThrowsAsync<FormatException>(() => new MediaClient(http).UploadFileAsync(new UploadFileRequest
        {
            Body = new UploadFileParts
            {
                File = new FilePart(file, "data.bin"),
                Purpose = "batch",
                Preview = new FilePart([4], "preview.png", "not a media type"),
            },
        }));

        Assert.True(file.IsDisposed, "the file part added before the failing one is disposed with the body");
        Assert.Equal(0, requests);
    }

    private sealed class DisposalRecordingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
