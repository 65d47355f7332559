namespace OpenApiClientGenerator.Model;

internal enum TypeKind
{
    /// <summary>A record with named properties.</summary>
    Object,

    /// <summary>A closed set of string values.</summary>
    Enum,

    /// <summary>A record whose members distinguish "leave unchanged" from "set to null" (RFC 7396).</summary>
    MergePatch,

    /// <summary>A JSON Patch document (RFC 6902) restricted to the operations and paths the spec allows.</summary>
    JsonPatch,
}

/// <summary>A named type to generate.</summary>
internal sealed record TypeSpec(
    string Name,
    TypeKind Kind,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumMemberSpec> EnumMembers,
    JsonPatchSpec? JsonPatch,
    bool IsReadFromResponses,
    string? PlainTypeName);

/// <summary>One member of a generated enum, with the exact string sent on the wire.</summary>
internal sealed record EnumMemberSpec(string Name, string WireValue);

/// <summary>
/// A property of a generated record. <see cref="IsRequired"/> is the spec's Mandatory flag, checked by the validator;
/// <see cref="IsRequiredMember"/> says whether C# also enforces it with <c>required</c> (only for types never read from responses,
/// since servers omit fields the request had to send).
/// </summary>
internal sealed record PropertySpec(
    string Name,
    string WireName,
    string? Description,
    TypeRef Type,
    bool IsRequired,
    bool IsRequiredMember,
    bool IsSensitive,
    string? DefaultValue);

internal enum ValueKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Enum,
    Object,
    Array,
    Map,
    Any,
}

/// <summary>The shape of a value, with the constraints the spec puts on it.</summary>
internal sealed record TypeRef(ValueKind Kind, string? TypeName, TypeRef? Element, ConstraintSpec Constraints, bool IsNullable)
{
    public static TypeRef Of(ValueKind kind, ConstraintSpec constraints) => new(kind, null, null, constraints, false);
}

/// <summary>
/// A string pattern as the spec writes it (ECMA-262), and the .NET pattern that matches the same strings. A simple
/// character class is checked with a loop, anything else with a regex.
/// </summary>
internal sealed record PatternSpec(string Pattern, string RegexPattern, CharacterClassSpec? CharacterClass);

/// <summary>
/// An anchored pattern of the form <c>^[...]*$</c>, <c>^[^...]+$</c> or <c>^[...]{m,n}$</c>: every character must
/// (or, negated, must not) fall into the ranges, and the string's length in characters lies between the counts.
/// </summary>
internal sealed record CharacterClassSpec(bool IsNegated, EquatableArray<CharacterRange> Ranges, int MinCount, int? MaxCount);

internal readonly record struct CharacterRange(int First, int Last);

/// <summary>
/// Constraints from the spec. Numbers are kept as invariant strings so that they are emitted exactly as written.
/// <see cref="AllowedValues"/> holds JSON texts; <see cref="AllowedTypes"/> (JSON Schema type names) and
/// <see cref="RequiredProperties"/> apply to values without a single C# type, which are checked as JSON.
/// </summary>
internal sealed record ConstraintSpec(
    int? MinLength,
    int? MaxLength,
    PatternSpec? Pattern,
    string? Minimum,
    bool ExclusiveMinimum,
    string? Maximum,
    bool ExclusiveMaximum,
    string? MultipleOf,
    int? MinItems,
    int? MaxItems,
    EquatableArray<string> AllowedValues,
    EquatableArray<string> AllowedTypes,
    EquatableArray<string> RequiredProperties)
{
    public static readonly ConstraintSpec None = new(
        null, null, null, null, false, null, false, null, null, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    public bool IsEmpty => this == None;
}

/// <summary>What a JSON Patch body allows: the operations, the path pattern, the documented paths with their value types, and how many operations.</summary>
internal sealed record JsonPatchSpec(
    string ItemTypeName,
    EquatableArray<string> Operations,
    string? PathPattern,
    EquatableArray<JsonPatchPathSpec> Paths,
    ConstraintSpec Constraints);

internal sealed record JsonPatchPathSpec(string Path, string Name, string? Description, TypeRef ValueType);
