using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Operation selection by item metadata (<c>OpenApiIncludeTags</c>...) and the pruning of what no selected operation
/// reaches: which client methods and which types the output has for given metadata (docs/options.md).
/// </summary>
public sealed class OperationSelectionTests
{
    private const string SpecPath = "shop.openapi.yaml";

    /// <summary>
    /// Three tags. Pets are polymorphic: <c>Pet</c>'s discriminator maps <c>dog</c> by name and <c>cat</c> by reference,
    /// and <c>Hamster</c> extends it with allOf without being mapped. An order reaches its lines through <c>items</c> and its
    /// extras through <c>additionalProperties</c>; a new pet reaches <c>PetBase</c> through allOf; a pet's id schema is
    /// reached only through a path-level parameter component; <c>Problem</c> only through a response component. The
    /// webhook of <c>x-webhooks</c> (as in GitHub's spec) is the only one to reach <c>Draft</c> and its <c>DraftNote</c>.
    /// </summary>
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Shop
          version: '1.0'
        x-webhooks:
          draft-saved:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Draft' }
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                '200':
                  description: The pets.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/Pet' }
            post:
              operationId: createPet
              tags: [pets]
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/NewPet' }
              responses:
                '201': { description: Created. }
          /pets/{petId}:
            parameters:
              - $ref: '#/components/parameters/PetId'
            get:
              operationId: getPet
              tags: [pets]
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
            delete:
              operationId: deletePet
              tags: [pets, admin]
              responses:
                '204': { description: Deleted. }
          /stores/{storeId}/orders:
            get:
              operationId: listOrders
              tags: [stores]
              parameters:
                - { name: storeId, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: The orders.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Order' }
          /users:
            get:
              operationId: listUsers
              tags: [users]
              responses:
                '200':
                  description: The users.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/User' }
                default: { $ref: '#/components/responses/Problem' }
        components:
          parameters:
            PetId:
              name: petId
              in: path
              required: true
              schema: { $ref: '#/components/schemas/PetKey' }
          responses:
            Problem:
              description: What went wrong.
              content:
                application/json:
                  schema: { $ref: '#/components/schemas/Problem' }
          schemas:
            PetKey: { type: string, minLength: 1, maxLength: 20 }
            Pet:
              type: object
              required: [kind]
              properties:
                kind: { type: string }
                name: { type: string }
              discriminator:
                propertyName: kind
                mapping:
                  dog: Dog
                  cat: '#/components/schemas/Cat'
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    barks: { type: boolean }
            Cat:
              type: object
              properties:
                kind: { type: string }
                lives: { type: integer }
            Hamster:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    wheel: { $ref: '#/components/schemas/Wheel' }
            Wheel:
              type: object
              properties:
                size: { type: integer }
            PetBase:
              type: object
              properties:
                name: { type: string }
            NewPet:
              allOf:
                - $ref: '#/components/schemas/PetBase'
                - type: object
                  properties:
                    kind: { type: string }
            Order:
              type: object
              properties:
                lines:
                  type: array
                  items: { $ref: '#/components/schemas/OrderLine' }
                extras:
                  type: object
                  additionalProperties: { $ref: '#/components/schemas/Extra' }
            OrderLine:
              type: object
              properties:
                sku: { type: string }
            Extra:
              type: object
              properties:
                note: { type: string }
            User:
              type: object
              properties:
                login: { type: string }
            Problem:
              type: object
              properties:
                message: { type: string }
            Draft:
              type: object
              properties:
                notes: { $ref: '#/components/schemas/DraftNote' }
            DraftNote:
              type: object
              properties:
                text: { type: string }
        """;

    private static readonly string[] AllMethods = ["CreatePetAsync", "DeletePetAsync", "GetPetAsync", "ListOrdersAsync", "ListPetsAsync", "ListUsersAsync"];

    private static readonly string[] AllSchemas = ["Cat", "Dog", "Draft", "DraftNote", "Extra", "Hamster", "NewPet", "Order", "OrderLine", "Pet", "PetBase", "Problem", "User", "Wheel"];

    private static readonly string[] PetSchemas = ["Cat", "Dog", "Hamster", "NewPet", "Pet", "PetBase", "Wheel"];

    [Fact]
    public void Without_selection_metadata_every_operation_and_every_component_schema_is_generated()
    {
        var run = Generate(new() { ["OpenApiWebhooks"] = "true" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(AllMethods, ClientMethods(run));
        Assert.Equal(AllSchemas, ComponentTypes(run));
    }

    [Fact]
    public void Including_a_tag_keeps_its_operations_and_the_schemas_they_reach_through_allOf_and_the_discriminator()
    {
        var run = Generate(new() { ["OpenApiIncludeTags"] = "pets" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["CreatePetAsync", "DeletePetAsync", "GetPetAsync", "ListPetsAsync"], ClientMethods(run));
        // Dog by its mapping's name, Cat by its mapping's reference, Hamster as an extension of the discriminated Pet
        // (and Wheel through Hamster), PetBase through NewPet's allOf.
        Assert.Equal(PetSchemas, ComponentTypes(run));
        // The path-level parameter's component schema still constrains the pet's id.
        Assert.Contains("MaxLength", Source(run, "GetPetRequest"), StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_of_one_kind_add_up_and_an_exclude_takes_away()
    {
        var run = Generate(new() { ["OpenApiIncludeTags"] = " stores ; pets;", ["OpenApiExcludeOperations"] = "deletePet" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["CreatePetAsync", "GetPetAsync", "ListOrdersAsync", "ListPetsAsync"], ClientMethods(run));
        // An order's lines through items, its extras through additionalProperties.
        Assert.Equal(["Cat", "Dog", "Extra", "Hamster", "NewPet", "Order", "OrderLine", "Pet", "PetBase", "Wheel"], ComponentTypes(run));
    }

    [Theory]
    [InlineData("/pets", "CreatePetAsync ListPetsAsync")]
    [InlineData("/pets/*", "DeletePetAsync GetPetAsync")]
    [InlineData("/pets/**", "CreatePetAsync DeletePetAsync GetPetAsync ListPetsAsync")]
    [InlineData("/stores/*/orders", "ListOrdersAsync")]
    [InlineData("/**/orders", "ListOrdersAsync")]
    [InlineData("/users;/stores/{storeId}/*", "ListOrdersAsync ListUsersAsync")]
    [InlineData("/pe*", "CreatePetAsync ListPetsAsync")]
    public void Path_globs_match_one_segment_with_a_star_and_any_number_with_two(string paths, string methods)
    {
        var run = Generate(new() { ["OpenApiIncludePaths"] = paths });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(methods.Split(' '), ClientMethods(run));
    }

    /// <summary>The examples of docs/options.md, on GitHub's paths.</summary>
    [Theory]
    [InlineData("/repos/**", "/repos", true)]
    [InlineData("/repos/**", "/repos/{owner}/{repo}", true)]
    [InlineData("/repos/**", "/repos/{owner}/{repo}/issues", true)]
    [InlineData("/repos/**", "/orgs/{org}/repos", false)]
    [InlineData("/repos/*/*", "/repos/{owner}/{repo}", true)]
    [InlineData("/repos/*/*", "/repos/{owner}/{repo}/issues", false)]
    [InlineData("/repos/*/*/issue*", "/repos/{owner}/{repo}/issues", true)]
    [InlineData("/repos/*/*/issue*", "/repos/{owner}/{repo}/issues/events", false)]
    [InlineData("/**/comments", "/gists/{gist_id}/comments", true)]
    [InlineData("/**/comments", "/repos/{owner}/{repo}/comments", true)]
    [InlineData("/**/comments", "/repos/{owner}/{repo}/comments/{comment_id}", false)]
    [InlineData("/repos/{owner}/*", "/repos/{owner}/{repo}", true)]
    [InlineData("/repos/{owner}/*", "/repos/{org}/{repo}", false)]
    public void A_path_glob_matches_segment_by_segment(string glob, string path, bool matches)
        => Assert.Equal(matches, new OpenApiClientGenerator.ModelBuilding.PathGlob(glob).Matches(path));

    [Fact]
    public void Includes_of_different_kinds_must_all_match()
    {
        var run = Generate(new() { ["OpenApiIncludeTags"] = "pets;users", ["OpenApiIncludePaths"] = "/pets/**", ["OpenApiIncludeOperations"] = "getPet;deletePet;listUsers" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["DeletePetAsync", "GetPetAsync"], ClientMethods(run));
    }

    [Fact]
    public void Excluding_by_tag_and_path_removes_the_operations_and_what_only_they_reach()
    {
        var run = Generate(new() { ["OpenApiExcludeTags"] = "admin;users", ["OpenApiExcludePaths"] = "/stores/**" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["CreatePetAsync", "GetPetAsync", "ListPetsAsync"], ClientMethods(run));
        Assert.Equal(PetSchemas, ComponentTypes(run));
    }

    [Fact]
    public void An_included_schema_is_kept_with_what_it_reaches()
    {
        var run = Generate(new() { ["OpenApiIncludeOperations"] = "listUsers", ["OpenApiIncludeSchemas"] = "Draft" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["ListUsersAsync"], ClientMethods(run));
        // Problem through the default response's component.
        Assert.Equal(["Draft", "DraftNote", "Problem", "User"], ComponentTypes(run));
    }

    [Fact]
    public void Including_only_schemas_keeps_every_operation_and_prunes_the_rest()
    {
        var run = Generate(new() { ["OpenApiIncludeSchemas"] = "DraftNote" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(AllMethods, ClientMethods(run));
        Assert.Equal(AllSchemas.Where(s => s != "Draft"), ComponentTypes(run));
    }

    [Fact]
    public void A_selector_that_matches_nothing_is_reported_at_the_first_line()
    {
        var run = Generate(new()
        {
            ["OpenApiIncludeTags"] = "pets;pet",
            ["OpenApiExcludePaths"] = "/pets/*/toys",
            ["OpenApiExcludeOperations"] = "removePet",
            ["OpenApiIncludeSchemas"] = "Toy",
        });

        var warnings = run.GeneratorDiagnostics.OrderBy(d => d.GetMessage(CultureInfo.InvariantCulture), StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "The OpenApiExcludeOperations value 'removePet' matches no operationId in 'shop.openapi.yaml'",
                "The OpenApiExcludePaths value '/pets/*/toys' matches no path in 'shop.openapi.yaml'",
                "The OpenApiIncludeSchemas value 'Toy' matches no component schema in 'shop.openapi.yaml'",
                "The OpenApiIncludeTags value 'pet' matches no tag of an operation in 'shop.openapi.yaml'",
            ],
            warnings.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        Assert.All(warnings, d =>
        {
            Assert.Equal("OAG030", d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(SpecPath, d.Location.GetLineSpan().Path);
            Assert.Equal(0, d.Location.GetLineSpan().StartLinePosition.Line);
            Assert.True(d.Location.SourceSpan.Length > 0);
        });
        // The values that match still select.
        Assert.Equal(["CreatePetAsync", "DeletePetAsync", "GetPetAsync", "ListPetsAsync"], ClientMethods(run));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_selection_that_leaves_no_operation_is_reported()
    {
        var run = Generate(new() { ["OpenApiIncludeTags"] = "admin", ["OpenApiExcludeTags"] = "pets" });

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG031", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(0, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("The OpenApiInclude*/OpenApiExclude* metadata of 'shop.openapi.yaml' selects none of its 6 operations", warning.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(ClientMethods(run));
        Assert.Empty(ComponentTypes(run));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Selection_metadata_on_one_spec_leaves_the_others_whole()
    {
        var other = ("other/shop2.openapi.yaml", Spec.Replace("title: Shop", "title: Shop Two", StringComparison.Ordinal));
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText(SpecPath, Spec), new InMemoryAdditionalText(other.Item1, other.Item2)],
            fileOptions: FileOptions(new() { ["OpenApiIncludeOperations"] = "listUsers" }));

        // Each spec's webhook is left out, as no metadata asks for it.
        Assert.Equal(["OAG021", "OAG021"], run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Equal(["ListUsersAsync"], ClientMethods(run, "Shop.ShopClient"));
        Assert.Equal(AllMethods, ClientMethods(run, "ShopTwo.ShopTwoClient"));
    }

    [Fact]
    public void Webhook_names_and_globs_select_webhooks_and_a_name_that_matches_none_is_reported()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Hooks, version: '1.0' }
            paths:
              /ping:
                get:
                  operationId: ping
                  responses:
                    '200':
                      description: Pong.
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Pong' }
            webhooks:
              pinged:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/PingEvent' }
                  responses:
                    '200': { description: OK }
              pet-added:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/PetEvent' }
              pet-removed:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/PetEvent' }
            components:
              schemas:
                Pong: { type: object, properties: { at: { type: string } } }
                PingEvent: { type: object, properties: { source: { type: string } } }
                PetEvent: { type: object, properties: { name: { type: string } } }
            """;
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText("hooks.openapi.yaml", spec)],
            fileOptions: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["hooks.openapi.yaml"] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiWebhooks"] = "pet-*|nope" } });

