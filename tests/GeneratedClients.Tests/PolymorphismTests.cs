using System.Linq;
using System.Text;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Polymorphism;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Composition beyond plain unions, from specs/polymorphism.openapi.yaml, over Kestrel (docs/unions.md): a reference to
/// a discriminated base (the OpenAPI 3.0 specification's Pet, Cat and Dog) is read by its discriminator; a oneOf or anyOf
/// of bare types is a union of primitives; a oneOf beside members is a union of records with those members; and merge
/// patches and JSON Patch carry union values.
/// </summary>
public sealed class PolymorphismTests
{
    [Theory]
    [InlineData("""{"petType":"Cat","name":"Tom","huntingSkill":"lazy"}""", "Cat")]
    [InlineData("""{"petType":"dog","name":"Rex","packSize":3}""", "Dog")]
    [InlineData("""{"petType":"Dog","name":"Rex","packSize":3}""", "Dog")]
    [InlineData("""{"petType":"Pet","name":"Any"}""", "Pet")]
    public async Task A_response_typed_as_the_base_reads_the_variant_its_discriminator_names(string json, string variant)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, json);
        using var http = server.CreateHttpClient();

        var response = await new PolymorphismClient(http).CreatePetAsync(new CreatePetRequest { Body = new Pet { PetType = "Pet", Name = "Any" } });

        Assert.Equal(variant, response.Body.Match(pet => "Pet", cat => "Cat", dog => "Dog", unknown => "unknown"));
        Assert.Empty(response.Body.Validate());
        JsonAssert.Equal(json, response.Body.ToJson());
    }

    [Fact]
    public async Task A_derived_value_is_sent_where_the_base_is_expected_with_its_discriminator_value()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"petType":"dog","name":"Rex","packSize":3}""");
        using var http = server.CreateHttpClient();

        // The record's own petType does not name the variant: the union writes the value the mapping gives Dog.
        var response = await new PolymorphismClient(http).CreatePetAsync(new CreatePetRequest { Body = new Dog { PetType = "whatever", Name = "Rex", PackSize = 3 } });

        JsonAssert.Equal("""{"petType":"dog","name":"Rex","packSize":3}""", Assert.Single(server.Requests).Body);
        Assert.True(response.Body.TryGetDog(out var dog));
        Assert.Equal(3, dog.PackSize);
    }

    [Fact]
    public async Task Members_and_lists_typed_as_the_base_read_each_value_by_its_discriminator_and_keep_an_unknown_one()
    {
        const string Stored = """{"name":"Ann","pet":{"petType":"Cat","name":"Tom","huntingSkill":"lazy"},"pets":[{"petType":"dog","name":"Rex","packSize":1},{"petType":"Lizard","name":"Liz","lovesRocks":true}]}""";
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, Stored);
        using var http = server.CreateHttpClient();

        var owner = (await new PolymorphismClient(http).GetOwnerAsync(new GetOwnerRequest { Id = "o1" })).Body;

        Assert.True(owner.Pet!.TryGetCat(out var cat) && cat.HuntingSkill == CatHuntingSkill.Lazy);
        Assert.True(owner.Pets![0].IsDog);
        Assert.True(owner.Pets[1].IsUnknown);
        Assert.Equal("Lizard", owner.Pets[1].DiscriminatorValue);
        Assert.True(owner.Pets[1].Json!.Value.GetProperty("lovesRocks").GetBoolean());
        JsonAssert.Equal(Stored, owner.ToJson());
    }

    [Fact]
    public async Task A_request_with_a_discriminator_value_the_spec_does_not_know_is_a_validation_error_and_nothing_is_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var lizard = AnyPet.FromJson("""{"petType":"Lizard","name":"Liz"}"""u8);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new PolymorphismClient(http).CreatePetAsync(new CreatePetRequest { Body = lizard }));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("petType", "discriminator"), (error.Path, error.Rule));
        Assert.Contains("'Pet', 'Cat', 'dog', 'Dog'", error.Message, System.StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_derived_value_is_checked_against_its_own_constraints_and_those_it_inherits()
    {
        AnyPet dog = new Dog { PetType = "dog", Name = new string('x', 21), PackSize = -1 };

        Assert.Equal(["name:maxLength", "packSize:minimum"], dog.Validate().Select(e => e.Path + ":" + e.Rule).Order(System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"value":"abc","limit":5}""", "String", "Integer")]
    [InlineData("""{"value":42,"limit":true}""", "Integer", "Boolean")]
    public async Task Unions_of_bare_types_round_trip_with_each_variant(string json, string value, string limit)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, json);
        using var http = server.CreateHttpClient();
        var sent = Setting.FromJson(Encoding.UTF8.GetBytes(json));

        var response = await new PolymorphismClient(http).PutSettingAsync(new PutSettingRequest { Body = sent });

        JsonAssert.Equal(json, Assert.Single(server.Requests).Body);
        Assert.Equal(value, response.Body.Value!.Match(s => "String", i => "Integer", unknown => "unknown"));
        Assert.Equal(limit, response.Body.Limit!.Match(i => "Integer", b => "Boolean", unknown => "unknown"));
        Assert.Empty(response.Body.Validate());
    }

    [Fact]
    public void A_union_of_bare_types_converts_from_each_variant_and_reports_a_value_of_another_type()
    {
        var setting = new Setting { Value = 7L, Limit = true };

        Assert.True(setting.Value.TryGetInteger(out var seven) && seven == 7);
        JsonAssert.Equal("""{"value":7,"limit":true}""", setting.ToJson());
        Assert.Equal(["value:anyOf", "limit:oneOf"], Setting.FromJson("""{"value":[1],"limit":"x"}"""u8).Validate().Select(e => e.Path + ":" + e.Rule));
    }

    [Fact]
    public async Task A_union_of_bare_types_is_nullable_where_the_spec_says_nullable()
    {
        // limit says nullable: true, which Microsoft.OpenApi drops beside the types it folds: a response may send null.
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"value":1,"limit":null}""");
        using var http = server.CreateHttpClient();

        var response = await new PolymorphismClient(http).PutSettingAsync(new PutSettingRequest { Body = new Setting { Value = "a" } });

        Assert.Null(response.Body.Limit);
        Assert.Empty(response.Body.Validate());
    }

    [Theory]
    [InlineData("""{"name":"Tom","email":"tom@example.com"}""", "email")]
    [InlineData("""{"name":"Tom","phone":"+33 1"}""", "phone")]
    public async Task A_one_of_beside_members_reads_the_record_of_the_part_the_json_has_with_every_member(string json, string part)
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, json);
        using var http = server.CreateHttpClient();
        Contact contact = new ContactWithEmail { Name = "Tom", Email = "tom@example.com" };

        var response = await new PolymorphismClient(http).CreateContactAsync(new CreateContactRequest { Body = contact });

        JsonAssert.Equal("""{"name":"Tom","email":"tom@example.com"}""", Assert.Single(server.Requests).Body);
        var name = response.Body.Match(email => part == "email" ? email.Name : null, phone => part == "phone" ? phone.Name : null, unknown => null);
        Assert.Equal("Tom", name);
        Assert.Empty(response.Body.Validate());
        JsonAssert.Equal(json, response.Body.ToJson());
    }

    [Fact]
    public async Task A_one_of_beside_members_validates_the_choice_and_the_members()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();

        // Both parts match: oneOf refuses it. Neither matches: no variant. A member's own constraint is still checked.
        var both = Contact.FromJson("""{"name":"Tom","email":"tom@example.com","phone":"1"}"""u8);
        var neither = Contact.FromJson("""{"name":"Tom"}"""u8);
        Contact badEmail = new ContactWithEmail { Name = "Tom", Email = "not an address" };

        Assert.Equal(["oneOf"], both.Validate().Select(e => e.Rule));
        Assert.True(neither.IsUnknown);
        Assert.Equal(["oneOf"], neither.Validate().Select(e => e.Rule));
        Assert.Equal(["email:pattern"], badEmail.Validate().Select(e => e.Path + ":" + e.Rule));
        await Assert.ThrowsAsync<RequestValidationException>(() => new PolymorphismClient(http).CreateContactAsync(new CreateContactRequest { Body = both }));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_merge_patch_sets_a_member_typed_as_the_base_to_a_derived_value_whole()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var before = new Owner { Name = "Ann", Pet = new Cat { PetType = "Cat", Name = "Tom", HuntingSkill = CatHuntingSkill.Lazy } };
        var after = before with { Pet = new Dog { PetType = "dog", Name = "Rex", PackSize = 2 }, Nickname = OwnerNickname.FromArray(["A", "Annie"]) };

        // The spec requires name, so the patch carries it too.
        var patch = OwnerPatch.FromDiff(before, after) with { Name = "Ann" };
        await new PolymorphismClient(http).PatchOwnerAsync(new PatchOwnerRequest { Id = "o1", Body = patch });

        JsonAssert.Equal("""{"name":"Ann","pet":{"petType":"dog","name":"Rex","packSize":2},"nickname":["A","Annie"]}""", Assert.Single(server.Requests).Body);
        Assert.True(OwnerPatch.FromDiff(before, before with { Pet = new Cat { PetType = "Cat", Name = "Tom", HuntingSkill = CatHuntingSkill.Lazy } }).IsEmpty);
    }

    [Fact]
    public async Task A_merge_patch_removes_a_nullable_union_member_with_null_and_refuses_null_for_one_that_is_not()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var before = new Owner { Name = "Ann", Pet = new Cat { PetType = "Cat", Name = "Tom", HuntingSkill = CatHuntingSkill.Lazy }, Nickname = "A" };
        var client = new PolymorphismClient(http);

        await client.PatchOwnerAsync(new PatchOwnerRequest { Id = "o1", Body = OwnerPatch.FromDiff(before, before with { Nickname = null }) with { Name = "Ann" } });
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.PatchOwnerAsync(new PatchOwnerRequest { Id = "o1", Body = OwnerPatch.FromDiff(before, before with { Pet = null }) with { Name = "Ann" } }));

        JsonAssert.Equal("""{"name":"Ann","nickname":null}""", Assert.Single(server.Requests).Body);
        Assert.Equal(("pet", "nullable"), (Assert.Single(exception.Errors).Path, exception.Errors[0].Rule));
    }

    [Fact]
    public async Task A_json_patch_carries_union_values_with_their_discriminator()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var changes = new ChangeOwnerPatchDocument()
            .ReplacePet(new Cat { Name = "Tom", HuntingSkill = CatHuntingSkill.Aggressive })
            .AddNickname(OwnerNickname.FromArray(["A"]))
            .ReplaceNickname("Annie");

        await new PolymorphismClient(http).ChangeOwnerAsync(new ChangeOwnerRequest { Id = "o1", Body = changes });

        JsonAssert.Equal(
            """[{"op":"replace","path":"/pet","value":{"petType":"Cat","name":"Tom","huntingSkill":"aggressive"}},{"op":"add","path":"/nickname","value":["A"]},{"op":"replace","path":"/nickname","value":"Annie"}]""",
            Assert.Single(server.Requests).Body);
    }
}
