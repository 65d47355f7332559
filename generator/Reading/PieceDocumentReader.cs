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
internal sealed class PieceReading(OpenApiSpecVersion version, PieceHost host, IOpenApiElement element)
{
    public OpenApiSpecVersion Version { get; } = version;

    public PieceHost Host { get; } = host;

    public IOpenApiElement Element { get; } = element;
}

/// <summary>
/// The document that pieces read in one parse name as their references' host. Microsoft.OpenApi fixes a reference's host
/// when it reads it, and resolves the reference through the host's workspace (its tags and security schemes through the
/// host's own): a later parse that reuses the pieces makes their host serve its own document
/// (<see cref="Serve"/>), which it may do while it alone holds the host.
/// </summary>
internal sealed class PieceHost
{
    private int _held;

    /// <summary>A copy of the document being read, whose base URI the references' locations start with.</summary>
    private PieceHost(OpenApiDocument document) => Document = new OpenApiDocument(document);

    public OpenApiDocument Document { get; }

    /// <summary>A host for the pieces one parse reads into <paramref name="document"/>, held by that parse.</summary>
    public static PieceHost Held(OpenApiDocument document)
    {
        var host = new PieceHost(document);
        host._held = 1;
        return host;
    }

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
/// Reads a spec with Microsoft.OpenApi piece by piece: the document without its path items, webhooks and components, then
/// each of those on its own, where the parse placed a fragment's checked tree itself reusing the reading an earlier parse
/// kept with it (<see cref="FragmentCheck.Reading"/>). A re-run after an edit of one operation or schema then reads that
/// piece again instead of the whole spec, the largest part of a re-run before. Null, having changed nothing, where the
/// document is not one this reads so: a Swagger 2.0 spec, a member it does not know, a piece that is a reference or that
/// declares schema identifiers or anchors (which Microsoft.OpenApi registers as it reads them), a reading with any error.
/// The spec is then read whole, with the messages a whole reading gives.
/// </summary>
internal static class PieceDocumentReader
{
    private static readonly string[] SchemaIdentifierKeywords = ["\"$id\"", "\"$anchor\"", "\"$dynamicAnchor\"", "\"$dynamicRef\""];

    public static ReadResult? TryRead(JsonNode root, Uri location, OpenApiReaderSettings settings, FragmentTrees trees)
    {
        if (root is not JsonObject document || document.ContainsKey("swagger") || trees.Checks.Any(c => c.IsOpenApi31 && DeclaresSchemaIdentifiers(c)))
        {
            return null;
        }

        var paths = document["paths"] as JsonObject;
        var webhooks = document["webhooks"] as JsonObject;
        var components = document["components"] as JsonObject;
        if ((document.ContainsKey("paths") && paths is null) || (document.ContainsKey("webhooks") && webhooks is null) || (document.ContainsKey("components") && components is null))
        {
            return null;
        }

        var shell = ReadShell(document, location, settings, ("paths", paths), ("webhooks", webhooks), ("components", components));
        if (shell.Document is not { } read || shell.Diagnostic is not { } diagnostic || diagnostic.Errors.Count > 0
            || diagnostic.SpecificationVersion is not (OpenApiSpecVersion.OpenApi3_0 or OpenApiSpecVersion.OpenApi3_1 or OpenApiSpecVersion.OpenApi3_2)
            || (webhooks is not null && read.Webhooks is null))
        {
            return null;
        }

        var pieces = new Pieces(read, diagnostic.SpecificationVersion, settings, trees);
        if ((paths is not null && !pieces.ReadPaths(paths, read.Paths))
            || (webhooks is not null && !pieces.ReadMap<OpenApiPathItem, IOpenApiPathItem>(webhooks, map => read.Webhooks = map))
            || (components is not null && !pieces.ReadComponents(components, read.Components ??= new OpenApiComponents())))
        {
            return null;
        }

        read.SetReferenceHostDocument();
        read.Workspace?.RegisterComponents(read);
        pieces.Keep();
        return shell;
    }

    /// <summary>
    /// Reads the document with its path items, webhooks and components taken out for the time (each map empty), as a whole
    /// reading reads the rest of it.
    /// </summary>
    private static ReadResult ReadShell(JsonObject document, Uri location, OpenApiReaderSettings settings, params (string Name, JsonObject? Map)[] maps)
    {
        foreach (var (name, map) in maps)
        {
            if (map is not null)
            {
                document[name] = new JsonObject();
            }
        }

        try
        {
            return new OpenApiJsonReader().Read(document, location, settings);
        }
        finally
        {
            foreach (var (name, map) in maps)
            {
                if (map is not null)
                {
                    document[name] = map;
                }
            }
        }
    }

