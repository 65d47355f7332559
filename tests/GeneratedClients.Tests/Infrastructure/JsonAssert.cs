using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace GeneratedClients.Tests.Infrastructure;

/// <summary>JSON equality as JSON means it (member order and number spelling aside), with the first difference in the message.</summary>
public static class JsonAssert
{
    public static void Equal(JsonNode? expected, byte[] actualUtf8) => Equal(expected, JsonNode.Parse(actualUtf8));

    public static void Equal(string expectedJson, byte[] actualUtf8) => Equal(JsonNode.Parse(expectedJson), JsonNode.Parse(actualUtf8));

    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail("The JSON differs at " + FirstDifference(expected, actual, "$") + "."
                + Environment.NewLine + "expected: " + Text(expected)
                + Environment.NewLine + "actual:   " + Text(actual));
        }
    }

    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    /// <summary>Returns the JSON path of the first place where the two values differ, with what each side has there.</summary>
    public static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal))
                {
                    var inE = e.TryGetPropertyValue(name, out var ev);
                    var inA = a.TryGetPropertyValue(name, out var av);
                    if (inE != inA)
                    {
                        return path + "." + name + (inE ? " (missing in actual)" : " (not expected)");
                    }

                    if (!JsonNode.DeepEquals(ev, av))
                    {
                        return FirstDifference(ev, av, path + "." + name);
                    }
                }

                break;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return path + " (" + e.Count + " items expected, " + a.Count + " found)";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (!JsonNode.DeepEquals(e[i], a[i]))
                    {
                        return FirstDifference(e[i], a[i], path + "[" + i + "]");
                    }
                }

                break;
        }

        return path + " (expected " + Text(expected) + ", found " + Text(actual) + ")";
    }

    /// <summary>Removes the member at a dotted path such as <c>config.a[0].b</c> and returns what it held.</summary>
    public static JsonNode? Remove(JsonNode root, IEnumerable<object> path)
    {
        var segments = path.ToList();
        var parent = root;
        foreach (var segment in segments.Take(segments.Count - 1))
        {
            parent = segment is int index ? parent[index]! : parent[(string)segment]!;
        }

        var name = (string)segments[^1];
        var obj = parent.AsObject();
        Assert.True(obj.TryGetPropertyValue(name, out var removed), "The example has no '" + name + "' there.");
        obj.Remove(name);
        return removed;
    }
}
