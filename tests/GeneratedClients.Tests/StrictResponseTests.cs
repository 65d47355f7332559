using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.NullableResponses;
using HuaweiCloud.StrictResponses;
using Microsoft.Extensions.Logging;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Issue 14 §5: the strict response check also reports a null on a member the spec does not make nullable and a member
/// a closed schema (<c>additionalProperties: false</c>) does not name (specs/strict-responses.openapi.yaml); a success
/// body whose schema is nullable reads the JSON <c>null</c> as null, in 3.0 and 3.1 specs alike.
/// </summary>
public sealed class StrictResponseTests
{
    // label is not nullable, note is; Gadget and Part are closed, extras is open.
    private const string DriftedGadget = """{"id":1,"label":null,"note":null,"parts":[{"name":"a","weight":3}],"extras":{"color":"red","shade":"dark"},"owner":"x"}""";

    private static readonly (string Path, string Rule)[] DriftedGadgetMismatches =
    [
        ("label", "nullable"),
        ("parts[0].weight", "additionalProperties"),
        ("owner", "additionalProperties"),
    ];

    [Fact]
    public async Task With_Throw_a_disallowed_null_and_members_a_closed_schema_does_not_name_are_listed_with_their_paths()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, DriftedGadget);
        var client = new StrictResponsesClient(server.CreateHttpClient()) { ResponseValidation = ResponseValidation.Throw };

        var exception = await Assert.ThrowsAsync<ApiResponseValidationException>(() => client.GetGadgetAsync(new GetGadgetRequest { Id = "1" }));

        Assert.Equal(DriftedGadgetMismatches, exception.Mismatches.Select(m => (m.Error.Path, m.Error.Rule)));
        Assert.Equal("must not be null, which the spec does not allow here", exception.Mismatches[0].Error.Message);
        Assert.Contains("owner: is not a member the spec describes, and its schema allows no others", exception.Message, StringComparison.Ordinal);
        Assert.Equal(DriftedGadget, exception.ResponseBody);
    }

    [Fact]
    public async Task With_Log_each_mismatch_reaches_the_logger_with_its_path_and_the_result_keeps_what_was_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, DriftedGadget);
        var logger = new ListLogger();
        var client = new StrictResponsesClient(server.CreateHttpClient())
        {
            ResponseValidation = ResponseValidation.Log,
            OnResponseMismatch = m => logger.LogWarning("{Operation}: {Path} {Rule}: {Message}", m.Operation, m.Error.Path, m.Error.Rule, m.Error.Message),
        };

        var response = await client.GetGadgetAsync(new GetGadgetRequest { Id = "1" });

        Assert.Equal(
            [
                "GetGadget: label nullable: must not be null, which the spec does not allow here",
                "GetGadget: parts[0].weight additionalProperties: is not a member the spec describes, and its schema allows no others",
                "GetGadget: owner additionalProperties: is not a member the spec describes, and its schema allows no others",
            ],
            logger.Messages);
        Assert.Null(response.Body.Label);
        Assert.Equal("\"x\"", response.Body.AdditionalProperties!["owner"].GetRawText());
        Assert.Equal("3", response.Body.Parts![0].AdditionalProperties!["weight"].GetRawText());
    }

    [Fact]
    public async Task By_default_the_same_answer_is_read_leniently_and_nothing_is_said()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, DriftedGadget);
        var seen = new List<ResponseMismatch>();
        var client = new StrictResponsesClient(server.CreateHttpClient()) { OnResponseMismatch = seen.Add };

        var response = await client.GetGadgetAsync(new GetGadgetRequest { Id = "1" });

        Assert.Equal((1L, null, null), (response.Body.Id, response.Body.Label, response.Body.Note));
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Allowed_nulls_and_members_of_an_open_object_raise_nothing()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"id":1,"label":"lamp","note":null,"parts":[],"extras":{"shade":"dark"}}""");
        var client = new StrictResponsesClient(server.CreateHttpClient()) { ResponseValidation = ResponseValidation.Throw };

        var response = await client.GetGadgetAsync(new GetGadgetRequest { Id = "1" });

        Assert.Equal("lamp", response.Body.Label);
    }

    [Fact]
    public async Task A_null_body_the_schema_does_not_allow_is_still_a_format_error()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "null");
        var client = new StrictResponsesClient(server.CreateHttpClient());

        await Assert.ThrowsAsync<ApiResponseFormatException>(() => client.GetGadgetAsync(new GetGadgetRequest { Id = "1" }));
    }

    [Theory]
    [InlineData(ResponseValidation.Off)]
    [InlineData(ResponseValidation.Throw)]
    public async Task A_body_whose_schema_is_nullable_reads_null_as_null(ResponseValidation mode)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, "null");
        var strict = new StrictResponsesClient(server.CreateHttpClient()) { ResponseValidation = mode };
        var v31 = new NullableResponsesClient(server.CreateHttpClient()) { ResponseValidation = mode };

        ApiResponse<FindReplacementResponse?> replacement = await strict.FindReplacementAsync(new FindReplacementRequest { Id = "1" });
        ApiResponse<int?> stock = await strict.CountStockAsync(new CountStockRequest { Id = "1" });
        ApiResponse<GetCurrentTokenResponse?> token = await v31.GetCurrentTokenAsync(new GetCurrentTokenRequest());
        ApiResponse<long?> count = await v31.CountTokensAsync(new CountTokensRequest());

        Assert.Equal((200, 200, 200, 200), (replacement.StatusCode, stock.StatusCode, token.StatusCode, count.StatusCode));
        Assert.Null(replacement.Body);
        Assert.Null(stock.Body);
        Assert.Null(token.Body);
        Assert.Null(count.Body);
    }

    [Fact]
    public async Task A_nullable_body_that_is_present_is_read_and_checked()
    {
        await using var server = await RecordingServer.StartAsync();
        var strict = new StrictResponsesClient(server.CreateHttpClient()) { ResponseValidation = ResponseValidation.Throw };
        var v31 = new NullableResponsesClient(server.CreateHttpClient());

        server.Response = new CannedResponse(200, """{"id":2,"label":"waytoolongname","x":1}""");
        var replacement = await Assert.ThrowsAsync<ApiResponseValidationException>(() => strict.FindReplacementAsync(new FindReplacementRequest { Id = "1" }));
        server.Response = new CannedResponse(200, "-1");
        var stock = await Assert.ThrowsAsync<ApiResponseValidationException>(() => strict.CountStockAsync(new CountStockRequest { Id = "1" }));
        server.Response = new CannedResponse(200, """{"value":"t-1"}""");
        var token = await v31.GetCurrentTokenAsync(new GetCurrentTokenRequest());
        server.Response = new CannedResponse(200, "5");
        var count = await v31.CountTokensAsync(new CountTokensRequest());

        Assert.Equal([("x", "additionalProperties"), ("label", "maxLength")], replacement.Mismatches.Select(m => (m.Error.Path, m.Error.Rule)));
        Assert.Equal("minimum", Assert.Single(stock.Mismatches).Error.Rule);
        Assert.Equal("t-1", token.Body!.Value);
        Assert.Equal(5L, count.Body);
    }

    /// <summary>A logger that keeps each message it is given, formatted.</summary>
    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Messages.Add(formatter(state, exception));
    }
}
