// IAsyncEnumerable is part of .NET Core 3.0 and later. On netstandard2.0 it needs Microsoft.Bcl.AsyncInterfaces, which
// the generated code does not assume: there, operations that answer with text/event-stream are not generated.
#if NETCOREAPP3_0_OR_GREATER
namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Net.Http;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>One server-sent event, dispatched at the blank line that ends it.</summary>
    /// <typeparam name="T">The type of its data: the schema's record, or a string.</typeparam>
    public sealed class ServerSentEvent<T>
    {
        public ServerSentEvent(string eventType, T data, string? id, TimeSpan? retry)
        {
            EventType = eventType;
            Data = data;
            Id = id;
            Retry = retry;
        }

        /// <summary>Gets the <c>event:</c> field, <c>message</c> when the event names none.</summary>
        public string EventType { get; }

        /// <summary>Gets the data: its <c>data:</c> lines joined with line feeds, read as <typeparamref name="T"/>.</summary>
        public T Data { get; }

        /// <summary>Gets the last event id the stream set (<c>id:</c>), which this event carries even when it sets none itself.</summary>
        public string? Id { get; }

        /// <summary>Gets the reconnection time the stream asked for (<c>retry:</c>), if it has.</summary>
        public TimeSpan? Retry { get; }
    }

    /// <summary>
    /// Reads <c>text/event-stream</c> as the WHATWG HTML standard says (§9.2.6): lines end in CR, LF or CRLF; a line
    /// starting with a colon is a comment; <c>data:</c> lines accumulate; a blank line dispatches the event unless it has no
    /// data; one space after the colon is dropped; an unknown field is ignored; an event the stream ends in the middle of
    /// is not dispatched. The body is read as it arrives; cancelling, or leaving the loop, disposes the response.
    /// </summary>
    internal static class ServerSentEvents
    {
        public static IAsyncEnumerable<ServerSentEvent<T>> ReadAsync<T>(HttpClient httpClient, HttpRequestMessage request, JsonRead.ValueReader<T> read, ApiHttp.ErrorReader? readError, CancellationToken cancellationToken)
            => ResponseLines.ReadAsync(httpClient, request, readError, Typed(read), cancellationToken);

        public static IAsyncEnumerable<ServerSentEvent<string>> ReadTextAsync(HttpClient httpClient, HttpRequestMessage request, ApiHttp.ErrorReader? readError, CancellationToken cancellationToken)
            => ResponseLines.ReadAsync(httpClient, request, readError, Text, cancellationToken);

        /// <summary>Sends the request and returns the events once the headers are in, read by <paramref name="readHeaders"/>.</summary>
        public static Task<StreamResponse<ServerSentEvent<T>, THeaders>> OpenAsync<T, THeaders>(HttpClient httpClient, HttpRequestMessage request, JsonRead.ValueReader<T> read, ApiHttp.ErrorReader? readError, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ResponseLines.OpenAsync(httpClient, request, readError, readHeaders, Typed(read), cancellationToken);

        /// <inheritdoc cref="OpenAsync{T, THeaders}"/>
        public static Task<StreamResponse<ServerSentEvent<string>, THeaders>> OpenTextAsync<THeaders>(HttpClient httpClient, HttpRequestMessage request, ApiHttp.ErrorReader? readError, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ResponseLines.OpenAsync(httpClient, request, readError, readHeaders, Text, cancellationToken);

        /// <summary>Events whose data is JSON of the documented type; data that is not throws <see cref="ApiResponseFormatException"/>.</summary>
        private static ResponseLines.ItemReader<ServerSentEvent<T>> Typed<T>(JsonRead.ValueReader<T> read)
            => (lines, statusCode, requestId) => Events(lines, data => ApiHttp.ReadBody(statusCode, requestId, Encoding.UTF8.GetBytes(data), read));

        private static IAsyncEnumerable<ServerSentEvent<string>> Text(IAsyncEnumerable<string> lines, int statusCode, string? requestId)
            => Events(lines, static data => data);

        private static async IAsyncEnumerable<ServerSentEvent<T>> Events<T>(IAsyncEnumerable<string> lines, Func<string, T> parse)
        {
            var data = new StringBuilder();
            var hasData = false;
            var eventType = string.Empty;
            string? lastId = null;
            TimeSpan? retry = null;
            var first = true;
            await foreach (var read in lines.ConfigureAwait(false))
            {
                var line = read;
                if (first)
                {
                    first = false;
                    if (line.Length > 0 && line[0] == '\uFEFF')
                    {
                        line = line.Substring(1);
                    }
                }

                if (line.Length == 0)
                {
                    if (hasData)
                    {
                        yield return new ServerSentEvent<T>(eventType.Length == 0 ? "message" : eventType, parse(data.ToString()), lastId, retry);
                    }

                    data.Clear();
                    hasData = false;
                    eventType = string.Empty;
                    continue;
                }

                if (line[0] == ':')
                {
                    continue;
                }

                var colon = line.IndexOf(':');
                var field = colon < 0 ? line : line.Substring(0, colon);
                var value = colon < 0 ? string.Empty : line.Substring(colon + 1 < line.Length && line[colon + 1] == ' ' ? colon + 2 : colon + 1);
                switch (field)
                {
                    case "data":
                        if (hasData)
                        {
                            data.Append('\n');
                        }

                        data.Append(value);
                        hasData = true;
                        break;
                    case "event":
                        eventType = value;
                        break;
                    case "id" when value.IndexOf('\0') < 0:
                        lastId = value;
                        break;
                    case "retry" when value.Length > 0 && IsDigits(value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds):
                        retry = TimeSpan.FromMilliseconds(milliseconds);
                        break;
                }
            }

            // An event the stream ended in the middle of is not dispatched.
        }

        private static bool IsDigits(string value)
        {
            foreach (var c in value)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
#endif
