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

    /// <summary>A value that is one of several variants (<c>oneOf</c>, <c>anyOf</c>).</summary>
    Union,
}

/// <summary>A named type to generate. Which members apply depends on its <see cref="Kind"/>.</summary>
internal sealed record TypeSpec
{
    public required string Name { get; init; }

    /// <summary>
    /// Gets the name of the type whose file this one is generated in: its own for a component schema or an operation's
    /// type, that of the record that declares it for an inline type. A file's name comes from it, so an added schema
    /// renames no other file.
    /// </summary>
    public string? Group { get; init; }

    public required TypeKind Kind { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets where the spec says more about the schema.</summary>
    public ExternalDocsSpec? ExternalDocs { get; init; }

    /// <summary>Gets an object's or a merge patch's properties.</summary>
    public EquatableArray<PropertySpec> Properties { get; init; } = EquatableArray<PropertySpec>.Empty;

    public EquatableArray<EnumMemberSpec> EnumMembers { get; init; } = EquatableArray<EnumMemberSpec>.Empty;

    public JsonPatchSpec? JsonPatch { get; init; }

    /// <summary>Gets a union's variants and how it tells them apart.</summary>
    public UnionSpec? Union { get; init; }

    /// <summary>Gets whether a response reaches the type, which makes reading it lenient (servers omit what requests must send).</summary>
    public bool IsReadFromResponses { get; init; }

    /// <summary>Gets whether the object may have members its schema does not name: false for <c>additionalProperties: false</c>.</summary>
    public bool AllowsUnknownMembers { get; init; } = true;

    /// <summary>Gets a merge patch's plain counterpart, which <c>FromDiff</c> and <c>FromWhole</c> take.</summary>
    public string? PlainTypeName { get; init; }

    /// <summary>
    /// Gets, for an object type that others extend (an allOf part they reference), the interface of its members that it
    /// and they implement, so that a derived value can be used where the base is expected; null otherwise.
    /// </summary>
    public string? InterfaceName { get; init; }

    /// <summary>Gets the object types this one extends through allOf references, directly or through another, nearest first.</summary>
    public EquatableArray<string> BaseTypeNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// Gets, for a record, the constraints about its value as a whole (<c>enum</c>, <c>const</c>, <c>not</c>,
    /// <c>dependentRequired</c>), which its own Validate() checks on the JSON it writes; none for other kinds.
    /// </summary>
    public ConstraintSpec WholeValueConstraints { get; init; } = ConstraintSpec.None;
}

/// <summary>One member of a generated enum, with the exact string sent on the wire.</summary>
internal sealed record EnumMemberSpec(string Name, string WireValue);

/// <summary>
/// A property of a generated record. <see cref="IsRequired"/> is the spec's Mandatory flag, checked by the validator;
/// <see cref="IsRequiredMember"/> says whether C# also enforces it with <c>required</c> (only for types never read from responses,
/// since servers omit fields the request had to send).
/// </summary>
internal sealed record PropertySpec
{
    public required string Name { get; init; }

    public required string WireName { get; init; }

    public string? Description { get; init; }

    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    public required bool IsRequiredMember { get; init; }

    public bool IsSensitive { get; init; }

    /// <summary>Gets the spec's default value as JSON text.</summary>
    public string? DefaultValue { get; init; }
}

internal enum ValueKind
{
    String,

    /// <summary>
    /// Binary data sent as base64 text: <c>format: byte</c> (OpenAPI 3.0) or <c>contentEncoding: base64</c>/<c>base64url</c>
    /// (3.1). Its length, pattern and enum rules apply to that text, as the spec writes them.
    /// </summary>
    Bytes,
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
internal sealed record TypeRef
{
    /// <summary>A JSON value of any shape, unconstrained.</summary>
    public static readonly TypeRef Any = new() { Kind = ValueKind.Any };

    public required ValueKind Kind { get; init; }

    /// <summary>Gets the generated type's name, for an object or an enum.</summary>
    public string? TypeName { get; init; }

    /// <summary>Gets an array's item or a map's value.</summary>
    public TypeRef? Element { get; init; }

