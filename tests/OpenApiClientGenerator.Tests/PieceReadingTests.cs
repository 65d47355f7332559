using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    /// their readings, whose references resolve in its own document. The first edit turns a component that an unchanged
    /// component refers to, directly and through a component that is only a reference, from a record into an enum, and
    /// changes the type of a parameter component that an unchanged path item refers to, which Microsoft.OpenApi resolves;
    /// the second edits the tag and the security scheme that the unchanged path item names, and a third parse reuses
    /// readings that two earlier parses made.
    /// </summary>
    [Theory]
    [InlineData("3.0.3")]
    [InlineData("3.1.0")]
    public void A_parse_reuses_the_readings_of_unchanged_fragments_and_resolves_them_in_its_own_document(string version)
    {
        var text = """
            {"openapi": "@version", "info": {"title": "Shop", "version": "1"}, "tags": [{"name": "orders", "description": "Orders."}],
             "paths": {"/orders/{id}": {"get": {"operationId": "getOrder", "tags": ["orders"], "security": [{"key": []}], "parameters": [{"$ref": "#/components/parameters/Id"}],
                        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}}}}},
             "components": {
               "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
               "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
               "schemas": {
                 "Order": {"type": "object", "properties": {"customer": {"$ref": "#/components/schemas/Customer"}, "buyer": {"$ref": "#/components/schemas/Buyer"}}},
                 "Buyer": {"$ref": "#/components/schemas/Customer"},
                 "Customer": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
            """.Replace("@version", version, StringComparison.Ordinal);
        var typesEdited = text
            .Replace("\"Customer\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}", "\"Customer\": {\"type\": \"string\", \"enum\": [\"walk-in\", \"online\"]}", StringComparison.Ordinal)
            .Replace("\"required\": true, \"schema\": {\"type\": \"string\"}", "\"required\": true, \"schema\": {\"type\": \"integer\", \"format\": \"int64\"}", StringComparison.Ordinal);
        var skeletonEdited = typesEdited
            .Replace("\"description\": \"Orders.\"", "\"description\": \"The orders.\"", StringComparison.Ordinal)
            .Replace("\"name\": \"X-Key\"", "\"name\": \"X-Api-Key\"", StringComparison.Ordinal);
        var first = SpecFragmenter.Read(Input(text));
        var firstResult = SpecParser.ParseRead(first);
        var kept = Readings(first);

        var second = Edited(first, typesEdited);
        var secondResult = SpecParser.ParseRead(second);
        var secondKept = Readings(second);
        var third = Edited(second, skeletonEdited);
        var thirdResult = SpecParser.ParseRead(third);

        Assert.All(kept, reading => Assert.NotNull(reading.Value));
        Assert.All(new[] { "/paths/~1orders~1{id}", "/components/schemas/Order", "/components/schemas/Buyer", "/components/securitySchemes/key" }, pointer => Assert.Same(kept[pointer], secondKept[pointer]));
        Assert.All(new[] { "/components/schemas/Customer", "/components/parameters/Id" }, pointer => Assert.NotSame(kept[pointer], secondKept[pointer]));
        Assert.All(new[] { "/paths/~1orders~1{id}", "/components/schemas/Customer", "/components/parameters/Id" }, pointer => Assert.Same(secondKept[pointer], Readings(third)[pointer]));
        Assert.NotEqual(firstResult.Spec, secondResult.Spec);
        Assert.NotEqual(secondResult.Spec, thirdResult.Spec);
        foreach (var (read, result) in new[] { (second, secondResult), (third, thirdResult) })
        {
            var cold = SpecParser.ParseRead(SpecFragmenter.Read(read.Input));
            Assert.NotNull(cold.Spec);
            Assert.Equal(cold.Diagnostics, result.Diagnostics);
            Assert.Equal(cold.Spec, result.Spec);
        }
    }

    private static SpecInput Input(string text) => new("shop.openapi.json", text, new SpecOptions(null, null, null));

    private static Dictionary<string, PieceReading?> Readings(SpecRead read) => read.Fragments.Skip(1).ToDictionary(c => c.Read.Fragment.Pointer, c => c.Reading);

    /// <summary>The reading of an edited text, as the pipeline makes it: a fragment whose text did not change keeps its check, with what the parses kept on it.</summary>
    private static SpecRead Edited(SpecRead previous, string text)
    {
        var fresh = SpecFragmenter.Read(Input(text));
        Assert.NotEqual(previous.Input.Text, text);
        return new SpecRead(fresh.Input, fresh.Fragments.Select(c => previous.Fragments.FirstOrDefault(c.Equals) ?? c).ToEquatableArray());
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
