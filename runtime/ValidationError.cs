namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Text;

    /// <summary>One broken constraint: where it is, which rule it breaks and the limit it breaks.</summary>
    public sealed class ValidationError
    {
        public ValidationError(string path, string rule, string message, string? limit)
        {
            Path = path;
            Rule = rule;
            Message = message;
            Limit = limit;
        }

        /// <summary>Gets the JSON path of the value, e.g. <c>config.applications[0].name</c>; parameters are <c>path.x</c>, <c>query.x</c> or <c>header.x</c>.</summary>
        public string Path { get; }

        /// <summary>Gets the rule's JSON Schema keyword: required, minLength, maxLength, pattern, minimum, maximum, multipleOf, enum, minItems, maxItems or type; forbidden for a JSON Patch member its op does not take.</summary>
        public string Rule { get; }

        /// <summary>Gets a sentence that says what is wrong.</summary>
        public string Message { get; }

        /// <summary>Gets the limit the value breaks, as written in the spec, if the rule has one.</summary>
        public string? Limit { get; }

        public override string ToString() => Path.Length == 0 ? Message : Path + ": " + Message;
    }

    /// <summary>A generated request record, which checks itself against the spec's constraints before it is sent.</summary>
    internal interface IValidatedRequest
    {
        /// <summary>Returns every violation of the spec's constraints; an empty list when the request is valid.</summary>
        IReadOnlyList<ValidationError> Validate();
    }

    /// <summary>Thrown before anything is sent when a request breaks the spec's constraints; lists every violation.</summary>
    public sealed class RequestValidationException : Exception
    {
        public RequestValidationException(IReadOnlyList<ValidationError> errors)
            : base(BuildMessage(errors))
        {
            Errors = errors;
        }

        /// <summary>
        /// Throws <see cref="ArgumentNullException"/> for a null request and this exception when it breaks a constraint;
        /// a valid request allocates nothing. An operation calls it first, so that both throw from the call itself.
        /// </summary>
        internal static void ThrowIfInvalid(IValidatedRequest request)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var errors = request.Validate();
            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }
        }

        /// <summary>Gets every violation found, in document order.</summary>
        public IReadOnlyList<ValidationError> Errors { get; }

        private static string BuildMessage(IReadOnlyList<ValidationError> errors)
        {
            var builder = new StringBuilder("The request breaks ")
                .Append(errors.Count.ToString(CultureInfo.InvariantCulture))
                .Append(errors.Count == 1 ? " constraint" : " constraints")
                .Append(" and was not sent:");
            foreach (var error in errors)
            {
                builder.Append(Environment.NewLine).Append("  - ").Append(error);
            }

            return builder.ToString();
        }
    }
}
