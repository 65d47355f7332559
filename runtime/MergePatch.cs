namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;
    using System.Text.Json;

    /// <summary>
    /// Builds merge patch members (RFC 7396) from a before and an after value, such that the patch merged onto the before
    /// value gives the after value: objects merge (a removed member or key is sent as null), anything else is replaced.
    /// </summary>
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

        /// <summary>
        /// Maps merge like objects: a key <paramref name="after"/> lacks is sent as null, a new key with its whole value, a
        /// changed value as its own patch (<paramref name="diffValue"/>); the member is unset when no key changed.
        /// </summary>
        /// <typeparam name="TValue">The plain map's value type.</typeparam>
        /// <typeparam name="TPatch">The patch's value type, which must admit null (<c>string?</c>, <c>int?</c>, a patch record).</typeparam>
        public static Optional<IReadOnlyDictionary<string, TPatch>?> Map<TValue, TPatch>(
            IReadOnlyDictionary<string, TValue>? before,
            IReadOnlyDictionary<string, TValue>? after,
            Func<TValue, TValue, Optional<TPatch>> diffValue,
            Func<TValue, TPatch> wholeValue)
        {
            if (after is null)
            {
                return before is null ? default : Optional<IReadOnlyDictionary<string, TPatch>?>.Of(null);
            }

            if (before is null)
            {
                return Optional<IReadOnlyDictionary<string, TPatch>?>.Of(WholeMap(after, wholeValue));
            }

            var changes = new Dictionary<string, TPatch>(StringComparer.Ordinal);
            foreach (var entry in before)
            {
                if (!after.ContainsKey(entry.Key))
                {
                    changes[entry.Key] = default!;
                }
            }

            foreach (var entry in after)
            {
                if (!before.TryGetValue(entry.Key, out var old))
                {
                    changes[entry.Key] = wholeValue(entry.Value);
                }
                else if (diffValue(old, entry.Value) is { IsSet: true } change)
                {
                    changes[entry.Key] = change.Value;
                }
            }

            return changes.Count == 0 ? default : Optional<IReadOnlyDictionary<string, TPatch>?>.Of(changes);
        }

        /// <summary>A map as a patch that sets every key it has.</summary>
        public static IReadOnlyDictionary<string, TPatch> WholeMap<TValue, TPatch>(IReadOnlyDictionary<string, TValue> map, Func<TValue, TPatch> wholeValue)
        {
            var patch = new Dictionary<string, TPatch>(map.Count, StringComparer.Ordinal);
            foreach (var entry in map)
            {
                patch[entry.Key] = wholeValue(entry.Value);
            }

            return patch;
        }

        /// <summary>
        /// A JSON value of any shape, diffed as RFC 7396 merges it: objects recurse (a member <paramref name="after"/> lacks
        /// is sent as null), any other change sends the new value. A JSON null inside <paramref name="after"/> cannot be
        /// set by a merge patch (RFC 7396 §1): it is sent as null, which removes the member.
        /// </summary>
        public static Optional<JsonElement?> Json(JsonElement? before, JsonElement? after)
        {
            if (after is not { ValueKind: not JsonValueKind.Undefined } a)
            {
                return before is { ValueKind: not JsonValueKind.Undefined } ? Optional<JsonElement?>.Of(null) : default;
            }

            if (before is not { ValueKind: not JsonValueKind.Undefined } b)
            {
                return Optional<JsonElement?>.Of(a);
            }

            return Changes(b, a) is { } patch ? Optional<JsonElement?>.Of(patch) : default;
        }

        /// <summary>The merge patch from <paramref name="before"/> to <paramref name="after"/>; null when they are the same.</summary>
        private static JsonElement? Changes(JsonElement before, JsonElement after)
        {
            if (before.ValueKind != JsonValueKind.Object || after.ValueKind != JsonValueKind.Object)
            {
                return SameJson(before, after, static (w, v) => v.WriteTo(w)) ? null : after;
            }

            var changes = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
            foreach (var member in before.EnumerateObject())
            {
                if (!after.TryGetProperty(member.Name, out _))
                {
                    changes[member.Name] = null;
                }
            }

            foreach (var member in after.EnumerateObject())
            {
                if (!before.TryGetProperty(member.Name, out var old))
                {
                    changes[member.Name] = member.Value;
                }
                else if (Changes(old, member.Value) is { } change)
                {
                    changes[member.Name] = change;
                }
            }

            return changes.Count == 0
                ? null
                : JsonWrite.ToElement(changes, static (w, map) => JsonWrite.PatchMap<JsonElement>(w, map, static (w1, v) => v.WriteTo(w1)));
        }

        private static bool SameJson<T>(T before, T after, Action<Utf8JsonWriter, T> write)
            => JsonWrite.ToUtf8(before, write).AsSpan().SequenceEqual(JsonWrite.ToUtf8(after, write));
    }
}
