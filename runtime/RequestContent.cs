namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.IO;
    using System.Net.Http;
    using System.Net.Http.Headers;
    using System.Text;

    /// <summary>
    /// A binary request body: a stream (sent as it is read, never buffered whole), bytes, or an <see cref="HttpContent"/>
    /// the caller built. Each converts implicitly, so <c>Body = File.OpenRead(path)</c> reads as it should.
    /// </summary>
    public sealed class BinaryBody
    {
        private readonly Stream? _stream;
        private readonly byte[]? _bytes;
        private readonly HttpContent? _content;

        /// <summary>Sends <paramref name="stream"/> from its position to its end; the request disposes it.</summary>
        /// <param name="stream">The body.</param>
        /// <param name="contentType">The body's media type; null sends the documented one.</param>
        public BinaryBody(Stream stream, string? contentType = null)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            ContentType = contentType;
        }

        /// <summary>Sends <paramref name="bytes"/>.</summary>
        /// <param name="bytes">The body.</param>
        /// <param name="contentType">The body's media type; null sends the documented one.</param>
        public BinaryBody(byte[] bytes, string? contentType = null)
        {
            _bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
            ContentType = contentType;
        }

        /// <summary>Sends <paramref name="content"/> with its own headers; the request disposes it.</summary>
        /// <param name="content">The body.</param>
        public BinaryBody(HttpContent content)
        {
            _content = content ?? throw new ArgumentNullException(nameof(content));
            ContentType = content.Headers.ContentType?.ToString();
        }

        /// <summary>Gets the media type the body is sent as, if the caller named one.</summary>
        public string? ContentType { get; }

        public static implicit operator BinaryBody(Stream stream) => new(stream);

        public static implicit operator BinaryBody(byte[] bytes) => new(bytes);

        public static implicit operator BinaryBody(HttpContent content) => new(content);

        public override string ToString() => "BinaryBody(" + (ContentType ?? "documented type") + ")";

        /// <summary>The content to send: the caller's media type, else the documented one (a wildcard such as <c>image/*</c> sends <c>application/octet-stream</c>).</summary>
        internal HttpContent ToContent(string documentedMediaType)
        {
            if (_content is not null)
            {
                return _content;
            }

            // Parsed first: a malformed media type throws before a content holds the caller's stream.
            var mediaType = MediaTypeHeaderValue.Parse(ContentType ?? (documentedMediaType.IndexOf('*') >= 0 ? "application/octet-stream" : documentedMediaType));
            HttpContent content = _stream is not null ? new StreamContent(_stream) : new ByteArrayContent(_bytes!);
            content.Headers.ContentType = mediaType;
            return content;
        }
    }

    /// <summary>Builds request content other than JSON and binary.</summary>
    internal static class RequestContent
    {
        /// <summary>Sends <paramref name="text"/> as UTF-8 in <paramref name="mediaType"/> (with <c>charset=utf-8</c>).</summary>
        public static StringContent Text(string text, string mediaType)
        {
            var content = new StringContent(text, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType.Split(';')[0].Trim()) { CharSet = "utf-8" };
            return content;
        }
    }
}
