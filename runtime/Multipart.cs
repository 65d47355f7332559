namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Net.Http;
    using System.Net.Http.Headers;
    using System.Text;

    /// <summary>
    /// A file sent as a part of a <c>multipart/form-data</c> body: a stream, sent as it is read and never buffered whole,
    /// with the file name and media type the part announces.
    /// </summary>
    public sealed class FilePart
    {
        /// <summary>Sends <paramref name="content"/> from its position to its end; the request disposes it.</summary>
        /// <param name="content">The file's bytes.</param>
        /// <param name="fileName">The name the part announces (<c>filename</c> in its <c>Content-Disposition</c>).</param>
        /// <param name="contentType">The file's media type; null sends the spec's <c>encoding.contentType</c>, or <c>application/octet-stream</c>.</param>
        public FilePart(Stream content, string fileName, string? contentType = null)
        {
            Content = content ?? throw new ArgumentNullException(nameof(content));
            FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
            ContentType = contentType;
        }

        /// <summary>Sends <paramref name="bytes"/> as the file.</summary>
        /// <param name="bytes">The file's bytes.</param>
        /// <param name="fileName">The name the part announces.</param>
        /// <param name="contentType">The file's media type; null sends the documented one.</param>
        public FilePart(byte[] bytes, string fileName, string? contentType = null)
            : this(new MemoryStream(bytes ?? throw new ArgumentNullException(nameof(bytes)), writable: false), fileName, contentType)
        {
        }

        public Stream Content { get; }

        public string FileName { get; }

        public string? ContentType { get; }

        public override string ToString() => "FilePart(" + FileName + ")";
    }

    /// <summary>Adds typed parts to a <c>multipart/form-data</c> body.</summary>
    internal static class Multipart
    {
        public static void AddFile(MultipartFormDataContent form, string name, FilePart file, string? documentedContentType)
        {
            var content = new StreamContent(file.Content);
            var mediaType = file.ContentType ?? FirstConcrete(documentedContentType) ?? "application/octet-stream";
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            content.Headers.TryAddWithoutValidation("Content-Disposition", Disposition(name, file.FileName));
            form.Add(content);
        }

        /// <summary>Adds each file as a part of its own under <paramref name="name"/>, as browsers send <c>&lt;input type="file" multiple&gt;</c>.</summary>
        public static void AddFiles(MultipartFormDataContent form, string name, IReadOnlyList<FilePart> files, string? documentedContentType)
        {
            for (var i = 0; i < files.Count; i++)
            {
                // Caught before anything is sent, like a validation error: a null in the list is the caller's mistake.
                var file = files[i] ?? throw new ArgumentException("The file at index " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the part '" + name + "' is null.", nameof(files));
                AddFile(form, name, file, documentedContentType);
            }
        }

        public static void AddText(MultipartFormDataContent form, string name, string text, string? documentedContentType)
        {
            var content = new StringContent(text, Encoding.UTF8);
            content.Headers.ContentType = documentedContentType is null ? null : MediaTypeHeaderValue.Parse(FirstConcrete(documentedContentType) ?? "text/plain");
            content.Headers.TryAddWithoutValidation("Content-Disposition", Disposition(name, null));
            form.Add(content);
        }

        public static void AddJson(MultipartFormDataContent form, string name, byte[] utf8Json, string? documentedContentType)
        {
            var content = new ByteArrayContent(utf8Json);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(FirstConcrete(documentedContentType) ?? "application/json");
            content.Headers.TryAddWithoutValidation("Content-Disposition", Disposition(name, null));
            form.Add(content);
        }

        /// <summary>
        /// The part's <c>Content-Disposition</c>. Names are quoted strings with quotes and backslashes escaped and line breaks
        /// dropped, so that no name can end the part's headers; a file name that is not plain ASCII also goes as RFC 5987's
        /// <c>filename*</c> (UTF-8, percent-encoded), which parsers prefer, beside an ASCII <c>filename</c> for those that do not.
        /// </summary>
        private static string Disposition(string name, string? fileName)
        {
            var header = new StringBuilder("form-data; name=");
            AppendQuoted(header, name);
            if (fileName is null)
            {
                return header.ToString();
            }

            header.Append("; filename=");
            AppendQuoted(header, fileName);
            foreach (var c in fileName)
            {
                if (c is < ' ' or > '~' or '"' or '\\')
                {
                    header.Append("; filename*=utf-8''").Append(Uri.EscapeDataString(fileName));
                    break;
                }
            }

            return header.ToString();
        }

        private static void AppendQuoted(StringBuilder header, string value)
        {
            header.Append('"');
            foreach (var c in value)
            {
                if (c is '\r' or '\n')
                {
                    continue;
                }

                if (c is '"' or '\\')
                {
                    header.Append('\\');
                }

                header.Append(c is < ' ' or > '~' ? '_' : c);
            }

            header.Append('"');
        }

        /// <summary>An encoding's <c>contentType</c> may list several types or a wildcard: the first concrete one is sent.</summary>
        private static string? FirstConcrete(string? contentTypes)
        {
            if (contentTypes is null)
            {
                return null;
            }

            foreach (var candidate in contentTypes.Split(','))
            {
                var type = candidate.Trim();
                if (type.Length > 0 && type.IndexOf('*') < 0)
                {
                    return type;
                }
            }

            return null;
        }
    }
}