        Assert.Empty(run.CompilationProblems());
        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(
            [
                "OAG021: The webhook 'pinged' under 'webhooks' gets no typed payload reader: the spec's OpenApiWebhooks metadata does not name it",
                "OAG030: The OpenApiWebhooks value 'nope' matches no webhook in 'hooks.openapi.yaml'",
            ],
            diagnostics);
        var readers = run.Compilation.GetTypeByMetadataName("Hooks.HooksClientWebhooks")!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Where(n => !n.EndsWith("Async", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["ReadPetAdded", "ReadPetRemoved"], readers);
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Hooks.Pong"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Hooks.PingEvent"));
    }

    [Fact]
    public void By_default_the_webhooks_and_the_schemas_only_they_reach_are_left_out_and_one_info_says_how_to_generate_them()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText(SpecPath, Spec)]);

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OAG021", DiagnosticSeverity.Info), (info.Id, info.Severity));
        Assert.Equal(4, info.Location.GetLineSpan().StartLinePosition.Line);
        Assert.StartsWith("The webhook 'draft-saved' under 'x-webhooks' gets no typed payload reader: webhooks are generated only on request; set the spec's OpenApiWebhooks metadata", info.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(AllMethods, ClientMethods(run));
        Assert.Equal(AllSchemas.Except(["Draft", "DraftNote"]), ComponentTypes(run));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Shop.ShopClientWebhooks"));
    }

    [Fact]
    public void Webhooks_asked_for_get_their_payload_record_and_a_reader_also_from_x_webhooks_in_a_3_0_spec()
    {
        var run = Generate(new() { ["OpenApiWebhooks"] = "true" });

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        var readers = run.Compilation.GetTypeByMetadataName("Shop.ShopClientWebhooks")!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name + ":" + m.ReturnType.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["ReadDraftSaved:Draft", "ReadDraftSavedAsync:Task"], readers);
    }

    [Fact]
    public void Webhooks_turned_off_are_left_out_without_the_info()
    {
        var run = Generate(new() { ["OpenApiWebhooks"] = "false" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(AllSchemas.Except(["Draft", "DraftNote"]), ComponentTypes(run));
    }

    [Fact]
    public void An_operation_selection_keeps_the_webhooks_asked_for_and_reports_those_it_leaves_out()
    {
        var kept = Generate(new() { ["OpenApiIncludeOperations"] = "listUsers", ["OpenApiWebhooks"] = "draft-saved" });

        Assert.Empty(kept.GeneratorDiagnostics);
        Assert.Empty(kept.CompilationProblems());
        Assert.Equal(["ListUsersAsync"], ClientMethods(kept));
        Assert.Equal(["Draft", "DraftNote", "Problem", "User"], ComponentTypes(kept));
        Assert.NotNull(kept.Compilation.GetTypeByMetadataName("Shop.ShopClientWebhooks"));

        var leftOut = GeneratorHarness.Run([new InMemoryAdditionalText(SpecPath, Spec)], fileOptions: FileOptions(new() { ["OpenApiIncludeOperations"] = "listUsers" }));

        Assert.Equal("OAG021", Assert.Single(leftOut.GeneratorDiagnostics).Id);
        Assert.Equal(["Problem", "User"], ComponentTypes(leftOut));
    }

    private static GeneratorRun Generate(Dictionary<string, string> metadata)
        => GeneratorHarness.Run([new InMemoryAdditionalText(SpecPath, Spec)], fileOptions: FileOptions(metadata.ContainsKey("OpenApiWebhooks") ? metadata : new(metadata) { ["OpenApiWebhooks"] = "false" }));

    private static Dictionary<string, IReadOnlyDictionary<string, string>> FileOptions(Dictionary<string, string> metadata)
        => new() { [SpecPath] = metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value) };

    private static List<string> ClientMethods(GeneratorRun run, string client = "Shop.ShopClient")
        => run.Compilation.GetTypeByMetadataName(client) is { } type
            ? type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal))
                .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The generated types named after a component schema.</summary>
    private static List<string> ComponentTypes(GeneratorRun run)
        => AllSchemas.Where(name => run.Compilation.GetTypeByMetadataName("Shop." + name) is not null).ToList();

    private static string Source(GeneratorRun run, string typeName)
        => string.Concat(run.Compilation.GetTypeByMetadataName("Shop." + typeName)!.DeclaringSyntaxReferences.Select(r => r.SyntaxTree.ToString()));
}
