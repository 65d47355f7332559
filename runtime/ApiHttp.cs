namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Net.Http;
    using System.Runtime.CompilerServices;
    using System.Text.Json;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>Sends a request and turns the response into a typed result or a typed exception.</summary>
    internal static class ApiHttp
    {
        public static string Escape(string value) => Uri.EscapeDataString(value);

        /// <summary>Escapes each <c>/</c>-separated segment of a greedy path parameter (<c>{proxy+}</c>), keeping the <c>/</c> between them.</summary>
        public static string EscapePath(string value) => string.Join("/", Array.ConvertAll(value.Split('/'), Uri.EscapeDataString));

        public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

        public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        public static string Format(bool value) => value ? "true" : "false";

        /// <summary>
        /// The URI of a request to <paramref name="relativeUri"/> under the client's base address. A path in the base address
        /// is kept whether or not it ends with '/': resolved as a URI, <c>things</c> against <c>http://host/api</c> would
        /// drop <c>api</c>, which no one means.
        /// </summary>
        public static Uri RequestUri(HttpClient httpClient, string clientName, string relativeUri)
        {
            var baseAddress = httpClient.BaseAddress
                ?? throw new InvalidOperationException(clientName + " needs HttpClient.BaseAddress set to the service endpoint, e.g. https://example.com/ or https://example.com/api/.");
            return baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal)
                ? new Uri(relativeUri, UriKind.Relative)
                : new Uri(new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/"), relativeUri);
        }

        public static ByteArrayContent JsonContent(byte[] utf8Json, string mediaType)
        {
            var content = new ByteArrayContent(utf8Json);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return content;
        }

        // The list and map readers made so far, by the reader of their items: an operation's method group is one delegate
        // that the compiler caches (C# 11 and later), so each operation's reader is made once, not at each call, and
        // the tables are of delegates, so that no type is made per item type as a generic cache's static field would.
        private static readonly ConditionalWeakTable<Delegate, Delegate> s_listReaders = new ConditionalWeakTable<Delegate, Delegate>();
        private static readonly ConditionalWeakTable<Delegate, Delegate> s_mapReaders = new ConditionalWeakTable<Delegate, Delegate>();

        /// <summary>The reader of a JSON array whose items <paramref name="readItem"/> reads: an operation passes a method group, not a lambda of its own.</summary>
        public static JsonRead.ValueReader<IReadOnlyList<T>> ListOf<T>(JsonRead.ValueReader<T> readItem)
            => (JsonRead.ValueReader<IReadOnlyList<T>>)(s_listReaders.TryGetValue(readItem, out var reader) ? reader : Keep(s_listReaders, readItem, new JsonRead.ValueReader<IReadOnlyList<T>>(readItem.ReadList)));

        /// <summary>The reader of a JSON object whose values <paramref name="readValue"/> reads, as <see cref="ListOf{T}"/> is of an array.</summary>
        public static JsonRead.ValueReader<IReadOnlyDictionary<string, T>> MapOf<T>(JsonRead.ValueReader<T> readValue)
            => (JsonRead.ValueReader<IReadOnlyDictionary<string, T>>)(s_mapReaders.TryGetValue(readValue, out var reader) ? reader : Keep(s_mapReaders, readValue, new JsonRead.ValueReader<IReadOnlyDictionary<string, T>>(readValue.ReadMap)));

        private static IReadOnlyList<T> ReadList<T>(this JsonRead.ValueReader<T> readItem, ref Utf8JsonReader reader) => JsonRead.List(ref reader, readItem);

        private static IReadOnlyDictionary<string, T> ReadMap<T>(this JsonRead.ValueReader<T> readValue, ref Utf8JsonReader reader) => JsonRead.Map(ref reader, readValue);

        /// <summary>Keeps <paramref name="reader"/> for <paramref name="readItem"/>, or returns the one another thread kept first.</summary>
        private static Delegate Keep(ConditionalWeakTable<Delegate, Delegate> readers, Delegate readItem, Delegate reader)
        {
            lock (readers)
            {
                if (readers.TryGetValue(readItem, out var kept))
                {
                    return kept;
                }

                readers.Add(readItem, reader);
                return reader;
            }
        }

        /// <summary>Turns an error response into the exception to throw, e.g. one typed by its documented body.</summary>
        public delegate ApiException ErrorReader(ApiException exception, byte[] body);

        /// <summary>Sends the request; an error status throws what <c>readError</c> makes of it (the plain <see cref="ApiException"/> when it is null).</summary>
        public static Task<ApiResponse> SendAsync(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, CancellationToken cancellationToken)
            => ExchangeAsync(httpClient, request, readError, (object?)null, static (headers, _, _) => new ApiResponse(headers.StatusCode, headers.RequestId), cancellationToken);

        /// <summary>Sends the request and reads the success's documented headers with <paramref name="readHeaders"/>.</summary>
        public static Task<ApiResponseWithHeaders<THeaders>> SendAsync<THeaders>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ExchangeAsync(httpClient, request, readError, readHeaders, static (headers, _, readHeaders) => new ApiResponseWithHeaders<THeaders>(headers.StatusCode, headers.RequestId, readHeaders(headers)), cancellationToken);

        /// <summary>Sends the request and reads the success's body with <paramref name="read"/>, checked as <paramref name="check"/> says.</summary>
        public static Task<ApiResponse<T>> SendAsync<T>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, JsonRead.ValueReader<T> read, ResponseCheck<T> check, CancellationToken cancellationToken)
            => ExchangeAsync(httpClient, request, readError, (Read: read, Check: check), static (headers, body, reading) => new ApiResponse<T>(headers.StatusCode, headers.RequestId, ReadBody(headers.StatusCode, headers.RequestId, body, reading.Read, reading.Check)), cancellationToken);

        /// <summary>Sends the request and reads the success's body, then its documented headers.</summary>
        public static Task<ApiResponse<T, THeaders>> SendAsync<T, THeaders>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, JsonRead.ValueReader<T> read, ResponseCheck<T> check, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ExchangeAsync(
                httpClient,
                request,
                readError,
                (Read: read, Check: check, ReadHeaders: readHeaders),
                static (headers, body, reading) => new ApiResponse<T, THeaders>(headers.StatusCode, headers.RequestId, ReadBody(headers.StatusCode, headers.RequestId, body, reading.Read, reading.Check), reading.ReadHeaders(headers)),
                cancellationToken);

        /// <summary>Sends a request whose success is accepted work: its body, and the id <paramref name="trackingId"/> finds in it.</summary>
        public static Task<AcceptedResponse<T>> SendAcceptedAsync<T>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, JsonRead.ValueReader<T> read, ResponseCheck<T> check, Func<T, string?> trackingId, CancellationToken cancellationToken)
            => ExchangeAsync(
                httpClient,
                request,
                readError,
                (Read: read, Check: check, TrackingId: trackingId),
                static (headers, body, reading) =>
                {
                    var result = ReadBody(headers.StatusCode, headers.RequestId, body, reading.Read, reading.Check);
                    return new AcceptedResponse<T>(headers.StatusCode, headers.RequestId, result, reading.TrackingId(result));
                },
                cancellationToken);

        /// <summary>Sends a request whose success is accepted work, as <see cref="SendAcceptedAsync{T}"/> does, and reads its documented headers.</summary>
        public static Task<AcceptedResponse<T, THeaders>> SendAcceptedAsync<T, THeaders>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, JsonRead.ValueReader<T> read, ResponseCheck<T> check, Func<T, string?> trackingId, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ExchangeAsync(
                httpClient,
                request,
                readError,
                (Read: read, Check: check, TrackingId: trackingId, ReadHeaders: readHeaders),
                static (headers, body, reading) =>
                {
                    var result = ReadBody(headers.StatusCode, headers.RequestId, body, reading.Read, reading.Check);
                    return new AcceptedResponse<T, THeaders>(headers.StatusCode, headers.RequestId, result, reading.TrackingId(result), reading.ReadHeaders(headers));
                },
                cancellationToken);

        /// <summary>Sends a request whose success is text, decoded by the charset its <c>Content-Type</c> names.</summary>
        public static Task<ApiResponse<string>> SendTextAsync(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, CancellationToken cancellationToken)
            => ExchangeAsync(httpClient, request, readError, (object?)null, static (headers, body, _) => new ApiResponse<string>(headers.StatusCode, headers.RequestId, headers.DecodeText(body)), cancellationToken);

        /// <summary>Sends a request whose success is text, and reads its documented headers.</summary>
        public static Task<ApiResponse<string, THeaders>> SendTextAsync<THeaders>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ExchangeAsync(httpClient, request, readError, readHeaders, static (headers, body, readHeaders) => new ApiResponse<string, THeaders>(headers.StatusCode, headers.RequestId, headers.DecodeText(body), readHeaders(headers)), cancellationToken);

        /// <summary>Sends a request whose success is text or, where the spec lets it come without content (a 204 beside a 200), nothing: null.</summary>
        public static Task<ApiResponse<string?>> SendOptionalTextAsync(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, CancellationToken cancellationToken)
            => ExchangeAsync(httpClient, request, readError, (object?)null, static (headers, body, _) => new ApiResponse<string?>(headers.StatusCode, headers.RequestId, OptionalText(headers, body)), cancellationToken);

        /// <summary>Sends a request whose success is text or nothing, as <see cref="SendOptionalTextAsync(HttpClient, HttpRequestMessage, ErrorReader?, CancellationToken)"/> does, and reads its documented headers.</summary>
        public static Task<ApiResponse<string?, THeaders>> SendOptionalTextAsync<THeaders>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, Func<ResponseHeaders, THeaders> readHeaders, CancellationToken cancellationToken)
            => ExchangeAsync(httpClient, request, readError, readHeaders, static (headers, body, readHeaders) => new ApiResponse<string?, THeaders>(headers.StatusCode, headers.RequestId, OptionalText(headers, body), readHeaders(headers)), cancellationToken);

        /// <summary>
        /// The one await of every operation that reads its answer whole: sends <paramref name="request"/>, reads the body,
        /// disposes the response and then the request, and throws for an error status; a success becomes the result that
        /// <paramref name="read"/> makes of its headers and body, with what it needs in <paramref name="state"/>. The
        /// generated methods return this task instead of awaiting it, so that they build no state machine of their own.
        /// </summary>
        private static async Task<TResult> ExchangeAsync<TState, TResult>(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, TState state, Func<ResponseHeaders, byte[], TState, TResult> read, CancellationToken cancellationToken)
        {
            using (request)
            {
                ResponseHeaders headers;
                byte[] body;
                using (var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
                {
                    headers = new ResponseHeaders(response);
                    body = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
                    if (headers.StatusCode < 200 || headers.StatusCode > 299)
                    {
                        throw Error(response, headers.RequestId, body, readError);
                    }
                }

                return read(headers, body, state);
            }
        }

        private static string? OptionalText(ResponseHeaders headers, byte[] body) => body.Length == 0 ? null : headers.DecodeText(body);

        /// <summary>The request id the service sent in <c>X-Request-Id</c>, or null.</summary>
        internal static string? RequestId(HttpResponseMessage response)
            => response.Headers.TryGetValues("X-Request-Id", out var values) ? string.Join(",", values) : null;

        /// <summary>The exception for an error response whose body has been read: what <c>readError</c> makes of it, or the plain one.</summary>
        internal static ApiException Error(HttpResponseMessage response, string? requestId, byte[] body, ErrorReader? readError)
        {
            var exception = ApiException.FromErrorResponse((int)response.StatusCode, response.ReasonPhrase, body, requestId);
            return readError is null ? exception : readError(exception, body);
        }

        public static T ReadBody<T>(int statusCode, string? requestId, byte[] body, JsonRead.ValueReader<T> read)
        {
            try
            {
                var reader = JsonRead.Start(body);
                return read(ref reader);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                throw new ApiResponseFormatException(
                    "The service answered " + statusCode.ToString(CultureInfo.InvariantCulture) + " with a body that does not match the spec: " + exception.Message,
                    statusCode,
                    requestId,
                    ApiException.BodyText(body),
                    exception);
            }
        }

        /// <summary>
        /// The exception for an error status whose body the spec documents: typed when the body reads as documented, the
        /// plain <paramref name="exception"/> when it does not (an error is never hidden behind a format error).
        /// </summary>
        public static ApiException ReadError<TError>(ApiException exception, byte[] body, JsonRead.ValueReader<TError> read)
        {
            if (body.Length == 0)
            {
                return exception;
            }

            try
            {
                var reader = JsonRead.Start(body);
                return new ApiException<TError>(exception, read(ref reader));
            }
            catch (Exception readFailure) when (readFailure is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                return exception;
            }
        }

        /// <summary>Reads a success response's body leniently and, unless <paramref name="check"/> is off, reports where it differs from the spec.</summary>
        public static T ReadBody<T>(int statusCode, string? requestId, byte[] body, JsonRead.ValueReader<T> read, ResponseCheck<T> check)
        {
            if (body.Length == 0 && check.MayBeEmpty)
            {
                // T is nullable where the check allows an empty body.
                return default!;
            }

            if (check.Mode == ResponseValidation.Off)
            {
                return ReadBody(statusCode, requestId, body, read);
            }

            T result;
            List<JsonRead.Note> notes;
            JsonRead.StartNoting();
            try
            {
                result = ReadBody(statusCode, requestId, body, read);
            }
            finally
            {
                notes = JsonRead.StopNoting();
            }

            var errors = ResponseChecks.Mismatches(body, notes, result, check.Validate);
            if (errors.Count > 0)
            {
                ResponseChecks.Report(errors, check.Mode, check.Observer, check.Operation, statusCode, requestId, body);
            }

            return result;
        }

        internal static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        }
    }
}
