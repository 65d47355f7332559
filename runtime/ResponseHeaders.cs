namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Net.Http;
    using System.Text;

    /// <summary>
    /// The headers of a success response, which a generated headers record reads its typed members from. A header that is
    /// there but does not read as its documented type, or a required one that is missing, throws
    /// <see cref="ApiResponseFormatException"/>: a result never carries a default in place of what the service sent.
    /// </summary>
    internal sealed class ResponseHeaders
    {
        private readonly HttpResponseMessage _response;

        public ResponseHeaders(HttpResponseMessage response)
        {
            _response = response;
            StatusCode = (int)response.StatusCode;
            RequestId = ApiHttp.RequestId(response);
        }

        /// <summary>Reads a header's text as a value; false when it is no such value.</summary>
        public delegate bool Parser<T>(string text, out T value);

        public int StatusCode { get; }

        public string? RequestId { get; }

        public static Parser<int> Int32 { get; } = (string text, out int value) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        public static Parser<long> Int64 { get; } = (string text, out long value) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        public static Parser<double> Double { get; } = (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        public static Parser<bool> Boolean { get; } = (string text, out bool value) => bool.TryParse(text, out value);

        /// <summary>RFC 3339 (<c>2026-12-01T12:00:00Z</c>) or an HTTP-date (<c>Tue, 01 Dec 2026 12:00:00 GMT</c>); without an offset, UTC.</summary>
        public static Parser<DateTimeOffset> DateTime { get; } = (string text, out DateTimeOffset value)
            => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value);

        /// <summary>Gets the header's text, its values joined by commas as RFC 9110 §5.3 allows; null when the service sent none.</summary>
        public string? Text(string name)
            => _response.Headers.TryGetValues(name, out var values) || _response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;

        public string RequiredText(string name) => Text(name) ?? throw Missing(name);

        public T? Value<T>(string name, Parser<T> parse)
            where T : struct
            => Text(name) is { } text ? Parse(name, text, parse) : null;

        public T Required<T>(string name, Parser<T> parse)
            where T : struct
            => Parse(name, RequiredText(name), parse);

        /// <summary>Decodes a text body by the charset its <c>Content-Type</c> names, UTF-8 when it names none.</summary>
        public string DecodeText(byte[] body)
        {
            var charset = _response.Content.Headers.ContentType?.CharSet?.Trim('"');
            Encoding encoding;
            try
            {
                encoding = string.IsNullOrEmpty(charset) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Encoding.GetEncoding(charset);
            }
            catch (ArgumentException exception)
            {
                throw Format("a text body in the charset '" + charset + "', which this runtime does not know", exception);
            }

            // A byte order mark is no part of the text.
            var text = encoding.GetString(body);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }

        private T Parse<T>(string name, string text, Parser<T> parse)
            => parse(text.Trim(), out var value) ? value : throw Format("the header " + name + ": '" + text + "', which is not a " + typeof(T).Name + " as the spec documents", null);

        private ApiResponseFormatException Missing(string name) => Format("no header " + name + ", which the spec documents as required", null);

        private ApiResponseFormatException Format(string what, Exception? innerException)
            => new ApiResponseFormatException("The service answered " + StatusCode.ToString(CultureInfo.InvariantCulture) + " with " + what + ".", StatusCode, RequestId, null, innerException);
    }
}
