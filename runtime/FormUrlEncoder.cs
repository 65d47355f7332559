namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Net.Http;
    using System.Net.Http.Headers;
    using System.Text;
    using System.Text.Json;

    /// <summary>How a form field's value is laid out (OpenAPI's <c>style</c>, for <c>application/x-www-form-urlencoded</c>).</summary>
    internal enum FormStyle
    {
        /// <summary><c>tags=a&amp;tags=b</c> exploded, <c>tags=a,b</c> not; an exploded object's members become fields of their own.</summary>
        Form,

        /// <summary><c>tags=a%20b</c>: an array's items joined by spaces.</summary>
        SpaceDelimited,

        /// <summary><c>tags=a|b</c>: an array's items joined by pipes.</summary>
        PipeDelimited,

        /// <summary><c>metadata[key]=v</c>, <c>items[0][price]=p</c>: every nested value under its bracketed path.</summary>
        DeepObject,
    }

    /// <summary>A field's entry of the spec's <c>encoding</c> object: its style, whether it explodes, and whether it is sent as JSON text.</summary>
    internal readonly struct FormEncoding
    {
        public FormEncoding(string name, FormStyle style, bool explode, bool isJson = false)
        {
            Name = name;
            Style = style;
            Explode = explode;
            IsJson = isJson;
        }

        public string Name { get; }

        public FormStyle Style { get; }

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
    /// A value nested deeper than the style describes (an object in an array, an object in an exploded object) is sent
    /// under its bracketed path, <c>items[0][price]=p</c>, as Stripe and most form parsers read it. A JSON null is sent
    /// as an empty value, which form APIs read as "clear".
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
                    Append(form, member.Name, member.Value.GetRawText());
                    continue;
                }

                switch (member.Value.ValueKind)
                {
                    case JsonValueKind.Array when encoding.Style == FormStyle.DeepObject:
                        AppendDeep(form, member.Name, member.Value);
                        break;
                    case JsonValueKind.Array when encoding.Explode:
                        var index = 0;
                        foreach (var item in member.Value.EnumerateArray())
                        {
                            if (IsScalar(item))
                            {
                                Append(form, member.Name, ScalarText(item));
                            }
                            else
                            {
                                AppendDeep(form, member.Name + "[" + index + "]", item);
                            }

                            index++;
                        }

                        break;
                    case JsonValueKind.Array:
                        Append(form, member.Name, Joined(member.Value, encoding.Style switch
                        {
                            FormStyle.SpaceDelimited => " ",
                            FormStyle.PipeDelimited => "|",
                            _ => ",",
                        }));
                        break;
                    case JsonValueKind.Object when encoding.Style == FormStyle.DeepObject:
                        AppendDeep(form, member.Name, member.Value);
                        break;
                    case JsonValueKind.Object when encoding.Explode:
                        foreach (var property in member.Value.EnumerateObject())
                        {
                            AppendDeep(form, property.Name, property.Value);
                        }

                        break;
                    case JsonValueKind.Object:
                        var pairs = new StringBuilder();
                        foreach (var property in member.Value.EnumerateObject())
                        {
                            pairs.Append(pairs.Length == 0 ? string.Empty : ",").Append(property.Name).Append(',').Append(ScalarOrJson(property.Value));
                        }

                        Append(form, member.Name, pairs.ToString());
                        break;
                    default:
                        Append(form, member.Name, ScalarText(member.Value));
                        break;
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

            return new FormEncoding(name, FormStyle.Form, explode: true);
        }

        private static void AppendDeep(StringBuilder form, string path, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        AppendDeep(form, path + "[" + property.Name + "]", property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        AppendDeep(form, path + "[" + index + "]", item);
                        index++;
                    }

                    break;
                default:
                    Append(form, path, ScalarText(value));
                    break;
            }
        }

        private static string Joined(JsonElement array, string separator)
        {
            var text = new StringBuilder();
            foreach (var item in array.EnumerateArray())
            {
                text.Append(text.Length == 0 ? string.Empty : separator).Append(ScalarOrJson(item));
            }

            return text.ToString();
        }

        private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

        private static string ScalarOrJson(JsonElement value) => IsScalar(value) ? ScalarText(value) : value.GetRawText();

        private static string ScalarText(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => string.Empty,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };

        private static void Append(StringBuilder form, string name, string value)
        {
            if (form.Length > 0)
            {
                form.Append('&');
            }

            form.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
