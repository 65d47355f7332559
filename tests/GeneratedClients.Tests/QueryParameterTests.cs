using System;
using System.Linq;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Annotated;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

public sealed class QueryParameterTests
{
    [Fact]
    public async Task Query_parameters_are_escaped_and_left_out_when_unset()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """[{"name":"web"}]""");
        using var http = server.CreateHttpClient();
        var client = new AnnotatedClient(http);

        var response = await client.ListThingsAsync(new ListThingsRequest { Id = "a b", Limit = 5, NameFilter = "é&x=1" });
        await client.ListThingsAsync(new ListThingsRequest { Id = "plain" });

        Assert.Equal("web", Assert.Single(response.Body).Name);
        Assert.Equal("/things/a%20b?limit=5&name%20filter=%C3%A9%26x%3D1", server.Requests[0].RawTarget);
        Assert.Equal(["limit", "name filter"], server.Requests[0].Query.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["é&x=1"], server.Requests[0].Query["name filter"]);
        Assert.Equal("/things/plain", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task A_query_list_is_sent_as_one_pair_per_item_by_default_form_explode()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "[]");
        using var http = server.CreateHttpClient();

        await new AnnotatedClient(http).ListThingsAsync(new ListThingsRequest { Id = "a", Tags = ["dog", "x&y,z"] });

        var request = Assert.Single(server.Requests);
        Assert.Equal("/things/a?tags=dog&tags=x%26y%2Cz", request.RawTarget);
        Assert.Equal(["dog", "x&y,z"], request.Query["tags"]);
    }

    [Fact]
    public async Task A_query_list_without_explode_joins_its_items_with_the_styles_delimiter()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "[]");
        using var http = server.CreateHttpClient();

        await new AnnotatedClient(http).ListThingsAsync(new ListThingsRequest { Id = "a", Labels = ["x y", "z,w"], Sizes = [1, 20], Colors = ["blue", "black"] });

        var request = Assert.Single(server.Requests);
        Assert.Equal("/things/a?labels=x%20y,z%2Cw&sizes=1%2020&colors=blue%7Cblack", request.RawTarget);
        Assert.Equal(["x y,z,w"], request.Query["labels"]);
        Assert.Equal(["1 20"], request.Query["sizes"]);
        Assert.Equal(["blue|black"], request.Query["colors"]);
    }

    [Fact]
    public async Task A_pipe_inside_a_pipe_delimited_item_is_refused_since_it_would_split_the_item()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new AnnotatedClient(http).ListThingsAsync(new ListThingsRequest { Id = "a", Colors = ["blue", "black|white"] }));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("query.colors", "delimiter"), (error.Path, error.Rule));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_empty_exploded_list_sends_no_pair()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "[]");
        using var http = server.CreateHttpClient();

        await new AnnotatedClient(http).ListThingsAsync(new ListThingsRequest { Id = "a", Tags = [] });

        Assert.Equal("/things/a", Assert.Single(server.Requests).RawTarget);
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
