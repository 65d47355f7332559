namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Diagnostics;

    /// <summary>
    /// A Huawei Cloud access key pair (AK/SK) that <see cref="HuaweiCloudSigningHandler"/> signs requests with, and the
    /// project ID and security token that go with it, if any. The access key, the secret key and the security token
    /// never appear in <see cref="ToString"/> or in an exception message.
    /// </summary>
    public sealed class AkSk
    {
        /// <summary>The environment variable Huawei Cloud's SDKs read the access key (AK) from.</summary>
        public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";

        /// <summary>The environment variable Huawei Cloud's SDKs read the secret key (SK) from.</summary>
        public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";

        /// <summary>The environment variable Huawei Cloud's SDKs read the project ID from.</summary>
        public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";

        /// <summary>The environment variable Huawei Cloud's SDKs read the security token of temporary credentials from.</summary>
        public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

        /// <summary>Creates credentials from an access key pair.</summary>
        /// <param name="accessKey">The access key ID (AK).</param>
        /// <param name="secretKey">The secret access key (SK).</param>
        /// <param name="projectId">The project ID, sent as <c>X-Project-Id</c>; <see langword="null"/> or empty for none.</param>
        /// <param name="securityToken">The security token of temporary credentials, sent as <c>X-Security-Token</c>; <see langword="null"/> or empty for none.</param>
        /// <exception cref="ArgumentException">A value is missing or holds a character that cannot be sent in a header.</exception>
        public AkSk(string accessKey, string secretKey, string? projectId = null, string? securityToken = null)
        {
            ThrowIfInvalidArgument(nameof(accessKey), CheckRequired(accessKey, "access key (AK)", isAccessKey: true));
            ThrowIfInvalidArgument(nameof(secretKey), CheckRequired(secretKey, "secret key (SK)", isAccessKey: false));
            ThrowIfInvalidArgument(nameof(projectId), CheckOptional(projectId, "project ID"));
            ThrowIfInvalidArgument(nameof(securityToken), CheckOptional(securityToken, "security token"));
            AccessKey = accessKey;
            SecretKey = secretKey;
            ProjectId = NullIfEmpty(projectId);
            SecurityToken = NullIfEmpty(securityToken);
        }

        /// <summary>Gets the project ID sent as <c>X-Project-Id</c>, or <see langword="null"/>.</summary>
        public string? ProjectId { get; }

        /// <summary>Gets a value indicating whether these are temporary credentials, which send a security token.</summary>
        public bool IsTemporary => SecurityToken is not null;

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        internal string AccessKey { get; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        internal string SecretKey { get; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        internal string? SecurityToken { get; }

        /// <summary>
        /// Reads the credentials from the environment variables Huawei Cloud's SDKs read: <c>HUAWEICLOUD_SDK_AK</c> and
        /// <c>HUAWEICLOUD_SDK_SK</c>, and if set, <c>HUAWEICLOUD_SDK_PROJECT_ID</c> and <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>.
        /// Nothing else in the runtime reads them: credentials come from the environment only through this call.
        /// </summary>
        /// <returns>The credentials.</returns>
        /// <exception cref="InvalidOperationException">A required variable is not set, or a variable holds a character that cannot be sent in a header; the message names the variable.</exception>
        public static AkSk FromEnvironment()
        {
            var accessKey = Environment.GetEnvironmentVariable(AccessKeyVariable);
            var secretKey = Environment.GetEnvironmentVariable(SecretKeyVariable);
            var projectId = Environment.GetEnvironmentVariable(ProjectIdVariable);
            var securityToken = Environment.GetEnvironmentVariable(SecurityTokenVariable);
            ThrowIfInvalidVariable(AccessKeyVariable, CheckRequired(accessKey, "access key (AK)", isAccessKey: true));
            ThrowIfInvalidVariable(SecretKeyVariable, CheckRequired(secretKey, "secret key (SK)", isAccessKey: false));
            ThrowIfInvalidVariable(ProjectIdVariable, CheckOptional(projectId, "project ID"));
            ThrowIfInvalidVariable(SecurityTokenVariable, CheckOptional(securityToken, "security token"));
            return new AkSk(accessKey!, secretKey!, projectId, securityToken);
        }

        /// <summary>Describes the credentials without their secrets, e.g. <c>AkSk { AccessKey = ***, SecretKey = ***, ProjectId = 0c82…, SecurityToken = *** }</c>.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
            => "AkSk { AccessKey = ***, SecretKey = ***, ProjectId = " + (ProjectId ?? "null")
                + ", SecurityToken = " + (SecurityToken is null ? "null" : "***") + " }";

        private static void ThrowIfInvalidArgument(string parameter, string? problem)
        {
            if (problem is not null)
            {
                throw new ArgumentException("The " + problem + ".", parameter);
            }
        }

        private static void ThrowIfInvalidVariable(string variable, string? problem)
        {
            if (problem is not null)
            {
                throw new InvalidOperationException("The environment variable " + variable + " that holds the " + problem + ".");
            }
        }

        // Returns what is wrong with a required value, without the value, or null when it can be used.
        private static string? CheckRequired(string? value, string what, bool isAccessKey)
            => string.IsNullOrEmpty(value) ? what + " is not set" : Problem(value!, what, isAccessKey);

        private static string? CheckOptional(string? value, string what)
            => string.IsNullOrEmpty(value) ? null : Problem(value!, what, isAccessKey: false);

        // Every value goes into a header: a line break would split it and a control character would make
        // HttpClient throw an exception that quotes the value. The access key also sits between the commas of
        // the Authorization header.
        private static string? Problem(string value, string what, bool isAccessKey)
        {
            foreach (var character in value)
            {
                if (char.IsControl(character))
                {
                    return what + " holds a control character, which cannot be sent in a header";
                }

                if (isAccessKey && (character == ',' || char.IsWhiteSpace(character)))
                {
                    return what + " holds a comma or a space, which the Authorization header cannot carry";
                }
            }

            return null;
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
