using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Emitting;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Parsing;

namespace OpenApiClientGenerator;

/// <summary>
/// Generates typed records, validators and a client per OpenAPI spec given as an AdditionalFile.
/// Pipeline: spec file → <see cref="SpecInput"/> → <see cref="SpecParseResult"/> → rendered sources, each step cached on its own.
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

        var parsedSpecs = specInputs
            .Select(static (input, _) => SpecParser.Parse(input))
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

        var renderedSpecs = parsedSpecs
            .Combine(renderSettings)
            .Select(static (pair, _) => new RenderedSpec(
                pair.Left.Spec?.SourcePath ?? string.Empty,
                pair.Left.Spec is { } spec ? spec.Namespace + "." + spec.ClientName : null,
                pair.Left.NameLocation,
                Render(pair.Left, pair.Right.Left, pair.Right.Right)))
            .WithTrackingName(TrackingNames.RenderedSpecs);

        var renderedRuntime = renderSettings
            .Select(static (pair, _) => SourceEmitter.EmitRuntime(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.RenderedRuntime);

        context.RegisterSourceOutput(renderedSpecs.Collect().Combine(renderedRuntime), static (spc, pair) => AddSources(spc, pair.Left, pair.Right));
    }

    private static RenderResult Render(SpecParseResult parsed, TemplateSet templates, GeneratorOptions options)
    {
        if (parsed.Spec is null)
        {
            return new RenderResult(EquatableArray<GeneratedSource>.Empty, parsed.Diagnostics);
        }

        try
        {
            var rendered = SourceEmitter.Emit(parsed.Spec, templates, options);
            return rendered with { Diagnostics = parsed.Diagnostics.Concat(rendered.Diagnostics).ToEquatableArray() };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratorFailure,
                parsed.NameLocation,
                Path.GetFileName(parsed.Spec.SourcePath),
                exception.GetType().Name + ": " + exception.Message);
            return new RenderResult(EquatableArray<GeneratedSource>.Empty, parsed.Diagnostics.Concat([failure]).ToEquatableArray());
        }
    }

    /// <summary>
    /// Adds every source under a unique hint name. Specs are ordered by path, so the output does not depend on the order
    /// of the AdditionalFiles. Two specs that would generate the same client (same namespace and name, as two specs with
    /// the same title do) would not compile together: the first keeps it, the second reports OAG015.
    /// </summary>
    private static void AddSources(SourceProductionContext context, ImmutableArray<RenderedSpec> specs, RenderResult runtime)
    {
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var clients = new Dictionary<string, string>(StringComparer.Ordinal);
        var anySpecSource = false;
        foreach (var spec in specs.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            foreach (var diagnostic in spec.Result.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (spec.Client is { } client && spec.Result.Sources.Count > 0)
            {
                if (clients.TryGetValue(client, out var firstPath))
                {
                    var duplicate = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateClient, spec.ClientNameLocation, Path.GetFileName(firstPath), Path.GetFileName(spec.Path), client);
                    context.ReportDiagnostic(duplicate.ToDiagnostic());
                    continue;
                }

                clients.Add(client, spec.Path);
            }

            foreach (var source in spec.Result.Sources)
            {
                AddUnique(context, hintNames, source);
                anySpecSource = true;
            }
        }

        foreach (var diagnostic in runtime.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (anySpecSource)
        {
            foreach (var source in runtime.Sources)
            {
                AddUnique(context, hintNames, source);
            }
        }
    }

    private static void AddUnique(SourceProductionContext context, HashSet<string> hintNames, GeneratedSource source)
    {
        var hintName = source.HintName;
        for (var suffix = 2; !hintNames.Add(hintName); suffix++)
        {
            hintName = Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(source.HintName)) + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }

        context.AddSource(hintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
    }

    /// <summary>What rendering one spec gave, and the full name of its client, which no other spec's may have.</summary>
    private sealed record RenderedSpec(string Path, string? Client, LocationInfo? ClientNameLocation, RenderResult Result);

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
                Value(fileOptions, MetadataPrefix + "OpenApiClientName")));
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
