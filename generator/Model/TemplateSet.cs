namespace OpenApiClientGenerator.Model;

/// <summary>The user's template overrides, sorted by name; templates not overridden come from the generator's resources.</summary>
internal sealed record TemplateSet(EquatableArray<TemplateOverride> Overrides)
{
    public static readonly TemplateSet Embedded = new(EquatableArray<TemplateOverride>.Empty);
}
