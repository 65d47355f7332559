namespace OpenApiClientGenerator.Runtime
{
    /// <summary>A successful response without a documented body.</summary>
    public class ApiResponse
    {
        public ApiResponse(int statusCode, string? requestId)
        {
            StatusCode = statusCode;
            RequestId = requestId;
        }

        /// <summary>Gets the HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>Gets the <c>X-Request-Id</c> response header, if the service sent one.</summary>
        public string? RequestId { get; }
    }

    /// <summary>A successful response with its typed body.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    public class ApiResponse<T> : ApiResponse
    {
        public ApiResponse(int statusCode, string? requestId, T body)
            : base(statusCode, requestId)
        {
            Body = body;
        }

        /// <summary>Gets the response body.</summary>
        public T Body { get; }
    }

    /// <summary>A successful response without a documented body, with the headers the spec documents, typed.</summary>
    /// <typeparam name="THeaders">The operation's headers record.</typeparam>
    public class ApiResponseWithHeaders<THeaders> : ApiResponse
    {
        public ApiResponseWithHeaders(int statusCode, string? requestId, THeaders headers)
            : base(statusCode, requestId)
        {
            Headers = headers;
        }

        /// <summary>Gets the documented response headers.</summary>
        public THeaders Headers { get; }
    }

    /// <summary>A successful response with its typed body and the headers the spec documents, typed.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <typeparam name="THeaders">The operation's headers record.</typeparam>
    public class ApiResponse<T, THeaders> : ApiResponse<T>
    {
        public ApiResponse(int statusCode, string? requestId, T body, THeaders headers)
            : base(statusCode, requestId, body)
        {
            Headers = headers;
        }

        /// <summary>Gets the documented response headers.</summary>
        public THeaders Headers { get; }
    }

    /// <summary>
    /// The service accepted the request (202) and works on it in the background: the work is not done yet.
    /// Follow it up with <see cref="TrackingId"/>.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    public class AcceptedResponse<T> : ApiResponse<T>
    {
        public AcceptedResponse(int statusCode, string? requestId, T body, string? trackingId)
            : base(statusCode, requestId, body)
        {
            TrackingId = trackingId;
        }

        /// <summary>Gets the id of the accepted work, to query its progress with.</summary>
        public string? TrackingId { get; }

        /// <summary>Gets a value that is always <see langword="false"/>: accepted work has not finished when the response arrives.</summary>
        public bool IsCompleted => false;
    }

    /// <summary>Accepted work (202), with the headers the spec documents, typed (a <c>Location</c> to poll, a <c>Retry-After</c>).</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <typeparam name="THeaders">The operation's headers record.</typeparam>
    public sealed class AcceptedResponse<T, THeaders> : AcceptedResponse<T>
    {
        public AcceptedResponse(int statusCode, string? requestId, T body, string? trackingId, THeaders headers)
            : base(statusCode, requestId, body, trackingId)
        {
            Headers = headers;
        }

        /// <summary>Gets the documented response headers.</summary>
        public THeaders Headers { get; }
    }
}
