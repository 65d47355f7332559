using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// The client options the spec asks for: the first server's URL and variables, and the security schemes with each
/// operation's requirement. A scheme the client cannot authenticate with is reported (OAG018) and left out, so that an
/// operation that needs it fails before sending rather than going out unauthenticated.
/// </summary>
internal sealed partial class ModelBuilder
{
    private const string AppSigningExtension = "x-apigateway-auth-type";

    private readonly NameScope _optionNames = new NameScope().Reserve(ReservedNames.OptionsMembers, name => $"the options member '{name}'");

    private ServerSpec? ParseServer(OpenApiDocument document)
    {
        if (document.Servers?.FirstOrDefault() is not { Url: { Length: > 0 } url } server)
        {
            return null;
        }

        var variables = new List<ServerVariableSpec>();
        foreach (var variable in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            var pointer = JsonPointers.Append("/servers/0/variables", variable.Key);
            if (!url.Contains("{" + variable.Key + "}"))
            {
                continue; // a variable the URL does not use has nothing to set
            }

            variables.Add(new ServerVariableSpec
            {
                Name = variable.Key,
                OptionName = ClaimMemberName(_optionNames, variable.Key, KeyAt(pointer)),
                Default = variable.Value.Default,
                Description = Clean(variable.Value.Description),
                AllowedValues = (variable.Value.Enum ?? []).ToEquatableArray(),
            });
        }

        return new ServerSpec { UrlTemplate = url, Variables = variables.ToEquatableArray() };
    }

    private EquatableArray<SecuritySchemeSpec> ParseSecuritySchemes(OpenApiDocument document)
    {
        var schemes = new List<SecuritySchemeSpec>();
        foreach (var entry in document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            var pointer = JsonPointers.Append("/components/securitySchemes", entry.Key);
            if (entry.Value is null or OpenApiSecuritySchemeReference { Target: null })
            {
                Unsupported(pointer, entry.Key, "it is not a security scheme object");
            }
            else if (ParseSecurityScheme(entry.Key, entry.Value, pointer) is { } scheme)
            {
                schemes.Add(scheme);
            }
        }

        return schemes.ToEquatableArray();
    }

    private SecuritySchemeSpec? ParseSecurityScheme(string key, IOpenApiSecurityScheme scheme, string pointer)
    {
        var description = Clean(scheme.Description);
        switch (scheme.Type)
        {
            case SecuritySchemeType.ApiKey when AppSigningType(scheme) is { } authType:
                if (authType != "AppSigv1")
                {
                    return Unsupported(JsonPointers.Append(pointer, AppSigningExtension), key, $"the API Gateway authentication type '{authType}' is not AK/SK signing (AppSigv1)");
                }

                return new SecuritySchemeSpec { Key = key, Kind = SecuritySchemeKind.AkSk, OptionName = ClaimSchemeOption("Credentials", key, pointer), Description = description };
            case SecuritySchemeType.ApiKey:
                if (scheme.Name is not { Length: > 0 } name || scheme.In is not { } location)
                {
                    return Unsupported(pointer, key, "an apiKey scheme needs a name and a location (in)");
                }

                return new SecuritySchemeSpec
                {
                    Key = key,
                    Kind = SecuritySchemeKind.ApiKey,
                    OptionName = ClaimTokenOption(key, pointer),
                    Description = description,
                    ParameterName = name,
                    Location = location switch
                    {
                        Microsoft.OpenApi.ParameterLocation.Query => CredentialLocation.Query,
                        Microsoft.OpenApi.ParameterLocation.Cookie => CredentialLocation.Cookie,
                        _ => CredentialLocation.Header,
                    },
                };
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
            case SecuritySchemeType.OpenIdConnect:
                return new SecuritySchemeSpec { Key = key, Kind = SecuritySchemeKind.Bearer, OptionName = ClaimTokenOption(key, pointer), Description = description };
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                return new SecuritySchemeSpec { Key = key, Kind = SecuritySchemeKind.Basic, OptionName = ClaimSchemeOption(null, key, pointer), Description = description };
            case SecuritySchemeType.Http:
                return Unsupported(JsonPointers.Append(pointer, "scheme"), key, $"the HTTP authentication scheme '{scheme.Scheme}' is not bearer or basic");
            case SecuritySchemeType.OAuth2 when scheme.Flows?.ClientCredentials is { } flow:
                return new SecuritySchemeSpec
                {
                    Key = key,
                    Kind = SecuritySchemeKind.OAuth2ClientCredentials,
                    OptionName = ClaimSchemeOption(null, key, pointer),
                    Description = description,
                    TokenUrl = flow.TokenUrl?.OriginalString,
                    Scopes = (flow.Scopes?.Keys ?? []).ToEquatableArray(),
                };
            case SecuritySchemeType.OAuth2:
                return Unsupported(JsonPointers.Append(pointer, "flows"), key, "only the clientCredentials flow of OAuth 2.0 runs without a user at a browser");
            default:
                return Unsupported(JsonPointers.Append(pointer, "type"), key, $"the scheme type '{scheme.Type?.ToString() ?? "(none)"}' is not one the client can authenticate with");
        }
    }

