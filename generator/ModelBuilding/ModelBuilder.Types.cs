using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>
    /// Maps a schema to the shape of a value, registering the named types it needs. Object and enum schemas become named types;
    /// a type reached from a response records that, since responses may omit what requests must send.
    /// </summary>
    private TypeRef ResolveType(IOpenApiSchema schema, LazyPointer pointer, NameHint nameHint, Usage usage, bool mergePatch, string? componentName = null)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var target = TargetOf(reference);
            var referencePointer = ComponentPointer(reference);
            if (target is null)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, LocationOf(JsonPointers.Append(pointer.Value, "$ref")), reference.Reference.ReferenceV3 ?? reference.Reference.Id ?? "?");
                return TypeRef.Any;
            }

            if (IsBeingResolved(target))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(JsonPointers.Append(pointer.Value, "$ref")), "A schema that contains itself with no object in between", "the inner value is generated as a JsonElement");
                return TypeRef.Any;
            }

            if (ResolveDerivedUnion(reference, target, usage) is { } derived)
            {
                return derived;
            }

            return ResolveContained(reference, target, referencePointer, PascalCase(reference.Reference.Id ?? nameHint.ToString()), usage, mergePatch, reference.Reference.Id);
        }

        var nullable = schema.Type is { } t && (t & JsonSchemaType.Null) != 0;
        if (ResolveComposition(schema, pointer, nameHint, usage, mergePatch, componentName) is { } composed)
        {
            return composed with { IsNullable = composed.IsNullable || nullable };
        }

        var constraints = ReadConstraints(schema, pointer);
        var kind = IsComposedObject(schema) ? ValueKind.Object : ClassifyType(schema);
        switch (kind)
        {
            case ValueKind.Enum:
            case ValueKind.Object:
                var typeKind = kind == ValueKind.Enum ? TypeKind.Enum : mergePatch ? TypeKind.MergePatch : TypeKind.Object;
                var pending = GetOrAddType(schema, pointer.Value, nameHint, typeKind, componentName);
                var previousUsage = pending.Usage;
                pending.Usage |= usage;
                if (typeKind != TypeKind.Enum && (pending.Usage != previousUsage || !pending.Discovered))
                {
                    pending.Discovered = true;
                    DiscoverProperties(pending);
                }

                // An enum type carries its values itself. A record checks the constraints about its whole value in its own
                // Validate(), wherever it is used; a merge patch is a part of the value, which they cannot apply to.
                if (typeKind == TypeKind.Object)
                {
                    pending.WholeValueConstraints = WholeValueConstraints(constraints);
                }

                return kind == ValueKind.Enum
                    ? new TypeRef { Kind = kind, TypeName = pending.Name, Constraints = constraints with { AllowedValues = EquatableArray<string>.Empty }, IsNullable = nullable }
                    : pending.ObjectReference(nullable);
            case ValueKind.Array:
                var element = schema.Items is not { } items
                    ? TypeRef.Any
                    : ResolveContained(schema, items, JsonPointers.Append(pointer.Value, "items"), nameHint.Then("Item"), usage, mergePatch: false);
                return new TypeRef { Kind = ValueKind.Array, Element = element, Constraints = constraints, IsNullable = nullable };
            case ValueKind.Map:
                // RFC 7396 merges every object, a map's values included; only arrays are replaced whole.
                var value = schema.AdditionalProperties is not { } additionalProperties
                    ? TypeRef.Any
                    : ResolveContained(schema, additionalProperties, JsonPointers.Append(pointer.Value, "additionalProperties"), nameHint.Then("Value"), usage, mergePatch);
                return new TypeRef { Kind = ValueKind.Map, Element = value, Constraints = constraints, IsNullable = nullable, IsPatchMap = mergePatch };
            case ValueKind.Bytes:
                return new TypeRef
                {
                    Kind = kind,
                    Constraints = constraints,
                    IsNullable = nullable,
                    IsBase64Url = ContentEncodingOf(schema) == "base64url",
                    ContentMediaType = Clean((schema as IOpenApiSchemaMissingProperties)?.ContentMediaType),
                };
            default:
                if (kind == ValueKind.String && ContentEncodingOf(schema) is { } encoding && encoding is not ("7bit" or "8bit" or "binary" or "quoted-printable"))
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOf(JsonPointers.Append(pointer.Value, "contentEncoding")), "contentEncoding '" + encoding + "'", "the value is generated as the text the service sends, a string");
                }

                return PlainValue(kind, constraints, nullable);
        }
    }

    /// <summary>
    /// A scalar value, made once for each kind, set of constraints (by identity) and nullability: a schema's constraints
    /// are read once (<see cref="ReadConstraints"/>), most schemas share those of their type, and a schema is resolved at
    /// each discovery and build of the record that has it, a shared parameter's at each operation.
    /// </summary>
    private TypeRef PlainValue(ValueKind kind, ConstraintSpec constraints, bool nullable)
    {
        var key = new PlainValueKey(kind, constraints, nullable);
        if (!_plainValues.TryGetValue(key, out var value))
        {
            value = new TypeRef { Kind = kind, Constraints = constraints, IsNullable = nullable };
            _plainValues.Add(key, value);
        }

        return value;
    }

    private readonly Dictionary<PlainValueKey, TypeRef> _plainValues = [];

    private readonly record struct PlainValueKey(ValueKind Kind, ConstraintSpec Constraints, bool IsNullable)
    {
        public bool Equals(PlainValueKey other) => Kind == other.Kind && ReferenceEquals(Constraints, other.Constraints) && IsNullable == other.IsNullable;

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Constraints) ^ ((int)Kind << 1) ^ (IsNullable ? 1 : 0);
    }

    /// <summary>
    /// The constraints about a record's whole value among its schema's: <see cref="ConstraintSpec.None"/> when there are
    /// none, as for almost every record, rather than a new empty set at each use of the record.
    /// </summary>
    private static ConstraintSpec WholeValueConstraints(ConstraintSpec constraints)
        => constraints.AllowedValues.IsEmpty && constraints.Not is null && constraints.NotSchema is null && constraints.DependentRequired.IsEmpty
            ? ConstraintSpec.None
            : new ConstraintSpec { AllowedValues = constraints.AllowedValues, Not = constraints.Not, NotSchema = constraints.NotSchema, DependentRequired = constraints.DependentRequired };

    /// <summary>
    /// Whether a string holds bytes the generated code encodes and decodes: OpenAPI 3.0's <c>format: byte</c>, or 3.1's
    /// <c>contentEncoding</c> base64 or base64url. Other encodings (base32, quoted-printable) stay the text they are.
    /// </summary>
    private static bool IsBase64(IOpenApiSchema schema)
        => ContentEncodingOf(schema) is "base64" or "base64url" || (schema.Format == "byte" && ContentEncodingOf(schema) is null);

    private static string? ContentEncodingOf(IOpenApiSchema schema)
        => (schema as IOpenApiSchemaMissingProperties)?.ContentEncoding?.Trim().ToLowerInvariant() is { Length: > 0 } encoding ? encoding : null;

    /// <summary>
    /// Resolves a schema inside <paramref name="container"/>, a schema that gets no type of its own (a reference, an array, a
    /// map, an allOf wrapper), noting that the container is being resolved. Meeting it again inside means that it contains
    /// itself with no object in between, like an array of itself, which no C# type can be.
    /// Named types need no such care: they are registered before their properties are resolved. Takes the inner schema's
    /// <see cref="ResolveType"/> arguments, not a delegate: a delegate's closure was allocated at every schema resolved.
    /// </summary>
    private TypeRef ResolveContained(IOpenApiSchema container, IOpenApiSchema schema, LazyPointer pointer, NameHint nameHint, Usage usage, bool mergePatch, string? componentName = null)
    {
        _containersBeingResolved.Add(container);
        try
        {
            return ResolveType(schema, pointer, nameHint, usage, mergePatch, componentName);
        }
        finally
        {
            _containersBeingResolved.RemoveAt(_containersBeingResolved.Count - 1);
        }
    }

    private bool IsBeingResolved(IOpenApiSchema schema) => IsAmong(_containersBeingResolved, schema);

    /// <summary>Whether <paramref name="schema"/> itself is in <paramref name="schemas"/>: a loop, where a lambda made a closure and a delegate at each part walked.</summary>
    private static bool IsAmong(List<IOpenApiSchema> schemas, IOpenApiSchema schema)
    {
        for (var i = 0; i < schemas.Count; i++)
        {
            if (ReferenceEquals(schemas[i], schema))
            {
                return true;
            }
        }

        return false;
    }

    private static ValueKind ClassifyType(IOpenApiSchema schema)
    {
        var type = schema.Type ?? 0;
        var nonNull = type & ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } values && (nonNull == JsonSchemaType.String || nonNull == 0)
            && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String) && values.Any(v => v is not null))
        {
            return ValueKind.Enum;
        }

        switch (nonNull)
        {
            case JsonSchemaType.String:
                return IsBase64(schema) ? ValueKind.Bytes : ValueKind.String;
            case JsonSchemaType.Integer:
                // JSON Schema integers are unbounded: only an explicit int32 format narrows them to int.
                return schema.Format == "int32" ? ValueKind.Int32 : ValueKind.Int64;
            case JsonSchemaType.Number:
                return ValueKind.Double;
            case JsonSchemaType.Boolean:
                return ValueKind.Boolean;
            case JsonSchemaType.Array:
                return ValueKind.Array;
            case JsonSchemaType.Object:
            case 0 when schema.Properties is { Count: > 0 }:
                return schema.Properties is { Count: > 0 } ? ValueKind.Object : ValueKind.Map;
            default:
                return ValueKind.Any;
        }
    }

    private PendingType GetOrAddType(IOpenApiSchema schema, string pointer, NameHint nameHint, TypeKind kind, string? componentName)
    {
        var key = new TypeKey(schema, kind);
        if (_pendingTypes.TryGetValue(key, out var existing))
        {
            return NoteUse(existing, nameHint, componentName);
        }

        var outline = InlineOutlineOf(schema, kind, componentName);
        if (SharedInlineType(schema, pointer, kind, outline, out var json) is { } shared)
        {
            return NoteUse(shared, nameHint, componentName);
        }

        var hint = nameHint.ToString();
        var preferred = hint.Length > 0 ? hint : "Type";
        if (kind == TypeKind.Union && componentName is null && ScalarUnionName(schema, pointer) is { } shapeName && !_typeNames.IsTaken(shapeName))
        {
            // A second union of the same types that is no twin of the first (its variants describe themselves) keeps
            // the name of its use.
            preferred = shapeName;
        }

        if (componentName is not null && hint.Length == 0)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, LocationOfKey(pointer), componentName, preferred);
        }

        var name = ClaimTypeName(kind == TypeKind.MergePatch ? preferred + "Patch" : preferred, NameScope.Quoted, componentName ?? preferred, componentName, pointer);

        var pending = new PendingType(name, schema, pointer, kind, componentName is null ? _membersBeingResolved?.Group : null);
        _pendingTypes.Add(key, pending);
        AddType(pending);
        if (outline is not null)
        {
            AddInlineType(outline, pending, json);
        }

        return NoteUse(pending, nameHint, componentName);
    }

    private void DiscoverProperties(PendingType pending)
    {
        var outer = _membersBeingResolved;
        _membersBeingResolved = pending;
        try
        {
            foreach (var member in MembersOf(pending.Schema, pending.Pointer).Members)
            {
                if (IntersectionOf(pending, member) is { } intersection)
                {
                    ResolveIntersection(pending, member, intersection);
                    continue;
                }

                for (var i = 0; i < member.DeclarationCount; i++)
                {
                    ResolveDeclaration(pending, member, i);
                }
            }
        }
        finally
        {
            _membersBeingResolved = outer;
        }
    }

    /// <summary>
    /// The value one declaration of a member gives, as discovery and the record's build both resolve it: a later one that
    /// only narrows the first to some values is not resolved (<see cref="NarrowingEnum"/>).
    /// </summary>
    private TypeRef ResolveDeclaration(PendingType pending, ComposedMember member, int index)
    {
        var declaration = member.Declaration(index);
        return (index == 0 ? null : NarrowingEnum(declaration.Schema, new LazyPointer(declaration), ShapeOf(member.Declaration(0).Schema)))
            ?? ResolveType(declaration.Schema, new LazyPointer(declaration), MemberTypeHint(pending, member.WireName, declaration), pending.Usage, pending.Kind == TypeKind.MergePatch);
    }

    /// <summary>
    /// The value of a member that several parts declare as records, or as lists of records (<see cref="IntersectionOf"/>):
    /// the record of them all, named after the record that composes them, or a list of such records with the
    /// constraints of every list.
    /// </summary>
    private TypeRef ResolveIntersection(PendingType pending, ComposedMember member, MemberIntersection intersection)
    {
        var memberName = PascalCase(member.WireName);
        var hint = new NameHint(pending.BaseName, memberName, member: memberName);
        if (intersection.Lists is not { } lists)
        {
            return ResolveType(intersection.Records, new LazyPointer(member.Declaration(0)), hint, pending.Usage, pending.Kind == TypeKind.MergePatch);
        }

        // A merge patch replaces a list whole, so its items are the plain records.
        var element = ResolveType(intersection.Records, intersection.Records.PartPointers[0], hint.Then("Item"), pending.Usage, mergePatch: false);
        var constraints = ReadConstraints(lists[0].Schema, lists[0].Pointer);
        var nullable = IsNullableList(lists[0].Schema);
        for (var i = 1; i < lists.Length; i++)
        {
            constraints = MergeConstraints(constraints, ReadConstraints(lists[i].Schema, lists[i].Pointer), lists[i].Pointer);
            nullable &= IsNullableList(lists[i].Schema);
        }

        return new TypeRef { Kind = ValueKind.Array, Element = element, Constraints = constraints, IsNullable = nullable };

        static bool IsNullableList(IOpenApiSchema list) => ((list.Type ?? 0) & JsonSchemaType.Null) != 0;
    }

    /// <summary>The name an inline type in a member is named after: the component that declares the member, else the record.</summary>
    private NameHint MemberTypeHint(PendingType pending, string wireName, MemberDeclaration declaration)
    {
        var member = PascalCase(wireName);
        return new(declaration.Owner ?? pending.BaseName, member, member: member);
    }

    /// <summary>
    /// The name a schema's type would take, in parts: the name is written only for the schemas that become a type of their
    /// own, and most are references or scalars (writing it for each member, parameter and response cost a string each).
    /// </summary>
    /// <param name="member">The member (a property, a parameter) the type is the value of, or whose items or values it is
    /// with the parts after it (<c>ExcludeItem</c>); null for any other place (<see cref="NameSharedEnums"/>).</param>
    private readonly struct NameHint(string stem, string? suffix = null, string? more = null, string? member = null)
    {
        public static implicit operator NameHint(string name) => new(name);

        /// <summary>What the name is named after: the record, operation or component the place is in.</summary>
        public string Stem => stem;

        public string? Member => member;

        /// <summary>The hint of a type inside this one's (an array's items, a map's values): one part more while there is room for it.</summary>
        public NameHint Then(string inner)
        {
            var innerMember = member is null ? null : member + inner;
            return suffix is null ? new(stem, inner, member: innerMember) : more is null ? new(stem, suffix, inner, innerMember) : new(ToString(), inner, member: innerMember);
        }

        public override string ToString() => suffix is null ? stem : string.Concat(stem, suffix, more);
    }

    private TypeSpec BuildType(PendingType pending)
    {
        var description = pending.HasMixedDescriptions ? null : Clean(pending.Schema.Description) ?? Clean(pending.Schema.Title);
        if (pending.Kind == TypeKind.JsonPatch)
        {
            return new TypeSpec { Name = pending.Name, Group = pending.Group, Kind = TypeKind.JsonPatch, Description = description, JsonPatch = NameMethods(pending.JsonPatch!) };
        }

        if (pending.Kind == TypeKind.Union)
        {
            return BuildUnion(pending);
        }

        if (pending.Kind == TypeKind.Enum)
        {
            var members = EnumMembers(pending);
            return new TypeSpec
            {
                Name = pending.Name,
                Group = pending.Group,
                Kind = TypeKind.Enum,
                Description = description,
                ExternalDocs = ExternalDocsOf(pending.Schema.ExternalDocs),
                EnumMembers = members,
                IsReadFromResponses = pending.IsReadFromResponses,
            };
        }

        var composed = MembersOf(pending.Schema, pending.Pointer);
        var required = composed.Required;
        var propertyNames = _memberNames.Clear()
            .Reserve(ReservedNames.RecordMembers, ReservedMemberDescription)
            .Reserve(pending.Name, static typeName => $"the record's own name '{typeName}'");
        var properties = new List<PropertySpec>(composed.Members.Count);
        var isReadFromResponses = pending.IsReadFromResponses;
        foreach (var member in composed.Members)
        {
            var first = member.Declaration(0);
            var csharpName = ClaimMemberName(propertyNames, member.WireName, KeyAt(new LazyPointer(first)));

            // Each declaration, then what it references: the first that says a thing says it. A reference is asked only what
            // it says itself (its $ref siblings), since asking it for anything else resolves it again; its target is next.
            var annotations = new MemberAnnotations();
            annotations.Read(first.Schema, Target(first.Schema));
            var intersection = IntersectionOf(pending, member);
            var type = intersection is null ? ResolveDeclaration(pending, member, 0) : ResolveIntersection(pending, member, intersection);
            for (var i = 1; i < member.DeclarationCount; i++)
            {
                var declaration = member.Declaration(i);
                if (intersection is null)
                {
                    type = MergeValues(type, ResolveDeclaration(pending, member, i), declaration.Pointer);
                }

                annotations.Read(declaration.Schema, Target(declaration.Schema));
            }

            var isRequired = required.Contains(member.WireName);
            properties.Add(new PropertySpec
            {
                Name = csharpName,
                WireName = member.WireName,
                Description = annotations.Description,
                Type = type,
                IsRequired = isRequired,
                IsRequiredMember = isRequired && !isReadFromResponses && pending.Kind == TypeKind.Object,
                IsSensitive = annotations.IsSensitive,
                DefaultValue = FormatDefault(annotations.Default),
            });
        }

        foreach (var missing in Undeclared(required, composed.Members))
        {
            // A required name with no schema: the value may be anything, but it must be there.
            var csharpName = ClaimMemberName(propertyNames, missing, At(pending.Pointer, "required"));
            properties.Add(new PropertySpec { Name = csharpName, WireName = missing, Type = TypeRef.Any, IsRequired = true, IsRequiredMember = false });
        }

        return new TypeSpec
        {
            Name = pending.Name,
            Group = pending.Group,
            Kind = pending.Kind,
            Description = description,
            ExternalDocs = ExternalDocsOf(pending.Schema.ExternalDocs),
            Properties = properties.ToEquatableArray(),
            IsReadFromResponses = isReadFromResponses,
            AllowsUnknownMembers = pending.Schema.AdditionalPropertiesAllowed,
            PlainTypeName = pending.Kind == TypeKind.MergePatch && _pendingTypes.TryGetValue(new TypeKey(pending.Schema, TypeKind.Object), out var plain) ? plain.Name : null,
            InterfaceName = pending.InterfaceName,
            BaseTypeNames = pending.BaseTypes.Count == 0 ? EquatableArray<string>.Empty : pending.BaseTypes.Select(b => b.Name).ToEquatableArray(),
            WholeValueConstraints = pending.WholeValueConstraints,
        };
    }

    /// <summary>
    /// The required names no member declares, in ordinal order; almost always none, found with no closure or iterator
    /// made for each record and each name.
    /// </summary>
    private static List<string> Undeclared(HashSet<string> required, List<ComposedMember> members)
    {
        var undeclared = new List<string>(0);
        foreach (var name in required)
        {
            if (!IsDeclared(name))
            {
                undeclared.Add(name);
            }
        }

        undeclared.Sort(StringComparer.Ordinal);
        return undeclared;

        bool IsDeclared(string name)
        {
            foreach (var member in members)
            {
                if (member.WireName == name)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// What a member's declarations say about it besides its type, read in order: the first description and default
    /// given, and whether any says the value is sensitive.
    /// </summary>
    private struct MemberAnnotations
    {
        public string? Description { get; private set; }

        public JsonNode? Default { get; private set; }

        public bool IsSensitive { get; private set; }

        /// <summary>Reads a declaration's schema, then its target (null when it has none; the schema itself when it is no reference).</summary>
        public void Read(IOpenApiSchema declared, IOpenApiSchema? target)
        {
            Add(declared);
            if (target is not null)
            {
                Add(target);
            }
        }

        private void Add(IOpenApiSchema schema)
        {
            var reference = (schema as OpenApiSchemaReference)?.Reference;
            Description ??= Clean(reference is not null ? reference.Description : schema.Description);
            Default ??= reference is not null ? reference.Default : schema.Default;
            IsSensitive = IsSensitive || ModelBuilder.IsSensitive(reference is not null ? reference.Extensions : schema.Extensions);
        }
    }

    private EquatableArray<EnumMemberSpec> EnumMembers(PendingType pending)
    {
        var memberNames = _memberNames.Clear();
        var members = new List<EnumMemberSpec>();
        var values = pending.Schema.Enum!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not JsonValue value || !value.TryGetValue(out string? wireValue) || !seen.Add(wireValue))
            {
                continue;
            }

            var preferred = PascalCase(wireValue) is { Length: > 0 } pascal ? pascal : "Empty";
            var name = memberNames.Claim(preferred, NameScope.Quoted, wireValue);
            if (name != preferred)
            {
                var valuePointer = JsonPointers.Append(JsonPointers.Append(pending.Pointer, "enum"), i.ToString(CultureInfo.InvariantCulture));
                Report(DiagnosticDescriptors.NameCollision, LocationOf(valuePointer), memberNames.TakenBy(preferred)!, wireValue, preferred, name);
            }

            members.Add(new EnumMemberSpec(name, wireValue));
        }

        return members.ToEquatableArray();
    }

    /// <summary>The kind of value a schema describes, through references and single allOf wrappers.</summary>
    private ValueKind ShapeOf(IOpenApiSchema? schema) => Unwrap(schema) is { } target ? ClassifyType(target) : ValueKind.Any;

    /// <summary>The pointer of the component schema a reference names, made once per name (each reference to it is resolved with it).</summary>
    private string ComponentPointer(OpenApiSchemaReference reference)
    {
        var name = reference.Reference.Id ?? string.Empty;
        if (!_componentPointers.TryGetValue(name, out var pointer))
        {
            pointer = JsonPointers.Append("/components/schemas", name);
            _componentPointers.Add(name, pointer);
        }

        return pointer;
    }

    private readonly Dictionary<string, string> _componentPointers = new(StringComparer.Ordinal);

    private static string PropertyPointer(string typePointer, string propertyName)
        => typePointer + "/properties/" + JsonPointers.Escape(propertyName);

    /// <summary>
    /// A place in the spec: its pointer, the member declaration that makes it when first asked for, or two parts joined
    /// each time it is asked for. Most members', parameters' and responses' schemas are a reference or a plain value (a
    /// string, a number), which are resolved without their place, and most parameters' place is asked for by no
    /// diagnostic: a pointer made for each was the most that model building allocated after the types themselves.
    /// </summary>
    private readonly struct LazyPointer
    {
        /// <summary>The pointer, or its first part when <see cref="_tail"/> is set.</summary>
        private readonly string? _pointer;
        private readonly string? _tail;
        private readonly MemberDeclaration? _declaration;

        public LazyPointer(MemberDeclaration declaration)
        {
            _pointer = null;
            _tail = null;
            _declaration = declaration;
        }

        /// <param name="tail">The rest of the pointer after <paramref name="head"/>, from its slash on.</param>
        public LazyPointer(string head, string tail)
        {
            _pointer = head;
            _tail = tail;
            _declaration = null;
        }

        private LazyPointer(string pointer)
        {
            _pointer = pointer;
            _tail = null;
            _declaration = null;
        }

        public string Value => _declaration?.Pointer ?? (_tail is null ? _pointer! : _pointer + _tail);

        public static implicit operator LazyPointer(string pointer) => new(pointer);
    }

    private readonly record struct TypeKey(IOpenApiSchema Schema, TypeKind Kind)
    {
        public bool Equals(TypeKey other) => ReferenceEquals(Schema, other.Schema) && Kind == other.Kind;

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Schema) ^ (int)Kind;
    }

    /// <param name="group">The group of the record that declares the type, if any: see <see cref="Group"/>.</param>
    private sealed class PendingType(string name, IOpenApiSchema schema, string pointer, TypeKind kind, string? group = null)
    {
        public string Name { get; private set; } = name;

        /// <summary>
        /// The type whose file this one is generated in: an inline type's is that of the record that declares it, so that a
        /// component schema and the types nested in it share a file.
        /// </summary>
        public string Group { get; private set; } = group ?? name;

        /// <summary>Gives the type the name its uses share (<see cref="NameSharedEnums"/>), before any of its members or records is built; a type in a file of its own names that file too.</summary>
        public void Rename(string newName)
        {
            Group = Group == Name ? newName : Group;
            Name = newName;
        }

        /// <summary>The name nested inline types are named after: a patch type's nested types keep the plain name's prefix.</summary>
        public string BaseName => Kind == TypeKind.MergePatch && Name.EndsWith("Patch", StringComparison.Ordinal) ? Name.Substring(0, Name.Length - 5) : Name;

        public IOpenApiSchema Schema { get; } = schema;

        public string Pointer { get; } = pointer;

        public TypeKind Kind { get; } = kind;

        public Usage Usage { get; set; }

        /// <summary>Whether a response reaches the type (a flag test, not <see cref="Enum.HasFlag"/>, which boxed the usage in each record built).</summary>
        public bool IsReadFromResponses => (Usage & Usage.Response) != 0;

        public bool Discovered { get; set; }

        public PendingJsonPatch? JsonPatch { get; init; }

        /// <summary>The object types this one extends through allOf references, nearest first.</summary>
        public List<PendingType> BaseTypes { get; } = [];

        /// <summary>The interface of the type's members, when other types extend it.</summary>
        public string? InterfaceName { get; set; }

        /// <summary>The constraints about a record's whole value (<c>enum</c>, <c>const</c>, <c>not</c>, <c>dependentRequired</c>), which its own Validate() checks.</summary>
        public ConstraintSpec WholeValueConstraints { get; set; } = ConstraintSpec.None;

        /// <summary>Whether inline schemas that share the type (see <c>SharedInlineType</c>) describe it differently.</summary>
        public bool HasMixedDescriptions { get; set; }

        private TypeRef? _reference;

        private TypeRef? _nullableReference;

        /// <summary>The value of a record type, made once for each nullability: a record is used from many places, each of which asked for a new one.</summary>
        public TypeRef ObjectReference(bool nullable)
            => nullable
                ? _nullableReference ??= new TypeRef { Kind = ValueKind.Object, TypeName = Name, Constraints = ConstraintSpec.None, IsNullable = true }
                : _reference ??= new TypeRef { Kind = ValueKind.Object, TypeName = Name, Constraints = ConstraintSpec.None, IsNullable = false };
    }
}