    private static bool DeclaresSchemaIdentifiers(FragmentCheck check)
    {
        var text = check.Read.Fragment.Text.Span;
        foreach (var keyword in SchemaIdentifierKeywords)
        {
            if (text.IndexOf(keyword.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pieces of one parse's document, read or reused, and the hosts their references resolve through.</summary>
    private sealed class Pieces(OpenApiDocument document, OpenApiSpecVersion version, OpenApiReaderSettings settings, FragmentTrees trees)
    {
        private readonly List<(FragmentCheck Check, IOpenApiElement Element)> _read = [];
        private PieceHost? _host;

        public bool ReadPaths(JsonObject paths, OpenApiPaths into)
        {
            foreach (var member in paths)
            {
                // Microsoft.OpenApi reads a member that does not start with '/' as an extension or an error.
                if (!member.Key.StartsWith("/", StringComparison.Ordinal) || member.Value is not JsonObject node || Read<OpenApiPathItem>(node) is not { } item)
                {
                    return false;
                }

                into.Add(member.Key, item);
            }

            return true;
        }

        public bool ReadComponents(JsonObject sections, OpenApiComponents into)
        {
            foreach (var member in sections)
            {
                if (member.Value is not JsonObject members || !ReadSection(member.Key, members, into))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The sections of <c>components</c> in each dialect, as Microsoft.OpenApi reads them; any other member ends the piecewise reading.</summary>
        private bool ReadSection(string name, JsonObject members, OpenApiComponents into) => name switch
        {
            "schemas" => ReadMap<OpenApiSchema, IOpenApiSchema>(members, map => into.Schemas = map),
            "responses" => ReadMap<OpenApiResponse, IOpenApiResponse>(members, map => into.Responses = map),
            "parameters" => ReadMap<OpenApiParameter, IOpenApiParameter>(members, map => into.Parameters = map),
            "examples" => ReadMap<OpenApiExample, IOpenApiExample>(members, map => into.Examples = map),
            "requestBodies" => ReadMap<OpenApiRequestBody, IOpenApiRequestBody>(members, map => into.RequestBodies = map),
            "headers" => ReadMap<OpenApiHeader, IOpenApiHeader>(members, map => into.Headers = map),
            "securitySchemes" => ReadMap<OpenApiSecurityScheme, IOpenApiSecurityScheme>(members, map => into.SecuritySchemes = map),
            "links" => ReadMap<OpenApiLink, IOpenApiLink>(members, map => into.Links = map),
            "callbacks" => ReadMap<OpenApiCallback, IOpenApiCallback>(members, map => into.Callbacks = map),
            "pathItems" when version != OpenApiSpecVersion.OpenApi3_0 => ReadMap<OpenApiPathItem, IOpenApiPathItem>(members, map => into.PathItems = map),
            "mediaTypes" when version == OpenApiSpecVersion.OpenApi3_2 => ReadMap<OpenApiMediaType, IOpenApiMediaType>(members, map => into.MediaTypes = map),
            _ => false,
        };

        /// <summary>A map of pieces, in the order of the text; a member that is not an object is null, as Microsoft.OpenApi reads it.</summary>
        public bool ReadMap<TElement, TInterface>(JsonObject members, Action<Dictionary<string, TInterface>> assign)
            where TElement : class, TInterface, IOpenApiElement
            where TInterface : class
        {
            var map = new Dictionary<string, TInterface>(members.Count, StringComparer.Ordinal);
            foreach (var member in members)
            {
                TInterface? element = null;
                if (member.Value is JsonObject node && (element = Read<TElement>(node)) is null)
                {
                    return false;
                }

                map.Add(member.Key, element!);
            }

            assign(map);
            return true;
        }

        /// <summary>The piece's kept reading, when the parse placed its check's tree and holds its host; else a reading of the node against this parse's host.</summary>
        private TElement? Read<TElement>(JsonNode node)
            where TElement : class, IOpenApiElement
        {
            var check = trees.PlacedCheckOf(node);
            if (check?.Reading is { Element: TElement kept } reading && reading.Version == version && trees.Hold(reading.Host))
            {
                return kept;
            }

            _host ??= trees.HoldNew(document);
            var diagnostic = new OpenApiDiagnostic();
            var context = new ParsingContext(diagnostic) { ExtensionParsers = settings.ExtensionParsers, BaseUrl = settings.BaseUrl, DefaultContentType = settings.DefaultContentType };
            TElement? element;
            try
            {
                element = context.ParseFragment<TElement>(node, version, _host.Document);
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

        /// <summary>Points every host this parse holds at its document, and keeps the pieces it read with their checks.</summary>
        public void Keep()
        {
            trees.ServeHosts(document);
            foreach (var (check, element) in _read)
            {
                check.Reading = new PieceReading(version, _host!, element);
            }
        }
    }
}
