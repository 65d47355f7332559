namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Text.Json;

    /// <summary>Builds merge patch members (RFC 7396) from a before and an after value.</summary>
    internal static class MergePatch
    {
        /// <summary>Unset when both values write the same JSON; otherwise set to <paramref name="after"/>, null removing the member.</summary>
        public static Optional<T?> Value<T>(T? before, T? after, Action<Utf8JsonWriter, T> write)
            where T : class
        {
            if (before is null || after is null)
            {
                return before is null && after is null ? default : Optional<T?>.Of(after);
            }

            return SameJson(before, after, write) ? default : Optional<T?>.Of(after);
        }

        /// <inheritdoc cref="Value{T}(T, T, Action{Utf8JsonWriter, T})"/>
        public static Optional<T?> Value<T>(T? before, T? after, Action<Utf8JsonWriter, T> write)
            where T : struct
        {
            if (before is not { } b || after is not { } a)
            {
                return before is null && after is null ? default : Optional<T?>.Of(after);
            }

            return SameJson(b, a, write) ? default : Optional<T?>.Of(after);
        }

        /// <summary>Nested objects merge: the member carries only what changed inside, and is unset when nothing did.</summary>
        public static Optional<TPatch?> Nested<TValue, TPatch>(TValue? before, TValue? after, Func<TValue, TValue, TPatch> diff, Func<TValue, TPatch> whole, Func<TPatch, bool> isEmpty)
            where TValue : class
            where TPatch : class
        {
            if (after is null)
            {
                return before is null ? default : Optional<TPatch?>.Of(null);
            }

            if (before is null)
            {
                return Optional<TPatch?>.Of(whole(after));
            }

            var patch = diff(before, after);
            return isEmpty(patch) ? default : Optional<TPatch?>.Of(patch);
        }

        private static bool SameJson<T>(T before, T after, Action<Utf8JsonWriter, T> write)
            => JsonWrite.ToUtf8(before, write).AsSpan().SequenceEqual(JsonWrite.ToUtf8(after, write));
    }
}
