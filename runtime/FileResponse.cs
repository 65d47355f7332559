namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.IO;
    using System.Net.Http;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// A file the service sends: its body as a stream read from the socket as the caller reads it, never buffered whole.
    /// Dispose it to release the connection.
    /// </summary>
    public class FileResponse : ApiResponse, IDisposable
    {
        private readonly HttpResponseMessage _response;

        internal FileResponse(HttpResponseMessage response, Stream content)
            : base((int)response.StatusCode, ApiHttp.RequestId(response))
        {
            _response = response;
            Content = content;
            var headers = response.Content.Headers;
            ContentType = headers.ContentType?.MediaType;
            ContentLength = headers.ContentLength;
            FileName = headers.ContentDisposition is { } disposition
                ? Unquote(disposition.FileNameStar) ?? Unquote(disposition.FileName)
                : null;
        }

        /// <summary>Gets the body, positioned at its start.</summary>
        public Stream Content { get; }

        /// <summary>Gets the media type of the body (<c>Content-Type</c> without parameters), if the service sent one.</summary>
        public string? ContentType { get; }

        /// <summary>Gets the body's length in bytes (<c>Content-Length</c>), if the service sent one.</summary>
        public long? ContentLength { get; }

        /// <summary>Gets the file name from <c>Content-Disposition</c> (<c>filename*</c> before <c>filename</c>), if the service sent one.</summary>
        public string? FileName { get; }

        public void Dispose()
        {
            Content.Dispose();
            _response.Dispose();
        }

        /// <summary>Sends the request and returns as soon as the headers are in; an error status throws with its body read.</summary>
        internal static Task<FileResponse> SendAsync(HttpClient httpClient, HttpRequestMessage request, ApiHttp.ErrorReader? readError, CancellationToken cancellationToken)
            => OpenAsync(httpClient, request, readError, static (response, content) => new FileResponse(response, content), cancellationToken);

        /// <summary>
        /// Sends the request and makes the result once the headers are in. If making it throws (a documented header does not
        /// read as its type), the response is disposed before the exception leaves.
        /// </summary>
        private protected static async Task<TResponse> OpenAsync<TResponse>(HttpClient httpClient, HttpRequestMessage request, ApiHttp.ErrorReader? readError, Func<HttpResponseMessage, Stream, TResponse> create, CancellationToken cancellationToken)
        {
            var response = await ResponseStreams.SendAsync(httpClient, request, readError, cancellationToken).ConfigureAwait(false);
            try
            {
#if NET5_0_OR_GREATER
                var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                var content = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                return create(response, content);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private static string? Unquote(string? value)
            => value is { Length: >= 2 } && value[0] == '"' && value[value.Length - 1] == '"' ? value.Substring(1, value.Length - 2) : value;
    }

    /// <summary>A file the service sends, with the headers the spec documents, typed.</summary>
    /// <typeparam name="THeaders">The operation's headers record.</typeparam>
    public sealed class FileResponse<THeaders> : FileResponse
    {
        private FileResponse(HttpResponseMessage response, Stream content, THeaders headers)
            : base(response, content)
        {
            Headers = headers;
        }

        /// <summary>Gets the documented response headers.</summary>
        public THeaders Headers { get; }

        /// <summary>Sends the request and returns as soon as the headers are in, read by <paramref name="readHeaders"/>; an error status throws with its body read.</summary>
        internal static Task<FileResponse<THeaders>> SendAsync(HttpClient httpClient, HttpRequestMessage request, ApiHttp.ErrorReader? readError, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => OpenAsync(httpClient, request, readError, (response, content) => new FileResponse<THeaders>(response, content, readHeaders(new ResponseHeaders(response))), cancellationToken);
    }

    /// <summary>Sends a request whose success body is read as a stream: a file, or events.</summary>
    internal static class ResponseStreams
    {
        /// <summary>
        /// Sends with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, so that the body stays on the socket. An error
        /// status reads its body (it is small) and throws the <see cref="ApiException"/> a JSON call would. The request is
        /// disposed once the headers are in: the generated methods hand it over and return this task.
        /// </summary>
        public static async Task<HttpResponseMessage> SendAsync(HttpClient httpClient, HttpRequestMessage request, ApiHttp.ErrorReader? readError, CancellationToken cancellationToken)
        {
            using (request)
            {
                var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if ((int)response.StatusCode is >= 200 and <= 299)
                {
                    return response;
                }

                using (response)
                {
                    var body = await ApiHttp.ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
                    throw ApiHttp.Error(response, ApiHttp.RequestId(response), body, readError);
                }
            }
        }
    }
}
