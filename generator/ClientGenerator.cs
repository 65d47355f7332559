using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Emitting;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator;

/// <summary>
/// Generates typed records, validators and a client per OpenAPI spec given as an AdditionalFile.
/// Pipeline: spec file → <see cref="SpecInput"/> → its fragments, each read and checked on its own (<see cref="FragmentRead"/>,
/// <see cref="FragmentCheck"/>) →
/// <see cref="SpecParseResult"/> → <see cref="ApiSpec"/> → rendered sources, each step cached on its own. The
/// diagnostics leave the pipeline before the model is rendered, so that no location reaches the renderer.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientGenerator : IIncrementalGenerator
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    private const string PropertyPrefix = "build_property.";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => FileKind(pair.Left, pair.Right) == AdditionalFileKind.Spec)
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.SpecFiles);

        var specInputs = specFiles
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadSpecInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SpecInputs);

        // A JSON spec is read in fragments (each path item, each webhook, each component, the rest), each cached on its own: an edit of
        // one operation or schema reads that fragment again, not the whole text.
        var specFragments = specInputs
            .SelectMany(static (input, _) => SpecFragmenter.Split(input.Path, input.Text))
            .WithTrackingName(TrackingNames.SpecFragments);

        var fragmentReads = specFragments
            .Select(static (fragment, _) => FragmentRead.Read(fragment))
            .WithTrackingName(TrackingNames.FragmentReads);

        // Each fragment is checked on its own too, in the dialect its spec's skeleton says, and cached with it; the
        // findings are placed in the spec when it is put together.
        var specDialects = fragmentReads
            .Where(static read => read.Fragment.Pointer.Length == 0)
            .Select(static (read, _) => new SpecDialect(read.Fragment.SpecPath, SpecShapeChecker.IsOpenApi31(read.Document.Root)))
            .Collect()
            .WithTrackingName(TrackingNames.SpecDialects);

        var fragmentChecks = fragmentReads
            .Combine(specDialects)
            .Select(static (pair, _) => FragmentCheck.Check(pair.Left, pair.Right.Any(d => d.SpecPath == pair.Left.Fragment.SpecPath && d.IsOpenApi31)))
            .WithTrackingName(TrackingNames.FragmentChecks);

        var specReads = specInputs
            .Combine(fragmentChecks.Collect())
            .Select(static (pair, _) => new SpecRead(pair.Left, pair.Right.Where(c => c.Read.Fragment.SpecPath == pair.Left.Path).ToEquatableArray()))
            .WithTrackingName(TrackingNames.SpecReads);

        var parsedSpecs = specReads
            .Select(static (read, _) => SpecParser.ParseRead(read))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        var templates = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => FileKind(pair.Left, pair.Right) == AdditionalFileKind.Template)
            .Select(static (pair, cancellationToken) => new TemplateOverride(
                Path.GetFileName(pair.Left.Path),
                pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty,
                pair.Left.Path))
            .Collect()
            .Select(static (overrides, _) => new TemplateSet(overrides.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.TemplateOverrides);

        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => ReadGeneratorOptions(pair.Left.GlobalOptions, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        var renderSettings = templates.Combine(options);

        // The models alone, without the diagnostics and their locations: an edit that only moves lines changes the parse
        // result but not the model, so the render steps below come from the cache.
        var specModels = parsedSpecs
            .SelectMany(static (parsed, _) => parsed.Spec is { } spec ? ImmutableArray.Create(spec) : ImmutableArray<ApiSpec>.Empty)
            .WithTrackingName(TrackingNames.SpecModels);

        // Each file a spec generates is an item of its own, with the slice of the model it reads: editing one schema
        // re-renders the file of that schema, editing one operation the client, and the other files come from the cache.
        var renderInputs = specModels
            .Combine(options)
            .SelectMany(static (pair, _) => SourceEmitter.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.RenderInputs);

        var renderedFiles = renderInputs
            .Combine(renderSettings)
            .Select(static (pair, _) => Render(pair.Left, pair.Right.Left, pair.Right.Right))
            .WithTrackingName(TrackingNames.RenderedFiles);

        var renderedSpecs = renderedFiles
            .Collect()
            .SelectMany(static (files, _) => BySpec(files))
            .WithTrackingName(TrackingNames.RenderedSpecs);

        var renderedRuntime = renderSettings
            .Select(static (pair, _) => SourceEmitter.EmitRuntime(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.RenderedRuntime);

        // Where each client's name comes from, for the diagnostics about rendering, which the render steps cannot place.
        var titleLocations = parsedSpecs
            .SelectMany(static (parsed, _) => parsed.Spec is { } spec
                ? ImmutableArray.Create(new TitleLocation(spec.SourcePath, parsed.NameLocation))
                : ImmutableArray<TitleLocation>.Empty)
            .Collect()
            .WithTrackingName(TrackingNames.TitleLocations);

        // Every source under its final hint name, an item each: an edit adds again only the sources it changed (Roslyn's
        // collection of a step's sources looks for a name's duplicate by walking all it holds, so one item of 700 sources
        // costs 700 × 700 / 2 comparisons at each run).
        var generatedSources = renderedSpecs
            .Collect()
            .Combine(renderedRuntime)
            .SelectMany(static (pair, _) => UniqueSources(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.GeneratedSources);

        // Sources and diagnostics have outputs of their own, as System.Text.Json's generator does: a diagnostic that moves
        // is reported again without rendering or adding any source again.
        context.RegisterSourceOutput(generatedSources, static (spc, source) => spc.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(parsedSpecs, static (spc, parsed) => Report(spc, parsed.Diagnostics));
        context.RegisterSourceOutput(
            renderedSpecs.Collect().Combine(titleLocations).Combine(renderedRuntime),
            static (spc, pair) => ReportRenderDiagnostics(spc, pair.Left.Left, pair.Left.Right, pair.Right));
    }

    private static RenderedFile Render(RenderInput file, TemplateSet templates, GeneratorOptions options)
    {
        try
        {
            return new RenderedFile(file.SourcePath, file.Client, SourceEmitter.Render(file, templates, options), Failure: null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var empty = new RenderResult(EquatableArray<GeneratedSource>.Empty, EquatableArray<DiagnosticInfo>.Empty);
            return new RenderedFile(file.SourcePath, file.Client, empty, exception.GetType().Name + ": " + exception.Message);
        }
    }

    /// <summary>
    /// The files put together per spec, in the order the spec planned them. A spec whose rendering failed anywhere
    /// generates nothing, as it did when it was rendered whole: a part of a client would not compile.
    /// </summary>
    private static ImmutableArray<RenderedSpec> BySpec(ImmutableArray<RenderedFile> files)
        => files
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .Select(spec => spec.FirstOrDefault(f => f.Failure is not null)?.Failure is { } failure
                ? new RenderedSpec(spec.Key, spec.First().Client, new RenderResult(EquatableArray<GeneratedSource>.Empty, EquatableArray<DiagnosticInfo>.Empty), failure)
                : new RenderedSpec(
                    spec.Key,
                    spec.First().Client,
                    new RenderResult(
                        spec.SelectMany(f => f.Result.Sources).ToEquatableArray(),
                        spec.SelectMany(f => f.Result.Diagnostics).Distinct().ToEquatableArray()),
                    Failure: null))
            .ToImmutableArray();

    /// <summary>
    /// Every source under a unique hint name, in the order they are added. Specs are ordered by path, so the output does not
    /// depend on the order of the AdditionalFiles; a spec whose client an earlier spec already generates adds nothing (see
    /// <see cref="InPathOrder"/>); the runtime comes last, and only when a spec adds a source.
    /// </summary>
    private static ImmutableArray<GeneratedSource> UniqueSources(ImmutableArray<RenderedSpec> specs, RenderResult runtime)
    {
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sources = ImmutableArray.CreateBuilder<GeneratedSource>();
        foreach (var (spec, firstPath) in InPathOrder(specs))
        {
            if (firstPath is null)
            {
                sources.AddRange(spec.Result.Sources.Select(source => Unique(hintNames, source)));
            }
        }

        if (sources.Count > 0)
        {
            sources.AddRange(runtime.Sources.Select(source => Unique(hintNames, source)));
        }

        return sources.ToImmutable();
    }

    /// <summary>
    /// Reports what rendering found: the templates' errors, a spec the generator failed to render (OAG011) and a client
    /// that another spec already generates (OAG015), both at the spec's <c>info.title</c>.
    /// </summary>
    private static void ReportRenderDiagnostics(SourceProductionContext context, ImmutableArray<RenderedSpec> specs, ImmutableArray<TitleLocation> titles, RenderResult runtime)
    {
        var titleOf = titles.ToDictionary(t => t.Path, t => t.Location, StringComparer.Ordinal);
        foreach (var (spec, firstPath) in InPathOrder(specs))
        {
            Report(context, spec.Result.Diagnostics);
            titleOf.TryGetValue(spec.Path, out var title);
            if (spec.Failure is { } failure)
            {
                Report(context, DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, title, Path.GetFileName(spec.Path), failure));
            }

            if (firstPath is not null)
            {
                Report(context, DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateClient, title, Path.GetFileName(firstPath), Path.GetFileName(spec.Path), spec.Client));
            }
        }

        Report(context, runtime.Diagnostics);
    }

    /// <summary>
    /// The specs ordered by path, each with the path of the earlier spec that already generates its client, if any. Two specs
    /// that would generate the same client (same namespace and name, as two specs with the same title do) would not compile
    /// together: the first keeps it, the second reports OAG015. Only a spec that rendered sources claims its client.
    /// </summary>
    private static IEnumerable<(RenderedSpec Spec, string? FirstPath)> InPathOrder(ImmutableArray<RenderedSpec> specs)
    {
        var clients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            if (spec.Result.Sources.Count == 0)
            {
                yield return (spec, null);
            }
            else if (clients.TryGetValue(spec.Client, out var firstPath))
            {
                yield return (spec, firstPath);
            }
            else
            {
                clients.Add(spec.Client, spec.Path);
                yield return (spec, null);
            }
        }
    }

    private static void Report(SourceProductionContext context, params IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>The source under its own hint name, or under the name with a number appended when another source has it already.</summary>
    private static GeneratedSource Unique(HashSet<string> hintNames, GeneratedSource source)
    {
        var hintName = source.HintName;
        for (var suffix = 2; !hintNames.Add(hintName); suffix++)
        {
            hintName = Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(source.HintName)) + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }

        return hintName == source.HintName ? source : source with { HintName = hintName };
    }

    /// <summary>
    /// What rendering one spec gave, and the full name of its client, which no other spec's may have. <see cref="Failure"/>
    /// is the exception's message when rendering threw; it is reported at the spec's title, which the render step does not know.
    /// </summary>
    private sealed record RenderedSpec(string Path, string Client, RenderResult Result, string? Failure);

    /// <summary>What rendering one file of a spec gave; see <see cref="RenderedSpec"/>.</summary>
    private sealed record RenderedFile(string Path, string Client, RenderResult Result, string? Failure);

    /// <summary>Where a spec's <c>info.title</c>, and so its client's name, stands.</summary>
    private sealed record TitleLocation(string Path, LocationInfo? Location);

    private enum AdditionalFileKind
    {
        Other,
        Spec,
        Template,
    }

    /// <summary>
    /// A file is a spec when MSBuild marks it so (the package's targets do, for OpenApiSpec items and *.openapi.* files),
    /// or when it is a YAML/JSON file whose name says it is an OpenAPI document. Other JSON files, such as stylecop.json, are left alone.
    /// </summary>
    private static AdditionalFileKind FileKind(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider)
    {
        var fileOptions = optionsProvider.GetOptions(file);
        if (fileOptions.TryGetValue(MetadataPrefix + "OpenApiGeneratorKind", out var kind) && kind.Length > 0)
        {
            return kind.Equals("Spec", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.Spec
                : kind.Equals("Template", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.Template
                : AdditionalFileKind.Other;
        }

        var name = Path.GetFileName(file.Path);
        if (name.EndsWith(".sbncs", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.Template;
        }

        var extension = Path.GetExtension(name);
        var isYamlOrJson = extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
        return isYamlOrJson && name.IndexOf(".openapi.", StringComparison.OrdinalIgnoreCase) >= 0 ? AdditionalFileKind.Spec : AdditionalFileKind.Other;
    }

    private static SpecInput ReadSpecInput(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var fileOptions = optionsProvider.GetOptions(file);
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecInput(
            file.Path,
            text,
            new SpecOptions(
                Value(optionsProvider.GlobalOptions, PropertyPrefix + "OpenApiRootNamespace") ?? Value(optionsProvider.GlobalOptions, PropertyPrefix + "RootNamespace"),
                Value(fileOptions, MetadataPrefix + "OpenApiNamespace"),
                Value(fileOptions, MetadataPrefix + "OpenApiClientName"),
                SpecSelection.FromMetadata(name => Value(fileOptions, MetadataPrefix + name)),
                WebhookSelection.FromMetadata(Value(fileOptions, MetadataPrefix + WebhookSelection.Metadata))));
    }

    private static GeneratorOptions ReadGeneratorOptions(AnalyzerConfigOptions globalOptions, Compilation compilation)
    {
        var emitDataAnnotations = string.Equals(Value(globalOptions, PropertyPrefix + "OpenApiEmitDataAnnotations"), "true", StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(
            emitDataAnnotations,
            EmitServiceCollectionExtensions: compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null,
            NeedsRequiredMemberPolyfill: !HasAccessibleType(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute"),
            NeedsInitPolyfill: !HasAccessibleType(compilation, "System.Runtime.CompilerServices.IsExternalInit"));
    }

    /// <summary>System.Text.Json for netstandard2.0 carries its own internal IsExternalInit, which the consumer cannot use.</summary>
    private static bool HasAccessibleType(Compilation compilation, string metadataName)
        => compilation.GetTypesByMetadataName(metadataName).Any(t => compilation.IsSymbolAccessibleWithin(t, compilation.Assembly));

    private static string? Value(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
