// IAsyncEnumerable and IAsyncDisposable are part of .NET Core 3.0 and later, where streamed responses are generated.
#if NETCOREAPP3_0_OR_GREATER
namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Net.Http;
    using System.Runtime.CompilerServices;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// A stream the service sends (server-sent events or JSON lines), with the headers the spec documents, typed. It is
    /// returned once the headers are in; its items are read from the socket as the loop asks for them, never buffered whole.
    /// Read it once with <c>await foreach</c>: the end of the stream, leaving the loop, or cancelling disposes the response,
    /// and so does disposing a stream that is not read. A stream without documented headers is a plain
    /// <see cref="IAsyncEnumerable{T}"/> instead, whose request is sent when the loop starts.
    /// </summary>
    /// <typeparam name="T">The type of an item: a <see cref="ServerSentEvent{T}"/>, or a line's value.</typeparam>
    /// <typeparam name="THeaders">The operation's headers record.</typeparam>
    public sealed class StreamResponse<T, THeaders> : ApiResponse, IAsyncEnumerable<T>, IAsyncDisposable, IDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly CancellationToken _cancellationToken;
        private Func<CancellationToken, IAsyncEnumerable<T>>? _readItems;

        internal StreamResponse(HttpResponseMessage response, THeaders headers, Func<CancellationToken, IAsyncEnumerable<T>> readItems, CancellationToken cancellationToken)
            : base((int)response.StatusCode, ApiHttp.RequestId(response))
        {
            _response = response;
            _readItems = readItems;
            _cancellationToken = cancellationToken;
            Headers = headers;
        }

        /// <summary>Gets the documented response headers.</summary>
        public THeaders Headers { get; }

        /// <summary>Starts reading the items. A stream is read once: a second loop, or one after <see cref="Dispose"/>, throws.</summary>
        /// <param name="cancellationToken">Stops the stream, as the token the call was given does.</param>
        /// <returns>The items, as they arrive.</returns>
        /// <exception cref="InvalidOperationException">The stream has been read or disposed.</exception>
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            var readItems = Interlocked.Exchange(ref _readItems, null)
                ?? throw new InvalidOperationException("The stream has been read or disposed: its items come from the socket once.");

            // The iterator sees the call's token and this one combined.
            return ReadAsync(readItems, _cancellationToken).GetAsyncEnumerator(cancellationToken);
        }

        /// <summary>Releases the connection; a stream that is being read stops.</summary>
        public void Dispose()
        {
            _readItems = null;
            _response.Dispose();
        }

        /// <inheritdoc cref="Dispose"/>
        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }

        private async IAsyncEnumerable<T> ReadAsync(Func<CancellationToken, IAsyncEnumerable<T>> readItems, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using (_response)
            {
                await foreach (var item in readItems(cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }
}
#endif
