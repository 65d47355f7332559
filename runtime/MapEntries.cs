namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;

    /// <summary>
    /// A map's entries for a <c>foreach</c>. A <see cref="Dictionary{TKey, TValue}"/>, as every map read from JSON is, is
    /// walked with its own struct enumerator: through the interface its enumerator is boxed, which the JIT undoes only with
    /// profile-guided optimization (not on .NET Framework, nor with tiered compilation off), and validating a valid value
    /// must allocate nothing.
    /// </summary>
    internal static class MapEntries
    {
        public static MapEntries<T> Of<T>(IReadOnlyDictionary<string, T> map) => new(map);
    }

    /// <summary>The entries of a map, walked without allocating when it is a <see cref="Dictionary{TKey, TValue}"/>; see <see cref="MapEntries.Of"/>.</summary>
    internal readonly struct MapEntries<T>
    {
        private readonly IReadOnlyDictionary<string, T> _map;

        public MapEntries(IReadOnlyDictionary<string, T> map) => _map = map;

        public Enumerator GetEnumerator() => new(_map);

        internal struct Enumerator : IDisposable
        {
            private readonly IEnumerator<KeyValuePair<string, T>>? _other;
            private Dictionary<string, T>.Enumerator _dictionary;

            public Enumerator(IReadOnlyDictionary<string, T> map)
            {
                if (map is Dictionary<string, T> dictionary)
                {
                    _dictionary = dictionary.GetEnumerator();
                    _other = null;
                }
                else
                {
                    _dictionary = default;
                    _other = map.GetEnumerator();
                }
            }

            public KeyValuePair<string, T> Current => _other is null ? _dictionary.Current : _other.Current;

            public bool MoveNext() => _other is null ? _dictionary.MoveNext() : _other.MoveNext();

            public void Dispose() => _other?.Dispose();
        }
    }
}