    private static string? AppSigningType(IOpenApiSecurityScheme scheme)
        => scheme.Extensions is { } extensions && extensions.TryGetValue(AppSigningExtension, out var extension)
            && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue(out string? type)
            ? type
            : null;

    private SecuritySchemeSpec? Unsupported(string pointer, string key, string reason)
    {
        Report(DiagnosticDescriptors.UnsupportedSecurity, LocationOf(pointer), "scheme '" + key + "'", reason);
        return null;
    }

    /// <summary>AK/SK credentials are <c>Credentials</c>, as Huawei Cloud's SDKs call them; any other scheme's option is named after the scheme.</summary>
    private string ClaimSchemeOption(string? preferred, string key, string pointer)
        => preferred is not null && !_optionNames.IsTaken(preferred)
            ? _optionNames.Claim(preferred, NameScope.Quoted, key)
            : ClaimMemberName(_optionNames, key, KeyAt(pointer));

    /// <summary>A token's option comes with its callback, <c>{name}Provider</c>, which must be free too.</summary>
    private string ClaimTokenOption(string key, string pointer)
    {
        var name = ClaimSchemeOption(null, key, pointer);
        while (_optionNames.IsTaken(name + "Provider"))
        {
            name = _optionNames.Claim(name, NameScope.Quoted, key);
        }

        _optionNames.Claim(name + "Provider", "the callback of '{0}'", key);
        return name;
    }

    /// <summary>
    /// The operation's <c>security</c>, or the spec's when it has none: each alternative's scheme names, in the spec's
    /// order. A name that no declared scheme has is reported, and the alternative kept, so it can never be met.
    /// </summary>
    private EquatableArray<SecurityRequirementSpec> ParseSecurity(IList<OpenApiSecurityRequirement>? requirements, string pointer)
    {
        var alternatives = new List<SecurityRequirementSpec>();
        var index = 0;
        foreach (var requirement in requirements ?? [])
        {
            var itemPointer = JsonPointers.Append(pointer, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var keys = new List<string>();
            foreach (var scheme in requirement.Keys)
            {
                var key = scheme?.Reference?.Id ?? string.Empty;
                if (_document.Document.Components?.SecuritySchemes?.ContainsKey(key) != true)
                {
                    Report(DiagnosticDescriptors.UnsupportedSecurity, LocationOfKey(JsonPointers.Append(itemPointer, key)), "requirement '" + key + "'", "no scheme of that name is declared in components.securitySchemes");
                }

                keys.Add(key);
            }

            alternatives.Add(new SecurityRequirementSpec(keys.ToEquatableArray()));
            index++;
        }

        return alternatives.ToEquatableArray();
    }
}
