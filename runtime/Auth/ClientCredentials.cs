namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Diagnostics;

    /// <summary>
    /// A user name and password for HTTP basic authentication (<c>Authorization: Basic …</c>). The password never appears
    /// in <see cref="ToString"/>.
    /// </summary>
    public sealed class BasicCredentials
    {
        /// <summary>Creates basic credentials.</summary>
        /// <param name="userName">The user name; it cannot hold a colon, which separates it from the password.</param>
        /// <param name="password">The password.</param>
        /// <exception cref="ArgumentException">The user name is empty or holds a colon.</exception>
        public BasicCredentials(string userName, string password)
        {
            if (string.IsNullOrEmpty(userName) || userName.IndexOf(':') >= 0)
            {
                throw new ArgumentException("The user name is empty or holds a colon, which basic authentication cannot carry.", nameof(userName));
            }

            UserName = userName;
            Password = password ?? throw new ArgumentNullException(nameof(password));
        }

        /// <summary>Gets the user name.</summary>
        public string UserName { get; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        internal string Password { get; }

        /// <summary>Describes the credentials without the password.</summary>
        /// <returns>The description.</returns>
        public override string ToString() => "BasicCredentials { UserName = " + UserName + ", Password = *** }";
    }

    /// <summary>
    /// An OAuth 2.0 client's credentials for the client credentials grant (RFC 6749 §4.4): the client authenticates to
    /// the token endpoint with HTTP basic authentication and sends the access token it gets as a bearer token. The secret
    /// never appears in <see cref="ToString"/>.
    /// </summary>
    public sealed class OAuth2ClientCredentials
    {
        /// <summary>Creates OAuth 2.0 client credentials.</summary>
        /// <param name="clientId">The client identifier.</param>
        /// <param name="clientSecret">The client secret.</param>
        /// <exception cref="ArgumentException">The client identifier is empty.</exception>
        public OAuth2ClientCredentials(string clientId, string clientSecret)
        {
            if (string.IsNullOrEmpty(clientId))
            {
                throw new ArgumentException("The client identifier is empty.", nameof(clientId));
            }

            ClientId = clientId;
            ClientSecret = clientSecret ?? throw new ArgumentNullException(nameof(clientSecret));
        }

        /// <summary>Gets the client identifier.</summary>
        public string ClientId { get; }

        /// <summary>Gets or sets the token endpoint; by default the spec's <c>tokenUrl</c>, resolved against the base address when relative.</summary>
        public Uri? TokenUrl { get; set; }

        /// <summary>Gets or sets the scopes to ask for; by default every scope the spec declares for the flow.</summary>
        public IReadOnlyList<string>? Scopes { get; set; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        internal string ClientSecret { get; }

        /// <summary>Describes the credentials without the secret.</summary>
        /// <returns>The description.</returns>
        public override string ToString() => "OAuth2ClientCredentials { ClientId = " + ClientId + ", ClientSecret = *** }";
    }
}
