using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.RequiredMembers;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// The test-only spec required-members: a required body with a required member of each reference kind. C#'s
/// <c>required</c> cannot stop <c>null!</c> (or a <c>JsonElement</c> left at its default), so validation reports each
/// at its path, the body itself included, before anything is sent.
/// </summary>
public sealed class RequiredMembersTests
{
    private static Thing Valid() => new()
    {
        Name = "thing-1",
        Tags = ["a"],
        Labels = new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v" },
        Owner = new Owner { Id = "owner-1" },
        Extra = PageRequests.Element("""{"any":true}"""),
    };

    public static TheoryData<string> MemberKinds() => ["name (a string)", "tags (a list)", "labels (a map)", "owner (a nested record)", "owner.id (a string in a nested record)", "extra (a JsonElement left at its default)"];

    [Theory]
    [MemberData(nameof(MemberKinds))]
    public async Task A_required_member_left_null_is_reported_at_its_path_and_nothing_is_sent(string kind)
    {
        var path = kind.Substring(0, kind.IndexOf(' ', StringComparison.Ordinal));
        var thing = path switch
        {
            "name" => Valid() with { Name = null! },
            "tags" => Valid() with { Tags = null! },
            "labels" => Valid() with { Labels = null! },
            "owner" => Valid() with { Owner = null! },
            "owner.id" => Valid() with { Owner = new Owner { Id = null! } },
            "extra" => Valid() with { Extra = default },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();

        var error = Assert.Single(thing.Validate());
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new RequiredMembersClient(http).PutThingAsync(new PutThingRequest { Id = "t1", Body = thing }));

        Assert.Equal((path, "required"), (error.Path, error.Rule));
        Assert.Equal([(path, "required")], exception.Errors.Select(e => (e.Path, e.Rule)));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_required_body_set_to_null_is_reported_at_body_and_nothing_is_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var request = new PutThingRequest { Id = "t1", Body = null! };

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new RequiredMembersClient(http).PutThingAsync(request));

        Assert.Equal([("body", "required")], request.Validate().Select(e => (e.Path, e.Rule)));
        Assert.Equal([("body", "required")], exception.Errors.Select(e => (e.Path, e.Rule)));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_null_item_of_a_list_is_reported_at_its_index_and_each_one_is()
    {
        var thing = Valid() with { Tags = ["a", null!, "c", null!] };

        Assert.Equal([("tags[1]", "type"), ("tags[3]", "type")], thing.Validate().Select(e => (e.Path, e.Rule)));
        Assert.Equal([("tags[1]", "type"), ("tags[3]", "type")], new PutThingRequest { Id = "t1", Body = thing }.Validate().Select(e => (e.Path, e.Rule)));
    }

    [Theory]
    [InlineData("Nicky", "ab", "owner.nickname", "maxLength")]
    [InlineData("Nick", "a", "owner.initials", "minLength")]
    public void A_string_member_whose_one_rule_is_a_length_is_reported_at_its_path_and_an_absent_one_is_not(string nickname, string initials, string path, string rule)
    {
        var thing = Valid() with { Owner = new Owner { Id = "owner-1", Nickname = nickname, Initials = initials } };

        Assert.Equal([(path, rule)], thing.Validate().Select(e => (e.Path, e.Rule)));
        Assert.Empty((Valid() with { Owner = new Owner { Id = "owner-1", Nickname = "Nick", Initials = "ab" } }).Validate());
        Assert.Empty((Valid() with { Owner = new Owner { Id = "owner-1" } }).Validate());
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "pathSegment")]
    [InlineData("..", "pathSegment")]
    public void A_path_parameter_that_is_missing_or_would_address_another_resource_is_reported_at_its_path(string? id, string rule)
    {
        var request = new PutThingRequest { Id = id!, Body = Valid() };

        Assert.Equal([("path.id", rule)], request.Validate().Select(e => (e.Path, e.Rule)));
        Assert.Empty((request with { Id = "t1" }).Validate());
    }

    [Fact]
    public async Task A_valid_body_is_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();

        await new RequiredMembersClient(http).PutThingAsync(new PutThingRequest { Id = "t1", Body = Valid() });

        JsonAssert.Equal("""{"name":"thing-1","tags":["a"],"labels":{"k":"v"},"owner":{"id":"owner-1"},"extra":{"any":true}}""", Assert.Single(server.Requests).Body);
    }
}
