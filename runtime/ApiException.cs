namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Globalization;
    using System.Text;
    using System.Text.Json;

    /// <summary>Thrown when the service answers with an error status, documented or not. Never carries request secrets.</summary>
    public class ApiException : Exception
    {
        /// <summary>The most of a response body kept in <see cref="ResponseBody"/>, in characters.</summary>
        public const int MaxBodyLength = 4096;

        public ApiException(string message, int statusCode, string? errorCode, string? errorMessage, string? solutionMessage, string? requestId, string? responseBody, Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            SolutionMessage = solutionMessage;
            RequestId = requestId;
            ResponseBody = responseBody;
        }

        /// <summary>Gets the HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>Gets the service's <c>error_code</c>, if the body had one.</summary>
        public string? ErrorCode { get; }

        /// <summary>Gets the service's <c>error_msg</c>, if the body had one.</summary>
        public string? ErrorMessage { get; }

        /// <summary>Gets the service's <c>solution_msg</c>, if the body had one.</summary>
        public string? SolutionMessage { get; }

        /// <summary>Gets the <c>X-Request-Id</c> response header, which the service's support can trace.</summary>
        public string? RequestId { get; }

        /// <summary>Gets the response body as text, cut at <see cref="MaxBodyLength"/> characters.</summary>
        public string? ResponseBody { get; }

        internal static ApiException FromErrorResponse(int statusCode, string? reasonPhrase, byte[] body, string? requestId)
        {
            var (errorCode, errorMessage, solutionMessage) = ReadErrorFields(body);
            var message = new StringBuilder("The service answered ")
                .Append(statusCode.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(reasonPhrase))
            {
                message.Append(" (").Append(reasonPhrase).Append(')');
            }

            if (errorCode is not null)
            {
                message.Append(": ").Append(errorCode);
            }

            if (errorMessage is not null)
            {
                message.Append(errorCode is null ? ": " : " ").Append(errorMessage);
            }

            if (requestId is not null)
            {
                message.Append(" (X-Request-Id ").Append(requestId).Append(')');
            }

            return new ApiException(message.ToString(), statusCode, errorCode, errorMessage, solutionMessage, requestId, BodyText(body));
        }

        internal static string? BodyText(byte[] body)
        {
            if (body.Length == 0)
            {
                return null;
            }

            // Decode a little more than needed so a character cut in half at the limit cannot show up as garbage.
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, (MaxBodyLength * 4) + 4));
            return text.Length <= MaxBodyLength ? text : text.Substring(0, MaxBodyLength) + "…";
        }

        /// <summary>
        /// Reads <c>error_code</c>, <c>error_msg</c> and <c>solution_msg</c> from whatever shape the body has: a code may be a
        /// string or a number, and some gateways nest the fields in an <c>error</c> object as <c>code</c> and <c>message</c>.
        /// A body that is not JSON yields no fields, never an exception.
        /// </summary>
        private static (string? Code, string? Message, string? Solution) ReadErrorFields(byte[] body)
        {
            if (body.Length == 0)
            {
                return default;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return default;
                }

                var code = ScalarText(root, "error_code");
                var message = ScalarText(root, "error_msg");
                if (root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object)
                {
                    code ??= ScalarText(nested, "code");
                    message ??= ScalarText(nested, "message");
                }

                return (code, message, ScalarText(root, "solution_msg"));
            }
            catch (JsonException)
            {
                return default;
            }
        }

        private static string? ScalarText(JsonElement element, string name)
            => element.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                }
                : null;
    }

    /// <summary>
    /// Thrown for an error status whose body the spec documents: <see cref="Error"/> is that body, read as the spec's
    /// type. Catch it by the type (<c>catch (ApiException&lt;Error&gt; e) when (e.StatusCode == 404)</c>), or any
    /// <see cref="ApiException"/>: an error body that cannot be read as documented is thrown as the plain one, its text in
    /// <see cref="ApiException.ResponseBody"/>.
    /// </summary>
    /// <typeparam name="TError">The type the spec gives the body of the answered status.</typeparam>
    public sealed class ApiException<TError> : ApiException
    {
        public ApiException(ApiException exception, TError error)
            : base((exception ?? throw new ArgumentNullException(nameof(exception))).Message, exception.StatusCode, exception.ErrorCode, exception.ErrorMessage, exception.SolutionMessage, exception.RequestId, exception.ResponseBody, exception.InnerException)
        {
            Error = error;
        }

        /// <summary>Gets the error body, typed as the spec documents it for <see cref="ApiException.StatusCode"/>.</summary>
        public TError Error { get; }
    }

    /// <summary>Thrown when a success response's body does not have the documented shape. The body is kept for diagnosis.</summary>
    public sealed class ApiResponseFormatException : ApiException
    {
        public ApiResponseFormatException(string message, int statusCode, string? requestId, string? responseBody, Exception? innerException)
            : base(message, statusCode, null, null, null, requestId, responseBody, innerException)
        {
        }
    }
}
