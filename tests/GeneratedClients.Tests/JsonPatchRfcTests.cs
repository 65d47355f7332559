using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.JsonPatchRfc;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// The test-only spec json-patch-rfc: a JSON Patch document with all six operations of RFC 6902 §4, a <c>from</c> member,
/// no path pattern, and the whole-document pointer <c>""</c> among its documented paths. Each operation must carry
/// exactly the members §4 requires, and every pointer of RFC 6901 §5 must reach the server as written.
/// </summary>
public sealed class JsonPatchRfcTests
{
    /// <summary>RFC 6902 §4: the member each operation carries besides <c>op</c> and <c>path</c> (remove: none).</summary>
    public static TheoryData<string, string> OperationMembers() => new()
    {
        { "add", "value" },
        { "remove", "" },
        { "replace", "value" },
        { "move", "from" },
        { "copy", "from" },
        { "test", "value" },
    };

    private static readonly System.Collections.Generic.Dictionary<string, string> Sections = new()
    {
        ["add"] = "4.1", ["remove"] = "4.2", ["replace"] = "4.3", ["move"] = "4.4", ["copy"] = "4.5", ["test"] = "4.6",
    };

    [Theory]
    [MemberData(nameof(OperationMembers))]
    public void The_escape_hatch_writes_exactly_the_members_RFC_6902_section_4_requires_of_the_op(string op, string member)
    {
        var document = Build(new PatchDocumentDocument(), op, "/foo/1", from: "/foo/0", value: "\"qux\"");

        var written = JsonNode.Parse(document.ToJson())!.AsArray().Single()!.AsObject();

        Assert.Equal(new[] { "op", "path", member }.Where(m => m.Length > 0).Order(StringComparer.Ordinal), written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(op, (string?)written["op"]);
        Assert.Empty(document.Validate());
    }

    [Theory]
    [MemberData(nameof(OperationMembers))]
    public void The_typed_methods_write_exactly_the_members_RFC_6902_section_4_requires_of_the_op(string op, string member)
    {
        var document = new PatchDocumentDocument();
        _ = op switch
        {
            "add" => document.AddFoo(["bar"]),
            "remove" => document.RemoveFoo(),
            "replace" => document.ReplaceFoo(["bar"]),
            "move" => document.MoveFoo("/old"),
            "copy" => document.CopyFoo("/old"),
            "test" => document.TestFoo(["bar"]),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };

        var written = JsonNode.Parse(document.ToJson())!.AsArray().Single()!.AsObject();

        Assert.Equal(new[] { "op", "path", member }.Where(m => m.Length > 0).Order(StringComparer.Ordinal), written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("/foo", (string?)written["path"]);
        Assert.Empty(document.Validate());
    }

    [Theory]
    [MemberData(nameof(OperationMembers))]
    public void Validate_reports_a_member_the_op_requires_and_lacks(string op, string member)
    {
        var document = PatchDocumentDocument.FromJson(JsonSerializer.SerializeToUtf8Bytes(new[] { new { op, path = "/foo" } }));

        var errors = document.Validate();

        if (member.Length == 0)
        {
            Assert.Empty(errors);
            return;
        }

        var error = Assert.Single(errors);
        Assert.Equal(("[0]." + member, "required"), (error.Path, error.Rule));
        Assert.Contains("RFC 6902 §" + Sections[op], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OperationMembers))]
    public void Validate_reports_each_member_the_op_does_not_take(string op, string member)
    {
        var document = PatchDocumentDocument.FromJson(System.Text.Encoding.UTF8.GetBytes("""[{"op":"OP","path":"/foo","from":"/bar","value":1}]""".Replace("OP", op, StringComparison.Ordinal)));

        var errors = document.Validate();

        var forbidden = new[] { "from", "value" }.Where(m => m != member).Select(m => ("[0]." + m, "forbidden"));
        Assert.Equal(forbidden.Order(), errors.Select(e => (e.Path, e.Rule)).Order());
        Assert.All(errors, e => Assert.Contains("'" + op + "' operation (RFC 6902 §" + Sections[op] + ")", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_JSON_null_value_is_a_value()
    {
        var document = PatchDocumentDocument.FromJson("""[{"op":"add","path":"/foo","value":null}]"""u8);

        Assert.Empty(document.Validate());
        JsonAssert.Equal("""[{"op":"add","path":"/foo","value":null}]""", document.ToJson());
    }

    [Theory]
    [InlineData("from")]
    [InlineData("path")]
    public void Move_and_copy_refuse_a_malformed_pointer_in_from_or_path(string parameter)
    {
        var document = new PatchDocumentDocument();
        var (from, path) = parameter == "from" ? ("foo", "/bar") : ("/foo", "/a~2");

        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => document.Move(from, path)).ParamName);
        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => document.Copy(from, path)).ParamName);
        Assert.Equal("from", Assert.Throws<ArgumentException>(() => document.MoveFoo("foo")).ParamName);
        Assert.Empty(document);
    }

