using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Media;
using Microsoft.AspNetCore.Http;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// An operation that takes JSON, a form and a multipart upload: JSON is the request record's body, and each other media
/// type has an overload with a request record of its own. The server reads each with ASP.NET Core's own parsers.
/// </summary>
public sealed class RequestBodyChoiceTests
{
    [Fact]
    public async Task Each_media_type_of_an_operation_is_reachable_through_its_own_request_record()
    {
        var received = new List<string>();
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            var request = context.Request;
            var source = request.Query["source"];
            if (request.HasJsonContentType())
            {
                var thing = await request.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                received.Add($"json {source} {thing.GetProperty("name").GetString()}");
            }
            else if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync();
                var photo = form.Files.GetFile("photo");
                var photoText = photo is null ? "-" : await new StreamReader(photo.OpenReadStream()).ReadToEndAsync();
                received.Add($"{request.ContentType!.Split(';')[0]} {source} {form["name"]} {form["size"]} {photo?.FileName ?? "-"} {photoText}");
            }

            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { name = "rex" });
        });
        using var http = server.CreateHttpClient();
        var client = new MediaClient(http);

        await client.RegisterPetAsync(new RegisterPetRequest { Source = "api", Body = new Thing { Name = "rex" } });
        await client.RegisterPetAsync(new RegisterPetFormRequest { Source = "web", Body = new Thing { Name = "rex", Size = 3 } });
        await client.RegisterPetAsync(new RegisterPetMultipartRequest
        {
            Source = "app",
            Body = new RegisterPetMultipartParts { Name = "rex", Photo = new FilePart(Encoding.UTF8.GetBytes("png bytes"), "rex.png", "image/png") },
        });

        Assert.Equal(
            ["json api rex", "application/x-www-form-urlencoded web rex 3 - -", "multipart/form-data app rex  rex.png png bytes"],
            received);
    }

    [Fact]
    public async Task An_overload_validates_its_own_body_before_sending()
    {
        var sent = 0;
        await using var server = await HandlerServer.StartAsync(context =>
        {
            sent++;
            return Task.CompletedTask;
        });
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new MediaClient(http).RegisterPetAsync(new RegisterPetFormRequest { Body = null! }));

        Assert.Contains(exception.Errors, e => e.Path == "body");
        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task A_media_type_the_generator_cannot_type_is_reachable_as_content_beside_the_typed_body()
    {
        string? received = null;
        await using var server = await HandlerServer.StartAsync(async context =>
        {
            received = context.Request.ContentType + " " + await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.StatusCode = 204;
        });
        using var http = server.CreateHttpClient();

        await new MediaClient(http).PostDocumentAsync(new PostDocumentContentRequest { Body = new StringContent("<thing><name>a</name></thing>", Encoding.UTF8, "application/xml") });

        Assert.Equal("application/xml; charset=utf-8 <thing><name>a</name></thing>", received);
    }
}
