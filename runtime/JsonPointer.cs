namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Text;

    /// <summary>JSON Pointer (RFC 6901) escaping, for JSON Patch paths.</summary>
    public static class JsonPointer
    {
        /// <summary>Escapes one reference token: <c>~</c> becomes <c>~0</c> and <c>/</c> becomes <c>~1</c>.</summary>
        public static string Escape(string token)
        {
            if (token is null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            return token.Replace("~", "~0").Replace("/", "~1");
        }

        /// <summary>Builds a pointer from unescaped reference tokens.</summary>
        public static string Combine(params string[] tokens)
        {
            var builder = new StringBuilder();
            foreach (var token in tokens)
            {
                builder.Append('/').Append(Escape(token));
            }

            return builder.ToString();
        }
    }
}
