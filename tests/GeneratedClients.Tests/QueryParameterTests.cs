using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Annotated;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

public sealed class QueryParameterTests
{
    [Fact]
    public async Task Query_parameters_are_escaped_joined_and_left_out_when_unset()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """[{"name":"web"}]""");
        using var http = server.CreateHttpClient();
        var client = new AnnotatedClient(http);

        var response = await client.ListThingsAsync(new ListThingsRequest { Id = "a b", Limit = 5, Tags = ["x&y", "z"], NameFilter = "é" });
        await client.ListThingsAsync(new ListThingsRequest { Id = "plain" });

        Assert.Equal("web", Assert.Single(response.Body).Name);
        Assert.Equal("/things/a%20b?limit=5&tags=x%26y,z&name%20filter=%C3%A9", server.Requests[0].RawTarget);
        Assert.Equal("/things/plain", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task A_query_parameter_out_of_range_is_rejected_before_sending()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new AnnotatedClient(http).ListThingsAsync(new ListThingsRequest { Id = "a", Limit = 101 }));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("query.limit", "maximum"), (error.Path, error.Rule));
        Assert.Empty(server.Requests);
    }
}
