namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Net.Http;
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

        /// <summary>Turns an error response into the exception to throw, e.g. one typed by its documented body.</summary>
        public delegate ApiException ErrorReader(ApiException exception, byte[] body);

        public static Task<(int StatusCode, string? RequestId, byte[] Body)> SendAsync(HttpClient httpClient, HttpRequestMessage request, CancellationToken cancellationToken)
            => SendAsync(httpClient, request, null, cancellationToken);

        /// <summary>Sends the request; an error status throws what <c>readError</c> makes of it (the plain <see cref="ApiException"/> when it is null).</summary>
        public static async Task<(int StatusCode, string? RequestId, byte[] Body)> SendAsync(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, CancellationToken cancellationToken)
        {
            var (statusCode, requestId, body, _) = await SendReadingHeadersAsync(httpClient, request, readError, cancellationToken).ConfigureAwait(false);
            return (statusCode, requestId, body);
        }

        /// <summary>Sends the request as <see cref="SendAsync(HttpClient, HttpRequestMessage, ErrorReader?, CancellationToken)"/> does, and keeps the success's headers to read typed members from.</summary>
        public static async Task<(int StatusCode, string? RequestId, byte[] Body, ResponseHeaders Headers)> SendReadingHeadersAsync(HttpClient httpClient, HttpRequestMessage request, ErrorReader? readError, CancellationToken cancellationToken)
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var headers = new ResponseHeaders(response);
            var body = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (headers.StatusCode < 200 || headers.StatusCode > 299)
            {
                throw Error(response, headers.RequestId, body, readError);
            }

            return (headers.StatusCode, headers.RequestId, body, headers);
        }

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
