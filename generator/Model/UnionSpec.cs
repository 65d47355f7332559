namespace OpenApiClientGenerator.Model;

/// <summary>
/// A <c>oneOf</c> or <c>anyOf</c> of several schemas: a value that is one of its variants. With a discriminator, the value
/// of the discriminator property picks the variant; without one, reading tries the variants in their order (see
/// docs/unions.md). Either way the JSON read is kept, and a value no variant takes is the unknown variant.
/// </summary>
internal sealed record UnionSpec
{
    /// <summary>Gets whether the value must match exactly one variant (<c>oneOf</c>) rather than at least one (<c>anyOf</c>).</summary>
    public required bool IsOneOf { get; init; }

    /// <summary>Gets the property whose value names the variant, declared on the union or on a base every variant extends.</summary>
    public string? DiscriminatorProperty { get; init; }

    /// <summary>Gets the variants in the spec's order, which is the order reading tries them.</summary>
    public required EquatableArray<UnionVariantSpec> Variants { get; init; }
}

/// <summary>One variant of a union: the value it holds and how reading recognizes it.</summary>
internal sealed record UnionVariantSpec
{
    /// <summary>Gets the stem of the variant's members (<c>Cat</c>: <c>IsCat</c>, <c>TryGetCat</c>, <c>FromCat</c>), unique in the union.</summary>
    public required string Name { get; init; }

    public required TypeRef Type { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the discriminator values that pick the variant; the first is written for a value built in code.</summary>
    public EquatableArray<string> DiscriminatorValues { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Gets, for an object variant, the members it requires, which JSON must have to be tried as it.</summary>
    public EquatableArray<string> RequiredMembers { get; init; } = EquatableArray<string>.Empty;
}
