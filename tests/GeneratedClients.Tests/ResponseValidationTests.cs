using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Pets;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// The opt-in check of success responses against the spec (specs/errors.openapi.yaml's <c>Pet</c>): lenient reading
/// converts values of another JSON type and accepts missing required members; the check names each such place by its
/// JSON path, to a callback or in an exception.
/// </summary>
public sealed class ResponseValidationTests
{
    private const string DriftedPet = """{"id":"12","name":"waytoolongname","weight":-1,"toys":[{"name":"ball"},{"squeaks":"true"},{"name":7}]}""";

    private static readonly (string Path, string Rule)[] DriftedPetMismatches =
    [
        ("id", "type"),
        ("toys[1].squeaks", "type"),
        ("toys[2].name", "type"),
        ("name", "maxLength"),
        ("weight", "minimum"),
        ("toys", "maxItems"),
        ("toys[1].name", "required"),
    ];

    [Fact]
    public async Task By_default_a_drifted_response_is_read_leniently_and_nothing_is_said()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, DriftedPet);
        using var http = server.CreateHttpClient();
        var client = new PetsClient(http);

        var response = await client.GetPetAsync(new GetPetRequest { Id = "12" });

        Assert.Equal(ResponseValidation.Off, client.ResponseValidation);
        Assert.Equal((12L, true, "7"), (response.Body.Id, response.Body.Toys![1].Squeaks, response.Body.Toys[2].Name));
    }

    [Fact]
    public async Task With_Throw_every_mismatch_is_listed_with_its_json_path()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, DriftedPet, RequestId: "req-drift");
        using var http = server.CreateHttpClient();
        var client = new PetsClient(http) { ResponseValidation = ResponseValidation.Throw };

        var exception = await Assert.ThrowsAsync<ApiResponseValidationException>(() => client.GetPetAsync(new GetPetRequest { Id = "12" }));

        Assert.Equal(DriftedPetMismatches, exception.Mismatches.Select(m => (m.Error.Path, m.Error.Rule)));
        Assert.All(exception.Mismatches, m => Assert.Equal(("GetPet", 200, "req-drift"), (m.Operation, m.StatusCode, m.RequestId)));
        Assert.Equal("must be an integer, but the service sent a string", exception.Mismatches[0].Error.Message);
        Assert.Equal("must be a string, but the service sent a number", exception.Mismatches[2].Error.Message);
        Assert.Contains("toys[1].squeaks: must be a boolean", exception.Message, System.StringComparison.Ordinal);
        Assert.Equal(DriftedPet, exception.ResponseBody);
        Assert.Equal("req-drift", exception.RequestId);
    }

    [Fact]
    public async Task With_Log_each_mismatch_goes_to_the_callback_and_the_result_is_returned()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, DriftedPet);
        using var http = server.CreateHttpClient();
        var seen = new List<ResponseMismatch>();
        var client = new PetsClient(http) { ResponseValidation = ResponseValidation.Log, OnResponseMismatch = seen.Add };

        var response = await client.GetPetAsync(new GetPetRequest { Id = "12" });

        Assert.Equal(12L, response.Body.Id);
        Assert.Equal(DriftedPetMismatches, seen.Select(m => (m.Error.Path, m.Error.Rule)));
        Assert.StartsWith("GetPet (200, X-Request-Id req-0001): id: must be an integer", seen[0].ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_that_matches_the_spec_raises_nothing()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"id":12,"name":"rex","toys":[{"name":"ball","squeaks":true}]}""");
        using var http = server.CreateHttpClient();
        var seen = new List<ResponseMismatch>();
        var client = new PetsClient(http) { ResponseValidation = ResponseValidation.Throw, OnResponseMismatch = seen.Add };

        var response = await client.GetPetAsync(new GetPetRequest { Id = "12" });

        Assert.Equal("rex", response.Body.Name);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_list_body_is_checked_item_by_item()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """[{"name":"web"},{"name":"x","replicas":"3"}]""");
        using var http = server.CreateHttpClient();
        var client = new HuaweiCloud.Annotated.AnnotatedClient(http) { ResponseValidation = ResponseValidation.Throw };

        var exception = await Assert.ThrowsAsync<ApiResponseValidationException>(() => client.ListThingsAsync(new HuaweiCloud.Annotated.ListThingsRequest { Id = "a" }));

        Assert.Equal([("[1].replicas", "type"), ("[1].name", "minLength")], exception.Mismatches.Select(m => (m.Error.Path, m.Error.Rule)));
    }
}
