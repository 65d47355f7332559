using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenApiClientGenerator.Checking;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// Microsoft.OpenApi's reading of one placed fragment's tree (<see cref="FragmentCheck.Reading"/>): the element, the dialect
/// it was read in, and the document its references resolve through.
/// </summary>
internal sealed class PieceReading(OpenApiSpecVersion version, PieceHost host, object element)
{
    public OpenApiSpecVersion Version { get; } = version;

    public PieceHost Host { get; } = host;

    /// <summary>The element, or the reference Microsoft.OpenApi reads a piece that is only a <c>$ref</c> as.</summary>
    public object Element { get; } = element;
}

/// <summary>
/// The document that the pieces read in one parse name as their references' host. Microsoft.OpenApi
/// fixes a reference's host when it reads it, and resolves the reference through the host's workspace (its tags and
/// security schemes through the host's own): a later parse that reuses the pieces makes their host serve its own
/// document (<see cref="Serve"/>), which it may do while it alone holds the host.
/// </summary>
internal sealed class PieceHost
{
    private int _held;

    private PieceHost(OpenApiDocument document) => Document = document;

    public OpenApiDocument Document { get; }

    /// <summary>The host of the pieces one parse reads against <paramref name="document"/>, held by that parse.</summary>
    public static PieceHost Held(OpenApiDocument document) => new(document) { _held = 1 };

    /// <summary>Takes the host for one parse; false while another parse holds it (two runs of one driver state may parse at once, as an IDE does).</summary>
    public bool TryHold() => Interlocked.CompareExchange(ref _held, 1, 0) == 0;

    public void Release() => Volatile.Write(ref _held, 0);

    /// <summary>Resolves the references read against this host in <paramref name="document"/>.</summary>
    public void Serve(OpenApiDocument document)
    {
        Document.Workspace = document.Workspace;
        Document.Tags = document.Tags;
        Document.Components = document.Components;
    }
}

/// <summary>
/// Reads a spec with Microsoft.OpenApi, keeping the reading of each path item, webhook and component with the check of
/// the fragment whose tree the parse placed itself (<see cref="FragmentCheck.Reading"/>). Where an earlier parse kept
/// readings, the spec is read in pieces: the document without its path items, webhooks and components, then each of those
/// on its own, the kept ones reused. A re-run after an edit of one operation or schema then reads that piece again
/// instead of the whole spec, the largest part of a re-run before. A document that is not one this reads so is read
/// whole and keeps nothing: a Swagger 2.0 spec, a member it does not know, a piece that declares schema identifiers or
/// anchors (which Microsoft.OpenApi registers as it reads them); so is one whose pieces do not all read without error,
/// with the messages a whole reading gives.
/// </summary>
internal static class PieceDocumentReader
{
    private static readonly string[] SchemaIdentifierKeywords = ["\"$id\"", "\"$anchor\"", "\"$dynamicAnchor\"", "\"$dynamicRef\"", "\\u"];

    private static readonly OpenApiSpecVersion[] PieceVersions = [OpenApiSpecVersion.OpenApi3_0, OpenApiSpecVersion.OpenApi3_1, OpenApiSpecVersion.OpenApi3_2];

    /// <summary>The sections of <c>components</c>, with the first dialect that has each; any other member leaves the spec to be read whole.</summary>
    private static readonly Dictionary<string, Section> Sections = new(StringComparer.Ordinal)
    {
        ["schemas"] = new Section<OpenApiSchema, IOpenApiSchema>(c => c.Schemas, (c, map) => c.Schemas = map),
        ["responses"] = new Section<OpenApiResponse, IOpenApiResponse>(c => c.Responses, (c, map) => c.Responses = map),
        ["parameters"] = new Section<OpenApiParameter, IOpenApiParameter>(c => c.Parameters, (c, map) => c.Parameters = map),
        ["examples"] = new Section<OpenApiExample, IOpenApiExample>(c => c.Examples, (c, map) => c.Examples = map),
        ["requestBodies"] = new Section<OpenApiRequestBody, IOpenApiRequestBody>(c => c.RequestBodies, (c, map) => c.RequestBodies = map),
        ["headers"] = new Section<OpenApiHeader, IOpenApiHeader>(c => c.Headers, (c, map) => c.Headers = map),
        ["securitySchemes"] = new Section<OpenApiSecurityScheme, IOpenApiSecurityScheme>(c => c.SecuritySchemes, (c, map) => c.SecuritySchemes = map),
        ["links"] = new Section<OpenApiLink, IOpenApiLink>(c => c.Links, (c, map) => c.Links = map),
        ["callbacks"] = new Section<OpenApiCallback, IOpenApiCallback>(c => c.Callbacks, (c, map) => c.Callbacks = map),
        ["pathItems"] = new Section<OpenApiPathItem, IOpenApiPathItem>(c => c.PathItems, (c, map) => c.PathItems = map, OpenApiSpecVersion.OpenApi3_1),
        ["mediaTypes"] = new Section<OpenApiMediaType, IOpenApiMediaType>(c => c.MediaTypes, (c, map) => c.MediaTypes = map, OpenApiSpecVersion.OpenApi3_2),
    };

