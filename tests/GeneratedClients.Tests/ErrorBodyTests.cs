using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Pets;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// A spec whose error schema is <c>{code, message}</c> (specs/errors.openapi.yaml): the body of a documented error status
/// is reachable, typed, from the exception, whatever the Huawei fields say.
/// </summary>
public sealed class ErrorBodyTests
{
    [Fact]
    public async Task A_documented_error_status_throws_the_exception_typed_by_its_body()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(404, """{"code":40401,"message":"no pet 7"}""");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Error>>(() => new PetsClient(http).GetPetAsync(new GetPetRequest { Id = "7" }));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal((40401, "no pet 7"), (exception.Error.Code, exception.Error.Message));
        Assert.Equal("req-0001", exception.RequestId);
        Assert.Null(exception.ErrorCode);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(404)]
    public async Task Statuses_that_share_an_error_type_throw_the_same_typed_exception(int status)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(status, """{"code":1,"message":"busy"}""");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Error>>(() => new PetsClient(http).GetPetAsync(new GetPetRequest { Id = "7" }));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("busy", exception.Error.Message);
    }

    [Fact]
    public async Task An_inline_error_schema_gets_a_record_of_its_own()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(429, """{"retry_after":30}""");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<GetPetError429>>(() => new PetsClient(http).GetPetAsync(new GetPetRequest { Id = "7" }));

        Assert.Equal(30, exception.Error.RetryAfter);
    }

    [Fact]
    public async Task A_status_the_spec_does_not_list_throws_the_default_responses_type()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(500, """{"title":"Internal","status":500}""");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException<Problem>>(() => new PetsClient(http).GetPetAsync(new GetPetRequest { Id = "7" }));

        Assert.Equal("Internal", exception.Error.Title);
    }

    [Fact]
    public async Task Without_a_default_response_an_undocumented_status_throws_the_plain_exception()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(500, """{"code":1,"message":"boom"}""");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => new PetsClient(http).DeletePetAsync(new DeletePetRequest { Id = "7" }));

        Assert.Equal(500, exception.StatusCode);
        Assert.IsNotType<ApiException<Error>>(exception);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"code":"many","message":"no pet"}""")]
    [InlineData("")]
    public async Task An_error_body_that_does_not_read_as_documented_throws_the_plain_exception_with_its_text(string body)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(404, body, ContentType: "text/plain");
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => new PetsClient(http).DeletePetAsync(new DeletePetRequest { Id = "7" }));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal(body.Length == 0 ? null : body, exception.ResponseBody);
    }
}
