using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Benchmarks.Tests;

/// <summary>JSON equality by meaning: member order ignored, numbers compared by value (Newtonsoft.Json writes 0 as 0.0).</summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual, string what)
    {
        var difference = Difference(expected, actual, "$");
        Assert.True(difference is null, $"{what}: {difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    public static void Equivalent(byte[] expectedUtf8, byte[] actualUtf8, string what)
        => Equivalent(JsonNode.Parse(expectedUtf8), JsonNode.Parse(actualUtf8), what);

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    private static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                var names = e.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal);
                foreach (var name in names)
                {
                    if (!e.ContainsKey(name) || !a.ContainsKey(name))
                    {
                        return $"{path}.{name} is {(e.ContainsKey(name) ? "missing" : "unexpected")}";
                    }

                    if (Difference(e[name], a[name], path + "." + name) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path} has {a.Count} items, expected {e.Count}";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                var (ek, ak) = (e.GetValueKind(), a.GetValueKind());
                if (ek != ak)
                {
                    return $"{path} is {ak}, expected {ek}";
                }

                var same = ek == JsonValueKind.Number
                    ? decimal.Parse(e.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    : e.ToJsonString() == a.ToJsonString();
                return same ? null : $"{path} is {a.ToJsonString()}, expected {e.ToJsonString()}";
            default:
                return $"{path} is {actual?.GetValueKind().ToString() ?? "null"}, expected {expected?.GetValueKind().ToString() ?? "null"}";
        }
    }
}
