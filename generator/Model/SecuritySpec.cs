namespace OpenApiClientGenerator.Model;

/// <summary>How a security scheme authenticates a request; the kinds the generated options give credentials for.</summary>
internal enum SecuritySchemeKind
{
    /// <summary><c>apiKey</c> in a header, the query or a cookie.</summary>
    ApiKey,

    /// <summary><c>http</c> <c>bearer</c>, and <c>openIdConnect</c>, whose ID token is sent the same way.</summary>
    Bearer,

    /// <summary><c>http</c> <c>basic</c>.</summary>
    Basic,

    /// <summary><c>oauth2</c> with a <c>clientCredentials</c> flow.</summary>
    OAuth2ClientCredentials,

    /// <summary>Huawei Cloud's AK/SK signing: <c>apiKey</c> with <c>x-apigateway-auth-type: AppSigv1</c>.</summary>
    AkSk,
}

internal enum CredentialLocation
{
    Header,
    Query,
    Cookie,
}

/// <summary>
/// A scheme of <c>components.securitySchemes</c> that the client can authenticate with. <see cref="OptionName"/> is the
/// options member that takes its credentials (<c>Token</c>, <c>Credentials</c>, …).
/// </summary>
internal sealed record SecuritySchemeSpec
{
    /// <summary>Gets the scheme's name in <c>components.securitySchemes</c>, which requirements refer to.</summary>
    public required string Key { get; init; }

    public required SecuritySchemeKind Kind { get; init; }

    public required string OptionName { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets, for an API key, the header, query parameter or cookie name.</summary>
    public string? ParameterName { get; init; }

    public CredentialLocation Location { get; init; }

    /// <summary>Gets, for OAuth 2.0, the flow's token URL as the spec writes it (it may be relative).</summary>
    public string? TokenUrl { get; init; }

    public EquatableArray<string> Scopes { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>One alternative of a <c>security</c> list: the schemes that must all authenticate the request; none for anonymous.</summary>
internal sealed record SecurityRequirementSpec(EquatableArray<string> SchemeKeys);

/// <summary>The spec's first server: its URL with <c>{variables}</c> and each variable's default and allowed values.</summary>
internal sealed record ServerSpec
{
    public required string UrlTemplate { get; init; }

    public required EquatableArray<ServerVariableSpec> Variables { get; init; }
}

internal sealed record ServerVariableSpec
{
    public required string Name { get; init; }

    /// <summary>Gets the options member that sets it, e.g. <c>Region</c> for <c>{region}</c>.</summary>
    public required string OptionName { get; init; }

    public string? Default { get; init; }

    public string? Description { get; init; }

    public required EquatableArray<string> AllowedValues { get; init; }
}
