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
            .Select(static (pair, _) => Render(pair.Left, pair.Right.Left, pair.Right.Right))
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
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, parsed.Spec.SourcePath, exception.GetType().Name + ": " + exception.Message);
            return new RenderResult(EquatableArray<GeneratedSource>.Empty, parsed.Diagnostics.Concat([failure]).ToEquatableArray());
        }
    }

    /// <summary>
    /// Adds every source under a unique hint name. Specs are ordered by path first, so the output does not depend on
    /// the order of the AdditionalFiles.
    /// </summary>
    private static void AddSources(SourceProductionContext context, ImmutableArray<RenderResult> specs, RenderResult runtime)
    {
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var anySpecSource = false;
        foreach (var result in specs.OrderBy(r => r.Sources.Count == 0 ? string.Empty : r.Sources[0].HintName, StringComparer.Ordinal))
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            foreach (var source in result.Sources)
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
            NeedsRequiredMemberPolyfill: compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is null,
            NeedsInitPolyfill: compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit") is null);
    }

    private static string? Value(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