    public static ReadResult Read(JsonNode root, Uri location, OpenApiReaderSettings settings, FragmentTrees trees)
    {
        var layout = Layout.Of(root, trees);
        if (layout is not null && trees.Checks.Any(c => c.Reading is not null) && TryReadInPieces(layout, location, settings, trees) is { } pieces)
        {
            return pieces;
        }

        var whole = new OpenApiJsonReader().Read(root, location, settings);
        if (layout is not null && whole.Document is { } document && whole.Diagnostic is { Errors.Count: 0 } diagnostic && PieceVersions.Contains(diagnostic.SpecificationVersion))
        {
            new Pieces(document, diagnostic.SpecificationVersion, settings, trees, () => document).KeepWhole(layout);
        }

        return whole;
    }

    /// <summary>The spec read in pieces, reusing the readings its checks kept; null, having changed nothing, where it cannot be read so.</summary>
    internal static ReadResult? TryReadInPieces(JsonNode root, Uri location, OpenApiReaderSettings settings, FragmentTrees trees)
        => Layout.Of(root, trees) is { } layout ? TryReadInPieces(layout, location, settings, trees) : null;

    private static ReadResult? TryReadInPieces(Layout layout, Uri location, OpenApiReaderSettings settings, FragmentTrees trees)
    {
        var shell = ReadShell(layout, location, settings);
        if (shell.Document is not { } read || shell.Diagnostic is not { Errors.Count: 0 } diagnostic || !PieceVersions.Contains(diagnostic.SpecificationVersion)
            || (layout.Webhooks is not null && read.Webhooks is null))
        {
            return null;
        }

        var pieces = new Pieces(read, diagnostic.SpecificationVersion, settings, trees, () => HostStub(location, settings));
        if (!pieces.Read(layout))
        {
            return null;
        }

        // From here on the reused pieces' references resolve in this document, while its components are registered too.
        trees.ServeHosts(read);
        read.SetReferenceHostDocument();
        read.Workspace?.RegisterComponents(read);
        pieces.Keep();
        return shell;
    }

    /// <summary>
    /// Reads the document with its path items, webhooks and components taken out for the time (each map empty), as a whole
    /// reading reads the rest of it.
    /// </summary>
    private static ReadResult ReadShell(Layout layout, Uri location, OpenApiReaderSettings settings)
    {
        var maps = new[] { ("paths", layout.Paths), ("webhooks", layout.Webhooks), ("components", layout.Components) };
        foreach (var (name, map) in maps)
        {
            if (map is not null)
            {
                layout.Document[name] = new JsonObject();
            }
        }

        try
        {
            return new OpenApiJsonReader().Read(layout.Document, location, settings);
        }
        finally
        {
            foreach (var (name, map) in maps)
            {
                if (map is not null)
                {
                    layout.Document[name] = map;
                }
            }
        }
    }

