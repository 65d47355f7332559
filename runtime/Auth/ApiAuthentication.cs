namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Linq;
    using System.Net;
    using System.Net.Http;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>Where an API key goes: the spec's <c>in</c> of an <c>apiKey</c> security scheme.</summary>
    public enum ApiKeyLocation
    {
        /// <summary>A request header.</summary>
        Header,

        /// <summary>A query parameter.</summary>
        Query,

        /// <summary>A cookie.</summary>
        Cookie,
    }

    /// <summary>An operation's security requirement cannot be met, or a credential could not be obtained; nothing was sent.</summary>
    public sealed class ApiAuthenticationException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What is missing, naming the options to set.</param>
        public ApiAuthenticationException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="innerException">The cause.</param>
        public ApiAuthenticationException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    /// <summary>
    /// The security schemes of one spec with the credentials the user configured for each, and the handler that
    /// authenticates every request by its operation's security requirement. The generated client options build it, one
    /// scheme per call; a scheme given no credentials is declared but cannot be met.
    /// </summary>
    internal sealed class ApiAuthentication
    {
        private const string RequirementKey = "OpenApiClientGenerator.Runtime.ApiAuthentication.Requirement";
#if NET5_0_OR_GREATER
        private static readonly HttpRequestOptionsKey<string[][]> RequirementOption = new(RequirementKey);
#endif

        private readonly Dictionary<string, Scheme> _schemes = new(StringComparer.Ordinal);
        private readonly string _optionsName;
        private readonly Func<DateTimeOffset> _utcNow;

        /// <param name="optionsName">The options class, which error messages name, e.g. <c>ModelArtsClientOptions</c>.</param>
        /// <param name="utcNow">The clock that dates signatures and expires tokens; the system clock when null.</param>
        public ApiAuthentication(string optionsName, Func<DateTimeOffset>? utcNow = null)
        {
            _optionsName = optionsName;
            _utcNow = utcNow ?? (static () => DateTimeOffset.UtcNow);
        }

        /// <summary>Marks <paramref name="request"/> with its operation's requirement: alternatives (any one suffices), each a set of scheme names (all needed).</summary>
        public static void Require(HttpRequestMessage request, string[][] requirement)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(RequirementOption, requirement);
#else
            request.Properties[RequirementKey] = requirement;
#endif
        }

        /// <summary>An <c>apiKey</c> scheme, whose key is <paramref name="key"/> or what <paramref name="keyProvider"/> returns.</summary>
        public ApiAuthentication ApiKey(string scheme, string option, ApiKeyLocation location, string name, string? key, Func<CancellationToken, ValueTask<string>>? keyProvider)
            => Add(scheme, option, location == ApiKeyLocation.Header ? request => request.Headers.Contains(name) : null, ProviderOf(key, keyProvider) is { } provider ? new ApiKeyScheme(location, name, provider) : null);

        /// <summary>An <c>http</c> <c>bearer</c> or <c>openIdConnect</c> scheme.</summary>
        public ApiAuthentication Bearer(string scheme, string option, string? token, Func<CancellationToken, ValueTask<string>>? tokenProvider)
            => Add(scheme, option, HasAuthorization, ProviderOf(token, tokenProvider) is { } provider ? new BearerScheme(provider) : null);

        /// <summary>An <c>http</c> <c>basic</c> scheme.</summary>
        public ApiAuthentication Basic(string scheme, string option, BasicCredentials? credentials)
            => Add(scheme, option, HasAuthorization, credentials is null ? null : new BasicScheme(credentials));

        /// <summary>An <c>oauth2</c> scheme's client credentials flow, with the token URL and the scopes the spec gives it.</summary>
        public ApiAuthentication OAuth2ClientCredentials(string scheme, string option, OAuth2ClientCredentials? credentials, string? tokenUrl, string[] scopes)
            => Add(scheme, option, HasAuthorization, credentials is null ? null : new OAuth2Scheme(new OAuth2TokenCache(credentials, tokenUrl, scopes, _utcNow)));

        /// <summary>Huawei Cloud's AK/SK signing (an <c>apiKey</c> scheme with <c>x-apigateway-auth-type: AppSigv1</c>).</summary>
        public ApiAuthentication AkSk(string scheme, string option, AkSk? credentials)
            => Add(scheme, option, null, credentials is null ? null : new AkSkScheme(new HuaweiCloudSigningHandler(credentials, _utcNow)));

        /// <summary>Creates the handler that authenticates each request before <paramref name="innerHandler"/> sends it.</summary>
        public DelegatingHandler CreateHandler(HttpMessageHandler innerHandler) => new Handler(this) { InnerHandler = innerHandler };

        private static Func<CancellationToken, ValueTask<string>>? ProviderOf(string? value, Func<CancellationToken, ValueTask<string>>? provider)
            => value is not null ? _ => new ValueTask<string>(value) : provider;

        private static string[][]? RequirementOf(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(RequirementOption, out var requirement) ? requirement : null;
#else
            return request.Properties.TryGetValue(RequirementKey, out var value) ? value as string[][] : null;
#endif
        }

        private static bool HasAuthorization(HttpRequestMessage request) => request.Headers.Authorization is not null;

        private ApiAuthentication Add(string scheme, string option, Func<HttpRequestMessage, bool>? isSetOn, Credential? credential)
        {
            _schemes[scheme] = new Scheme(_optionsName + "." + option, isSetOn, credential);
            return this;
        }

        // The first alternative that can be met, in the spec's order: each of its schemes has credentials, or the request
        // already carries its header (a credential header parameter the caller set, which is then not sent twice). An empty
        // alternative (anonymous access) is taken only when no other can be met.
        private List<Credential> Choose(HttpRequestMessage request, string[][] requirement)
        {
            foreach (var alternative in requirement.Where(alternative => alternative.Length > 0))
            {
                var schemes = alternative.Select(name => _schemes.TryGetValue(name, out var scheme) ? scheme : null).ToList();
                if (schemes.All(scheme => scheme is not null && (scheme.IsSetOn(request) || scheme.Credential is not null)))
                {
                    // Signing covers every other header, so it comes last.
                    return schemes
                        .Where(scheme => !scheme!.IsSetOn(request))
                        .Select(scheme => scheme!.Credential!)
                        .OrderBy(credential => credential is AkSkScheme ? 1 : 0)
                        .ToList();
                }
            }

            if (requirement.Any(alternative => alternative.Length == 0))
            {
                return [];
            }

            var choices = requirement.Select(alternative => string.Join(" and ", alternative.Select(Describe)));
            throw new ApiAuthenticationException("The operation needs credentials that are not configured: set " + string.Join(", or ", choices) + ".");
        }

        private string Describe(string scheme)
            => _schemes.TryGetValue(scheme, out var known) ? known.Option : "credentials for the security scheme '" + scheme + "', which this client does not support";

        private sealed class Scheme
        {
            private readonly Func<HttpRequestMessage, bool>? _isSetOn;

            public Scheme(string option, Func<HttpRequestMessage, bool>? isSetOn, Credential? credential)
            {
                Option = option;
                _isSetOn = isSetOn;
                Credential = credential;
            }

            /// <summary>Gets the option that configures the scheme, e.g. <c>ModelArtsClientOptions.Token</c>.</summary>
            public string Option { get; }

            /// <summary>Gets the configured credential, or null when the user gave none.</summary>
            public Credential? Credential { get; }

            /// <summary>Whether the request already carries the scheme's header, set by the caller.</summary>
            public bool IsSetOn(HttpRequestMessage request) => _isSetOn?.Invoke(request) ?? false;
        }

        /// <summary>What one sending of a request added to it, to take off again, and the OAuth 2.0 tokens it used.</summary>
        private sealed class Attempt
        {
            public List<Action> Undo { get; } = [];

            public List<(OAuth2TokenCache Cache, string Token)> Tokens { get; } = [];
        }

        /// <summary>A configured credential: how it goes on a request.</summary>
        private abstract class Credential
        {
            public abstract Task ApplyAsync(HttpRequestMessage request, Handler handler, Attempt attempt, CancellationToken cancellationToken);
        }

        private sealed class ApiKeyScheme : Credential
        {
            private readonly ApiKeyLocation _location;
            private readonly string _name;
            private readonly Func<CancellationToken, ValueTask<string>> _key;

            public ApiKeyScheme(ApiKeyLocation location, string name, Func<CancellationToken, ValueTask<string>> key)
            {
                _location = location;
                _name = name;
                _key = key;
            }

            public override async Task ApplyAsync(HttpRequestMessage request, Handler handler, Attempt attempt, CancellationToken cancellationToken)
            {
                var key = await _key(cancellationToken).ConfigureAwait(false);
                switch (_location)
                {
                    case ApiKeyLocation.Header:
                        AddHeader(request, attempt, _name, key);
                        break;
                    case ApiKeyLocation.Query:
                        var uri = request.RequestUri!;
                        var separator = uri.Query.Length > 1 ? "&" : uri.Query.Length == 1 ? string.Empty : "?";
                        request.RequestUri = new Uri(uri.AbsoluteUri + separator + Uri.EscapeDataString(_name) + "=" + Uri.EscapeDataString(key));
                        attempt.Undo.Add(() => request.RequestUri = uri);
                        break;
                    default:
                        var cookie = _name + "=" + key;
                        var existing = request.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : null;
                        request.Headers.Remove("Cookie");
                        request.Headers.TryAddWithoutValidation("Cookie", existing is null ? cookie : existing + "; " + cookie);
                        attempt.Undo.Add(() =>
                        {
                            request.Headers.Remove("Cookie");
                            if (existing is not null)
                            {
                                request.Headers.TryAddWithoutValidation("Cookie", existing);
                            }
                        });
                        break;
                }
            }
        }

        private sealed class BearerScheme : Credential
        {
            private readonly Func<CancellationToken, ValueTask<string>> _token;

            public BearerScheme(Func<CancellationToken, ValueTask<string>> token) => _token = token;

            public override async Task ApplyAsync(HttpRequestMessage request, Handler handler, Attempt attempt, CancellationToken cancellationToken)
                => AddHeader(request, attempt, "Authorization", "Bearer " + await _token(cancellationToken).ConfigureAwait(false));
        }

        private sealed class BasicScheme : Credential
        {
            private readonly BasicCredentials _credentials;

            public BasicScheme(BasicCredentials credentials) => _credentials = credentials;

            public override Task ApplyAsync(HttpRequestMessage request, Handler handler, Attempt attempt, CancellationToken cancellationToken)
            {
                var pair = Encoding.UTF8.GetBytes(_credentials.UserName + ":" + _credentials.Password);
                AddHeader(request, attempt, "Authorization", "Basic " + Convert.ToBase64String(pair));
                return Task.CompletedTask;
            }
        }

        private sealed class OAuth2Scheme : Credential
        {
            private readonly OAuth2TokenCache _tokens;

            public OAuth2Scheme(OAuth2TokenCache tokens) => _tokens = tokens;

            public override async Task ApplyAsync(HttpRequestMessage request, Handler handler, Attempt attempt, CancellationToken cancellationToken)
            {
                var token = await _tokens.GetTokenAsync(request.RequestUri!, handler.SendPastAuthenticationAsync, cancellationToken).ConfigureAwait(false);
                attempt.Tokens.Add((_tokens, token));
                AddHeader(request, attempt, "Authorization", "Bearer " + token);
            }
        }

        private sealed class AkSkScheme : Credential
        {
            private readonly HuaweiCloudSigningHandler _signer;

            public AkSkScheme(HuaweiCloudSigningHandler signer) => _signer = signer;

            public override async Task ApplyAsync(HttpRequestMessage request, Handler handler, Attempt attempt, CancellationToken cancellationToken)
            {
                await _signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
                attempt.Undo.Add(() => HuaweiCloudSigningHandler.RemoveAddedHeaders(request));
            }
        }

        private static void AddHeader(HttpRequestMessage request, Attempt attempt, string name, string value)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            attempt.Undo.Add(() => request.Headers.Remove(name));
        }

        /// <summary>
        /// Runs innermost, just above the primary handler, so that every other handler (retries included) runs before it
        /// and a retried request is authenticated again. What it adds is taken off after the response arrives.
        /// </summary>
        internal sealed class Handler : DelegatingHandler
        {
            private readonly ApiAuthentication _authentication;

            public Handler(ApiAuthentication authentication) => _authentication = authentication;

            public Task<HttpResponseMessage> SendPastAuthenticationAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                => base.SendAsync(request, cancellationToken);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (RequirementOf(request) is not { Length: > 0 } requirement)
                {
                    return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }

                var credentials = _authentication.Choose(request, requirement);
                var (response, tokens) = await SendAuthenticatedAsync(request, credentials, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Unauthorized || tokens.Count == 0)
                {
                    return response;
                }

                // The token may have been revoked or may have expired early: forget it, fetch a new one and try once more.
                response.Dispose();
                foreach (var (cache, token) in tokens)
                {
                    cache.Invalidate(token);
                }

                return (await SendAuthenticatedAsync(request, credentials, cancellationToken).ConfigureAwait(false)).Response;
            }

            private async Task<(HttpResponseMessage Response, List<(OAuth2TokenCache Cache, string Token)> Tokens)> SendAuthenticatedAsync(
                HttpRequestMessage request, List<Credential> credentials, CancellationToken cancellationToken)
            {
                var attempt = new Attempt();
                try
                {
                    foreach (var credential in credentials)
                    {
                        await credential.ApplyAsync(request, this, attempt, cancellationToken).ConfigureAwait(false);
                    }

                    return (await base.SendAsync(request, cancellationToken).ConfigureAwait(false), attempt.Tokens);
                }
                finally
                {
                    for (var i = attempt.Undo.Count - 1; i >= 0; i--)
                    {
                        attempt.Undo[i]();
                    }
                }
            }
        }
    }
}
