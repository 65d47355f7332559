using System;
using System.Collections.Generic;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Where each line of a text starts, in order, the first at 0, kept in blocks of a fixed size rather than in one array
/// that doubles as it fills: a large spec has hundreds of thousands of lines and is scanned again at every edit, and a
/// doubling array copies itself each time, each copy past 85,000 bytes a large object that only a full collection takes back.
/// </summary>
internal sealed class LineStarts
{
    /// <summary>16 KB a block, below the large-object size. A power of two, so a line's block and place are a shift and a mask.</summary>
    private const int BlockShift = 12;
    private const int BlockSize = 1 << BlockShift;

    /// <summary>Every block but the last is full. The first grows from a few entries, since most texts read (fragments) have few lines.</summary>
    private readonly List<int[]> _blocks;

    /// <summary>The last block, which <see cref="Add"/> fills, and how many starts it holds.</summary>
    private int[] _last = new int[16];
    private int _lastCount = 1;

    public LineStarts() => _blocks = [_last];

    public int Count => ((_blocks.Count - 1) << BlockShift) + _lastCount;

    public int this[int line] => _blocks[line >> BlockShift][line & (BlockSize - 1)];

    /// <param name="start">Where the next line starts: after every start added before.</param>
    /// <remarks>Small enough to be inlined in the scan, which adds a start at every line; growing is apart.</remarks>
    public void Add(int start)
    {
        if (_lastCount == _last.Length)
        {
            Grow();
        }

        _last[_lastCount++] = start;
    }

    private void Grow()
    {
        if (_last.Length < BlockSize)
        {
            Array.Resize(ref _last, _last.Length * 2);
            _blocks[_blocks.Count - 1] = _last;
        }
        else
        {
            _last = new int[BlockSize];
            _blocks.Add(_last);
            _lastCount = 0;
        }
    }

    /// <summary>The line that holds <paramref name="offset"/> (0 or more): the last one that starts at or before it.</summary>
    public int LineOf(int offset)
    {
        var low = 0;
        var high = _blocks.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (_blocks[middle][0] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var found = Array.BinarySearch(_blocks[low], 0, low == _blocks.Count - 1 ? _lastCount : BlockSize, offset);
        return (low << BlockShift) + (found >= 0 ? found : ~found - 1);
    }
}
