namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Security.Cryptography;
    using System.Text;

    /// <summary>
    /// Huawei Cloud's <c>SDK-HMAC-SHA256</c> signature, as its SDKs compute it: the canonical request, the string to
    /// sign and the HMAC. Pure text in, text out; <see cref="HuaweiCloudSigningHandler"/> gathers the inputs from a request.
    /// </summary>
    internal static class HuaweiCloudSignature
    {
        public const string Algorithm = "SDK-HMAC-SHA256";

        public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

        /// <summary>The format of <c>X-Sdk-Date</c>, e.g. <c>20191115T033655Z</c>.</summary>
        public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

        /// <summary>The payload hash of a request without a body: the SHA-256 of no bytes.</summary>
        public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        /// <summary>Builds the <c>Authorization</c> header value.</summary>
        /// <param name="accessKey">The AK.</param>
        /// <param name="secretKey">The SK.</param>
        /// <param name="method">The request method.</param>
        /// <param name="uri">The absolute request URI, escaped as sent.</param>
        /// <param name="signedHeaders">The signed headers: lower-case names sorted ordinally, each with its value as sent.</param>
        /// <param name="date">The request's <c>X-Sdk-Date</c>.</param>
        /// <param name="payloadHash">The lower-case hex SHA-256 of the body, or <see cref="UnsignedPayload"/>.</param>
        public static string Authorization(string accessKey, string secretKey, string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, string date, string payloadHash)
        {
            var names = new StringBuilder();
            var canonicalHeaders = new StringBuilder();
            foreach (var header in signedHeaders)
            {
                names.Append(names.Length == 0 ? string.Empty : ";").Append(header.Key);
                canonicalHeaders.Append(header.Key).Append(':').Append(header.Value.Trim()).Append('\n');
            }

            var canonicalRequest = method + "\n"
                + CanonicalUri(uri.AbsolutePath) + "\n"
                + CanonicalQuery(uri.Query) + "\n"
                + canonicalHeaders + "\n"
                + names + "\n"
                + payloadHash;
            var stringToSign = Algorithm + "\n" + date + "\n" + LowerHex(Sha256(Encoding.UTF8.GetBytes(canonicalRequest)));
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
            var signature = LowerHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
            return Algorithm + " Access=" + accessKey + ", SignedHeaders=" + names + ", Signature=" + signature;
        }

        /// <summary>The path unescaped, each <c>/</c>-separated segment percent-encoded, ending in <c>/</c>.</summary>
        public static string CanonicalUri(string escapedPath)
        {
            var segments = Uri.UnescapeDataString(escapedPath).Split('/');
            var builder = new StringBuilder();
            for (var i = 0; i < segments.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : "/").Append(PercentEncode(segments[i]));
            }

            if (builder.Length == 0 || builder[builder.Length - 1] != '/')
            {
                builder.Append('/');
            }

            return builder.ToString();
        }

        /// <summary>Each <c>name=value</c> unescaped, sorted by name and then value, percent-encoded and joined with <c>&amp;</c>.</summary>
        /// <param name="escapedQuery">The query as sent, with or without its leading <c>?</c>.</param>
        public static string CanonicalQuery(string escapedQuery)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var pair in escapedQuery.TrimStart('?').Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                var equals = pair.IndexOf('=');
                parameters.Add(equals < 0
                    ? new KeyValuePair<string, string>(Uri.UnescapeDataString(pair), string.Empty)
                    : new KeyValuePair<string, string>(Uri.UnescapeDataString(pair.Substring(0, equals)), Uri.UnescapeDataString(pair.Substring(equals + 1))));
            }

            parameters.Sort(static (left, right) =>
            {
                var byName = string.CompareOrdinal(left.Key, right.Key);
                return byName != 0 ? byName : string.CompareOrdinal(left.Value, right.Value);
            });
            var builder = new StringBuilder();
            foreach (var parameter in parameters)
            {
                builder.Append(builder.Length == 0 ? string.Empty : "&")
                    .Append(PercentEncode(parameter.Key)).Append('=').Append(PercentEncode(parameter.Value));
            }

            return builder.ToString();
        }

        /// <summary>Percent-encodes the UTF-8 bytes of <paramref name="value"/> outside <c>A–Z a–z 0–9 - _ . ~</c>, hex in upper case.</summary>
        public static string PercentEncode(string value)
        {
            const string Hex = "0123456789ABCDEF";
            var builder = new StringBuilder(value.Length);
            foreach (var octet in Encoding.UTF8.GetBytes(value))
            {
                if ((octet >= 'A' && octet <= 'Z') || (octet >= 'a' && octet <= 'z') || (octet >= '0' && octet <= '9')
                    || octet == '-' || octet == '_' || octet == '.' || octet == '~')
                {
                    builder.Append((char)octet);
                }
                else
                {
                    builder.Append('%').Append(Hex[octet >> 4]).Append(Hex[octet & 0xF]);
                }
            }

            return builder.ToString();
        }

        public static string LowerHex(byte[] bytes)
        {
            const string Hex = "0123456789abcdef";
            var characters = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                characters[2 * i] = Hex[bytes[i] >> 4];
                characters[(2 * i) + 1] = Hex[bytes[i] & 0xF];
            }

            return new string(characters);
        }

        private static byte[] Sha256(byte[] bytes)
        {
            using var sha256 = SHA256.Create();
            return sha256.ComputeHash(bytes);
        }
    }
}
