using System.Collections.Generic;
using System.Linq;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>The views of the client options: the server URL's variables and the security schemes.</summary>
internal static partial class SourceEmitter
{
    private static OptionsView BuildOptions(ApiSpec spec)
    {
        return new OptionsView(Variables, () => spec.SecuritySchemes.Select(BuildScheme).ToList())
        {
            ServerLiteral = spec.Server is { } server ? CSharpFragments.Literal(server.UrlTemplate) : "null",
            UsesClock = spec.SecuritySchemes.Any(scheme => scheme.Kind is SecuritySchemeKind.OAuth2ClientCredentials or SecuritySchemeKind.AkSk),
        };

        List<ServerVariableView> Variables() => (spec.Server?.Variables ?? EquatableArray<ServerVariableSpec>.Empty).Select(variable => new ServerVariableView
        {
            OptionName = variable.OptionName,
            Doc = XmlDoc.Summary(
                "Gets or sets the value of {" + variable.Name + "} in the server URL " + spec.Server!.UrlTemplate + "."
                + (variable.Description is null ? string.Empty : " " + variable.Description)
                + (variable.AllowedValues.Count > 0 ? " One of: " + string.Join(", ", variable.AllowedValues) + "." : string.Empty)
                + (variable.Default is null ? string.Empty : " Default: " + variable.Default + ".")),
            DefaultLiteral = variable.Default is null ? "null" : CSharpFragments.Literal(variable.Default),
            ValueExpression = "new ServerVariable(" + CSharpFragments.Literal(variable.Name) + ", " + CSharpFragments.Literal(variable.OptionName) + ", "
                + variable.OptionName + ", " + StringArray(variable.AllowedValues) + ")",
        }).ToList();
    }

    private static SecuritySchemeView BuildScheme(SecuritySchemeSpec scheme)
    {
        var key = CSharpFragments.Literal(scheme.Key);
        var option = CSharpFragments.Literal(scheme.OptionName);
        var about = " for the security scheme '" + scheme.Key + "'" + (scheme.Description is null ? "." : ": " + scheme.Description);
        var (kind, doc, registration) = scheme.Kind switch
        {
            SecuritySchemeKind.ApiKey => ("token",
                "Gets or sets the API key, sent in the " + scheme.Location.ToString().ToLowerInvariant() + " " + scheme.ParameterName + about,
                $"ApiKey({key}, {option}, ApiKeyLocation.{scheme.Location}, {CSharpFragments.Literal(scheme.ParameterName!)}, {scheme.OptionName}, {scheme.OptionName}Provider)"),
            SecuritySchemeKind.Bearer => ("token",
                "Gets or sets the bearer token, sent as Authorization: Bearer" + about,
                $"Bearer({key}, {option}, {scheme.OptionName}, {scheme.OptionName}Provider)"),
            SecuritySchemeKind.Basic => ("basic",
                "Gets or sets the user name and password, sent as Authorization: Basic" + about,
                $"Basic({key}, {option}, {scheme.OptionName})"),
            SecuritySchemeKind.OAuth2ClientCredentials => ("oauth2",
                "Gets or sets the OAuth 2.0 client credentials; the access token is fetched from "
                    + (scheme.TokenUrl ?? "the token URL") + ", cached until shortly before it expires, and sent as a bearer token" + about,
                $"OAuth2ClientCredentials({key}, {option}, {scheme.OptionName}, {(scheme.TokenUrl is null ? "null" : CSharpFragments.Literal(scheme.TokenUrl))}, {StringArray(scheme.Scopes)})"),
            _ => ("aksk",
                "Gets or sets the Huawei Cloud access key pair, e.g. AkSk.FromEnvironment(), that signs every request (SDK-HMAC-SHA256)" + about,
                $"AkSk({key}, {option}, {scheme.OptionName})"),
        };
        return new SecuritySchemeView
        {
            Kind = kind,
            OptionName = scheme.OptionName,
            Doc = XmlDoc.Summary(doc),
            ProviderDoc = XmlDoc.Summary("Gets or sets a callback that returns the credential of " + scheme.OptionName + " for each request, e.g. a token that is refreshed; used when " + scheme.OptionName + " is null."),
            RegistrationExpression = registration,
        };
    }

    private static string? SecurityRequirementExpression(EquatableArray<SecurityRequirementSpec> security)
        => security.Count == 0
            ? null
            : "new[] { " + string.Join(", ", security.Select(alternative => StringArray(alternative.SchemeKeys))) + " }";

    private static string StringArray(IReadOnlyList<string> values)
        => values.Count == 0 ? "System.Array.Empty<string>()" : "new[] { " + string.Join(", ", values.Select(CSharpFragments.Literal)) + " }";
}
