using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.ChoicesOfOne;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// A oneOf or anyOf of a single schema, from specs/choices-of-one.openapi.yaml: Stripe's <c>anyOf: [$ref]</c> with
/// <c>nullable: true</c> beside it is the referenced record, nullable; a <c>oneOf: [$ref]</c> the record; an anyOf of
/// one inline string the string with its constraints. None is a <c>JsonElement</c>.
/// </summary>
public sealed class ChoiceOfOneTests
{
    private const string AccountJson = """{"business_profile":{"name":"Acme","url":"https://acme.example"},"settings":{"currency":"eur"},"statement_descriptor":"ACME","previous_profiles":[{"name":"Acme Ltd"}]}""";

    [Fact]
    public void Each_choice_of_one_is_typed_as_its_part()
    {
        Assert.Equal(
            [typeof(BusinessProfile), typeof(AccountSettings), typeof(string), typeof(IReadOnlyList<BusinessProfile>)],
            new[] { nameof(Account.BusinessProfile), nameof(Account.Settings), nameof(Account.StatementDescriptor), nameof(Account.PreviousProfiles) }.Select(name => typeof(Account).GetProperty(name)!.PropertyType));
    }

    [Fact]
    public async Task GetAccount_reads_the_parts_records_and_writes_them_back_as_read()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(200, AccountJson);
        using var http = server.CreateHttpClient();

        var account = (await new ChoicesOfOneClient(http).GetAccountAsync(new GetAccountRequest { Id = "acct_1" })).Body;

        Assert.Equal(("Acme", "eur", "ACME", "Acme Ltd"), (account.BusinessProfile!.Name, account.Settings!.Currency, account.StatementDescriptor, account.PreviousProfiles![0].Name));
        JsonAssert.Equal(AccountJson, account.ToJson());
        Assert.Null(Account.FromJson("""{"business_profile":null,"settings":{"currency":"eur"}}"""u8).BusinessProfile);
    }

    [Fact]
    public async Task A_value_that_breaks_its_part_s_constraints_is_refused_before_it_is_sent()
    {
        await using var server = await RecordingServer.StartAsync();
        using var http = server.CreateHttpClient();
        var account = new Account
        {
            BusinessProfile = new BusinessProfile { Name = "Acme Corporation" },
            StatementDescriptor = new string('x', 23),
            PreviousProfiles = [new BusinessProfile { Name = "Acme Corporation" }],
        };

        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => new ChoicesOfOneClient(http).UpdateAccountAsync(new UpdateAccountRequest { Id = "acct_1", Body = account }));

        Assert.Equal(
            [("business_profile.name", "maxLength"), ("previous_profiles[0].name", "maxLength"), ("settings", "required"), ("statement_descriptor", "maxLength")],
            exception.Errors.Select(e => (e.Path, e.Rule)).Order());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_merge_patch_sends_null_where_the_spec_says_nullable_and_refuses_it_for_a_required_member()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Response = new CannedResponse(204, null);
        using var http = server.CreateHttpClient();
        var client = new ChoicesOfOneClient(http);

        await client.PatchAccountAsync(new PatchAccountRequest { Id = "acct_1", Body = new AccountPatch { BusinessProfile = null, Settings = new AccountSettingsPatch { Currency = "usd" }, StatementDescriptor = null } });
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => client.PatchAccountAsync(new PatchAccountRequest { Id = "acct_1", Body = new AccountPatch { Settings = null } }));

        JsonAssert.Equal("""{"business_profile":null,"settings":{"currency":"usd"},"statement_descriptor":null}""", Assert.Single(server.Requests).Body);
        Assert.Equal(("settings", "required"), (Assert.Single(exception.Errors).Path, exception.Errors[0].Rule));
    }
}
