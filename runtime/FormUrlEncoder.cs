namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Net.Http;
    using System.Net.Http.Headers;
    using System.Text;
    using System.Text.Json;

    /// <summary>A field's entry of the spec's <c>encoding</c> object: its style, whether it explodes, and whether it is sent as JSON text.</summary>
    internal readonly struct FormEncoding
    {
        public FormEncoding(string name, ParameterStyle style, bool explode, bool isJson = false)
        {
            Name = name;
            Style = style;
            Explode = explode;
            IsJson = isJson;
        }

        public string Name { get; }

        public ParameterStyle Style { get; }

        public bool Explode { get; }

        /// <summary>Gets whether the encoding's <c>contentType</c> is JSON: the field's value is sent as its JSON text.</summary>
        public bool IsJson { get; }
    }

    /// <summary>
    /// Encodes a body as <c>application/x-www-form-urlencoded</c>. The body arrives as the JSON its record writes, so that
    /// wire names, enums and formats are the same as in a JSON body; each top-level member becomes one or more fields
    /// by its <see cref="FormEncoding"/>, or by OpenAPI's default (<c>form</c>, exploded).
    /// </summary>
    /// <remarks>
    /// The style rules are <see cref="ParameterSerializer"/>'s, those of a query string: a value nested deeper than the
    /// style describes is sent under its bracketed path, <c>items[0][price]=p</c>, as Stripe and most form parsers read it,
    /// and a JSON null as an empty value, which form APIs read as "clear".
    /// </remarks>
    internal static class FormUrlEncoder
    {
        public const string MediaType = "application/x-www-form-urlencoded";

        public static ByteArrayContent Content(byte[] utf8Json, params FormEncoding[] encodings)
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Encode(utf8Json, encodings)));
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
            return content;
        }

        public static string Encode(byte[] utf8Json, params FormEncoding[] encodings)
        {
            using var document = JsonDocument.Parse(utf8Json);
            var form = new StringBuilder();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("A form body must be an object; its members are the fields.", nameof(utf8Json));
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                var encoding = Find(encodings, member.Name);
                if (encoding.IsJson)
                {
                    ParameterSerializer.AppendPair(form, member.Name, member.Value.GetRawText());
                }
                else
                {
                    ParameterSerializer.AppendQuery(form, member.Name, ParameterValue.FromJson(member.Value), encoding.Style, encoding.Explode);
                }
            }

            return form.ToString();
        }

        private static FormEncoding Find(FormEncoding[] encodings, string name)
        {
            foreach (var encoding in encodings)
            {
                if (encoding.Name == name)
                {
                    return encoding;
                }
            }

            return new FormEncoding(name, ParameterStyle.Form, explode: true);
        }
    }
}
