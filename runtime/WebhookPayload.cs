namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.IO;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>Thrown by a webhook's payload reader when the payload breaks the spec's constraints; lists every violation.</summary>
    public sealed class WebhookPayloadException : Exception
    {
        public WebhookPayloadException(string webhook, IReadOnlyList<ValidationError> errors)
            : base(BuildMessage(webhook, errors))
        {
            Webhook = webhook;
            Errors = errors;
        }

        /// <summary>Gets the webhook's name in the spec.</summary>
        public string Webhook { get; }

        /// <summary>Gets every violation found, in document order.</summary>
        public IReadOnlyList<ValidationError> Errors { get; }

        private static string BuildMessage(string webhook, IReadOnlyList<ValidationError> errors)
        {
            var builder = new StringBuilder("The payload of the webhook '")
                .Append(webhook)
                .Append("' breaks ")
                .Append(errors.Count.ToString(CultureInfo.InvariantCulture))
                .Append(errors.Count == 1 ? " constraint:" : " constraints:");
            foreach (var error in errors)
            {
                builder.Append(Environment.NewLine).Append("  - ").Append(error);
            }

            return builder.ToString();
        }
    }

    /// <summary>What the webhook readers share.</summary>
    internal static class WebhookBodies
    {
        /// <summary>Reads a request body to its end, for the readers that take a stream.</summary>
        public static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
