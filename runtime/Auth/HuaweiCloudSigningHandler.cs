namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.IO;
    using System.Linq;
    using System.Net.Http;
    using System.Net.Http.Headers;
    using System.Security.Cryptography;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// Signs every request with a Huawei Cloud access key pair (<c>SDK-HMAC-SHA256</c>, as Huawei Cloud's SDKs do):
    /// sets <c>X-Sdk-Date</c>, <c>host</c>, <c>X-Project-Id</c> and <c>X-Security-Token</c> where they are missing, and
    /// <c>Authorization</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The signature covers the headers, the path, the query and the body, so the handler must run after every handler
    /// that changes the request, retries included: a retried request is then signed again, with a fresh date. With
    /// <c>IHttpClientFactory</c>, make it the innermost handler by wrapping the primary handler, which also keeps the
    /// signed headers out of the factory's request logging (that logger runs just above the primary handler):
    /// </para>
    /// <code>
    /// builder.ConfigurePrimaryHttpMessageHandler(() => new HuaweiCloudSigningHandler(credentials) { InnerHandler = new HttpClientHandler() });
    /// </code>
    /// <para>
    /// Handlers added with <c>AddHttpMessageHandler</c> or <c>AddStandardResilienceHandler</c> then run before it,
    /// in any order of registration. After the response arrives the handler removes the headers it added, so the
    /// <see cref="HttpRequestMessage"/> that a retry sends again, or that a caller prints, no longer carries the
    /// signature or the security token.
    /// </para>
    /// <para>
    /// A JSON body (<c>application/json</c> or <c>*/*+json</c>) is hashed. A body already in memory
    /// (<see cref="ByteArrayContent"/>, which the generated clients send) is read in place; any other is buffered once,
    /// and that one buffer is hashed and then sent. Any other body is not read: the request carries
    /// <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c> instead.
    /// </para>
    /// </remarks>
    public sealed class HuaweiCloudSigningHandler : DelegatingHandler
    {
        private const string DateHeader = "X-Sdk-Date";
        private const string ProjectIdHeader = "X-Project-Id";
        private const string SecurityTokenHeader = "X-Security-Token";
        private const string ContentSha256Header = "X-Sdk-Content-Sha256";
        private const string AuthorizationHeader = "Authorization";

        // Names of the headers a signing added to a request, kept on the request so that the next signing of the same
        // request (a retry) and the end of its sending can take them off again.
        private const string AddedHeadersKey = "OpenApiClientGenerator.Runtime.HuaweiCloudSigningHandler.AddedHeaders";
#if NET5_0_OR_GREATER
        private static readonly HttpRequestOptionsKey<List<string>> AddedHeadersOption = new(AddedHeadersKey);
#endif

        private readonly AkSk _credentials;
        private readonly Func<DateTimeOffset> _utcNow;

        /// <summary>Creates a handler that signs with <paramref name="credentials"/> and dates requests by the system clock.</summary>
        /// <param name="credentials">The access key pair, e.g. <see cref="AkSk.FromEnvironment"/>.</param>
        public HuaweiCloudSigningHandler(AkSk credentials)
            : this(credentials, static () => DateTimeOffset.UtcNow)
        {
        }

#if NET8_0_OR_GREATER
        /// <summary>Creates a handler that signs with <paramref name="credentials"/> and dates requests by <paramref name="timeProvider"/>.</summary>
        /// <param name="credentials">The access key pair, e.g. <see cref="AkSk.FromEnvironment"/>.</param>
        /// <param name="timeProvider">The clock that dates requests, e.g. a fake one in tests.</param>
        public HuaweiCloudSigningHandler(AkSk credentials, TimeProvider timeProvider)
            : this(credentials, (timeProvider ?? throw new ArgumentNullException(nameof(timeProvider))).GetUtcNow)
        {
        }
#endif

        /// <summary>
        /// Creates a handler that signs with <paramref name="credentials"/> and dates requests by <paramref name="utcNow"/>.
        /// This is the clock for targets before .NET 8, which have no <c>TimeProvider</c> without a package.
        /// </summary>
        /// <param name="credentials">The access key pair, e.g. <see cref="AkSk.FromEnvironment"/>.</param>
        /// <param name="utcNow">Returns the current time.</param>
        public HuaweiCloudSigningHandler(AkSk credentials, Func<DateTimeOffset> utcNow)
        {
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            _utcNow = utcNow ?? throw new ArgumentNullException(nameof(utcNow));
        }

        /// <summary>
        /// Signs <paramref name="request"/> without sending it: adds <c>X-Sdk-Date</c>, <c>host</c>, <c>X-Project-Id</c>,
        /// <c>X-Security-Token</c> and <c>X-Sdk-Content-Sha256</c> where needed and missing, and replaces <c>Authorization</c>.
        /// Signing a request again first takes off what the last signing added.
        /// </summary>
        /// <param name="request">A request with an absolute URI.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>A task that completes when the request is signed.</returns>
        /// <exception cref="InvalidOperationException">The request URI is not absolute.</exception>
        public async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var uri = request.RequestUri;
            if (uri is null || !uri.IsAbsoluteUri)
            {
                throw new InvalidOperationException("Signing needs an absolute request URI: set HttpClient.BaseAddress, or give the request an absolute URI.");
            }

            RemoveAddedHeaders(request);
            var added = new List<string>();
            SetAddedHeaders(request, added);
            request.Headers.Remove(AuthorizationHeader);

            if (!request.Headers.Contains(DateHeader))
            {
                Add(request, added, DateHeader, _utcNow().UtcDateTime.ToString(HuaweiCloudSignature.DateFormat, CultureInfo.InvariantCulture));
            }

            if (request.Headers.Host is null)
            {
                request.Headers.Host = uri.Authority;
                added.Add("Host");
            }

            if (_credentials.ProjectId is { } projectId && !request.Headers.Contains(ProjectIdHeader))
            {
                Add(request, added, ProjectIdHeader, projectId);
            }

            if (_credentials.SecurityToken is { } securityToken && !request.Headers.Contains(SecurityTokenHeader))
            {
                Add(request, added, SecurityTokenHeader, securityToken);
            }

            var payloadHash = await PayloadHashAsync(request, added, cancellationToken).ConfigureAwait(false);
            var signedHeaders = SignedHeaders(request);
            var date = signedHeaders.First(header => header.Key == "x-sdk-date").Value.Trim();
            var authorization = HuaweiCloudSignature.Authorization(
                _credentials.AccessKey, _credentials.SecretKey, request.Method.Method, uri, signedHeaders, date, payloadHash);
            Add(request, added, AuthorizationHeader, authorization);
        }

        /// <inheritdoc/>
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await SignAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                RemoveAddedHeaders(request);
            }
        }

        private static void Add(HttpRequestMessage request, List<string> added, string name, string value)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            added.Add(name);
        }

        // The hash of a JSON body, of no body, or UNSIGNED-PAYLOAD (given by the caller, or added for any other body).
        private static async Task<string> PayloadHashAsync(HttpRequestMessage request, List<string> added, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues(ContentSha256Header, out var given) && string.Join(",", given) == HuaweiCloudSignature.UnsignedPayload)
            {
                return HuaweiCloudSignature.UnsignedPayload;
            }

            var content = request.Content;
            if (content is null)
            {
                return HuaweiCloudSignature.EmptyPayloadHash;
            }

            if (!IsJson(content.Headers.ContentType))
            {
                request.Headers.Remove(ContentSha256Header);
                Add(request, added, ContentSha256Header, HuaweiCloudSignature.UnsignedPayload);
                return HuaweiCloudSignature.UnsignedPayload;
            }

            if (!IsInMemory(content))
            {
                // Buffered once: the hash below and the send after it both read this buffer.
#if NET9_0_OR_GREATER
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
                await content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
            }

            using var sha256 = SHA256.Create();
            using var hashing = new CryptoStream(Stream.Null, sha256, CryptoStreamMode.Write);
