using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Composition;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Composed schemas from specs/composition.openapi.yaml: an allOf record has every member of every part, required where
/// any part requires it, and is checked against the constraints of every part; the OpenAPI 3.0 specification's Pet, Cat
/// and Dog are the inheritance case.
/// </summary>
public sealed class CompositionTests
{
    private const string CatJson = """{"name":"Tom","petType":"Cat","huntingSkill":"adventurous"}""";

    private const string FullItemJson = """
        {"id":"i1","title":"Login","vault":{"id":"v1"},"fields":[{"label":"user","value":"tom"}]}
        """;

    [Fact]
    public void An_allOf_record_reads_and_writes_the_members_of_the_base_and_its_own()
    {
        var cat = Cat.FromJson(System.Text.Encoding.UTF8.GetBytes(CatJson));

        Assert.Equal(("Tom", "Cat", CatHuntingSkill.Adventurous), (cat.Name, cat.PetType, cat.HuntingSkill));
        Assert.Empty(cat.Validate());
        JsonAssert.Equal(CatJson, cat.ToJson());
    }

    [Fact]
    public void A_member_required_by_the_base_or_by_the_derived_part_is_required()
    {
        var errors = Cat.FromJson("""{}"""u8).Validate();

        Assert.Equal(["huntingSkill", "name", "petType"], errors.Where(e => e.Rule == "required").Select(e => e.Path).Order());
    }

    [Theory]
    [InlineData("To", "minLength")]
    [InlineData("Thomas the tremendous cat", "maxLength")]
    public void A_member_declared_in_two_parts_is_checked_against_the_constraints_of_both(string name, string rule)
    {
        var cat = new Cat { Name = name, PetType = "Cat", HuntingSkill = CatHuntingSkill.Lazy };

        var error = Assert.Single(cat.Validate());
        Assert.Equal(("name", rule), (error.Path, error.Rule));
    }

    [Fact]
    public void A_derived_record_can_be_used_where_its_base_is_expected()
    {
        IPet[] pets =
        [
            new Pet { Name = "Rex", PetType = "Pet" },
            new Cat { Name = "Tom", PetType = "Cat", HuntingSkill = CatHuntingSkill.Lazy },
            new Dog { Name = "Fido", PetType = "Dog", PackSize = 3 },
        ];

        Assert.Equal(["Rex:Pet", "Tom:Cat", "Fido:Dog"], pets.Select(p => p.Name + ":" + p.PetType));
        IItem item = new FullItem { Id = "i1", Vault = new ItemVault { Id = "v1" } };
        Assert.Equal(("i1", "v1"), (item.Id, item.Vault!.Id));
        Assert.False(typeof(IPet).IsAssignableFrom(typeof(CatPatch)));
    }

    [Fact]
    public void The_1Password_full_item_keeps_every_member_of_the_item()
    {
        var item = FullItem.FromJson(System.Text.Encoding.UTF8.GetBytes(FullItemJson));

        Assert.Equal(("i1", "Login", "v1"), (item.Id, item.Title, item.Vault!.Id));
        Assert.Equal("tom", Assert.Single(item.Fields!).Value);
        JsonAssert.Equal(FullItemJson, item.ToJson());
        Assert.Null(FullItem.FromJson("""{"vault":{"id":"v1"},"owner":null}"""u8).Owner);
        Assert.Equal(["vault"], FullItem.FromJson("""{"id":"i1"}"""u8).Validate().Select(e => e.Path));
    }

    [Theory]
    [InlineData("x", "minLength")]
    [InlineData("abcdefghijk", "maxLength")]
    [InlineData("Upper", "pattern")]
    public void An_allOf_of_two_string_schemas_checks_both(string label, string rule)
    {
        var item = new FullItem { Vault = new ItemVault { Id = "v1" }, Fields = [new FullItemFieldsItem { Label = label }] };

        var error = Assert.Single(item.Validate());
        Assert.Equal(("fields[0].label", rule), (error.Path, error.Rule));
    }

