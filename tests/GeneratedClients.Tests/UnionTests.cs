using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Unions;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// oneOf and anyOf from specs/unions.openapi.yaml, over Kestrel: with a discriminator the value names the variant (the
/// OpenAPI 3.0 specification's Pet, Cat, Dog, Lizard and MyResponseType); without one, reading tries the variants in order,
/// by structure, then by constraints; an unknown variant keeps its JSON.
/// </summary>
public sealed class UnionTests
{
    [Theory]
    [InlineData("""{"petType":"Cat","name":"Tom"}""", "Cat")]
    [InlineData("""{"petType":"dog","bark":"woof"}""", "Dog")]
    [InlineData("""{"petType":"Dog","bark":"woof"}""", "Dog")]
    [InlineData("""{"petType":"Lizard","lovesRocks":true}""", "Lizard")]
    public void The_discriminator_value_picks_the_variant_by_mapping_or_by_schema_name(string json, string variant)
    {
        var pet = MyResponseType.FromJson(Encoding.UTF8.GetBytes(json));

        Assert.Equal(variant, pet.Match(cat => "Cat", dog => "Dog", lizard => "Lizard", unknown => "unknown"));
        Assert.Empty(pet.Validate());
        JsonAssert.Equal(json, pet.ToJson());
    }

    [Fact]
    public async Task A_response_with_a_discriminator_value_the_spec_does_not_list_is_the_unknown_variant_and_keeps_its_json()
    {
        const string Monster = """{"petType":"monster","eyes":7,"lair":{"depth":12}}""";
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, Monster);
        using var http = server.CreateHttpClient();
        var client = new UnionsClient(http);

        var response = await client.CreatePetAsync(new CreatePetRequest { Body = new Cat { PetType = "Cat", Name = "Tom" } });

