namespace OpenApiClientGenerator;

/// <summary>Names of the pipeline steps, so tests can check what ran and what came from the cache.</summary>
public static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string SpecInputs = nameof(SpecInputs);
    public const string SpecFragments = nameof(SpecFragments);
    public const string FragmentReads = nameof(FragmentReads);
    public const string SpecDialects = nameof(SpecDialects);
    public const string FragmentChecks = nameof(FragmentChecks);
    public const string SpecReads = nameof(SpecReads);
    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string SpecModels = nameof(SpecModels);
    public const string TemplateOverrides = nameof(TemplateOverrides);
    public const string Options = nameof(Options);
    public const string RenderInputs = nameof(RenderInputs);
    public const string RenderedFiles = nameof(RenderedFiles);
    public const string RenderedSpecs = nameof(RenderedSpecs);
    public const string RenderedRuntime = nameof(RenderedRuntime);
    public const string GeneratedSources = nameof(GeneratedSources);
    public const string TitleLocations = nameof(TitleLocations);
}
