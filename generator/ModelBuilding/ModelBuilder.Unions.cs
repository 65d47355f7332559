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
    /// <summary>Names no variant may take: with a prefix they would name the union's own members (<c>IsUnknown</c>, <c>FromJson</c>).</summary>
    private static readonly string[] ReservedVariantNames = ReservedNames.UnionMembers
        .SelectMany(member => ReservedNames.UnionVariantMemberPrefixes.Where(p => member.Length > p.Length && member.StartsWith(p, StringComparison.Ordinal)).Select(p => member.Substring(p.Length)))
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// Resolves a <c>oneOf</c> or <c>anyOf</c> of two or more schemas that are not null to a union type, named like any
    /// other type (a component keeps its name, an inline union is named after where it is). Merge patches reach the same
    /// union: RFC 7396 cannot merge a value of one variant into one of another, so a patch replaces a union member whole.
    /// Returns null for any other schema.
    /// </summary>
    private TypeRef? ResolveUnion(IOpenApiSchema schema, string pointer, NameHint nameHint, Usage usage, string? componentName)
    {
        return PartsOfUnion(schema, pointer) is { } union ? RegisterUnion(GetOrAddType(schema, pointer, nameHint, TypeKind.Union, componentName), union, usage) : null;
    }

    /// <summary>
    /// Resolves a reference to an object schema with a discriminator that other schemas extend through allOf (the OpenAPI
    /// specification's Pet, which Cat and Dog extend) to the union of the base and every schema that extends it, named
    /// <c>AnyPet</c>: so a derived value can be used where the base is expected, and is read by its discriminator.
    /// Returns null for any other reference. The base itself, reached as a component or as a part of an allOf, stays a record.
    /// </summary>
    private TypeRef? ResolveDerivedUnion(OpenApiSchemaReference reference, IOpenApiSchema target, Usage usage)
    {
        if (DerivedParts(reference, target) is not { } union)
        {
            return null;
        }

        // The union is generated in a file of its own, as its base is, whichever record reaches it first.
        var owner = _membersBeingResolved;
        _membersBeingResolved = null;
        try
        {
            var baseName = PascalCase(reference.Reference.Id ?? string.Empty);
            return RegisterUnion(GetOrAddType(target, ComponentPointer(reference), "Any" + baseName, TypeKind.Union, componentName: null), union, usage);
        }
        finally
        {
            _membersBeingResolved = owner;
        }
    }

    private TypeRef RegisterUnion(PendingType pending, UnionParts union, Usage usage)
    {
        var previousUsage = pending.Usage;
        pending.Usage |= usage;
        if (pending.Usage != previousUsage || !pending.Discovered)
        {
            // Registered before its variants are resolved, so a variant that holds the union again ends here.
            pending.Discovered = true;
            UnionVariants(pending, union, report: false);
        }

        return new TypeRef { Kind = ValueKind.Object, TypeName = pending.Name, IsNullable = union.AdmitsNull };
    }

    private TypeSpec BuildUnion(PendingType pending)
    {
        var union = (PartsOfUnion(pending.Schema, pending.Pointer) ?? _derivedParts[new TypeKey(pending.Schema, TypeKind.Union)]!).Value;
        var variants = UnionVariants(pending, union, report: true);
        return new TypeSpec
        {
            Name = pending.Name,
            Group = pending.Group,
            Kind = TypeKind.Union,
            Description = pending.HasMixedDescriptions ? null : Clean(pending.Schema.Description) ?? Clean(pending.Schema.Title),
            ExternalDocs = ExternalDocsOf(pending.Schema.ExternalDocs),
            IsReadFromResponses = pending.IsReadFromResponses,
            Union = new UnionSpec
            {
                IsOneOf = union.Keyword == "oneOf",
                DiscriminatorProperty = DiscriminatorOf(pending.Schema, union)?.PropertyName,
                Variants = variants.ToEquatableArray(),
            },
        };
    }

    /// <summary>
    /// The parts of a schema that is a union and nothing else (annotations and a <c>type</c> aside): the keyword, the parts
    /// that are not just null with their indexes, and whether a part admits null. A schema of several types is a union
    /// too (see <see cref="TypeListParts"/>). Null for a schema that is no union, or one whose own members or constraints
    /// would also apply (generated as JSON and reported).
    /// </summary>
    /// <param name="pointer">Where the schema is, to read what Microsoft.OpenApi does not keep of a type list; null when only whether it is a union matters.</param>
    private UnionParts? PartsOfUnion(IOpenApiSchema schema, string? pointer)
    {
        foreach (var (keyword, partsOf) in Choices)
        {
            var parts = partsOf(schema);
            if (parts is not { Count: > 0 } || !IsAnnotationOnly(schema, except: keyword, ignoreType: true))
            {
                continue;
            }

            if (ChoiceParts(keyword, parts, pointer) is { } choice)
            {
                return choice;
            }
        }

        return PartsWithMembers(schema, pointer) ?? TypeListParts(schema, pointer);
    }

    /// <summary>The parts of a <c>oneOf</c> or <c>anyOf</c> as a union; null when fewer than two of them are more than null.</summary>
    private UnionParts? ChoiceParts(string keyword, IList<IOpenApiSchema> parts, string? pointer)
    {
        var variants = Enumerable.Range(0, parts.Count).Where(i => !IsNullOnly(parts[i])).ToList();
        return variants.Count >= 2
            ? new UnionParts(keyword, keyword, parts, variants, variants.Count < parts.Count || SaysNullable(pointer), IsDerived: false)
            : null;
    }

    /// <summary>
    /// Whether the schema at <paramref name="pointer"/> says <c>nullable: true</c> (OpenAPI 3.0), which Microsoft.OpenApi
    /// keeps only as a type: beside a oneOf or anyOf and no type, or a type list it folded, it is lost.
    /// </summary>
    private bool SaysNullable(string? pointer)
        => pointer is not null && SchemaNode(pointer)?["nullable"] is JsonValue nullable && nullable.TryGetValue(out bool isNullable) && isNullable;

    /// <summary>
    /// The parts of an object schema with a <c>oneOf</c> or <c>anyOf</c> beside its own members (<c>properties: {id}, oneOf:
    /// [Cat, Dog]</c>, or <c>oneOf: [{required: [a]}, {required: [b]}]</c>): the value has the members and is one of the
    /// parts, so each variant is a record of the members and its part together (JSON Schema's <c>allOf</c> of the two).
    /// So too a schema that only requires names beside a choice of objects (gerermesaffaires' request bodies).
    /// Null for any other schema; one with both keywords is reported, as no type holds both choices.
    /// </summary>
    private UnionParts? PartsWithMembers(IOpenApiSchema schema, string? pointer)
    {
        if (schema is not OpenApiSchema own || (schema.OneOf is { Count: > 0 }) == (schema.AnyOf is { Count: > 0 }))
        {
            return null;
        }

        var (keyword, parts) = schema.OneOf is { Count: > 0 } oneOf ? ("oneOf", oneOf) : ("anyOf", schema.AnyOf!);
        if (ClassifyType(schema) != ValueKind.Object && !IsComposedObject(schema) && !RequiresNamesOfObjects(schema, keyword, parts))
        {
            return null;
        }

        if (ChoiceParts(keyword, parts, pointer) is not { } choice)
        {
            return null;
        }

        var key = new TypeKey(schema, TypeKind.Union);
        if (!_mergedParts.TryGetValue(key, out var merged))
        {
            var members = (OpenApiSchema)own.CreateShallowCopy();
            (members.OneOf, members.AnyOf, members.Discriminator, members.Title, members.Description) = (null, null, null, null, null);
            merged = parts.Select(part => (IOpenApiSchema)new OpenApiSchema { AllOf = [members, part] }).ToList();
            _mergedParts.Add(key, merged);
        }

        return choice with { Merged = merged };
    }

    /// <summary>Whether the schema says nothing beside its choice (<paramref name="keyword"/>) but annotations and the names it requires, and every part is an object.</summary>
    private bool RequiresNamesOfObjects(IOpenApiSchema schema, string keyword, IList<IOpenApiSchema> parts)
        => schema.Required is { Count: > 0 } && IsAnnotationOnly(schema, except: keyword, ignoreRequired: true)
            && parts.All(part => TypeOf(Target(part)) == JsonSchemaType.Object);

    /// <summary>
    /// The parts of a schema of several types: a <c>type</c> list of OpenAPI 3.1 (<c>type: [string, integer]</c>), or a
    /// <c>oneOf</c> or <c>anyOf</c> of bare types in OpenAPI 3.0, which Microsoft.OpenApi reads as such a list. Each part is
    /// the schema restricted to one type, so it keeps the keywords about that type (a string's <c>maxLength</c>, an
    /// array's <c>items</c>). The parts are in the order the spec writes the types; a type list is an <c>anyOf</c>, and
    /// a <c>oneOf</c> of bare types keeps its keyword. Null for a schema of one type or none.
    /// </summary>
    private UnionParts? TypeListParts(IOpenApiSchema schema, string? pointer)
    {
        // Most schemas have one type or none: the list of their types is not made.
        return HasOneTypeOrNone(schema) || schema is not OpenApiSchema own || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 }
            ? null
            : PartsOfTypes(own, schema.Type ?? 0, pointer);
    }

    /// <summary>Whether a schema has one type or none besides null (its type flags have no two bits but null's).</summary>
    private static bool HasOneTypeOrNone(IOpenApiSchema schema)
    {
        var nonNull = (int)((schema.Type ?? 0) & ~JsonSchemaType.Null);
        return (nonNull & (nonNull - 1)) == 0;
    }

    /// <summary>The parts of a schema of the several <paramref name="types"/>; apart, so that the lambdas' closure is made for such a schema only, not for every schema asked.</summary>
    private UnionParts PartsOfTypes(OpenApiSchema own, JsonSchemaType types, string? pointer)
    {
        var kinds = TypeListOrder.Where(t => (types & t) != 0).ToList();

        // The spec's own words, where Microsoft.OpenApi folded them: the keyword and order of the parts, and 3.0's nullable.
        var node = pointer is null ? null : SchemaNode(pointer);
        var (keyword, partsKey, written) = node?["oneOf"] is JsonArray oneOf ? ("oneOf", "oneOf", oneOf)
            : node?["anyOf"] is JsonArray anyOf ? ("anyOf", "anyOf", anyOf)
            : ("anyOf", "type", node?["type"] as JsonArray);
        var order = written?.Select(TypeNamed).ToList();
        if (order is not null && order.Count == written!.Count && order.Where(t => t != JsonSchemaType.Null).OrderBy(t => t).SequenceEqual(kinds.OrderBy(t => t)))
        {
            kinds = order.Where(t => t != JsonSchemaType.Null).ToList();
        }
        else
        {
            (keyword, partsKey, order) = ("anyOf", "type", null);
        }

        var key = new TypeKey(own, TypeKind.Union);
        if (!_typeListParts.TryGetValue(key, out var parts))
        {
            parts = kinds.Select(kind => (IOpenApiSchema)RestrictedTo(own, kind)).ToList();
            _typeListParts.Add(key, parts);
        }

        var indexes = order is null ? Enumerable.Range(0, parts.Count).ToList() : Enumerable.Range(0, order.Count).Where(i => order[i] != JsonSchemaType.Null).ToList();
        var partsByIndex = order is null ? parts : Enumerable.Range(0, order.Count).Select(i => order[i] == JsonSchemaType.Null ? own : parts[indexes.IndexOf(i)]).ToList();
        var admitsNull = types.HasFlag(JsonSchemaType.Null) || order?.Contains(JsonSchemaType.Null) == true || SaysNullable(pointer);
        return new UnionParts(keyword, partsKey, partsByIndex, indexes, admitsNull, IsDerived: false);

        static JsonSchemaType TypeNamed(JsonNode? part)
            => (part is JsonObject o ? o["type"] : part) is JsonValue value && value.TryGetValue(out string? name)
                ? name switch
                {
                    "string" => JsonSchemaType.String,
                    "integer" => JsonSchemaType.Integer,
                    "number" => JsonSchemaType.Number,
                    "boolean" => JsonSchemaType.Boolean,
                    "array" => JsonSchemaType.Array,
                    "object" => JsonSchemaType.Object,
                    "null" => JsonSchemaType.Null,
                    _ => 0,
                }
                : 0;

        static OpenApiSchema RestrictedTo(OpenApiSchema schema, JsonSchemaType type)
        {
            var part = (OpenApiSchema)schema.CreateShallowCopy();
            part.Type = type;
            part.Title = null;
            part.Description = null;
            part.Discriminator = null;
            return part;
        }
    }

    /// <summary>
    /// The parts of the union a reference to a discriminated base stands for (see <see cref="ResolveDerivedUnion"/>): the
    /// base, then each component schema that extends it through allOf, nearest or not, or that its mapping names, in the
    /// document's order. Null when the target has no discriminator, is itself a union, or nothing extends it.
    /// </summary>
    private UnionParts? DerivedParts(OpenApiSchemaReference reference, IOpenApiSchema target)
    {
        if (target.Discriminator is not { PropertyName: { Length: > 0 } } discriminator || ClassifyType(target) != ValueKind.Object || PartsOfUnion(target, pointer: null) is not null)
        {
            return null;
        }

        var key = new TypeKey(target, TypeKind.Union);
        if (!_derivedParts.TryGetValue(key, out var parts))
        {
            var mapped = (discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>()).Values.Select(Unwrap).ToList();
            var derived = new List<IOpenApiSchema>();
            foreach (var component in _document.Document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (!ReferenceEquals(component.Value, target) && (Extends(component.Value, target) || mapped.Exists(m => ReferenceEquals(m, component.Value))))
                {
                    // A reference of our own to the derived schema, resolved here: its name is its variant's and its implicit discriminator value.
                    var part = new OpenApiSchemaReference(component.Key, _document.Document);
                    _referenceTargets[part] = component.Value;
                    derived.Add(part);
                }
            }

            parts = derived.Count == 0 ? null : new UnionParts("oneOf", "allOf", [reference, .. derived], Enumerable.Range(0, derived.Count + 1).ToList(), AdmitsNull: false, IsDerived: true);
            _derivedParts.Add(key, parts);
        }

        return parts;
    }

    /// <summary>Whether a schema extends a base through its allOf parts, or theirs.</summary>
    private bool Extends(IOpenApiSchema schema, IOpenApiSchema baseSchema)
    {
        var visited = new List<IOpenApiSchema>();
        var pending = new Queue<IOpenApiSchema>([schema]);
        while (pending.Count > 0)
        {
            if (Target(pending.Dequeue()) is not { } next || IsAmong(visited, next))
            {
                continue;
            }

            visited.Add(next);
            foreach (var part in next.AllOf ?? [])
            {
                if (ReferenceEquals(Target(part), baseSchema))
                {
                    return true;
                }

                pending.Enqueue(part);
            }
        }

        return false;
    }

    /// <summary>Resolves each variant's type (registering the types it needs) and says how reading recognizes it.</summary>
    /// <param name="report">Whether to report what cannot be generated: once, when the type is built.</param>
    private List<UnionVariantSpec> UnionVariants(PendingType pending, UnionParts union, bool report)
    {
        var names = new NameScope().Reserve(ReservedVariantNames, name => $"a member of the union that the variant '{name}' would collide with");
        var discriminator = DiscriminatorOf(pending.Schema, union);
        var mapping = discriminator is null ? [] : DiscriminatorMapping(pending, discriminator, union, report);
        var variants = new List<UnionVariantSpec>();
        foreach (var index in union.Variants)
        {
            var part = union.Parts[index];
            var partPointer = union.IsDerived
                ? ComponentPointer((OpenApiSchemaReference)part)
                : JsonPointers.Append(JsonPointers.Append(pending.Pointer, union.PartsKey), index.ToString(CultureInfo.InvariantCulture));
            var name = names.Claim(VariantStem(part));

            // The base of a derived union is its record: through the reference, it would be the union again.
            var resolved = union.Merged?[index] ?? part;
            var type = (union.IsDerived && index == 0
                ? ResolveType(pending.Schema, partPointer, VariantStem(part), pending.Usage, mergePatch: false, componentName: ((OpenApiSchemaReference)part).Reference.Id)
                : ResolveType(resolved, partPointer, new NameHint(pending.Name, name), pending.Usage, mergePatch: false)) with { IsNullable = false };
            if (type.TypeName == pending.Name)
            {
                // Reading would try the union as its own variant, again and again.
                if (report)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(partPointer), "A variant that is the union itself", "it is left out of the union");
                }

                continue;
            }

            var target = Unwrap(part);
            var values = mapping.Where(m => ReferenceEquals(m.Target, target)).Select(m => m.Value).ToList();
            if (discriminator is not null && part is OpenApiSchemaReference { Reference.Id: { Length: > 0 } implicitValue } && !mapping.Exists(m => m.Value == implicitValue))
            {
                // OpenAPI: with no mapping entry of its own, a referenced schema's name is its discriminator value.
                values.Add(implicitValue);
            }

            variants.Add(new UnionVariantSpec
            {
                Name = name,
                Type = type,
                Description = Clean(part.Description) ?? (target is null ? null : Clean(target.Description) ?? Clean(target.Title)),
                DiscriminatorValues = values.ToEquatableArray(),
                RequiredMembers = type.Kind == ValueKind.Object && Unwrap(resolved) is { } record && _pendingTypes.ContainsKey(new TypeKey(record, TypeKind.Object))
                    ? MembersOf(record, string.Empty).Required.OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray()
                    : EquatableArray<string>.Empty,
            });
        }

        return variants;
    }

    /// <summary>
    /// The discriminator of a union: its own, or the one a base declares that every variant extends through allOf (the
    /// OpenAPI specification's Pet, whose Cat and Dog inherit its <c>petType</c>). Null when there is none.
    /// </summary>
    private OpenApiDiscriminator? DiscriminatorOf(IOpenApiSchema schema, UnionParts union)
    {
        if (schema.Discriminator is { PropertyName: { Length: > 0 } } own)
        {
            return own;
        }

        OpenApiDiscriminator? common = null;
        foreach (var index in union.Variants)
        {
            if (InheritedDiscriminator(union.Parts[index]) is not { } inherited || (common is not null && common.PropertyName != inherited.PropertyName))
            {
                return null;
            }

            common ??= inherited;
        }

        return common;
    }

    /// <summary>The discriminator a schema declares, or one of its allOf bases does, nearest first.</summary>
    private OpenApiDiscriminator? InheritedDiscriminator(IOpenApiSchema part)
    {
        var visited = new List<IOpenApiSchema>();
        var pending = new Queue<IOpenApiSchema>();
        pending.Enqueue(part);
        while (pending.Count > 0)
        {
            if (Target(pending.Dequeue()) is not { } schema || IsAmong(visited, schema))
            {
                continue;
            }

            visited.Add(schema);
            if (schema.Discriminator is { PropertyName: { Length: > 0 } } discriminator)
            {
                return discriminator;
            }

            foreach (var basePart in schema.AllOf ?? [])
            {
                pending.Enqueue(basePart);
            }
        }

        return null;
    }

    /// <summary>
    /// The discriminator values the spec maps, with the schema each names. A union's own mapping that names a schema
    /// that is none of its variants is reported: that value is read as the unknown variant. An inherited mapping may
    /// name other schemas that extend the base.
    /// </summary>
    private List<(string Value, IOpenApiSchema? Target)> DiscriminatorMapping(PendingType pending, OpenApiDiscriminator discriminator, UnionParts union, bool report)
    {
        var entries = new List<(string Value, IOpenApiSchema? Target)>();
        var variantTargets = union.Variants.Select(i => Unwrap(union.Parts[i])).ToList();
        foreach (var entry in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            var target = Unwrap(entry.Value);
            entries.Add((entry.Key, target));
            if (ReferenceEquals(discriminator, pending.Schema.Discriminator) && !variantTargets.Exists(t => ReferenceEquals(t, target)) && report)
            {
                var mappingPointer = JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(pending.Pointer, "discriminator"), "mapping"), entry.Key);
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(mappingPointer), "A discriminator value that maps to a schema none of the variants is", "a value with it is read as the unknown variant");
            }
        }

        return entries;
    }

    /// <summary>The stem a variant's members are named with: a referenced schema's name, else its title, else its kind.</summary>
    private string VariantStem(IOpenApiSchema part)
    {
        if (part is OpenApiSchemaReference reference && PascalCase(reference.Reference.Id ?? string.Empty) is { Length: > 0 } component)
        {
            return component;
        }

        if (PascalCase(part.Title ?? string.Empty) is { Length: > 0 } title)
        {
            return title;
        }

        // A part that only requires members of the schema beside it (oneOf: [{required: [email]}, {required: [phone]}]).
        if (part.Required is { Count: > 0 } required && part.Properties is not { Count: > 0 } && part.Type is null
            && PascalCase(string.Join(" and ", required)) is { Length: > 0 } members)
        {
            return "With" + members;
        }

        return (IsComposedObject(part) ? ValueKind.Object : ShapeOf(part)) switch
        {
            ValueKind.String => "String",
            ValueKind.Bytes => "Bytes",
            ValueKind.Int32 or ValueKind.Int64 => "Integer",
            ValueKind.Double => "Number",
            ValueKind.Boolean => "Boolean",
            ValueKind.Enum => "Enum",
            ValueKind.Array => "Array",
            ValueKind.Map => "Map",
            ValueKind.Object => "Object",
            _ => "Value",
        };
    }

    /// <param name="Keyword"><c>oneOf</c> or <c>anyOf</c>: whether exactly one variant must match, or at least one.</param>
    /// <param name="PartsKey">The key of the schema the parts are written under (<c>oneOf</c>, <c>anyOf</c>, a 3.1 <c>type</c> list), for their pointers.</param>
    /// <param name="Variants">The indexes of the parts that are not just null, in the spec's order.</param>
    /// <param name="AdmitsNull">Whether a part is just null (<c>{type: 'null'}</c>), which makes the union's value nullable.</param>
    /// <param name="IsDerived">Whether the parts are a discriminated base (the first) and the schemas that extend it, each a reference.</param>
    private readonly record struct UnionParts(string Keyword, string PartsKey, IList<IOpenApiSchema> Parts, List<int> Variants, bool AdmitsNull, bool IsDerived)
    {
        /// <summary>Gets, for parts beside members of their schema, each part merged with those members: what its variant is.</summary>
        public IList<IOpenApiSchema>? Merged { get; init; }
    }

    /// <summary>The order of a type list's parts when the spec's own order is not there: a string, then numbers (an integer before a number, as it is the narrower), and so on.</summary>
    private static readonly JsonSchemaType[] TypeListOrder = [JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean, JsonSchemaType.Array, JsonSchemaType.Object];

    /// <summary>The parts of each type list, made once: an object or array part is a schema of its own, whose type is keyed by it.</summary>
    private readonly Dictionary<TypeKey, IList<IOpenApiSchema>> _typeListParts = [];

    /// <summary>The parts of each oneOf or anyOf beside members, merged with them once (see <see cref="PartsWithMembers"/>).</summary>
    private readonly Dictionary<TypeKey, IList<IOpenApiSchema>> _mergedParts = [];

    /// <summary>The parts of the union each discriminated base stands for; null for a base nothing extends.</summary>
    private readonly Dictionary<TypeKey, UnionParts?> _derivedParts = [];
}
