using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.JsonSchema2020;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// The JSON Schema 2020-12 keywords of OpenAPI 3.1 and not/const/enum on values that are not strings, from
/// specs/json-schema-2020.openapi.yaml: each is checked by the generated validator, and a violation names its JSON path
/// and rule. The webhook's payload reader reads and checks what an endpoint receives.
/// </summary>
public sealed class JsonSchema2020Tests
{
    private const string Valid = """
        {"version":2,"ratio":1.5,"enabled":true,"name":"alice","level":3,"value":7,"origin":{"x":1,"y":1},
         "pair":["abc",4],"unit":"kg","scale":0.5,"tags":null,"picture":"iVBORw0=","sample":"a","label":"tag","code":"abc"}
        """;

    [Fact]
    public void A_value_that_meets_every_keyword_is_valid()
    {
        var reading = Reading.FromJson(Encoding.UTF8.GetBytes(Valid));

        Assert.Empty(Violations(reading));
        Assert.Equal((2L, "abc", 4), (reading.Version, reading.Pair![0].GetString(), reading.Pair[1].GetInt32()));
    }

    [Theory]
    [InlineData("version", "3", "version:enum")]
    [InlineData("ratio", "1", "ratio:enum")]
    [InlineData("enabled", "false", "enabled:enum")]
    [InlineData("name", "\"root\"", "name:not")]
    [InlineData("level", "10", "level:not")]
    [InlineData("value", "\"text\"", "value:not")]
    [InlineData("origin", """{"x":1,"y":0}""", "origin:enum")]
    [InlineData("pair", """["abcd",4]""", "pair[0]:maxLength")]
    [InlineData("pair", """["abc",-1]""", "pair[1]:minimum")]
    [InlineData("pair", """["abc",4,5]""", "pair:maxItems")]
    [InlineData("scale", "0", "scale:exclusiveMinimum")]
    [InlineData("retired", "1", "retired:not")]
    [InlineData("label", "\"label\"", "label:maxLength")]
    [InlineData("code", "\"abcd\"", "code:maxLength")]
    [InlineData("code", "\"AB\"", "code:pattern")]
    public void A_value_that_breaks_a_keyword_is_reported_at_its_path(string member, string json, string violation)
    {
        var reading = Reading.FromJson(Encoding.UTF8.GetBytes(With(member, json)));

        Assert.Equal([violation], Violations(reading));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void An_enum_of_both_booleans_allows_either(string json)
        => Assert.Empty(Violations(Reading.FromJson(Encoding.UTF8.GetBytes(With("verified", json)))));

    [Fact]
    public void Objects_are_compared_by_value_whatever_their_member_order()
    {
        var reading = Reading.FromJson(Encoding.UTF8.GetBytes(With("origin", """{"y":0,"x":0}""")));

        Assert.Empty(Violations(reading));
    }

    [Fact]
    public void A_member_that_requires_another_reports_the_missing_one()
    {
        var reading = Reading.FromJson("""{"version":2,"unit":"kg"}"""u8);

        var error = Assert.Single(Violations(reading));
        Assert.Equal("scale:dependentRequired", error);
        Assert.Empty(Violations(Reading.FromJson("""{"version":2,"scale":1}"""u8)));
    }

    [Fact]
    public void A_record_checks_its_own_enum_const_and_dependentRequired_in_its_own_Validate()
    {
        Assert.Equal([":enum"], Paths(new Point { X = 1, Y = 0 }.Validate()));
        Assert.Empty(new Point { X = 1, Y = 1 }.Validate());
        Assert.Equal([":enum"], Paths(new Origin { X = 0, Y = 1 }.Validate()));
        Assert.Empty(new Origin { X = 0, Y = 0 }.Validate());
        Assert.Equal(["scale:dependentRequired"], Paths(new Reading { Version = 2, Unit = "kg" }.Validate()));
        Assert.Empty(new Reading { Version = 2, Unit = "kg", Scale = 1 }.Validate());
    }

    [Fact]
    public void A_member_breaking_its_records_enum_is_reported_once_at_the_member()
        => Assert.Equal(["origin:enum"], Paths(Reading.FromJson(Encoding.UTF8.GetBytes(With("origin", """{"x":1,"y":0}"""))).Validate()));

    [Fact]
    public async Task A_request_whose_body_breaks_its_records_enum_const_or_dependentRequired_is_refused_before_sending()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var client = new JsonSchema2020Client(http);

        var point = await Assert.ThrowsAsync<RequestValidationException>(() => client.PutPointAsync(new PutPointRequest { Body = new Point { X = 1, Y = 0 } }));
        var origin = await Assert.ThrowsAsync<RequestValidationException>(() => client.PutOriginAsync(new PutOriginRequest { Body = new Origin { X = 1, Y = 1 } }));
        var reading = await Assert.ThrowsAsync<RequestValidationException>(() => client.CreateReadingAsync(new CreateReadingRequest { Body = new Reading { Version = 2, Unit = "kg" } }));

        // A body's violations are at its own paths, as the record's Validate() reports them.
        Assert.Equal([":enum"], Paths(point.Errors));
        Assert.Equal([":enum"], Paths(origin.Errors));
        Assert.Equal(["scale:dependentRequired"], Paths(reading.Errors));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_request_whose_body_meets_its_records_enum_and_const_is_sent_as_written()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"x":1,"y":1}""");
        using var http = server.CreateHttpClient();
        var client = new JsonSchema2020Client(http);

        var stored = await client.PutPointAsync(new PutPointRequest { Body = new Point { X = 1, Y = 1 } });
        server.Response = new CannedResponse(204, null);
        await client.PutOriginAsync(new PutOriginRequest { Body = new Origin { X = 0, Y = 0 } });

        Assert.Equal((1L, 1L), (stored.Body.X, stored.Body.Y));
        Assert.Equal(["""{"x":1,"y":1}""", """{"x":0,"y":0}"""], server.Requests.Select(r => r.BodyText));
    }

    [Fact]
    public void The_type_list_with_null_and_the_base64_string_are_typed()
    {
        Assert.Equal(typeof(string), typeof(Reading).GetProperty(nameof(Reading.Tags))!.PropertyType);
        Assert.Equal(typeof(byte[]), typeof(Reading).GetProperty(nameof(Reading.Picture))!.PropertyType);
        Assert.Null(Reading.FromJson("""{"version":2,"tags":null}"""u8).Tags);
    }

    [Fact]
    public async Task The_webhook_reader_reads_a_valid_payload_and_refuses_an_invalid_one_with_every_violation()
    {
        var payload = await JsonSchema2020ClientWebhooks.ReadReadingCreatedAsync(new MemoryStream(Encoding.UTF8.GetBytes(Valid)));
        Assert.Equal("alice", payload.Name);

        var exception = Assert.Throws<WebhookPayloadException>(() => JsonSchema2020ClientWebhooks.ReadReadingCreated("""{"version":3,"unit":"kg"}"""u8));
        Assert.Equal("readingCreated", exception.Webhook);
        Assert.Equal(["scale:dependentRequired", "version:enum"], exception.Errors.Select(e => e.Path + ":" + e.Rule).Order(StringComparer.Ordinal));
        Assert.ThrowsAny<JsonException>(() => JsonSchema2020ClientWebhooks.ReadReadingCreated("""{"version":"""u8));
    }

    /// <summary>The violations of a reading as a member of a request body, which is where whole-value rules (enum on an object, dependentRequired) are checked.</summary>
    private static string[] Violations(Reading reading)
        => [.. new CreateReadingRequest { Body = reading }.Validate().Select(e => e.Path.Replace("body.", string.Empty, StringComparison.Ordinal) + ":" + e.Rule).Order(StringComparer.Ordinal)];

    private static string[] Paths(System.Collections.Generic.IEnumerable<ValidationError> errors)
        => [.. errors.Select(e => e.Path + ":" + e.Rule).Order(StringComparer.Ordinal)];

    private static string With(string member, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        node[member] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return node.ToJsonString();
    }
}
