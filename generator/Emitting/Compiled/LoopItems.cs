using System.Collections;

namespace OpenApiClientGenerator.Emitting.Compiled;

/// <summary>
/// The values a compiled <c>for</c> loop goes through, each with its place: what Scriban's <c>for.first</c>,
/// <c>for.last</c> and <c>for.index</c> tell. A struct enumerator, so that a loop allocates nothing.
/// </summary>
internal readonly struct LoopItems(IList values)
{
    public Enumerator GetEnumerator() => new(values);

    internal struct Enumerator(IList values)
    {
        private int _index = -1;

        public readonly LoopItem Current => new(values[_index], _index, _index == values.Count - 1);

        public bool MoveNext() => ++_index < values.Count;
    }
}

/// <summary>One value of a loop and its place in it.</summary>
internal readonly struct LoopItem(object? value, int index, bool isLast)
{
    public object? Value { get; } = value;

    public int Index { get; } = index;

    public bool IsFirst => Index == 0;

    public bool IsLast { get; } = isLast;
}
