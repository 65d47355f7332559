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

    /// <summary>
    /// Sends a request and reads its success body line by line as it arrives (lines end in CR, LF or CRLF), for server-sent
    /// events and JSON lines. An error status throws from the first step. Cancelling, or leaving the loop, disposes the
    /// response; a connection that breaks throws the transport's <see cref="IOException"/>.
    /// </summary>
    internal static class ResponseLines
    {
        public static async IAsyncEnumerable<(int StatusCode, string? RequestId, string Line)> ReadAsync(
            HttpClient httpClient,
            HttpRequestMessage request,
            ApiHttp.ErrorReader? readError,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var requestScope = request;
            using var response = await ResponseStreams.SendAsync(httpClient, request, readError, cancellationToken).ConfigureAwait(false);
            var statusCode = (int)response.StatusCode;
            var requestId = ApiHttp.RequestId(response);
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

                yield return (statusCode, requestId, line);
            }
        }
    }
}
#endif
