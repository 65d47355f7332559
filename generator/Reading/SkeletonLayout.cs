using System;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Where the skeleton of a spec read in fragments stands in the spec's text: each fragment is <c>{}</c> in the skeleton,
/// so that the skeleton stays the same while a fragment's length changes, and everything after a fragment stands as
/// many characters further in the text as the fragment is longer.
/// </summary>
/// <param name="lines">The lines of the spec's text.</param>
/// <param name="fragmentStarts">The offset of each fragment's <c>{}</c> in the skeleton, in ascending order.</param>
/// <param name="fragmentLengths">The length of each fragment's text.</param>
internal sealed class SkeletonLayout(LineIndex lines, int[] fragmentStarts, int[] fragmentLengths)
{
    /// <summary>How much further the text is than the skeleton after each fragment.</summary>
    private readonly int[] _shiftAfter = Shifts(fragmentLengths);

    public SourcePosition FromSkeleton(SourcePosition position)
    {
        var start = ToText(position.Offset);
        return lines.Position(start, ToText(position.Offset + position.Length) - start);
    }

    public SourcePosition InFragment(int origin, SourcePosition relative) => lines.Position(origin + relative.Offset, relative.Length);

    /// <summary>The text's offset of a skeleton offset: shifted by every fragment whose <c>{}</c> ends at or before it.</summary>
    public int ToText(int skeletonOffset)
    {
        var index = Array.BinarySearch(fragmentStarts, skeletonOffset - 2);
        var before = index >= 0 ? index + 1 : ~index;
        return before == 0 ? skeletonOffset : skeletonOffset + _shiftAfter[before - 1];
    }

    private static int[] Shifts(int[] lengths)
    {
        var shifts = new int[lengths.Length];
        for (int i = 0, total = 0; i < lengths.Length; i++)
        {
            total += lengths[i] - 2;
            shifts[i] = total;
        }

        return shifts;
    }
}
