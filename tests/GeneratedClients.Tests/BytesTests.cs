using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Bytes;
using HuaweiCloud.Bytes31;
using Microsoft.AspNetCore.Http;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Binary data that a spec sends as base64 text (specs/bytes.openapi.yaml, OpenAPI 3.0's <c>format: byte</c>, and
/// specs/bytes-31.openapi.yaml, 3.1's <c>contentEncoding</c>) is <c>byte[]</c> in C#: encoded on the way out, decoded
/// and checked on the way in, compared by content in a merge patch.
/// </summary>
public sealed class BytesTests
{
    private static readonly byte[] Content = [0x00, 0xfb, 0xff, 0xbf, 0x10, 0x7f];

    [Fact]
    public void Format_byte_and_content_encoding_base64_are_byte_arrays_documented_as_base64_text()
    {
        Assert.Equal(typeof(byte[]), typeof(Attachment).GetProperty(nameof(Attachment.Data))!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<byte[]>), typeof(Attachment).GetProperty(nameof(Attachment.Chunks))!.PropertyType);
        Assert.Equal(typeof(byte[]), typeof(UploadAttachmentRequest).GetProperty(nameof(UploadAttachmentRequest.XChecksum))!.PropertyType);
        Assert.Equal(typeof(byte[]), typeof(Document).GetProperty(nameof(Document.Content))!.PropertyType);
        Assert.Equal(typeof(byte[]), typeof(Document).GetProperty(nameof(Document.Signature))!.PropertyType);
    }

    [Fact]
    public async Task Bytes_in_a_body_and_in_header_query_and_path_parameters_reach_the_server_as_base64_and_come_back_as_bytes()
    {
        var received = new List<string>();
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var checksum = Convert.FromBase64String(context.Request.Headers["X-Checksum"].ToString());
            var tag = Convert.FromBase64String(context.Request.Query["tag"].ToString());
            var data = Convert.FromBase64String(body!["data"]!.GetValue<string>());
            var chunks = body["chunks"]!.AsArray().Select(c => Convert.FromBase64String(c!.GetValue<string>())).ToList();
            received.Add(string.Join(" ", new[] { checksum, tag, data }.Concat(chunks).Select(Convert.ToHexString)));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        });
        using var http = server.CreateHttpClient();

        var response = await new BytesClient(http).UploadAttachmentAsync(new UploadAttachmentRequest
        {
            XChecksum = [0xca, 0xfe],
            Tag = [0xfb, 0xff, 0xbf],
            Body = new Attachment { Name = "a.bin", Data = Content, Chunks = [[0x01], [0x02, 0x03]] },
        });

        Assert.Equal(["CAFE FBFFBF 00FBFFBF107F 01 0203"], received);
        Assert.Equal(Content, response.Body.Data);
        Assert.Equal([[0x01], [0x02, 0x03]], response.Body.Chunks!);
    }

    [Fact]
    public async Task A_path_parameter_of_bytes_is_base64_with_its_slash_and_plus_escaped()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();

        await new BytesClient(http).PatchAttachmentAsync(new PatchAttachmentRequest { Key = [0xfb, 0xff, 0xbf], Body = new AttachmentPatch { Name = "b", Data = new byte[] { 1 } } });

        Assert.Equal("/attachments/%2B%2F%2B%2F", server.Requests.Single().RawTarget);
    }

    [Theory]
    [InlineData("\"not base64!\"")]
    [InlineData("\"AAA\"")]
    [InlineData("12")]
    public async Task A_response_whose_bytes_are_not_base64_throws_ApiResponseFormatException(string data)
    {
        await using var server = await RecordingServer.StartAsync();
        var body = "{\"name\":\"a\",\"data\":" + data + "}";
        server.Response = new CannedResponse(200, body);
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => new BytesClient(http).UploadAttachmentAsync(
            new UploadAttachmentRequest { XChecksum = [1], Body = new Attachment { Name = "a", Data = [1] } }));

        Assert.Equal(body, exception.ResponseBody);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
    }

    [Theory]
    [InlineData(9, new string[0])]
    [InlineData(10, new[] { "data:maxLength" })]
    public void The_length_rule_of_bytes_is_about_their_base64_text(int byteCount, string[] violations)
    {
        var attachment = new Attachment { Name = "a", Data = new byte[byteCount] };

        Assert.Equal(violations, attachment.Validate().Select(e => e.Path + ":" + e.Rule));
    }

    [Fact]
    public async Task Accepted_work_whose_id_is_bytes_is_tracked_by_its_base64_text()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(202, """{"job":"AQID"}""");
        using var http = server.CreateHttpClient();

        var response = await new BytesClient(http).StartScanAsync(new StartScanRequest());

        Assert.Equal([1, 2, 3], response.Body.Job);
        Assert.Equal("AQID", response.TrackingId);
    }

    [Fact]
    public void A_merge_patch_compares_bytes_by_content()
    {
        var before = new Attachment { Name = "a", Data = [1, 2, 3], Thumbnail = [9] };

        Assert.True(AttachmentPatch.FromDiff(before, before with { Data = [1, 2, 3], Thumbnail = [9] }).IsEmpty);
        var patch = AttachmentPatch.FromDiff(before, before with { Data = [1, 2, 4], Thumbnail = null });
        Assert.Equal("""{"data":"AQIE","thumbnail":null}""", Encoding.UTF8.GetString(patch.ToJson()));
        Assert.Equal([1, 2, 4], AttachmentPatch.FromJson(patch.ToJson()).Data.Value);
    }

    [Fact]
    public async Task Content_encoding_base64_and_base64url_round_trip_through_a_server_that_decodes_them()
    {
        var decoded = new List<string>();
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var signature = body!["signature"]!.GetValue<string>();
            var content = Convert.FromBase64String(body["content"]!.GetValue<string>());
            var fromUrl = Convert.FromBase64String(signature.Replace('-', '+').Replace('_', '/') + "==");
            decoded.Add(signature + " " + Convert.ToHexString(content) + " " + Convert.ToHexString(fromUrl));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        });
        using var http = server.CreateHttpClient();

        var response = await new Bytes31Client(http).StoreDocumentAsync(new StoreDocumentRequest
        {
            Body = new Document { Content = Content, Signature = [0xfb, 0xff, 0xbf, 0xfb] },
        });

        Assert.Equal(["-_-_-w 00FBFFBF107F FBFFBFFB"], decoded);
        Assert.Equal(Content, response.Body.Content);
        Assert.Equal([0xfb, 0xff, 0xbf, 0xfb], response.Body.Signature);
    }

    [Theory]
    [InlineData("\"+/+/\"")]
    [InlineData("\"-_-_-\"")]
    public void Base64url_that_is_not_is_refused(string signature)
        => Assert.ThrowsAny<JsonException>(() => Document.FromJson(Encoding.UTF8.GetBytes("{\"content\":\"\",\"signature\":" + signature + "}")));

    [Fact]
    public void A_union_tells_bytes_from_a_number_and_reads_them_decoded()
    {
        var bytes = Document.FromJson("""{"content":"","payload":"AQID"}"""u8).Payload!;
        var number = Document.FromJson("""{"content":"","payload":7}"""u8).Payload!;

        Assert.True(bytes.TryGetBytes(out var value));
        Assert.Equal([1, 2, 3], value);
        Assert.False(number.TryGetBytes(out _));
    }
}
