// IAsyncEnumerable is part of .NET Core 3.0 and later; as for server-sent events, operations that answer with JSON lines
// are generated only there.
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
    /// Reads line-delimited JSON as it arrives: NDJSON and JSON Lines (a value per line, LF or CRLF), and RFC 7464's
    /// JSON text sequences (each value led by the record separator U+001E). Blank lines are skipped. A line that is no
    /// value of the documented type, the last one too when the stream stops in its middle, throws
    /// <see cref="ApiResponseFormatException"/>; a connection that breaks throws the transport's <see cref="IOException"/>.
    /// Cancelling, or leaving the loop, disposes the response.
    /// </summary>
    internal static class JsonLines
    {
        private const char RecordSeparator = '\u001E';

        public static async IAsyncEnumerable<T> ReadAsync<T>(
            HttpClient httpClient,
            HttpRequestMessage request,
            JsonRead.ValueReader<T> read,
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
            using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is IOException or ObjectDisposedException or HttpRequestException)
                {
                    throw new OperationCanceledException("The JSON line stream was cancelled.", exception, cancellationToken);
                }

                if (line is null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield break;
                }

                var value = line.Trim().TrimStart(RecordSeparator);
                if (value.Length > 0)
                {
                    yield return ApiHttp.ReadBody(statusCode, requestId, Encoding.UTF8.GetBytes(value), read);
                }
            }
        }
    }
}
#endif
