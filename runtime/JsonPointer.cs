namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Text;

    /// <summary>JSON Pointers (RFC 6901), for JSON Patch paths: escaping and checking.</summary>
    public static class JsonPointer
    {
        /// <summary>
        /// Returns whether <paramref name="pointer"/> is a JSON Pointer (RFC 6901 §3): empty, which is the whole document,
        /// or a '/' before each reference token, with every '~' escaping '~' (<c>~0</c>) or '/' (<c>~1</c>).
        /// </summary>
        public static bool IsValid(string pointer)
        {
            if (pointer is null)
            {
                throw new ArgumentNullException(nameof(pointer));
            }

            if (pointer.Length > 0 && pointer[0] != '/')
            {
                return false;
            }

            for (var i = 0; i < pointer.Length; i++)
            {
                if (pointer[i] == '~' && (i + 1 == pointer.Length || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Escapes one reference token: <c>~</c> becomes <c>~0</c> and <c>/</c> becomes <c>~1</c>.</summary>
        public static string Escape(string token)
        {
            if (token is null)
            {
                throw new ArgumentNullException(nameof(token));
            }

            return token.Replace("~", "~0").Replace("/", "~1");
        }

        /// <summary>Builds a pointer from unescaped reference tokens; no tokens make <c>""</c>, the whole document.</summary>
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