    [Fact]
    public async Task CreateCat_sends_the_composed_record_and_reads_it_back()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, CatJson);
        using var http = server.CreateHttpClient();
        var cat = new Cat { Name = "Tom", PetType = "Cat", HuntingSkill = CatHuntingSkill.Adventurous };

        var response = await new CompositionClient(http).CreateCatAsync(new CreateCatRequest { Body = cat });

        JsonAssert.Equal(CatJson, Assert.Single(server.Requests).Body);
        Assert.Equal(cat, response.Body with { AdditionalProperties = null });
    }

    [Fact]
    public async Task CreateCat_refuses_a_cat_that_breaks_a_constraint_of_the_base()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var cat = new Cat { Name = new string('x', 21), PetType = "Cat", HuntingSkill = CatHuntingSkill.Lazy };

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new CompositionClient(http).CreateCatAsync(new CreateCatRequest { Body = cat }));

        Assert.Equal("name", Assert.Single(exception.Errors).Path);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_merge_patch_over_an_allOf_schema_has_the_members_of_every_part()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, CatJson);
        using var http = server.CreateHttpClient();

        await new CompositionClient(http).PatchCatAsync(new PatchCatRequest { Id = "c1", Body = new CatPatch { Name = "Felix", PetType = "Cat", HuntingSkill = CatHuntingSkill.Lazy } });

        JsonAssert.Equal("""{"name":"Felix","petType":"Cat","huntingSkill":"lazy"}""", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task GetItem_reads_the_members_of_the_item_and_the_full_item()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, FullItemJson);
        using var http = server.CreateHttpClient();

        var response = await new CompositionClient(http).GetItemAsync(new GetItemRequest { Id = "i1" });

        JsonAssert.Equal(JsonNode.Parse(FullItemJson), response.Body.ToJson());
    }

    [Fact]
    public void A_part_that_narrows_an_enum_or_a_string_to_some_values_keeps_the_type_and_checks_the_values()
    {
        CheckRunStatus status = new CompletedCheckRun { Status = CheckRunStatus.Completed, Conclusion = "success" }.Status;
        string conclusion = new CompletedCheckRun { Status = CheckRunStatus.Completed, Conclusion = "success" }.Conclusion;
        Assert.Equal((CheckRunStatus.Completed, "success"), (status, conclusion));
        Assert.Empty(new CompletedCheckRun { Status = CheckRunStatus.Completed, Conclusion = "failure" }.Validate());

        var errors = new CompletedCheckRun { Status = CheckRunStatus.Queued, Conclusion = "cancelled" }.Validate();

        Assert.Equal(
            [("conclusion", "enum", "must be one of \"success\", \"failure\""), ("status", "enum", "must be one of \"completed\"")],
            errors.Select(e => (e.Path, e.Rule, e.Message)).Order());
        Assert.Empty(new CheckRun { Status = CheckRunStatus.Queued, Conclusion = "cancelled" }.Validate());
        Assert.Null(typeof(CheckRun).Assembly.GetType("HuaweiCloud.Composition.CompletedCheckRunStatus"));
    }

    [Fact]
    public async Task A_narrowed_value_outside_the_part_s_values_is_refused_before_it_is_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var run = new CompletedCheckRun { Status = CheckRunStatus.InProgress, Conclusion = "success" };

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new CompositionClient(http).CompleteCheckRunAsync(new CompleteCheckRunRequest { Body = run }));

        Assert.Equal(("status", "enum"), (Assert.Single(exception.Errors).Path, exception.Errors[0].Rule));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_part_that_types_a_list_or_a_map_of_any_value_or_extends_a_record_types_the_member_and_checks_it()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """
            {"items":[{"name":"Tom","petType":"Cat","huntingSkill":"lazy"},{"name":"Al","petType":"Cat","huntingSkill":"lazy"}],"tags":["indoor"],"filter":{"skill":"la"},"next":"p3","links":{"self":"/cats/pages/2","cats":"/cats"}}
            """);
        using var http = server.CreateHttpClient();

        var page = (await new CompositionClient(http).GetCatPageAsync(new GetCatPageRequest { Number = 2 })).Body;

        IReadOnlyList<Cat> items = page.Items!;
        CatPageFilter? filter = page.Filter;
        Assert.Equal(["Tom", "Al"], items.Select(cat => cat.Name));
        IReadOnlyList<string>? tags = page.Tags;
        CatPageLinks? links = page.Links;
        Assert.Equal(("/cats/pages/2", "/cats"), (links!.Self, links.Cats));
        Assert.Equal(("la", "p3", "indoor"), (filter!.Skill, page.Next, Assert.Single(tags!)));
        Assert.Equal([("filter.skill", "minLength"), ("items[1].name", "minLength")], page.Validate().Select(e => (e.Path, e.Rule)).Order());
        Assert.Equal("maxItems", Assert.Single((page with { Items = [.. items, .. items] }).Validate(), e => e.Path == "items").Rule);
        Assert.False(typeof(IPage).IsAssignableFrom(typeof(CatPage)));
    }

    [Fact]
    public async Task A_member_that_two_parts_declare_as_records_is_a_record_of_both_and_checks_the_constraints_of_each()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"image":{"url":"https://cdn.example/cat.png","caption":"Felix"}}""");
        using var http = server.CreateHttpClient();
        var client = new CompositionClient(http);

        var sent = await client.SendImageAsync(new SendImageRequest { Body = new CaptionedImage { Image = new CaptionedImageImage { Url = "https://cdn.example/cat.png", Caption = "Felix" } } });
        var tooShort = new CaptionedImage { Image = new CaptionedImageImage { Url = "x.png", Caption = "A caption too long" } };
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.SendImageAsync(new SendImageRequest { Body = tooShort }));

        JsonAssert.Equal("""{"image":{"url":"https://cdn.example/cat.png","caption":"Felix"}}""", Assert.Single(server.Requests).Body);
        Assert.Equal(("https://cdn.example/cat.png", "Felix"), (sent.Body.Image!.Url, sent.Body.Image.Caption));
        Assert.Equal([("image.caption", "maxLength"), ("image.url", "minLength")], exception.Errors.Select(e => (e.Path, e.Rule)).Order());
        Assert.Equal([("image.url", "required")], new CaptionedImage { Image = new CaptionedImageImage() }.Validate().Select(e => (e.Path, e.Rule)));
    }

    [Fact]
    public void A_member_that_two_parts_declare_as_lists_of_records_is_a_list_of_records_of_both_with_the_constraints_of_each_list()
    {
        var image = CaptionedImage.FromJson("""{"image":{"url":"https://cdn.example/cat.png"},"thumbnails":[{"url":"https://cdn.example/s.png","width":64},{"url":"https://cdn.example/m.png"}]}"""u8);

        IReadOnlyList<CaptionedImageThumbnailsItem> thumbnails = image.Thumbnails!;
        Assert.Equal([("https://cdn.example/s.png", 64), ("https://cdn.example/m.png", null)], thumbnails.Select(t => (t.Url, t.Width)));
        Assert.Equal([("thumbnails[1].width", "required")], image.Validate().Select(e => (e.Path, e.Rule)));
        Assert.Equal("maxItems", Assert.Single((image with { Thumbnails = [.. thumbnails, .. thumbnails] }).Validate(), e => e.Path == "thumbnails").Rule);
    }

    [Fact]
    public async Task A_part_that_retypes_an_enum_with_another_enum_keeps_the_first_and_refuses_the_values_the_other_lacks()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var client = new CompositionClient(http);

        await client.CreateMessagesReportAsync(new CreateMessagesReportRequest { Body = new MessagesReport { Product = Product.Messages } });
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.CreateMessagesReportAsync(new CreateMessagesReportRequest { Body = new MessagesReport { Product = Product.VoiceCall } }));

        JsonAssert.Equal("""{"product":"messages"}""", Assert.Single(server.Requests).Body);
        Assert.Equal(("product", "enum"), (Assert.Single(exception.Errors).Path, exception.Errors[0].Rule));
        Assert.Empty(new ReportRequest { Product = Product.VoiceCall }.Validate());
    }
}
