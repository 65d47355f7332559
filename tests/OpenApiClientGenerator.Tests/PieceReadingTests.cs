using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.ModelBuilding;
using OpenApiClientGenerator.Reading;
using OpenApiClientGenerator.Testing;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Microsoft.OpenApi reads a spec in pieces (the document without its path items, webhooks and components, then each of
/// those on its own), and a parse reuses the readings an earlier parse kept with the checked fragments: the document must
/// be the one a whole reading gives, and so must the model, also when an edited component is the target of a reused piece's
/// references.
/// </summary>
public sealed class PieceReadingTests
{
    private static readonly Uri Location = new("file:///spec.json");

    /// <summary>The repository's specs and the generated-client tests' specs, by name: 3.0 and 3.1, with every section of components.</summary>
    private static readonly IReadOnlyDictionary<string, string> SpecPaths = GeneratorHarness.RepositorySpecs().Select(spec => spec.Path)
        .Concat(Directory.GetFiles(Repository.PathOf("tests", "GeneratedClients.Tests", "specs"), "*.openapi.yaml"))
        .ToDictionary(path => Path.GetFileName(path), StringComparer.Ordinal);

    public static IEnumerable<object[]> Specs() => SpecPaths.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_read_in_pieces_is_the_document_and_the_model_a_whole_reading_gives(string specName)
        => AssertPiecesGiveWholeReading(new SpecInput(specName, File.ReadAllText(SpecPaths[specName]), new SpecOptions(null, null, null)));

    /// <summary>Every section of components, webhooks and 3.1's path items, which the specs above do not all have.</summary>
    [Theory]
    [InlineData("3.0.3")]
    [InlineData("3.1.0")]
    public void Every_section_read_in_pieces_is_what_a_whole_reading_gives(string version)
    {
        var pathItems = version == "3.1.0" ? """, "pathItems": {"Ping": {"get": {"operationId": "ping", "responses": {"204": {"$ref": "#/components/responses/Empty"}}}}}""" : string.Empty;
        var webhooks = version == "3.1.0" ? """ "webhooks": {"shipped": {"post": {"requestBody": {"$ref": "#/components/requestBodies/Box"}, "responses": {"200": {"description": "ok"}}}}},""" : string.Empty;
        var text = """
            {"openapi": "@version", "info": {"title": "Sections", "version": "1"}, "security": [{"key": []}], "tags": [{"name": "boxes"}],@webhooks
             "paths": {
               "/boxes/{id}": {"parameters": [{"$ref": "#/components/parameters/Id"}],
                 "put": {"tags": ["boxes"], "operationId": "putBox", "requestBody": {"$ref": "#/components/requestBodies/Box"},
                         "callbacks": {"done": {"$ref": "#/components/callbacks/Done"}},
                         "responses": {"200": {"description": "ok", "headers": {"Rate": {"$ref": "#/components/headers/Rate"}},
                                               "links": {"self": {"$ref": "#/components/links/Self"}},
                                               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Box"}, "examples": {"one": {"$ref": "#/components/examples/One"}}}}},
                                       "404": {"$ref": "#/components/responses/Empty"}}}}},
             "components": {
               "schemas": {"Box": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 1}, "label": {"type": "string"}}}},
               "responses": {"Empty": {"description": "Nothing."}},
               "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
               "examples": {"One": {"value": {"n": 1}}},
               "requestBodies": {"Box": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Box"}}}}},
               "headers": {"Rate": {"description": "Calls left.", "schema": {"type": "integer"}}},
               "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
               "links": {"Self": {"operationId": "putBox"}},
               "callbacks": {"Done": {"{$request.body#/url}": {"post": {"responses": {"200": {"description": "ok"}}}}}}@pathItems}}
            """.Replace("@version", version, StringComparison.Ordinal).Replace("@webhooks", webhooks, StringComparison.Ordinal).Replace("@pathItems", pathItems, StringComparison.Ordinal);

        AssertPiecesGiveWholeReading(new SpecInput("sections.openapi.json", text, new SpecOptions(null, null, null)));
    }

    /// <summary>Microsoft.OpenApi registers a schema's identifier or anchor as it reads it, in the document it reads: such a spec is read whole.</summary>
    [Theory]
    [InlineData("3.1.0", "$id")]
    [InlineData("3.2.0", "$id")]
    [InlineData("3.1.0", "$anchor")]
    [InlineData("3.1.0", "\\u0024id")]
    public void A_spec_that_declares_schema_identifiers_is_read_whole(string version, string keyword)
    {
        var text = """
            {"openapi": "@version", "info": {"title": "Ids", "version": "1"}, "paths": {},
             "components": {"schemas": {"Box": {"@keyword": "box", "type": "object", "properties": {"n": {"type": "integer"}}}}}}
            """.Replace("@version", version, StringComparison.Ordinal).Replace("@keyword", keyword, StringComparison.Ordinal);
        var titled = text.Replace(keyword, "title", StringComparison.Ordinal);
        using var trees = TreesOf(new SpecInput("ids.openapi.json", text, new SpecOptions(null, null, null)), SpecDocumentReader.Read(text));
        using var titledTrees = TreesOf(new SpecInput("ids.openapi.json", titled, new SpecOptions(null, null, null)), SpecDocumentReader.Read(titled));

        Assert.Null(PieceDocumentReader.TryReadInPieces(trees.Trees[0]!, Location, Settings(), trees));
        Assert.NotNull(PieceDocumentReader.TryReadInPieces(titledTrees.Trees[0]!, Location, Settings(), titledTrees));
    }

    private static void AssertPiecesGiveWholeReading(SpecInput input)
    {
        var specDocument = SpecDocumentReader.Read(input.Text);
        using var trees = TreesOf(input, specDocument);
        var root = trees.Trees[0]!;
        var before = root.DeepClone();

        var pieces = PieceDocumentReader.TryReadInPieces(root, Location, Settings(), trees);
        Assert.True(JsonNode.DeepEquals(before, root), "Reading in pieces changed the tree.");
        var whole = new OpenApiJsonReader().Read(root, Location, Settings());

        Assert.NotNull(pieces);
        Assert.Empty(whole.Diagnostic!.Errors);
        Assert.Empty(pieces!.Diagnostic!.Errors);
        Assert.Equal(whole.Diagnostic.SpecificationVersion, pieces.Diagnostic.SpecificationVersion);
        Assert.Equal(Serialized(whole.Document!), Serialized(pieces.Document!));
        Assert.Equal(ModelOf(input, specDocument.Map, root, whole), ModelOf(input, specDocument.Map, root, pieces));
    }

    /// <summary>
    /// The pipeline keeps the checks of the fragments an edit leaves alone: the next parse places their trees and reuses
    /// their readings, whose references resolve in its own document. Here the edit turns a component that an unchanged
    /// component refers to from a record into an enum, which changes the referring record's member, and the type of a
    /// parameter component that an unchanged path item refers to, which Microsoft.OpenApi resolves.
    /// </summary>
    [Fact]
    public void A_parse_reuses_the_readings_of_unchanged_fragments_and_resolves_them_in_its_own_document()
    {
        var text = """
            {"openapi": "3.0.3", "info": {"title": "Shop", "version": "1"},
             "paths": {"/orders/{id}": {"get": {"operationId": "getOrder", "parameters": [{"$ref": "#/components/parameters/Id"}],
                        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}}}}},
             "components": {
               "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
               "schemas": {
                 "Order": {"type": "object", "properties": {"customer": {"$ref": "#/components/schemas/Customer"}}},
                 "Customer": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
            """;
        var edited = text
            .Replace("\"Customer\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}", "\"Customer\": {\"type\": \"string\", \"enum\": [\"walk-in\", \"online\"]}", StringComparison.Ordinal)
            .Replace("\"required\": true, \"schema\": {\"type\": \"string\"}", "\"required\": true, \"schema\": {\"type\": \"integer\", \"format\": \"int64\"}", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        var first = SpecFragmenter.Read(new SpecInput("shop.openapi.json", text, new SpecOptions(null, null, null)));
        var firstResult = SpecParser.ParseRead(first);
        var kept = first.Fragments.ToDictionary(c => c.Read.Fragment.Pointer, c => c.Reading);

        var editedInput = new SpecInput("shop.openapi.json", edited, new SpecOptions(null, null, null));
        var fresh = SpecFragmenter.Read(editedInput);
        // As the pipeline does: a fragment whose text did not change keeps its check, with what the parse kept on it.
        var second = new SpecRead(editedInput, fresh.Fragments.Select(c => first.Fragments.FirstOrDefault(c.Equals) ?? c).ToEquatableArray());
        var secondResult = SpecParser.ParseRead(second);
        var cold = SpecParser.ParseRead(SpecFragmenter.Read(editedInput));

        Assert.All(new[] { "/paths/~1orders~1{id}", "/components/parameters/Id", "/components/schemas/Order", "/components/schemas/Customer" }, pointer => Assert.NotNull(kept[pointer]));
        Assert.Same(kept["/components/schemas/Order"], second.Fragments.Single(c => c.Read.Fragment.Pointer == "/components/schemas/Order").Reading);
        Assert.Same(kept["/paths/~1orders~1{id}"], second.Fragments.Single(c => c.Read.Fragment.Pointer == "/paths/~1orders~1{id}").Reading);
        Assert.NotSame(kept["/components/schemas/Customer"], second.Fragments.Single(c => c.Read.Fragment.Pointer == "/components/schemas/Customer").Reading);
        Assert.NotSame(kept["/components/parameters/Id"], second.Fragments.Single(c => c.Read.Fragment.Pointer == "/components/parameters/Id").Reading);
        Assert.NotNull(cold.Spec);
        Assert.NotEqual(firstResult.Spec, cold.Spec);
        Assert.Equal(cold.Diagnostics, secondResult.Diagnostics);
        Assert.Equal(cold.Spec, secondResult.Spec);
    }

    private static OpenApiReaderSettings Settings() => new() { LoadExternalRefs = false, RuleSet = new Microsoft.OpenApi.ValidationRuleSet() };

    /// <summary>
    /// The trees of a parse of the whole text: the checked tree, rewritten into the form Microsoft.OpenApi reads, which is
    /// no fragment's own, so every piece is read.
    /// </summary>
    private static FragmentTrees TreesOf(SpecInput input, SpecDocument document)
    {
        var check = FragmentCheck.Check(new FragmentRead(new SpecFragment(input.Path, string.Empty, 0, input.Text), document), SpecShapeChecker.IsOpenApi31(document.Root));
        return new FragmentTrees(new FragmentIndex([check]));
    }

    private static string Serialized(OpenApiDocument document)
    {
        using var text = new StringWriter();
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }

    private static ApiSpec ModelOf(SpecInput input, SourceMap map, JsonNode root, ReadResult read)
    {
        var diagnostics = new SpecDiagnostics(input) { Map = map };
        return ModelBuilder.Build(input, diagnostics, new LoadedDocument(read.Document!, read.Diagnostic!.SpecificationVersion, root));
    }
}
