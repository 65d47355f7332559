using System;
using System.Text;

namespace OpenApiClientGenerator.Parsing;

/// <summary>JSON Pointer (RFC 6901) helpers: the model locates every node of a spec by pointer.</summary>
internal static class JsonPointers
{
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Escape(string segment)
        => segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0 ? segment : segment.Replace("~", "~0").Replace("/", "~1");

    public static string Unescape(string segment)
        => segment.IndexOf('~') < 0 ? segment : segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>A pointer is empty or starts with '/', and every '~' is followed by '0' or '1'.</summary>
    public static bool IsValid(string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < pointer.Length; i++)
        {
            if (pointer[i] == '~' && (i + 1 >= pointer.Length || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }
}
