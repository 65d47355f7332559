using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using GeneratedClients.Tests.Infrastructure;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// <see cref="AkSk"/>: read from Huawei's SDK variables only when asked, and never printing a secret.
/// The environment is the process's: only this class's tests, which xUnit runs one at a time, touch these variables.
/// </summary>
public sealed class AkSkCredentialsTests
{
    private const string AccessKey = TestKeys.AccessKey;
    private const string SecretKey = TestKeys.SecretKey;
    private const string SecurityToken = TestKeys.SecurityToken;
    private const string ProjectId = TestKeys.ProjectId;

    [Fact]
    public void FromEnvironment_reads_the_four_variables_of_Huaweis_SDKs()
    {
        var credentials = WithEnvironment(AccessKey, SecretKey, ProjectId, SecurityToken, AkSk.FromEnvironment);

        Assert.Equal(ProjectId, credentials.ProjectId);
        Assert.True(credentials.IsTemporary);
        Assert.Equal((AccessKey, SecretKey, SecurityToken), (credentials.AccessKey, credentials.SecretKey, credentials.SecurityToken));
    }

    [Fact]
    public void FromEnvironment_leaves_the_project_and_the_token_out_when_their_variables_are_not_set()
    {
        var credentials = WithEnvironment(AccessKey, SecretKey, null, string.Empty, AkSk.FromEnvironment);

        Assert.Null(credentials.ProjectId);
        Assert.False(credentials.IsTemporary);
    }

    [Theory]
    [InlineData(null, SecretKey, "HUAWEICLOUD_SDK_AK")]
    [InlineData(AccessKey, "", "HUAWEICLOUD_SDK_SK")]
    [InlineData(AccessKey, null, "HUAWEICLOUD_SDK_SK")]
    public void FromEnvironment_names_the_missing_variable_and_no_secret(string? accessKey, string? secretKey, string missing)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => WithEnvironment(accessKey, secretKey, ProjectId, SecurityToken, AkSk.FromEnvironment));

        Assert.Equal("The environment variable " + missing + " that holds the " + (missing.EndsWith("_AK", StringComparison.Ordinal) ? "access key (AK)" : "secret key (SK)") + " is not set.", exception.Message);
        AssertNoSecret(exception.ToString());
    }

    [Fact]
    public void FromEnvironment_names_a_variable_whose_value_cannot_be_sent_without_quoting_it()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => WithEnvironment(AccessKey, SecretKey, ProjectId, SecurityToken + "\r\nX-Injected: 1", AkSk.FromEnvironment));

        Assert.Contains("HUAWEICLOUD_SDK_SECURITY_TOKEN", exception.Message, StringComparison.Ordinal);
        AssertNoSecret(exception.ToString());
    }

    [Fact]
    public void A_handler_given_credentials_signs_with_them_and_not_with_the_environments()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://modelarts.ap-southeast-1.myhuaweicloud.com/v1/services");

        WithEnvironment(AccessKey, SecretKey, ProjectId, SecurityToken, () =>
        {
            new HuaweiCloudSigningHandler(new AkSk("explicit-ak", "explicit-sk")).SignAsync(request, CancellationToken.None).GetAwaiter().GetResult();
            return request;
        });

        Assert.StartsWith("SDK-HMAC-SHA256 Access=explicit-ak, SignedHeaders=host;x-sdk-date,", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("X-Security-Token"));
    }

    [Fact]
    public void The_printed_credentials_show_the_project_and_hide_the_keys_and_the_token()
    {
        var printed = new AkSk(AccessKey, SecretKey, ProjectId, SecurityToken).ToString();

        Assert.Equal("AkSk { AccessKey = ***, SecretKey = ***, ProjectId = " + ProjectId + ", SecurityToken = *** }", printed);
        Assert.Equal("AkSk { AccessKey = ***, SecretKey = ***, ProjectId = null, SecurityToken = null }", new AkSk(AccessKey, SecretKey).ToString());
    }

    [Theory]
    [InlineData(AccessKey + ",x", SecretKey, "accessKey")]
    [InlineData(AccessKey, SecretKey + "\n", "secretKey")]
    [InlineData(AccessKey, "", "secretKey")]
    public void A_value_that_cannot_be_sent_is_refused_without_quoting_it(string accessKey, string secretKey, string parameter)
    {
        var exception = Assert.Throws<ArgumentException>(() => new AkSk(accessKey, secretKey, ProjectId, SecurityToken));

        Assert.Equal(parameter, exception.ParamName);
        AssertNoSecret(exception.ToString());
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(AccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecurityToken, text, StringComparison.Ordinal);
    }

    private static T WithEnvironment<T>(string? accessKey, string? secretKey, string? projectId, string? securityToken, Func<T> action)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AkSk.AccessKeyVariable] = accessKey,
            [AkSk.SecretKeyVariable] = secretKey,
            [AkSk.ProjectIdVariable] = projectId,
            [AkSk.SecurityTokenVariable] = securityToken,
        };
        var saved = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            return action();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
