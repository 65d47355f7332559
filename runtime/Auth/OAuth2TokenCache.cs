namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Net.Http;
    using System.Net.Http.Headers;
    using System.Text;
    using System.Text.Json;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// Fetches an access token with the client credentials grant and keeps it until shortly before it expires. Callers
    /// that find no usable token at the same time wait for one fetch rather than each starting their own.
    /// </summary>
    internal sealed class OAuth2TokenCache
    {
        // A token is renewed this long before it expires (or at half its lifetime, if that is shorter), so that a request
        // does not leave with a token that expires on its way.
        private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

        private readonly OAuth2ClientCredentials _credentials;
        private readonly string? _specTokenUrl;
        private readonly IReadOnlyList<string> _specScopes;
        private readonly Func<DateTimeOffset> _utcNow;
        private readonly SemaphoreSlim _fetching = new(1, 1);
        private string? _token;
        private DateTimeOffset _renewAt;

        public OAuth2TokenCache(OAuth2ClientCredentials credentials, string? specTokenUrl, IReadOnlyList<string> specScopes, Func<DateTimeOffset> utcNow)
        {
            _credentials = credentials;
            _specTokenUrl = specTokenUrl;
            _specScopes = specScopes;
            _utcNow = utcNow;
        }

        /// <summary>Returns the cached token, or fetches one through <paramref name="send"/> when there is none or it is about to expire.</summary>
        /// <param name="requestUri">The URI of the request the token is for, which a relative token URL is resolved against.</param>
        /// <param name="send">Sends the token request past every handler that would authenticate it.</param>
        /// <param name="cancellationToken">Cancels the wait and the fetch.</param>
        public async Task<string> GetTokenAsync(Uri requestUri, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
        {
            if (Usable() is { } cached)
            {
                return cached;
            }

            await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have fetched a token while this one waited.
                if (Usable() is { } fetched)
                {
                    return fetched;
                }

                var (token, lifetime) = await FetchAsync(requestUri, send, cancellationToken).ConfigureAwait(false);
                var margin = lifetime is { } known && known.Ticks / 2 < RenewalMargin.Ticks ? TimeSpan.FromTicks(known.Ticks / 2) : RenewalMargin;
                _renewAt = lifetime is { } value ? _utcNow() + value - margin : DateTimeOffset.MaxValue;
                _token = token;
                return token;
            }
            finally
            {
                _fetching.Release();
            }
        }

        /// <summary>Forgets <paramref name="token"/> after the service refused it, unless another caller already replaced it.</summary>
        public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

        private string? Usable()
        {
            var token = Volatile.Read(ref _token);
            return token is not null && _utcNow() < _renewAt ? token : null;
        }

        private async Task<(string Token, TimeSpan? Lifetime)> FetchAsync(Uri requestUri, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
        {
            var tokenUrl = _credentials.TokenUrl
                ?? (_specTokenUrl is null ? null : new Uri(requestUri, _specTokenUrl))
                ?? throw new ApiAuthenticationException("The OAuth 2.0 client credentials have no token URL: set OAuth2ClientCredentials.TokenUrl.");
            var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
            var scopes = _credentials.Scopes ?? _specScopes;
            if (scopes.Count > 0)
            {
                form.Add(new KeyValuePair<string, string>("scope", string.Join(" ", scopes)));
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
            var basic = Uri.EscapeDataString(_credentials.ClientId) + ":" + Uri.EscapeDataString(_credentials.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await send(request, cancellationToken).ConfigureAwait(false);
#if NET5_0_OR_GREATER
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiAuthenticationException("The token endpoint " + tokenUrl.GetLeftPart(UriPartial.Path) + " answered " + status + " to the client credentials grant" + ErrorOf(body) + ".");
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("access_token", out var accessToken)
                    || accessToken.ValueKind != JsonValueKind.String
                    || accessToken.GetString() is not { Length: > 0 } token)
                {
                    throw new ApiAuthenticationException("The token endpoint " + tokenUrl.GetLeftPart(UriPartial.Path) + " answered " + status + " without an access_token.");
                }

                TimeSpan? lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.ValueKind == JsonValueKind.Number && expiresIn.TryGetInt64(out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(seconds)
                    : null;
                return (token, lifetime);
            }
            catch (JsonException exception)
            {
                throw new ApiAuthenticationException("The token endpoint " + tokenUrl.GetLeftPart(UriPartial.Path) + " answered " + status + " with a body that is not JSON.", exception);
            }
        }

        // The standard error code of a refused grant (RFC 6749 §5.2), never the body's other members, which may echo secrets.
        private static string ErrorOf(byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                    ? " (error: " + error.GetString() + ")"
                    : string.Empty;
            }
            catch (JsonException)
            {
                return string.Empty;
            }
        }
    }
}
