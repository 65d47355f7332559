using System.Text.Json.Nodes;

namespace OpenApiClientGenerator.Reading;

/// <summary>Why the text is not YAML or JSON, and where.</summary>
internal sealed record SpecSyntaxError(string Message, SourcePosition Position);

/// <summary>A spec read as a JSON tree with the position of every node; or, when the text cannot be read, the syntax error.</summary>
/// <param name="nodeCount">How many nodes the reader counted against its limit.</param>
internal sealed class SpecDocument(JsonNode? root, SourceMap map, SpecSyntaxError? error, int nodeCount)
{
    public JsonNode? Root { get; } = root;

    public SourceMap Map { get; } = map;

    public SpecSyntaxError? Error { get; } = error;

    public int NodeCount { get; } = nodeCount;
}