#if NET5_0_OR_GREATER
            await content.CopyToAsync(hashing, cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            await content.CopyToAsync(hashing).ConfigureAwait(false);
#endif
            hashing.FlushFinalBlock();
            return HuaweiCloudSignature.LowerHex(sha256.Hash!);
        }

        private static bool IsJson(MediaTypeHeaderValue? contentType)
            => contentType?.MediaType is { } mediaType
                && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
                    || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

        private static bool IsInMemory(HttpContent content)
#if NET5_0_OR_GREATER
            => content is ByteArrayContent or ReadOnlyMemoryContent;
#else
            => content is ByteArrayContent;
#endif

        // Every header of the request and its content except Content-Type and names with '_', lower-cased and
        // sorted ordinally, each with its values joined as HttpClient writes them on the wire.
        private static List<KeyValuePair<string, string>> SignedHeaders(HttpRequestMessage request)
        {
            var headers = new List<KeyValuePair<string, string>>();
            var all = request.Content is null ? request.Headers : request.Headers.Concat(request.Content.Headers);
            foreach (var header in all)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) || header.Key.IndexOf('_') >= 0)
                {
                    continue;
                }

                var separator = string.Equals(header.Key, "User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ", ";
                headers.Add(new KeyValuePair<string, string>(header.Key.ToLowerInvariant(), string.Join(separator, header.Value)));
            }

            headers.Sort(static (left, right) => string.CompareOrdinal(left.Key, right.Key));
            return headers;
        }

        // Also called by ApiAuthentication, which signs through SignAsync and sends the request itself.
        internal static void RemoveAddedHeaders(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            if (!request.Options.TryGetValue(AddedHeadersOption, out var added))
            {
                return;
            }

            ((IDictionary<string, object?>)request.Options).Remove(AddedHeadersKey);
#else
            if (!request.Properties.TryGetValue(AddedHeadersKey, out var value) || value is not List<string> added)
            {
                return;
            }

            request.Properties.Remove(AddedHeadersKey);
#endif
            foreach (var name in added)
            {
                request.Headers.Remove(name);
            }
        }

        private static void SetAddedHeaders(HttpRequestMessage request, List<string> added)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(AddedHeadersOption, added);
#else
            request.Properties[AddedHeadersKey] = added;
#endif
        }
    }
}