    public ConstraintSpec Constraints { get; init; } = ConstraintSpec.None;

    public bool IsNullable { get; init; }

    /// <summary>
    /// Gets whether a map is part of a merge patch (RFC 7396): a value may be null, which removes the key, and an object
    /// value is itself a patch, merged into the value the server has.
    /// </summary>
    public bool IsPatchMap { get; init; }

    /// <summary>Gets whether bytes are sent in base64url (RFC 4648 §5: '-' and '_', no padding) rather than base64.</summary>
    public bool IsBase64Url { get; init; }

    /// <summary>Gets the media type of what bytes hold (<c>contentMediaType</c>), for the docs.</summary>
    public string? ContentMediaType { get; init; }
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
/// <remarks>Every constraint is optional: a member left out is a constraint the spec does not state.</remarks>
internal sealed record ConstraintSpec
{
    public static readonly ConstraintSpec None = new();

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public PatternSpec? Pattern { get; init; }

    public string? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public string? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public string? MultipleOf { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public EquatableArray<string> AllowedValues { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> AllowedTypes { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> RequiredProperties { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Gets the constraints of the schema under <c>not</c>, which the value must not meet all of; null when there is none, or when it cannot be checked.</summary>
    public ConstraintSpec? Not { get; init; }

    /// <summary>Gets the <c>not</c> schema as the spec writes it (compact JSON), which a violation quotes.</summary>
    public string? NotSchema { get; init; }

    /// <summary>Gets the constraints of the items at the first positions, one per position (JSON Schema's <c>prefixItems</c>).</summary>
    public EquatableArray<ConstraintSpec> PrefixItems { get; init; } = EquatableArray<ConstraintSpec>.Empty;

    /// <summary>Gets the members that, when present, require others (JSON Schema's <c>dependentRequired</c>).</summary>
    public EquatableArray<DependentRequiredSpec> DependentRequired { get; init; } = EquatableArray<DependentRequiredSpec>.Empty;

    public bool IsEmpty => this == None;
}

/// <summary>A member that, when present, requires the others listed.</summary>
internal sealed record DependentRequiredSpec(string Property, EquatableArray<string> Required);

/// <summary>What a JSON Patch body allows: the operations, each with its methods; the path pattern; and how many operations.</summary>
internal sealed record JsonPatchSpec
{
    public required string ItemTypeName { get; init; }

    public required EquatableArray<JsonPatchOperationSpec> Operations { get; init; }

    public string? PathPattern { get; init; }

    /// <summary>Gets the constraints on the document as an array (its item count).</summary>
    public required ConstraintSpec Constraints { get; init; }
}

/// <summary>
/// An allowed operation. <see cref="MethodName"/> names its method for any path (<c>Replace(path, value)</c>),
/// <see cref="PathMethods"/> its typed methods for the documented paths. The names are final: collisions were settled,
/// and reported, while the spec was read.
/// </summary>
internal sealed record JsonPatchOperationSpec
{
    public required string WireValue { get; init; }

    public required string MethodName { get; init; }

    /// <summary>Gets whether the operation carries a <c>value</c> (RFC 6902 §4: add, replace, test, and ops it does not define).</summary>
    public required bool TakesValue { get; init; }

    /// <summary>Gets whether the operation carries a <c>from</c> (RFC 6902 §4: move, copy).</summary>
    public required bool TakesFrom { get; init; }

    public required EquatableArray<JsonPatchMethodSpec> PathMethods { get; init; }
}

/// <summary>A typed method for one operation on one documented path, e.g. <c>ReplaceModelId(string value)</c>.</summary>
internal sealed record JsonPatchMethodSpec
{
    public required string Name { get; init; }

    public required JsonPatchPathSpec DocumentedPath { get; init; }
}

/// <summary>A path the spec documents in <c>x-json-patch-paths</c>, with the type of its value.</summary>
internal sealed record JsonPatchPathSpec
{
    public required string Path { get; init; }

    public string? Description { get; init; }

    public required TypeRef ValueType { get; init; }
}
