// IAsyncEnumerable is part of .NET Core 3.0 and later: the streams that read a body line by line are generated only there.
#if NETCOREAPP3_0_OR_GREATER
namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Net.Http;
    using System.Runtime.CompilerServices;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// Sends a request and reads its success body line by line as it arrives (lines end in CR, LF or CRLF), for server-sent
    /// events and JSON lines, either when the loop starts or at once to read the documented headers first. Cancelling, or
    /// leaving the loop, disposes the response; a connection that breaks throws the transport's <see cref="IOException"/>.
    /// </summary>
    internal static class ResponseLines
    {
        /// <summary>Turns the lines of a success into its items; the status and request id go into a format error's message.</summary>
        public delegate IAsyncEnumerable<T> ItemReader<T>(IAsyncEnumerable<string> lines, int statusCode, string? requestId);

        /// <summary>
        /// The items <paramref name="open"/> returns for <paramref name="request"/>, called when the loop starts: a lazy
        /// stream's operation builds its request message there, so that a stream that is never read has none to dispose
        /// (the message, and the caller's stream or content in it, would otherwise wait for a loop that never comes).
        /// </summary>
        public static async IAsyncEnumerable<T> WhenEnumerated<TRequest, T>(
            Func<TRequest, CancellationToken, IAsyncEnumerable<T>> open,
            TRequest request,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in open(request, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }

        /// <summary>Sends the request when the loop starts; an error status throws from its first step.</summary>
        public static async IAsyncEnumerable<T> ReadAsync<T>(
            HttpClient httpClient,
            HttpRequestMessage request,
            ApiHttp.ErrorReader? readError,
            ItemReader<T> readItems,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var response = await ResponseStreams.SendAsync(httpClient, request, readError, cancellationToken).ConfigureAwait(false);
            await foreach (var item in readItems(LinesAsync(response, cancellationToken), (int)response.StatusCode, ApiHttp.RequestId(response)).ConfigureAwait(false))
            {
                yield return item;
            }
        }

        /// <summary>
        /// Sends the request and returns as soon as the headers are in, read by <paramref name="readHeaders"/>; an error status
        /// throws with its body read. If the headers do not read as documented, the response is disposed before the exception leaves.
        /// </summary>
        public static async Task<StreamResponse<T, THeaders>> OpenAsync<T, THeaders>(
            HttpClient httpClient,
            HttpRequestMessage request,
            ApiHttp.ErrorReader? readError,
            Func<ResponseHeaders, THeaders> readHeaders,
            ItemReader<T> readItems,
            CancellationToken cancellationToken)
        {
            var response = await ResponseStreams.SendAsync(httpClient, request, readError, cancellationToken).ConfigureAwait(false);
            try
            {
                var headers = new ResponseHeaders(response);
                return new StreamResponse<T, THeaders>(
                    response,
                    readHeaders(headers),
                    token => readItems(LinesAsync(response, token), headers.StatusCode, headers.RequestId),
                    cancellationToken);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        /// <summary>The lines of a success's body as they arrive; the caller owns the response and disposes it.</summary>
        private static async IAsyncEnumerable<string> LinesAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif

            // A read in flight ends when the response is disposed: that is how cancellation stops a stream that sends nothing.
            using var registration = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false);
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is IOException or ObjectDisposedException or HttpRequestException)
                {
                    throw new OperationCanceledException("The stream was cancelled.", exception, cancellationToken);
                }

                if (line is null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield break;
                }

                yield return line;
            }
        }
    }
}
#endif
