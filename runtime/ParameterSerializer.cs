namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Text;
    using System.Text.Json;

    /// <summary>
    /// A parameter's value as the style rules see it: a primitive's text, a list of primitives' texts, or any JSON value
    /// (an object, a map, a nested list) as its record writes it, so that wire names, enums and formats are those of a body.
    /// </summary>
    internal readonly struct ParameterValue
    {
        private ParameterValue(string? text, IEnumerable<string>? items, JsonElement json)
        {
            Text = text;
            Items = items;
            Json = json;
        }

        internal string? Text { get; }

        internal IEnumerable<string>? Items { get; }

        internal JsonElement Json { get; }

        public static implicit operator ParameterValue(string text) => new(text, null, default);

        /// <summary>A list of primitives, each already formatted as text.</summary>
        public static ParameterValue List(IEnumerable<string> items) => new(null, items, default);

        /// <summary>Any value, as the UTF-8 JSON its record writes.</summary>
        public static ParameterValue FromJson(byte[] utf8Json)
        {
            using var document = JsonDocument.Parse(utf8Json);
            return FromJson(document.RootElement.Clone());
        }

        public static ParameterValue FromJson(JsonElement value) => new(null, null, value);

        /// <summary>A value sent as its JSON text, for a parameter whose <c>content</c> is JSON: a primitive to the style rules.</summary>
        public static ParameterValue JsonText(byte[] utf8Json) => Encoding.UTF8.GetString(utf8Json);
    }

    /// <summary>
    /// The one implementation of OpenAPI's style rules, for every location: a path segment, a query string, a header
    /// value, a <c>Cookie</c> header and an <c>application/x-www-form-urlencoded</c> body (see <see cref="FormUrlEncoder"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Escaping keeps every value inside its slot: in a query, a cookie or a form body every character but RFC 3986's
    /// unreserved ones is percent-encoded, so a value cannot add a pair or a cookie; in a path the same holds and the label
    /// style encodes <c>.</c> too (<see cref="ValidationContext.StyledPathParameter"/> refuses what would still address another
    /// resource); a header value is sent as it is, after <see cref="ValidationContext.HeaderValue"/> has refused line breaks.
    /// </para>
    /// <para>
    /// The spec leaves nested values open; here a value nested deeper than the style describes is sent under its bracketed
    /// path (<c>items[0][price]=p</c>) where pairs are exploded, as Stripe and most form parsers read it, and as its JSON
    /// text otherwise. An empty list or object is undefined in RFC 6570's sense and sends nothing; a JSON null is an empty value.
    /// </para>
    /// </remarks>
    internal static class ParameterSerializer
    {
        // RFC 3986 §2.2 reserved characters that allowReserved leaves as they are, less those that would end the value or
        // the query ('&', '#') or that form parsers read as a space ('+').
        private const string ReservedKept = ":/?[]@!$'()*,;=";

        private static readonly Layout s_query = new(pairSeparator: "&", comma: ",", header: false, allowReserved: false);
        private static readonly Layout s_queryAllowingReserved = new(pairSeparator: "&", comma: ",", header: false, allowReserved: true);

        // RFC 6265 §4.1.1 leaves ',' out of a cookie's value, so the form style's list delimiter is escaped there too.
        private static readonly Layout s_cookie = new(pairSeparator: "; ", comma: "%2C", header: false, allowReserved: false);
        private static readonly Layout s_header = new(pairSeparator: "&", comma: ",", header: true, allowReserved: false);

        /// <summary>
        /// Appends the parameter's <c>name=value</c> pairs to <paramref name="query"/> (without the <c>?</c>), after a <c>&amp;</c>
        /// when it holds some already. With <paramref name="allowReserved"/> (the spec's <c>allowReserved</c>), RFC 3986's
        /// reserved characters go unescaped in values, but for <c>&amp;</c>, <c>#</c> and <c>+</c>.
        /// </summary>
        public static void AppendQuery(StringBuilder query, string name, ParameterValue value, ParameterStyle style, bool explode, bool allowReserved = false)
            => Write(query, name, value, style, explode, allowReserved ? s_queryAllowingReserved : s_query);

        /// <summary>Appends a scalar parameter's <c>name=value</c> in the form style, the query's default, as <see cref="AppendQuery(StringBuilder, string, ParameterValue, ParameterStyle, bool, bool)"/> does.</summary>
        public static void AppendQuery(StringBuilder query, string name, string text)
            => Primitive(query, name, text, ParameterStyle.Form, s_query);

        /// <summary>Appends the parameter's cookies to <paramref name="cookies"/>, the value of a <c>Cookie</c> header, after a <c>; </c> when it holds some already.</summary>
        public static void AppendCookie(StringBuilder cookies, string name, ParameterValue value, ParameterStyle style, bool explode)
            => Write(cookies, name, value, style, explode, s_cookie);

        /// <summary>The path segment (or part of one) that takes the place of <c>{name}</c> in the path template, escaped.</summary>
        public static string Path(string name, ParameterValue value, ParameterStyle style, bool explode)
        {
            var segment = new StringBuilder();
            Write(segment, name, value, style, explode, s_query);
            return segment.ToString();
        }

        /// <summary>The header's value, in the simple style; not percent-encoded, as headers are not.</summary>
        public static string Header(ParameterValue value, bool explode)
        {
            var header = new StringBuilder();
            Write(header, string.Empty, value, ParameterStyle.Simple, explode, s_header);
            return header.ToString();
        }

        /// <summary>Appends one field of a form body (or pair of a query string) whose value is sent as it is, e.g. a JSON text.</summary>
        internal static void AppendPair(StringBuilder pairs, string name, string value) => Pair(pairs, name, value, s_query);

        /// <summary>
        /// Whether an item of a list (or a member's name or value) joined into one value holds the character the style joins
        /// them with, where escaping cannot tell the two apart: spaceDelimited's <c>%20</c> and pipeDelimited's <c>%7C</c>
        /// are what an item's own space and pipe become.
        /// </summary>
        public static bool HoldsDelimiter(ParameterValue value, ParameterStyle style)
        {
            var delimiter = style switch
            {
                ParameterStyle.SpaceDelimited => ' ',
                ParameterStyle.PipeDelimited => '|',
                _ => '\0',
            };
            if (delimiter == '\0')
            {
                return false;
            }

            if (value.Items is { } items)
            {
                foreach (var item in items)
                {
                    if (item.IndexOf(delimiter) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            return value.Text is null && (value.Json.ValueKind is JsonValueKind.Array or JsonValueKind.Object) && JsonHoldsDelimiter(value.Json, delimiter);

            static bool JsonHoldsDelimiter(JsonElement json, char delimiter)
            {
                if (json.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in json.EnumerateArray())
                    {
                        if (ScalarOrJson(item).IndexOf(delimiter) >= 0)
                        {
                            return true;
                        }
                    }

                    return false;
                }

                foreach (var member in json.EnumerateObject())
                {
                    if (member.Name.IndexOf(delimiter) >= 0 || ScalarOrJson(member.Value).IndexOf(delimiter) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private static void Write(StringBuilder output, string name, ParameterValue value, ParameterStyle style, bool explode, Layout layout)
        {
            if (value.Text is { } text)
            {
                Primitive(output, name, text, style, layout);
            }
            else if (value.Items is { } items)
            {
                List(output, name, new List<string>(items), style, explode, layout);
            }
            else
            {
                if (IsScalar(value.Json))
                {
                    Primitive(output, name, ScalarText(value.Json), style, layout);
                }
                else
                {
                    Nested(output, name, value.Json, style, explode, layout);
                }
            }
        }

        private static void Primitive(StringBuilder output, string name, string text, ParameterStyle style, Layout layout)
        {
            var rule = Rule.Of(style, output, layout);
            output.Append(rule.First);
            if (rule.IsNamed)
            {
                NameAndEquals(output, name, text, style, layout);
            }

            output.Append(layout.Escape(text, style));
        }

        private static void List(StringBuilder output, string name, List<string> items, ParameterStyle style, bool explode, Layout layout)
        {
            if (items.Count == 0)
            {
                return;
            }

            var rule = Rule.Of(style, output, layout);
            if (!explode || style == ParameterStyle.Simple)
            {
                output.Append(rule.First);
                if (rule.IsNamed)
                {
                    output.Append(layout.EscapeName(name)).Append('=');
                }

                for (var i = 0; i < items.Count; i++)
                {
                    output.Append(i == 0 ? string.Empty : rule.ListDelimiter).Append(layout.Escape(items[i], style));
                }

                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                output.Append(i == 0 ? rule.First : rule.ExplodedSeparator);
                if (rule.IsNamed)
                {
                    NameAndEquals(output, name, items[i], style, layout);
                }

                output.Append(layout.Escape(items[i], style));
            }
        }

        /// <summary>A JSON array or object: the style's list or member rules, or bracketed paths for deepObject and for nested values of exploded pairs.</summary>
        private static void Nested(StringBuilder output, string name, JsonElement value, ParameterStyle style, bool explode, Layout layout)
        {
            var hasPairs = style is ParameterStyle.Form or ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.DeepObject;
            if (style == ParameterStyle.DeepObject)
            {
                Deep(output, name, value, layout);
                return;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                if (hasPairs && explode && !AllScalar(value))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (IsScalar(item))
                        {
                            Pair(output, name, ScalarText(item), layout);
                        }
                        else
                        {
                            Deep(output, name + "[" + index + "]", item, layout);
                        }

                        index++;
                    }

                    return;
                }

                var items = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    items.Add(ScalarOrJson(item));
                }

                List(output, name, items, style, explode, layout);
                return;
            }

            var rule = Rule.Of(style, output, layout);
            var first = true;
            if (!explode)
            {
                foreach (var member in value.EnumerateObject())
                {
                    if (first)
                    {
                        output.Append(rule.First);
                        if (rule.IsNamed)
                        {
                            output.Append(layout.EscapeName(name)).Append('=');
                        }
                    }

                    output.Append(first ? string.Empty : rule.ListDelimiter).Append(layout.Escape(member.Name, style))
                        .Append(rule.ListDelimiter).Append(layout.Escape(ScalarOrJson(member.Value), style));
                    first = false;
                }

                return;
            }

            foreach (var member in value.EnumerateObject())
            {
                if (hasPairs)
                {
                    Deep(output, member.Name, member.Value, layout);
                }
                else
                {
                    output.Append(first ? rule.First : rule.ExplodedSeparator).Append(layout.Escape(member.Name, style))
                        .Append('=').Append(layout.Escape(ScalarOrJson(member.Value), style));
                }

                first = false;
            }
        }

        /// <summary>Every scalar under <paramref name="value"/> as a pair named by its bracketed path: <c>color[R]=100</c>, <c>items[0][price]=p</c>.</summary>
        private static void Deep(StringBuilder output, string path, JsonElement value, Layout layout)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        Deep(output, path + "[" + property.Name + "]", property.Value, layout);
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Deep(output, path + "[" + index + "]", item, layout);
                        index++;
                    }

                    break;
                default:
                    Pair(output, path, ScalarText(value), layout);
                    break;
            }
        }

        private static void Pair(StringBuilder output, string name, string value, Layout layout)
        {
            if (output.Length > 0)
            {
                output.Append(layout.PairSeparator);
            }

            output.Append(layout.EscapeName(name)).Append('=').Append(layout.Escape(value, ParameterStyle.Form));
        }

        /// <summary>The name and its <c>=</c>; the matrix style leaves the <c>=</c> out before an empty value (<c>;color</c>).</summary>
        private static void NameAndEquals(StringBuilder output, string name, string value, ParameterStyle style, Layout layout)
        {
            output.Append(layout.EscapeName(name));
            if (style != ParameterStyle.Matrix || value.Length > 0)
            {
                output.Append('=');
            }
        }

        private static bool AllScalar(JsonElement array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (!IsScalar(item))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

        private static string ScalarOrJson(JsonElement value) => IsScalar(value) ? ScalarText(value) : value.GetRawText();

        private static string ScalarText(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };

        /// <summary>What a style puts before its value, between exploded items and between the items of one value.</summary>
        private readonly struct Rule
        {
            private Rule(string first, string explodedSeparator, string listDelimiter, bool isNamed)
            {
                First = first;
                ExplodedSeparator = explodedSeparator;
                ListDelimiter = listDelimiter;
                IsNamed = isNamed;
            }

            public string First { get; }

            public string ExplodedSeparator { get; }

            public string ListDelimiter { get; }

            public bool IsNamed { get; }

            /// <summary>The style's rule where the value follows <paramref name="output"/>: a pair style's first pair is joined to the pairs before it.</summary>
            public static Rule Of(ParameterStyle style, StringBuilder output, Layout layout)
            {
                var firstPair = output.Length == 0 ? string.Empty : layout.PairSeparator;
                return style switch
                {
                    ParameterStyle.Matrix => new Rule(";", ";", ",", isNamed: true),
                    ParameterStyle.Label => new Rule(".", ".", ",", isNamed: false),
                    ParameterStyle.Simple => new Rule(string.Empty, ",", ",", isNamed: false),
                    ParameterStyle.SpaceDelimited => new Rule(firstPair, layout.PairSeparator, "%20", isNamed: true),
                    ParameterStyle.PipeDelimited => new Rule(firstPair, layout.PairSeparator, "%7C", isNamed: true),
                    _ => new Rule(firstPair, layout.PairSeparator, layout.Comma, isNamed: true),
                };
            }
        }

        /// <summary>How a location escapes names and values and joins pairs.</summary>
        private sealed class Layout
        {
            private readonly bool _header;
            private readonly bool _allowReserved;

            public Layout(string pairSeparator, string comma, bool header, bool allowReserved)
            {
                PairSeparator = pairSeparator;
                Comma = comma;
                _header = header;
                _allowReserved = allowReserved;
            }

            public string PairSeparator { get; }

            /// <summary>Gets the form style's delimiter between the items of one value.</summary>
            public string Comma { get; }

            public string EscapeName(string name) => _header ? name : Uri.EscapeDataString(name);

            public string Escape(string value, ParameterStyle style)
            {
                if (_header)
                {
                    return value;
                }

                var escaped = Uri.EscapeDataString(value);

                // '.' is unreserved, so the label style's separator would otherwise pass through a value unescaped.
                if (style == ParameterStyle.Label)
                {
                    escaped = escaped.Replace(".", "%2E");
                }

                if (_allowReserved)
                {
                    foreach (var reserved in ReservedKept)
                    {
                        escaped = escaped.Replace(Uri.EscapeDataString(reserved.ToString()), reserved.ToString());
                    }
                }

                return escaped;
            }
        }
    }
}