    /// <summary>Whether the fragment may declare a schema identifier or anchor: it names one, or it has a \u escape, which may spell one.</summary>
    public static bool DeclaresSchemaIdentifiers(SpecFragment fragment)
    {
        var text = fragment.Text.Span;
        foreach (var keyword in SchemaIdentifierKeywords)
        {
            if (text.IndexOf(keyword.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOpenApi30(JsonObject document)
        => document["openapi"] is JsonValue value && value.TryGetValue(out string? version) && version.StartsWith("3.0", StringComparison.Ordinal);

    /// <summary>The maps of a spec that hold its pieces; null where the spec is not one to read in pieces.</summary>
    private sealed class Layout(JsonObject document, JsonObject? paths, JsonObject? webhooks, JsonObject? components)
    {
        public JsonObject Document { get; } = document;

        public JsonObject? Paths { get; } = paths;

        public JsonObject? Webhooks { get; } = webhooks;

        public JsonObject? Components { get; } = components;

        public static Layout? Of(JsonNode root, FragmentTrees trees)
        {
            // Microsoft.OpenApi's reader of 3.0 reads $id and the anchors as unknown keywords; those of 3.1 and 3.2 register them.
            if (root is not JsonObject document || document.ContainsKey("swagger") || (!IsOpenApi30(document) && trees.Checks.Any(c => c.DeclaresSchemaIdentifiers)))
            {
                return null;
            }

            var paths = document["paths"] as JsonObject;
            var webhooks = document["webhooks"] as JsonObject;
            var components = document["components"] as JsonObject;
            return (document.ContainsKey("paths") && paths is null) || (document.ContainsKey("webhooks") && webhooks is null) || (document.ContainsKey("components") && components is null)
                // Microsoft.OpenApi reads a member of paths that does not start with '/' as an extension or an error.
                || paths?.Any(member => !member.Key.StartsWith("/", StringComparison.Ordinal) || member.Value is not JsonObject) == true
                || components?.Any(member => !Sections.ContainsKey(member.Key) || member.Value is not JsonObject) == true
                ? null
                : new Layout(document, paths, webhooks, components);
        }
    }

    /// <summary>A section of components: how its map is read into the document, and its pieces kept from a document read whole.</summary>
    private abstract class Section(OpenApiSpecVersion since)
    {
        public bool IsIn(OpenApiSpecVersion version) => Array.IndexOf(PieceVersions, version) >= Array.IndexOf(PieceVersions, since);

        public abstract bool Read(Pieces pieces, JsonObject members, OpenApiComponents into);

        public abstract void Keep(Pieces pieces, JsonObject members, OpenApiComponents from);
    }

    private sealed class Section<TElement, TInterface>(
        Func<OpenApiComponents, IDictionary<string, TInterface>?> get,
        Action<OpenApiComponents, IDictionary<string, TInterface>> set,
        OpenApiSpecVersion since = OpenApiSpecVersion.OpenApi3_0) : Section(since)
        where TElement : class, TInterface, IOpenApiElement
        where TInterface : class
    {
        public override bool Read(Pieces pieces, JsonObject members, OpenApiComponents into)
        {
            if (pieces.ReadMap<TElement, TInterface>(members) is not { } map)
            {
                return false;
            }

            set(into, map);
            return true;
        }

        public override void Keep(Pieces pieces, JsonObject members, OpenApiComponents from) => pieces.KeepMap(members, get(from));
    }

    /// <summary>
    /// A document with nothing but the base URI that references' locations start with, for the pieces a parse reads on
    /// their own to name as their host: the parse's own document, with its paths and the assembled tree its extensions'
    /// nodes belong to, would then stay alive as long as any of those pieces is kept.
    /// </summary>
    private static OpenApiDocument HostStub(Uri location, OpenApiReaderSettings settings)
        => new OpenApiJsonReader().Read(new JsonObject { ["openapi"] = "3.0.3", ["info"] = new JsonObject { ["title"] = "host", ["version"] = "1" }, ["paths"] = new JsonObject() }, location, settings).Document!;

    /// <summary>The pieces of one parse's document, read or reused, and the hosts their references resolve through.</summary>
    /// <param name="hostDocument">The document the pieces read here name as their host: the document itself when it was read whole.</param>
    private sealed class Pieces(OpenApiDocument document, OpenApiSpecVersion version, OpenApiReaderSettings settings, FragmentTrees trees, Func<OpenApiDocument> hostDocument)
    {
        private readonly List<(FragmentCheck Check, object Element)> _read = [];
        private PieceHost? _host;

        private PieceHost Host => _host ??= trees.HoldNew(hostDocument());

        public bool Read(Layout layout)
        {
            if (layout.Paths is { } paths)
            {
                if (ReadMap<OpenApiPathItem, IOpenApiPathItem>(paths) is not { } items)
                {
                    return false;
                }

                foreach (var item in items)
                {
                    document.Paths.Add(item.Key, item.Value);
                }
            }

            if (layout.Webhooks is { } webhooks)
            {
                // OpenAPI 3.0 has no webhooks: its reader reports the member.
                if (version == OpenApiSpecVersion.OpenApi3_0 || ReadMap<OpenApiPathItem, IOpenApiPathItem>(webhooks) is not { } map)
                {
                    return false;
                }

                document.Webhooks = map;
            }

            if (layout.Components is { } components)
            {
                var into = document.Components ??= new OpenApiComponents();
                foreach (var member in components)
                {
                    var section = Sections[member.Key];
                    if (!section.IsIn(version) || !section.Read(this, (JsonObject)member.Value!, into))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>Keeps the pieces of a document read whole with the checks of the trees they were read from.</summary>
        public void KeepWhole(Layout layout)
        {
            if (layout.Paths is { } paths)
            {
                KeepMap(paths, document.Paths);
            }

            if (layout.Webhooks is { } webhooks)
            {
                KeepMap(webhooks, document.Webhooks);
            }

            if (layout.Components is { } components && document.Components is { } read)
            {
                foreach (var member in components)
                {
                    Sections[member.Key].Keep(this, (JsonObject)member.Value!, read);
                }
            }

            Keep();
        }

        /// <summary>A map of pieces, in the order of the text; a member that is not an object is null, as Microsoft.OpenApi reads it.</summary>
        public Dictionary<string, TInterface>? ReadMap<TElement, TInterface>(JsonObject members)
            where TElement : class, TInterface, IOpenApiElement
            where TInterface : class
        {
            var map = new Dictionary<string, TInterface>(members.Count, StringComparer.Ordinal);
            foreach (var member in members)
            {
                TInterface? element = null;
                if (member.Value is JsonObject node && (element = Read<TElement, TInterface>(node)) is null)
                {
                    return null;
                }

                map.Add(member.Key, element!);
            }

            return map;
        }

        public void KeepMap<TInterface>(JsonObject members, IDictionary<string, TInterface>? read)
            where TInterface : class
        {
            foreach (var member in members)
            {
                // A piece that is only a reference is kept as the reference it reads as: read on its own, it would not read as the element.
                if (member.Value is { } node && trees.PlacedCheckOf(node) is { } check && read?.TryGetValue(member.Key, out var element) == true && element is not null)
                {
                    _read.Add((check, element));
                }
            }
        }

        /// <summary>
        /// The piece's kept reading, when the parse placed its check's tree and holds its host; else a reading of the node
        /// against this parse's host, null where it does not read on its own (a piece that is only a reference) or has errors.
        /// </summary>
        private TInterface? Read<TElement, TInterface>(JsonNode node)
            where TElement : class, TInterface, IOpenApiElement
            where TInterface : class
        {
            var check = trees.PlacedCheckOf(node);
            if (check?.Reading is { Element: TInterface kept } reading && reading.Version == version && trees.Hold(reading.Host))
            {
                return kept;
            }

            var diagnostic = new OpenApiDiagnostic();
            var context = new ParsingContext(diagnostic) { ExtensionParsers = settings.ExtensionParsers, BaseUrl = settings.BaseUrl, DefaultContentType = settings.DefaultContentType };
            TElement? element;
            try
            {
                element = context.ParseFragment<TElement>(node, version, Host.Document);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The whole reading says where, and what.
                return null;
            }

            if (element is null || diagnostic.Errors.Count > 0)
            {
                return null;
            }

            if (check is not null)
            {
                _read.Add((check, element));
            }

            return element;
        }

        /// <summary>Keeps the pieces this parse read with their checks, for the next parse that places their trees.</summary>
        public void Keep()
        {
            foreach (var (check, element) in _read)
            {
                check.Reading = new PieceReading(version, Host, element);
            }
        }
    }
}
