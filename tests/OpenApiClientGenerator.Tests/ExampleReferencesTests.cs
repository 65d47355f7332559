using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// The entries of an <c>examples</c> map that only refer to a component example are left out of a fragment's checked
/// tree (<see cref="ExampleReferences"/>), so that Microsoft.OpenApi does not read them: they are still checked, they
/// still keep what they reach, and a spec that Microsoft.OpenApi fails on gets the messages of the spec as written.
/// </summary>
public sealed class ExampleReferencesTests
{
    /// <summary>
    /// Line 5 refers to component examples, MISSING one that may not be there; line 6 to another, BROKEN. The examples
    /// hold a VALUE, which Microsoft.OpenApi cannot read when it is misspelt (<c>valeu</c>). The schema's reference on
    /// line 4 is written in two ways: to a component, and to a member of one, an inner reference, which the stages after
    /// the checks walk the tree for.
    /// </summary>
    private const string Spec = """
        {"openapi": "3.0.3", "info": {"title": "Examples", "version": "1"},
         "paths": {
           "/a": {"get": {"tags": ["kept"], "operationId": "getA",
                          "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SCHEMA"},
                             "examples": {"one": {"$ref": "#/components/examples/Good"}, "two": {"value": {"n": 1}}, "three": {"$ref": "#/components/examples/MISSING"}}}}},
                                         "400": {"description": "bad", "content": {"application/json": {"examples": {"four": {"$ref": "#/components/examples/BROKEN"}}}}}}}},
           "/b": {"get": {"tags": ["other"], "operationId": "getB", "responses": {"204": {"description": "none"}}}}
         },
         "components": {
           "schemas": {"Box": {"type": "object", "properties": {"inner": {"type": "object", "properties": {"n": {"type": "integer"}}}}}},
           "examples": {"Good": {"value": {"n": 2}}, "Broken": {"VALUE": 1}, "Unused": {"VALUE": 2}}
         }}
        """;

    [Fact]
    public void References_to_component_examples_are_left_out_of_the_checked_tree()
    {
        var input = Input(Spec.Replace("MISSING", "Good").Replace("BROKEN", "Good").Replace("VALUE", "value").Replace("SCHEMA", "Box"), selected: false);

        var path = SpecFragmenter.Read(input).Fragments.Single(check => check.Read.Fragment.Pointer == "/paths/~1a");
        var result = SpecParser.Parse(input);

        var examples = (JsonObject)JsonPointers.Find(path.Tree!, "/get/responses/200/content/application~1json/examples")!;
        Assert.Equal(["two"], examples.Select(entry => entry.Key));
        Assert.Equal(["one", "three", "four"], path.LeftOutExamples.Select(example => example.Name));
        Assert.NotNull(result.Spec);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("Box")]
    [InlineData("Box/properties/inner")]
    public void A_reference_left_out_is_still_checked(string schema)
    {
        var result = SpecParser.Parse(Input(Spec.Replace("MISSING", "Missing").Replace("BROKEN", "Good").Replace("VALUE", "value").Replace("SCHEMA", schema), selected: false));

        var unresolved = Assert.Single(result.Diagnostics);
        Assert.Equal(("OAG004", 5), (unresolved.Id, unresolved.Location!.StartLine + 1));
        Assert.Equal("#/components/examples/Missing", unresolved.MessageArgs[0]);
    }

    /// <summary>
    /// Microsoft.OpenApi's message about a component it cannot read names places left from what it read before, the
    /// operation's example references among them: as in a reading of the spec as written (the message main gave). With the
    /// operations selected, the example that only the kept operation refers to is kept and read, and the unused one
    /// is taken out with what no kept operation reaches, whether the selection follows the references the checks
    /// collected or walks the tree (an inner reference).
    /// </summary>
    [Theory]
    [InlineData("Box", false)]
    [InlineData("Box/properties/inner", false)]
    [InlineData("Box", true)]
    [InlineData("Box/properties/inner", true)]
    public void A_spec_that_microsoft_openapi_fails_on_gets_the_messages_of_the_spec_as_written(string schema, bool selected)
    {
        var result = SpecParser.Parse(Input(Spec.Replace("MISSING", "Good").Replace("BROKEN", "Broken").Replace("VALUE", "valeu").Replace("SCHEMA", schema), selected));

        string[] expected = selected ? ["Broken"] : ["Broken", "Unused"];
        Assert.Null(result.Spec);
        Assert.Equal(
            expected.Select(name => ("OAG002", $"valeu is not a valid property at #/paths/~1a/get/responses/components/examples/{name}")),
            result.Diagnostics.Select(d => (d.Id, d.MessageArgs[^1])));
    }

    private static SpecInput Input(string text, bool selected)
        => new("examples.openapi.json", text, new SpecOptions(null, null, null, selected ? SpecSelection.FromMetadata(name => name == "OpenApiIncludeTags" ? "kept" : null) : null));
}
