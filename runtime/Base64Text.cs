namespace OpenApiClientGenerator.Runtime
{
    using System;

    /// <summary>
    /// Bytes as the text a spec's <c>format: byte</c> or <c>contentEncoding</c> sends them in: base64, or base64url
    /// (RFC 4648 §5: '-' and '_' for '+' and '/', without padding), which .NET has no decoder for on every target.
    /// </summary>
    internal static class Base64Text
    {
        public static string Encode(byte[] value, bool url)
        {
            var text = Convert.ToBase64String(value);
            return url ? text.TrimEnd('=').Replace('+', '-').Replace('/', '_') : text;
        }

        /// <summary>The bytes base64url <paramref name="text"/> holds (padding allowed); null when it is not base64url.</summary>
        public static byte[]? DecodeUrl(string text)
        {
            var unpadded = text.TrimEnd('=');
            if (unpadded.Length % 4 == 1 || text.Length - unpadded.Length > 2)
            {
                return null;
            }

            foreach (var c in unpadded)
            {
                if (!(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
                {
                    return null;
                }
            }

            var base64 = unpadded.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        }
    }
}
