using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    private TypeRef? ResolveUnion(IOpenApiSchema schema, string pointer, string nameHint, Usage usage, string? componentName)
    {
        if (PartsOfUnion(schema) is not { } union)
        {
            return null;
        }

        var pending = GetOrAddType(schema, pointer, nameHint, TypeKind.Union, componentName);
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
        var union = PartsOfUnion(pending.Schema)!.Value;
        var variants = UnionVariants(pending, union, report: true);
        return new TypeSpec
        {
            Name = pending.Name,
            Group = pending.Group,
            Kind = TypeKind.Union,
            Description = Clean(pending.Schema.Description) ?? Clean(pending.Schema.Title),
            IsReadFromResponses = pending.Usage.HasFlag(Usage.Response),
            Union = new UnionSpec
            {
                IsOneOf = union.Keyword == "oneOf",
                DiscriminatorProperty = DiscriminatorOf(pending.Schema, union)?.PropertyName,
                Variants = variants.ToEquatableArray(),
            },
        };
    }

    /// <summary>Whether a schema (past references and allOf wrappers) is generated as a union.</summary>
    private bool IsUnion(IOpenApiSchema? schema) => Unwrap(schema) is { } target && PartsOfUnion(target) is not null;

    /// <summary>
    /// The parts of a schema that is a union and nothing else (annotations and a <c>type</c> aside): the keyword, the parts
    /// that are not just null with their indexes, and whether a part admits null. Null for a schema that is no union, or
    /// one whose own members or constraints would also apply (generated as JSON and reported).
    /// </summary>
    private static UnionParts? PartsOfUnion(IOpenApiSchema schema)
    {
        foreach (var (keyword, parts) in new[] { ("oneOf", schema.OneOf), ("anyOf", schema.AnyOf) })
        {
            if (parts is not { Count: > 0 } || !IsAnnotationOnly(schema, except: keyword, ignoreType: true))
            {
                continue;
            }

            var variants = Enumerable.Range(0, parts.Count).Where(i => !IsNullOnly(parts[i])).ToList();
            if (variants.Count >= 2)
            {
                return new UnionParts(keyword, parts, variants, variants.Count < parts.Count);
            }
        }

        return null;
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
            var partPointer = JsonPointers.Append(JsonPointers.Append(pending.Pointer, union.Keyword), index.ToString(CultureInfo.InvariantCulture));
            var name = names.Claim(VariantStem(part));
            var type = ResolveType(part, partPointer, pending.Name + name, pending.Usage, mergePatch: false) with { IsNullable = false };
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
                RequiredMembers = type.Kind == ValueKind.Object && target is not null && _pendingTypes.ContainsKey(new TypeKey(target, TypeKind.Object))
                    ? MembersOf(target, string.Empty).Required.OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray()
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
            if (Target(pending.Dequeue()) is not { } schema || visited.Exists(v => ReferenceEquals(v, schema)))
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
        if (part is OpenApiSchemaReference reference && IdentifierNames.ToPascalCase(reference.Reference.Id ?? string.Empty) is { Length: > 0 } component)
        {
            return component;
        }

        if (IdentifierNames.ToPascalCase(part.Title ?? string.Empty) is { Length: > 0 } title)
        {
            return title;
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

    /// <param name="Variants">The indexes of the parts that are not just null, in the spec's order.</param>
    /// <param name="AdmitsNull">Whether a part is just null (<c>{type: 'null'}</c>), which makes the union's value nullable.</param>
    private readonly record struct UnionParts(string Keyword, IList<IOpenApiSchema> Parts, List<int> Variants, bool AdmitsNull);
}
