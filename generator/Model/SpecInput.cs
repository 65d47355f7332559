namespace OpenApiClientGenerator.Model;

/// <summary>One spec file's text and the options that apply to it; the first value in the pipeline past Roslyn's own objects.</summary>
internal sealed record SpecInput(string Path, string Text, SpecOptions Options);

/// <summary>
/// Options for one spec, from MSBuild properties and item metadata; <see cref="Selection"/> is null when every operation
/// is generated, <see cref="Webhooks"/> null when the metadata asks for no webhook.
/// </summary>
internal sealed record SpecOptions(string? RootNamespace, string? Namespace, string? ClientName, SpecSelection? Selection = null, WebhookSelection? Webhooks = null);

/// <summary>Options for the whole compilation.</summary>
internal sealed record GeneratorOptions(bool EmitDataAnnotations, bool EmitServiceCollectionExtensions, bool NeedsRequiredMemberPolyfill, bool NeedsInitPolyfill);

/// <summary>A template that replaces the embedded one of the same name.</summary>
internal sealed record TemplateOverride(string Name, string Text, string Path);

/// <summary>A generated source file.</summary>
internal sealed record GeneratedSource(string HintName, string Text);

/// <summary>What rendering one spec (or the shared runtime) produced.</summary>
internal sealed record RenderResult(EquatableArray<GeneratedSource> Sources, EquatableArray<DiagnosticInfo> Diagnostics);