    [Fact]
    public void The_whole_document_pointer_has_typed_methods()
    {
        var document = new PatchDocumentDocument().TestDocument(new System.Collections.Generic.Dictionary<string, JsonElement>()).CopyDocument("/backup");

        JsonAssert.Equal("""[{"op":"test","path":"","value":{}},{"op":"copy","path":"","from":"/backup"}]""", document.ToJson());
    }

    /// <summary>
    /// RFC 6901 §5: the example document, and each example pointer with its JSON string representation, the reference
    /// tokens it is made of, and the value it addresses.
    /// </summary>
    public static TheoryData<string, string[], string> Rfc6901Examples() => new()
    {
        { "\"\"", [], Rfc6901Document },
        { "\"/foo\"", ["foo"], """["bar","baz"]""" },
        { "\"/foo/0\"", ["foo", "0"], "\"bar\"" },
        { "\"/\"", [""], "0" },
        { "\"/a~1b\"", ["a/b"], "1" },
        { "\"/c%d\"", ["c%d"], "2" },
        { "\"/e^f\"", ["e^f"], "3" },
        { "\"/g|h\"", ["g|h"], "4" },
        { "\"/i\\\\j\"", ["i\\j"], "5" },
        { "\"/k\\\"l\"", ["k\"l"], "6" },
        { "\"/ \"", [" "], "7" },
        { "\"/m~0n\"", ["m~n"], "8" },
    };

    private const string Rfc6901Document = """{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8}""";

    [Theory]
    [MemberData(nameof(Rfc6901Examples))]
    public void Each_RFC_6901_example_pointer_is_escaped_from_its_tokens_and_addresses_its_value(string representation, string[] tokens, string value)
    {
        var pointer = JsonSerializer.Deserialize<string>(representation)!;

        Assert.Equal(pointer, JsonPointer.Combine(tokens));
        Assert.True(JsonPointer.IsValid(pointer));
        JsonAssert.Equal(JsonNode.Parse(value), Evaluate(JsonNode.Parse(Rfc6901Document), pointer));
    }

    [Theory]
    [MemberData(nameof(Rfc6901Examples))]
    public async Task Each_RFC_6901_example_pointer_reaches_the_server_as_path_and_from(string representation, string[] tokens, string value)
    {
        var pointer = JsonPointer.Combine(tokens);
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var body = new PatchDocumentDocument().Test(pointer, PageRequests.Element(value)).Copy(pointer, "/copy");

        await new JsonPatchRfcClient(http).PatchDocumentAsync(new PatchDocumentRequest { Id = "doc-1", Body = body });

        var sent = Assert.Single(server.Requests);
        Assert.Equal("application/json-patch+json", sent.ContentType);
        var expected = JsonNode.Parse("[{\"op\":\"test\",\"path\":" + representation + ",\"value\":" + value + "},{\"op\":\"copy\",\"path\":\"/copy\",\"from\":" + representation + "}]");
        JsonAssert.Equal(expected, sent.Body);
    }

    [Fact]
    public async Task A_move_without_from_read_from_JSON_throws_RequestValidationException_and_sends_nothing()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var body = PatchDocumentDocument.FromJson("""[{"op":"add","path":"/a","value":1},{"op":"remove","path":"/b","value":2},{"op":"move","path":"/c"}]"""u8);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new JsonPatchRfcClient(http).PatchDocumentAsync(new PatchDocumentRequest { Id = "doc-1", Body = body }));

        Assert.Equal([("[1].value", "forbidden"), ("[2].from", "required")], exception.Errors.Select(e => (e.Path, e.Rule)));
        Assert.Empty(server.Requests);
    }

    private static PatchDocumentDocument Build(PatchDocumentDocument document, string op, string path, string from, string value) => op switch
    {
        "add" => document.Add(path, PageRequests.Element(value)),
        "remove" => document.Remove(path),
        "replace" => document.Replace(path, PageRequests.Element(value)),
        "move" => document.Move(from, path),
        "copy" => document.Copy(from, path),
        "test" => document.Test(path, PageRequests.Element(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>RFC 6901 §4 evaluation, to check what the example pointers address.</summary>
    private static JsonNode? Evaluate(JsonNode? document, string pointer)
        => pointer.Length == 0
            ? document
            : pointer.Substring(1).Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                .Aggregate(document, (node, token) => node is JsonArray array ? array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)] : node![token]);
}
