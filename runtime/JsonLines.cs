// IAsyncEnumerable is part of .NET Core 3.0 and later; as for server-sent events, operations that answer with JSON lines
// are generated only there.
#if NETCOREAPP3_0_OR_GREATER
namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Net.Http;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// Reads line-delimited JSON as it arrives: NDJSON and JSON Lines (a value per line, LF or CRLF), and RFC 7464's
    /// JSON text sequences (each value led by the record separator U+001E). Blank lines are skipped. A line that is no
    /// value of the documented type, the last one too when the stream stops in its middle, throws
    /// <see cref="ApiResponseFormatException"/>; a connection that breaks throws the transport's <see cref="System.IO.IOException"/>.
    /// Cancelling, or leaving the loop, disposes the response.
    /// </summary>
    internal static class JsonLines
    {
        private const char RecordSeparator = '\u001E';

        private const char ByteOrderMark = '\uFEFF';

        public static IAsyncEnumerable<T> ReadAsync<T>(HttpClient httpClient, HttpRequestMessage request, JsonRead.ValueReader<T> read, ApiHttp.ErrorReader? readError, CancellationToken cancellationToken)
            => ResponseLines.ReadAsync(httpClient, request, readError, Values(read), cancellationToken);

        /// <summary>Sends the request and returns the values once the headers are in, read by <paramref name="readHeaders"/>.</summary>
        public static Task<StreamResponse<T, THeaders>> OpenAsync<T, THeaders>(HttpClient httpClient, HttpRequestMessage request, JsonRead.ValueReader<T> read, ApiHttp.ErrorReader? readError, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ResponseLines.OpenAsync(httpClient, request, readError, readHeaders, Values(read), cancellationToken);

        private static ResponseLines.ItemReader<T> Values<T>(JsonRead.ValueReader<T> read)
            => (lines, statusCode, requestId) => Values(lines, statusCode, requestId, read);

        private static async IAsyncEnumerable<T> Values<T>(IAsyncEnumerable<string> lines, int statusCode, string? requestId, JsonRead.ValueReader<T> read)
        {
            await foreach (var line in lines.ConfigureAwait(false))
            {
                var value = line.Trim().TrimStart(RecordSeparator, ByteOrderMark);
                if (value.Length > 0)
                {
                    yield return ApiHttp.ReadBody(statusCode, requestId, Encoding.UTF8.GetBytes(value), read);
                }
            }
        }
    }
}
#endif
