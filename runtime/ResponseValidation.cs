namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Text;
    using System.Text.Json;

    /// <summary>
    /// Whether a client checks what a service answers against the spec, beyond what lenient reading needs. Reading is
    /// lenient either way; the check reports each place where the wire differs from the documentation.
    /// </summary>
    public enum ResponseValidation
    {
        /// <summary>Read leniently and say nothing (the default).</summary>
        Off,

        /// <summary>Hand each mismatch to the client's <c>OnResponseMismatch</c> (or, when it is not set, to <see cref="System.Diagnostics.Trace"/>) and return the result.</summary>
        Log,

        /// <summary>Throw <see cref="ApiResponseValidationException"/> listing every mismatch, instead of returning the result.</summary>
        Throw,
    }

    /// <summary>
    /// One place where a success response differs from the spec: a value of another JSON type that lenient reading
    /// converted, a null the spec does not allow, a member a closed schema does not name, a missing required member, or a
    /// broken constraint.
    /// </summary>
    public sealed class ResponseMismatch
    {
        public ResponseMismatch(string operation, int statusCode, string? requestId, ValidationError error)
        {
            Operation = operation;
            StatusCode = statusCode;
            RequestId = requestId;
            Error = error ?? throw new ArgumentNullException(nameof(error));
        }

        /// <summary>Gets the operation's name in the spec's terms, e.g. <c>GetPet</c>.</summary>
        public string Operation { get; }

        public int StatusCode { get; }

        /// <summary>Gets the <c>X-Request-Id</c> response header, if any.</summary>
        public string? RequestId { get; }

        /// <summary>Gets where the body differs (<see cref="ValidationError.Path"/>, a JSON path such as <c>toys[1].name</c>) and how (<see cref="ValidationError.Rule"/>: <c>type</c>, <c>nullable</c>, <c>additionalProperties</c>, <c>required</c>, <c>maxLength</c>, …).</summary>
        public ValidationError Error { get; }

        public override string ToString()
            => Operation + " (" + StatusCode.ToString(CultureInfo.InvariantCulture) + (RequestId is null ? string.Empty : ", X-Request-Id " + RequestId) + "): " + Error;
    }

    /// <summary>Thrown, with <see cref="ResponseValidation.Throw"/>, when a success response differs from the spec; the body is kept for diagnosis.</summary>
    public sealed class ApiResponseValidationException : ApiException
    {
        public ApiResponseValidationException(IReadOnlyList<ResponseMismatch> mismatches, int statusCode, string? requestId, string? responseBody)
            : base(BuildMessage(mismatches, statusCode), statusCode, null, null, null, requestId, responseBody)
        {
            Mismatches = mismatches;
        }

        /// <summary>Gets every mismatch found, in document order of the checks.</summary>
        public IReadOnlyList<ResponseMismatch> Mismatches { get; }

        private static string BuildMessage(IReadOnlyList<ResponseMismatch> mismatches, int statusCode)
        {
            var builder = new StringBuilder("The service answered ")
                .Append(statusCode.ToString(CultureInfo.InvariantCulture))
                .Append(" with a body that differs from the spec in ")
                .Append(mismatches.Count.ToString(CultureInfo.InvariantCulture))
                .Append(mismatches.Count == 1 ? " place:" : " places:");
            foreach (var mismatch in mismatches)
            {
                builder.Append(Environment.NewLine).Append("  - ").Append(mismatch.Error);
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// What a client method checks a success response with: the client's settings, the operation's validator (null where the
    /// spec sets no constraint on the body; <see cref="ValidationContext.Run(IValidatable)"/> for a record), and whether
    /// the spec lets the success come without content (a 204 beside a 200 with a body), which then reads as null.
    /// </summary>
    internal readonly struct ResponseCheck<T>
    {
        public ResponseCheck(ResponseValidation mode, Action<ResponseMismatch>? observer, string operation, Func<T, IReadOnlyList<ValidationError>>? validate = null, bool mayBeEmpty = false)
        {
            Mode = mode;
            Observer = observer;
            Operation = operation;
            Validate = validate;
            MayBeEmpty = mayBeEmpty;
        }

        public ResponseValidation Mode { get; }

        public Action<ResponseMismatch>? Observer { get; }

        public string Operation { get; }

        public Func<T, IReadOnlyList<ValidationError>>? Validate { get; }

        /// <summary>Gets whether an empty body is a success without content, read as null, rather than a body that does not match the spec.</summary>
        public bool MayBeEmpty { get; }
    }

    /// <summary>Checks a success response that lenient reading has read: what it accepted beyond the spec, then the spec's constraints.</summary>
    internal static class ResponseChecks
    {
        public static IReadOnlyList<ValidationError> Mismatches<T>(byte[] body, List<JsonRead.Note> notes, T result, Func<T, IReadOnlyList<ValidationError>>? validate)
        {
            var errors = new List<ValidationError>();
            if (notes.Count > 0)
            {
                var paths = PathsAt(body, notes);
                for (var i = 0; i < notes.Count; i++)
                {
                    errors.Add(new ValidationError(paths[i], notes[i].Rule, notes[i].Message, null));
                }
            }

            if (validate is not null)
            {
                errors.AddRange(validate(result));
            }

            return errors;
        }

        /// <summary>
        /// The validator of a body that is a list of records: each item checked by its own checks under its index, a null one
        /// reported. A list of records is a list of <see cref="IValidatable"/> (the interface is covariant), so every such
        /// operation's check takes this method as it is, instead of a loop of its own in its request record.
        /// </summary>
        public static IReadOnlyList<ValidationError> RecordItems(IReadOnlyList<IValidatable?> response)
        {
            var context = ValidationContext.Rent();
            context.RecordItems(response);
            return context.Complete();
        }

        public static void Report(IReadOnlyList<ValidationError> errors, ResponseValidation mode, Action<ResponseMismatch>? observer, string operation, int statusCode, string? requestId, byte[] body)
        {
            var mismatches = new List<ResponseMismatch>(errors.Count);
            foreach (var error in errors)
            {
                mismatches.Add(new ResponseMismatch(operation, statusCode, requestId, error));
            }

            if (mode == ResponseValidation.Throw)
            {
                throw new ApiResponseValidationException(mismatches, statusCode, requestId, ApiException.BodyText(body));
            }

            foreach (var mismatch in mismatches)
            {
                if (observer is null)
                {
                    System.Diagnostics.Trace.TraceWarning("The service's answer differs from the spec: " + mismatch);
                }
                else
                {
                    observer(mismatch);
                }
            }
        }

        /// <summary>
        /// The JSON path of each value that starts where a note (in reading order, so ascending) was taken, written as
        /// <see cref="ValidationError.Path"/> writes paths: <c>toys[1].name</c>, and the empty path for the whole body.
        /// </summary>
        private static string[] PathsAt(byte[] body, List<JsonRead.Note> notes)
        {
            var paths = new string[notes.Count];
            var next = 0;
            var segments = new List<(string? Name, int Index)>();
            var containers = new List<(bool IsArray, int Count)>();
            string? memberName = null;
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            while (next < paths.Length && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        memberName = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.RemoveAt(containers.Count - 1);
                        if (containers.Count > 0)
                        {
                            segments.RemoveAt(segments.Count - 1);
                        }

                        continue;
                }

                // A value: its segment is the member name or index it has in its container.
                var hasSegment = containers.Count > 0;
                if (hasSegment)
                {
                    var container = containers[containers.Count - 1];
                    segments.Add(container.IsArray ? (null, container.Count) : (memberName, -1));
                    containers[containers.Count - 1] = (container.IsArray, container.Count + 1);
                }

                while (next < paths.Length && notes[next].Position == reader.TokenStartIndex)
                {
                    paths[next++] = Render(segments);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Add((reader.TokenType == JsonTokenType.StartArray, 0));
                }
                else if (hasSegment)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }

            return paths;
        }

        private static string Render(List<(string? Name, int Index)> segments)
        {
            var builder = new StringBuilder();
            foreach (var (name, index) in segments)
            {
                if (name is null)
                {
                    builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    builder.Append(builder.Length > 0 ? "." : string.Empty).Append(name);
                }
            }

            return builder.ToString();
        }
    }
}
