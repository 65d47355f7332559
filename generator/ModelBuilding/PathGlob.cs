using System;

namespace OpenApiClientGenerator.ModelBuilding;

/// <summary>
/// A pattern over the spec's path templates, segment by segment: <c>**</c> stands for any number of segments (none
/// included), and <c>*</c> inside a segment for any characters but '/'. Everything else matches itself, braces
/// included: <c>/repos/{owner}/*</c> matches <c>/repos/{owner}/{repo}</c>, and so does <c>/repos/*/*</c>.
/// </summary>
internal sealed class PathGlob(string pattern)
{
    private readonly string[] _segments = Segments(pattern);

    public bool Matches(string path) => Matches(0, Segments(path), 0);

    private bool Matches(int patternIndex, string[] path, int pathIndex)
    {
        if (patternIndex == _segments.Length)
        {
            return pathIndex == path.Length;
        }

        if (_segments[patternIndex] == "**")
        {
            for (var rest = pathIndex; rest <= path.Length; rest++)
            {
                if (Matches(patternIndex + 1, path, rest))
                {
                    return true;
                }
            }

            return false;
        }

        return pathIndex < path.Length && SegmentMatches(_segments[patternIndex], 0, path[pathIndex], 0) && Matches(patternIndex + 1, path, pathIndex + 1);
    }

    private static bool SegmentMatches(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length && pattern[p] != '*')
        {
            if (t == text.Length || text[t] != pattern[p])
            {
                return false;
            }

            p++;
            t++;
        }

        if (p == pattern.Length)
        {
            return t == text.Length;
        }

        for (var rest = t; rest <= text.Length; rest++)
        {
            if (SegmentMatches(pattern, p + 1, text, rest))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The segments between the slashes; a leading or trailing slash adds none, so "/" has none.</summary>
    private static string[] Segments(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }
}