        Assert.True(response.Body.IsUnknown);
        Assert.False(response.Body.IsCat || response.Body.IsDog || response.Body.IsLizard);
        Assert.Equal("monster", response.Body.DiscriminatorValue);
        Assert.Equal(7, response.Body.Json!.Value.GetProperty("eyes").GetInt32());
        JsonAssert.Equal(Monster, response.Body.ToJson());
    }

    [Fact]
    public async Task A_request_writes_the_variant_with_its_discriminator_value()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"petType":"dog","bark":"woof"}""");
        using var http = server.CreateHttpClient();

        // The record's own petType is not what names the variant: the union writes the value the spec maps to Dog.
        var response = await new UnionsClient(http).CreatePetAsync(new CreatePetRequest { Body = new Dog { PetType = "whatever", Bark = "woof" } });

        JsonAssert.Equal("""{"petType":"dog","bark":"woof"}""", Assert.Single(server.Requests).Body);
        Assert.True(response.Body.TryGetDog(out var dog));
        Assert.Equal("woof", dog.Bark);
    }

    [Fact]
    public async Task A_request_with_an_unknown_variant_is_a_validation_error_at_the_discriminator_and_nothing_is_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var monster = MyResponseType.FromJson("""{"petType":"monster"}"""u8);

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new UnionsClient(http).CreatePetAsync(new CreatePetRequest { Body = monster }));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("petType", "discriminator"), (error.Path, error.Rule));
        Assert.Contains("'Cat', 'dog', 'Dog', 'Lizard'", error.Message, System.StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_variant_that_breaks_its_constraints_is_reported_at_its_path()
    {
        MyResponseType pet = new Cat { PetType = "Cat", Name = "T" };

        var error = Assert.Single(pet.Validate());
        Assert.Equal(("name", "minLength"), (error.Path, error.Rule));
    }

    [Fact]
    public async Task A_oneOf_whose_variants_inherit_the_discriminator_of_their_base_reads_by_it()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, """{"petType":"Cat","name":"Tom"}""");
        using var http = server.CreateHttpClient();

        var response = await new UnionsClient(http).GetPetAsync(new GetPetRequest { Id = "p1" });

        Assert.True(response.Body.TryGetCat(out var cat));
        Assert.Equal("Tom", cat.Name);
        Assert.Null(response.Body.Json!.Value.TryGetProperty("bark", out _) ? "bark" : null);
    }

    [Theory]
    [InlineData("""{"petType":"dog","bark":"woof"}""", "Dog")]
    [InlineData("""{"petType":"Dog","bark":"woof"}""", "Dog")]
    [InlineData("""{"petType":"Cat","name":"Tom"}""", "Cat")]
    [InlineData("""{"petType":"Lizard"}""", "unknown")]
    public void An_inherited_discriminator_reads_by_the_base_mapping_and_by_schema_name(string json, string variant)
    {
        // Pet maps "dog" to Dog by the schema's bare name, as the OpenAPI 3.0 specification's example writes it; Lizard is no variant of AnyPet.
        var pet = AnyPet.FromJson(Encoding.UTF8.GetBytes(json));

        Assert.Equal(variant, pet.Match(cat => "Cat", dog => "Dog", unknown => "unknown"));
        JsonAssert.Equal(json, pet.ToJson());
    }

    [Theory]
    [InlineData("""{"address":"tom@example.com","label":"work"}""", true)]
    [InlineData("""{"number":"+33 1 23 45 67 89"}""", false)]
    public void Without_a_discriminator_the_variant_whose_required_members_are_there_is_read(string json, bool isEmail)
    {
        var contact = Contact.FromJson(Encoding.UTF8.GetBytes(json));

        Assert.Equal((isEmail, !isEmail), (contact.IsEmail, contact.IsPhone));
        Assert.Empty(contact.Validate());
        JsonAssert.Equal(json, contact.ToJson());
    }

    [Fact]
    public async Task A_union_without_a_discriminator_round_trips_over_the_wire_and_keeps_members_no_variant_describes()
    {
        const string Stored = """{"address":"tom@example.com","verified":true}""";
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, Stored);
        using var http = server.CreateHttpClient();
        Contact contact = new Email { Address = "tom@example.com" };

        var response = await new UnionsClient(http).CreateContactAsync(new CreateContactRequest { Body = contact });

        JsonAssert.Equal("""{"address":"tom@example.com"}""", Assert.Single(server.Requests).Body);
        Assert.True(response.Body.TryGetEmail(out var email));
        Assert.Equal("tom@example.com", email.Address);
        JsonAssert.Equal(Stored, response.Body.ToJson());
    }

    [Fact]
    public async Task Names_a_schema_requires_beside_a_one_of_of_objects_are_required_of_each_variant()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var client = new UnionsClient(http);

        var contact = LabeledContact.FromJson("""{"number":"+33 1 23","label":"office"}"""u8);
        await client.CreateLabeledContactAsync(new CreateLabeledContactRequest { Body = new LabeledContactEmail { Address = "tom@example.com", Label = "home" } });
        var unlabeled = new LabeledContactEmail { Address = "tom@example.com", Label = null! };
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.CreateLabeledContactAsync(new CreateLabeledContactRequest { Body = unlabeled }));

        Assert.True(contact.TryGetPhone(out var phone));
        Assert.Equal(("+33 1 23", "office"), (phone.Number, phone.Label));
        JsonAssert.Equal("""{"address":"tom@example.com","label":"home"}""", Assert.Single(server.Requests).Body);
        Assert.Equal(("label", "required"), (Assert.Single(exception.Errors).Path, exception.Errors[0].Rule));
        Assert.True(LabeledContact.FromJson("""{"address":"tom@example.com"}"""u8).IsUnknown);
    }

    [Fact]
    public void Json_no_variant_matches_is_the_unknown_variant_and_a_oneOf_violation()
    {
        var contact = Contact.FromJson("""{"fax":"123"}"""u8);

        Assert.True(contact.IsUnknown);
        var error = Assert.Single(contact.Validate());
        Assert.Equal(("", "oneOf"), (error.Path, error.Rule));
        Assert.Equal("unknown", contact.Match(email => "email", phone => "phone", unknown => "unknown"));
    }

    [Fact]
    public void Reading_prefers_a_variant_that_is_valid_over_an_earlier_one_that_only_fits()
    {
        // The first variant that fits, Email, has a pattern the value breaks; Phone's structure needs a member it lacks,
        // so Email is kept, and its violation reported.
        var contact = Contact.FromJson("""{"address":"not an address"}"""u8);

        Assert.True(contact.IsEmail);
        Assert.Equal(["address:pattern"], contact.Validate().Select(e => e.Path + ":" + e.Rule));
    }

    [Theory]
    [InlineData("\"abc\"", "String")]
    [InlineData("42", "Integer")]
    [InlineData("[\"a\",\"b\"]", "Array")]
    public void A_union_of_primitives_reads_each_kind_as_its_variant(string json, string variant)
    {
        var setting = Setting.FromJson(Encoding.UTF8.GetBytes("""{"name":"n","value":""" + json + "}"));

        Assert.Equal(variant, setting.Value!.Match(s => "String", i => "Integer", list => "Array", unknown => "unknown"));
        Assert.Empty(setting.Validate());
        JsonAssert.Equal("""{"name":"n","value":""" + json + "}", setting.ToJson());
    }

    [Fact]
    public void A_union_of_primitives_converts_from_each_variant_and_checks_it()
    {
        SettingValue text = "toolong";
        SettingValue number = 7L;
        var list = SettingValue.FromArray(["a"]);

        Assert.True(number.TryGetInteger(out var seven) && seven == 7);
        Assert.True(list.IsArray && text.IsString);
        Assert.Equal(["value:maxLength"], new Setting { Name = "n", Value = text }.Validate().Select(e => e.Path + ":" + e.Rule));
        Assert.Equal(["value:anyOf"], Setting.FromJson("""{"name":"n","value":true}"""u8).Validate().Select(e => e.Path + ":" + e.Rule));
    }

    [Fact]
    public void A_oneOf_checks_that_exactly_one_variant_matches()
    {
        Assert.Empty(Setting.FromJson("""{"name":"n","code":"ab"}"""u8).Validate());
        Assert.Empty(Setting.FromJson("""{"name":"n","code":"xyz"}"""u8).Validate());
        Assert.Empty(Setting.FromJson("""{"name":"n","code":null}"""u8).Validate());

        var error = Assert.Single(new Setting { Name = "n", Code = SettingCode.FromString("xy") }.Validate());
        Assert.Equal(("code", "oneOf"), (error.Path, error.Rule));
        Assert.Contains("String, String2", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_of_a_list_of_unions_is_checked_at_its_index()
    {
        var setting = Setting.FromJson("""{"name":"n","contacts":[{"number":"1"},{"fax":"2"}]}"""u8);

        Assert.True(setting.Contacts![0].IsPhone);
        Assert.Equal(["contacts[1]:oneOf"], setting.Validate().Select(e => e.Path + ":" + e.Rule));
    }

    [Fact]
    public void Two_unions_that_are_each_others_variants_read_what_one_of_them_takes_and_stop_at_what_neither_does()
    {
        var number = Left.FromJson("3"u8);
        var neither = Left.FromJson("true"u8);

        Assert.True(number.TryGetRight(out var right) && right.IsInteger);
        Assert.True(Left.FromJson("\"a\""u8).IsString);
        Assert.True(neither.IsUnknown);
        Assert.Equal(["oneOf"], neither.Validate().Select(e => e.Rule));
    }

    [Fact]
    public async Task A_merge_patch_replaces_a_union_member_whole()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var before = new Setting { Name = "n", Value = SettingValue.FromArray(["a", "b"]) };
        var after = before with { Value = 3L };

        // The spec requires name, so the patch carries it too.
        var patch = SettingPatch.FromDiff(before, after) with { Name = "n" };
        await new UnionsClient(http).PatchSettingAsync(new PatchSettingRequest { Id = "s1", Body = patch });

        JsonAssert.Equal("""{"name":"n","value":3}""", Assert.Single(server.Requests).Body);
        Assert.True(SettingPatch.FromDiff(before, before with { Value = SettingValue.FromArray(["a", "b"]) }).IsEmpty);
    }

    [Fact]
    public async Task PutSetting_sends_and_reads_unions_as_members()
    {
        const string Stored = """{"name":"n","value":[1],"code":"ab"}""";
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, Stored);
        using var http = server.CreateHttpClient();

        var response = await new UnionsClient(http).PutSettingAsync(new PutSettingRequest { Id = "s1", Body = new Setting { Name = "n", Value = "abc", Code = SettingCode.FromString("ab") } });

        JsonAssert.Equal("""{"name":"n","value":"abc","code":"ab"}""", Assert.Single(server.Requests).Body);

        // [1] is an array of a number, not of strings: no variant reads it, and the response keeps it as it came.
        Assert.True(response.Body.Value!.IsUnknown);
        Assert.Equal(JsonValueKind.Array, response.Body.Value.Json!.Value.ValueKind);
        JsonAssert.Equal(Stored, response.Body.ToJson());
    }
}
