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
    /// <summary>
    /// Resolves a schema made of others whose value is not an object: a value or null (<c>oneOf: [X, {type: 'null'}]</c>), a
    /// union of several (see <c>ModelBuilder.Unions.cs</c>), an <c>allOf</c> that stands for one of its parts (a common way
    /// to add a description to a reference), or an allOf of values of one kind, whose constraints all apply.
    /// Returns null for a schema whose own keywords, or whose members, describe the value; the compositions not generated
    /// yet are reported.
    /// </summary>
    private TypeRef? ResolveComposition(IOpenApiSchema schema, LazyPointer place, NameHint nameHint, Usage usage, bool mergePatch, string? componentName)
    {
        // Most schemas compose nothing (no allOf, oneOf or anyOf, one type or none), and their pointer is not made.
        if (schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && HasOneTypeOrNone(schema))
        {
            return null;
        }

        var pointer = place.Value;
        if (SoleAlternative(schema, pointer) is var (keyword, alternative, admitsNull))
        {
            var partPointer = JsonPointers.Append(JsonPointers.Append(pointer, keyword), alternative.ToString(CultureInfo.InvariantCulture));
            var parts = keyword == "oneOf" ? schema.OneOf! : schema.AnyOf!;
            var part = ResolveContained(schema, parts[alternative], partPointer, nameHint, usage, mergePatch);
            return admitsNull ? part with { IsNullable = true } : part;
        }

        if (ResolveUnion(schema, pointer, nameHint, usage, componentName) is { } union)
        {
            return union;
        }

        ReportUnsupportedKeywords(schema, pointer);
        if (WrappedPart(schema) is { } wrapped)
        {
            return ResolveContained(schema, schema.AllOf![wrapped], AllOfPointer(pointer, wrapped), nameHint, usage, mergePatch);
        }

        if (schema.AllOf is not { Count: > 0 } allOf || IsComposedObject(schema))
        {
            return null;
        }

        // No part has members: the parts constrain one value (a string of some pattern and some length, say).
        TypeRef? merged = null;
        for (var i = 0; i < allOf.Count; i++)
        {
            var partPointer = AllOfPointer(pointer, i);
            var part = (merged is null ? null : NarrowingEnum(allOf[i], partPointer, merged.Kind)) ?? ResolveContained(schema, allOf[i], partPointer, nameHint, usage, mergePatch);
            merged = merged is null ? part : MergeValues(merged, part, partPointer);
        }

        return merged! with { Constraints = MergeConstraints(merged!.Constraints, ReadConstraints(schema, pointer), pointer) };
    }

    /// <summary>
    /// The index of the allOf part that a schema stands for, when every other part and the schema itself only annotate it
    /// (a description, a title, a default): such a schema is that part, not a type of its own.
    /// </summary>
    private int? WrappedPart(IOpenApiSchema schema)
    {
        if (schema.AllOf is not { Count: > 0 } parts || !IsAnnotationOnly(schema, except: "allOf"))
        {
            return null;
        }

        int? wrapped = null;
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is OpenApiSchemaReference || !IsAnnotationOnly(parts[i], except: null))
            {
                if (wrapped is not null)
                {
                    return null;
                }

                wrapped = i;
            }
        }

        return wrapped ?? 0;
    }

    /// <summary>The two keywords of a choice between schemas, with their parts (a list made once, not at every schema read).</summary>
    private static readonly (string Keyword, Func<IOpenApiSchema, IList<IOpenApiSchema>?> Parts)[] Choices = [("oneOf", static s => s.OneOf), ("anyOf", static s => s.AnyOf)];

    /// <summary>
    /// The oneOf or anyOf with a single part that is more than null, and nothing else the schema says but annotations and
    /// the part's own type: a choice of one (<c>anyOf: [X]</c>, Stripe's way to describe a reference, with
    /// <c>nullable: true</c> beside it) or between it and null (<c>oneOf: [X, {type: 'null'}]</c>). The value is that part,
    /// nullable where null is a part or the schema says <c>nullable</c>. Returns the keyword, the part's index and whether
    /// null is allowed; null for any other schema.
    /// </summary>
    private (string Keyword, int Index, bool AdmitsNull)? SoleAlternative(IOpenApiSchema schema, string pointer)
    {
        foreach (var (keyword, partsOf) in Choices)
        {
            var parts = partsOf(schema);
            if (parts is not { Count: > 0 } || !IsAnnotationOnly(schema, except: keyword, ignoreType: true))
            {
                continue;
            }

            int? sole = null;
            for (var i = 0; i < parts.Count; i++)
            {
                if (!IsNullOnly(parts[i]))
                {
                    if (sole is not null)
                    {
                        return null;
                    }

                    sole = i;
                }
            }

            // A type beside the part is no constraint of its own when the part has that type (mailscript's list items,
            // `type: object` beside `oneOf: [Address]`, whose members say it is an object).
            var ownType = (schema.Type ?? 0) & ~JsonSchemaType.Null;
            if (sole is { } index && (ownType == 0 || ownType == TypeOf(Target(parts[index]))))
            {
                var admitsNull = parts.Count > 1 || (schema.Type & JsonSchemaType.Null) != 0 || SaysNullable(pointer);
                return (keyword, index, admitsNull);
            }
        }

        return null;
    }

    /// <summary>The type a schema says its value has, null aside: its <c>type</c>, or an object where it only declares members.</summary>
    private JsonSchemaType TypeOf(IOpenApiSchema? schema)
    {
        var type = (schema?.Type ?? 0) & ~JsonSchemaType.Null;
        return type == 0 && schema is not null && (schema.Properties is { Count: > 0 } || IsComposedObject(schema)) ? JsonSchemaType.Object : type;
    }

    /// <remarks>
    /// A reference is never null only (<see cref="IsAnnotationOnly"/>), and is told apart before its type is read: that
    /// read resolves the reference again, as each read of a reference's member does, and most parts of a choice are references.
    /// </remarks>
    private static bool IsNullOnly(IOpenApiSchema part) => part is not OpenApiSchemaReference && part.Type == JsonSchemaType.Null && IsAnnotationOnly(part, except: null);

    /// <summary>
    /// Whether a schema says nothing about the value beyond <paramref name="except"/>: no type (unless
    /// <paramref name="ignoreType"/>), no members, no required names (unless <paramref name="ignoreRequired"/>), no
    /// constraint, no other composition.
    /// </summary>
    private static bool IsAnnotationOnly(IOpenApiSchema schema, string? except, bool ignoreType = false, bool ignoreRequired = false)
        => schema is not OpenApiSchemaReference
            && (ignoreType || ((schema.Type ?? 0) & ~JsonSchemaType.Null) == 0)
            && schema.Properties is not { Count: > 0 } && (ignoreRequired || schema.Required is not { Count: > 0 })
            && schema.AdditionalProperties is null && schema.Items is null && schema.Enum is not { Count: > 0 }
            && (except == "allOf" || schema.AllOf is not { Count: > 0 }) && (except == "oneOf" || schema.OneOf is not { Count: > 0 })
            && (except == "anyOf" || schema.AnyOf is not { Count: > 0 }) && schema.Not is null
            && schema.Format is null && schema.Pattern is null && schema.MinLength is null && schema.MaxLength is null
            && schema.Minimum is null && schema.Maximum is null && schema.ExclusiveMinimum is null && schema.ExclusiveMaximum is null
            && schema.MultipleOf is null && schema.MinItems is null && schema.MaxItems is null;

    /// <summary>
    /// Whether a schema with allOf parts describes an object: some part, or the schema itself, has members. Asked at each
    /// use of a schema; the parts are looked at, not collected with their members (see <see cref="MembersOf"/>).
    /// </summary>
    private bool IsComposedObject(IOpenApiSchema schema)
        => schema.AllOf is { Count: > 0 } && WrappedPart(schema) is null && DeclaresMembers(schema, []);

    /// <summary>Whether the schema or a part of its allOf, through references, declares a member: what <see cref="CollectMembers"/> would find one in.</summary>
    private bool DeclaresMembers(IOpenApiSchema part, List<IOpenApiSchema> visited)
    {
        if (Target(part) is not { } target || IsAmong(visited, target))
        {
            return false;
        }

        visited.Add(target);
        if (target.Properties is { Count: > 0 })
        {
            return true;
        }

        for (var i = 0; i < (target.AllOf?.Count ?? 0); i++)
        {
            if (DeclaresMembers(target.AllOf![i], visited))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every member of an object schema: those of its allOf parts, in order and through references, then its own. A member
    /// several parts declare appears once, at its first place, with every declaration (all their constraints apply); a
    /// name is required where any part requires it.
    /// </summary>
    private ComposedMembers MembersOf(IOpenApiSchema schema, string pointer)
    {
        // Asked for at each use of an object schema (is it composed?), at its discovery and when it is built: collected once.
        var key = new SchemaAt(schema, pointer);
        if (!_composedMembers.TryGetValue(key, out var composed))
        {
            composed = CollectMembers(schema, pointer);
            _composedMembers.Add(key, composed);
        }

        return composed;
    }

    private ComposedMembers CollectMembers(IOpenApiSchema schema, string pointer)
    {
        // Sized for the schema's own members, most schemas' only ones.
        var members = new List<ComposedMember>(Target(schema)?.Properties?.Count ?? 0);

        // Where each name is in the list: a schema of many members (GitHub's repository has some ninety) looked for
        // each one in the members before it. Made when a second part declares members: the first part's names are the
        // keys of its properties, each there once, and most schemas have no other part.
        Dictionary<string, int>? indexes = null;
        // Made from the first part that requires names, at its size.
        HashSet<string>? required = null;
        var visited = new List<IOpenApiSchema>();
        Collect(schema, pointer, owner: null);
        return new ComposedMembers(members, required ?? new HashSet<string>(StringComparer.Ordinal));

        void Collect(IOpenApiSchema part, string partPointer, string? owner)
        {
            if (part is OpenApiSchemaReference reference)
            {
                partPointer = ComponentPointer(reference);
                owner = PascalCase(reference.Reference.Id ?? string.Empty) is { Length: > 0 } component ? component : owner;
            }

            // A part met again (a cycle through allOf, or the same base twice) adds nothing new.
            if (Target(part) is not { } target || IsAmong(visited, target))
            {
                return;
            }

            visited.Add(target);
            for (var i = 0; i < (target.AllOf?.Count ?? 0); i++)
            {
                Collect(target.AllOf![i], target is IntersectionSchema intersection ? intersection.PartPointers[i] : AllOfPointer(partPointer, i), owner);
            }

            if (target.Properties is { Count: > 0 } properties)
            {
                Add(properties, partPointer, owner);
            }

            if (target.Required is { Count: > 0 } names)
            {
                if (required is null)
                {
                    required = new HashSet<string>(names, StringComparer.Ordinal);
                }
                else
                {
                    required.UnionWith(names);
                }
            }
        }

        void Add(IDictionary<string, IOpenApiSchema> properties, string partPointer, string? owner)
        {
            if (indexes is null && members.Count > 0)
            {
                indexes = new Dictionary<string, int>(members.Count + properties.Count, StringComparer.Ordinal);
                for (var i = 0; i < members.Count; i++)
                {
                    indexes.Add(members[i].WireName, i);
                }
            }

            foreach (var property in properties)
            {
                var declaration = new MemberDeclaration(property.Value, partPointer, property.Key, owner);
                if (indexes is null)
                {
                    members.Add(new ComposedMember(property.Key, declaration));
                }
                else if (!indexes.TryGetValue(property.Key, out var index))
                {
                    indexes.Add(property.Key, members.Count);
                    members.Add(new ComposedMember(property.Key, declaration));
                }
                else
                {
                    members[index].Add(declaration);
                }
            }
        }
    }

    /// <summary>
    /// Links each object type to the object types it extends: the targets of the references among its allOf parts, and
    /// theirs in turn. Each type extended gets an interface name, claimed like a type's.
    /// </summary>
    private void LinkBaseTypes()
    {
        foreach (var pending in _typeOrder.Where(t => t.Kind == TypeKind.Object).ToList())
        {
            var visited = new List<IOpenApiSchema> { pending.Schema };
            Walk(pending.Schema);

            void Walk(IOpenApiSchema schema)
            {
                foreach (var part in schema.AllOf ?? [])
                {
                    if (Target(part) is not { } target || IsAmong(visited, target))
                    {
                        continue;
                    }

                    visited.Add(target);
                    if (part is OpenApiSchemaReference && _pendingTypes.TryGetValue(new TypeKey(target, TypeKind.Object), out var baseType))
                    {
                        pending.BaseTypes.Add(baseType);
                        baseType.InterfaceName ??= ClaimTypeName("I" + baseType.Name, "the interface of '{0}'", baseType.Name, componentName: null, baseType.Pointer);
                    }

                    Walk(target);
                }
            }
        }
    }

    /// <summary>
    /// The record a member is when allOf parts declare it as records none of which extends another (Vonage's WhatsApp
    /// image: the base's <c>image</c> has a <c>url</c>, the WhatsApp part's a <c>url</c> and a <c>caption</c>): a value of
    /// all of them has the members of all, so the member is one record of them, the allOf of its declarations, named
    /// after the record that composes them. So too the items of a member that parts declare as lists of such records
    /// (Zuora's <c>reasons</c>). Null for a member declared once, or as anything else. Made once per record and member,
    /// so that its discovery and its build resolve the same schema.
    /// </summary>
    private MemberIntersection? IntersectionOf(PendingType pending, ComposedMember member)
    {
        if (member.DeclarationCount < 2)
        {
            return null;
        }

        var key = new SchemaAt(pending.Schema, member.WireName);
        if (_intersections.TryGetValue(key, out var known))
        {
            return known;
        }

        var declarations = new SchemaAt[member.DeclarationCount];
        for (var i = 0; i < declarations.Length; i++)
        {
            declarations[i] = new SchemaAt(member.Declaration(i).Schema, member.Declaration(i).Pointer);
        }

        var intersection = Intersect(declarations) is { } records ? new MemberIntersection(records, Lists: null)
            : ListsOf(declarations) is { } lists && Intersect(ItemsOf(lists)) is { } items ? new MemberIntersection(items, lists)
            : null;
        _intersections.Add(key, intersection);
        return intersection;
    }

    /// <summary>The allOf of <paramref name="declarations"/> where each is a record and two or more records none of which extends another are among them; null otherwise.</summary>
    private IntersectionSchema? Intersect(SchemaAt[] declarations)
    {
        var records = new List<IOpenApiSchema>(declarations.Length);
        var allNullable = true;
        foreach (var declaration in declarations)
        {
            if (Unwrap(declaration.Schema) is not { } record || !IsPlainRecord(record))
            {
                return null;
            }

            allNullable &= ((declaration.Schema.Type ?? record.Type ?? 0) & JsonSchemaType.Null) != 0;
            if (!IsAmong(records, record))
            {
                records.Add(record);
            }
        }

        if (records.Count < 2 || records.Exists(derived => records.Exists(baseRecord => !ReferenceEquals(derived, baseRecord) && ExtendsRecord(derived, baseRecord, []))))
        {
            return null;
        }

        return new IntersectionSchema(declarations.Select(d => d.Pointer).ToArray())
        {
            AllOf = declarations.Select(d => d.Schema).ToList(),
            Type = allNullable ? JsonSchemaType.Null : null,
        };
    }

    /// <summary>The lists <paramref name="declarations"/> are, each where it is written (a referenced one in its component); null unless each is a list.</summary>
    private SchemaAt[]? ListsOf(SchemaAt[] declarations)
    {
        var lists = new SchemaAt[declarations.Length];
        for (var i = 0; i < declarations.Length; i++)
        {
            var declaration = declarations[i];
            if (Target(declaration.Schema) is not { Items: not null } list || ClassifyType(list) != ValueKind.Array)
            {
                return null;
            }

            lists[i] = new SchemaAt(list, declaration.Schema is OpenApiSchemaReference reference ? ComponentPointer(reference) : declaration.Pointer);
        }

        return lists;
    }

    private static SchemaAt[] ItemsOf(SchemaAt[] lists)
        => lists.Select(list => new SchemaAt(list.Schema.Items!, JsonPointers.Append(list.Pointer, "items"))).ToArray();

    /// <summary>A member's intersection: its record, or, where <paramref name="Lists"/> are given, the record of the items of those lists.</summary>
    private sealed record MemberIntersection(IntersectionSchema Records, SchemaAt[]? Lists);

    /// <summary>An object schema with members, which is no union: no choice of its own and no discriminator that derived records use.</summary>
    private bool IsPlainRecord(IOpenApiSchema schema)
        => (ClassifyType(schema) == ValueKind.Object || IsComposedObject(schema))
            && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.Discriminator is null;

    /// <summary>Whether <paramref name="derived"/>'s allOf parts, or theirs in turn, include <paramref name="baseRecord"/>.</summary>
    private bool ExtendsRecord(IOpenApiSchema derived, IOpenApiSchema baseRecord, List<IOpenApiSchema> visited)
    {
        visited.Add(derived);
        foreach (var part in derived.AllOf ?? [])
        {
            if (Target(part) is { } target && (ReferenceEquals(target, baseRecord) || (!IsAmong(visited, target) && ExtendsRecord(target, baseRecord, visited))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The intersections made, by the record and the member's wire name (null where the member is none).</summary>
    private readonly Dictionary<SchemaAt, MemberIntersection?> _intersections = [];

    /// <summary>
    /// The allOf of a member's declarations or of their items (<see cref="IntersectionOf"/>), which the spec does not write: its parts'
    /// members are placed where each declaration is written, not under an allOf of its own.
    /// </summary>
    private sealed class IntersectionSchema(string[] partPointers) : OpenApiSchema
    {
        public string[] PartPointers { get; } = partPointers;
    }

    /// <summary>
    /// The value of a member declared more than once: the first declaration's type, with the constraints of all. A later
    /// enum that only lists values (<see cref="NarrowingEnum"/>) narrows a string or an enum to them, which the validator
    /// checks. A list or a map of any value and a typed one (a page's <c>items</c> that a part makes a list of pets), or a
    /// record and one that extends it, are the typed or the extending one, which a value of both is, as is an enum type
    /// and a plain string; of two enum types the first is kept, narrowed to the values of the later one; a record that
    /// retypes a member so no longer implements the interface of the part it came from (see SourceEmitter's
    /// Implementations). Records none of which extends another are intersected before this (<see cref="IntersectionOf"/>);
    /// other declarations of different types cannot both hold, and the later one is reported.
    /// </summary>
    private TypeRef MergeValues(TypeRef first, TypeRef next, string nextPointer)
    {
        if (IsLooserForm(first, next) || Extends(next, first))
        {
            return Both(next, first);
        }

        // An enum part that only lists values (NarrowingEnum) has no type of its own: the value it narrows, or a value of
        // any type, takes its values.
        var narrows = next.Kind == ValueKind.Enum && next.TypeName is null && (first.Kind is ValueKind.String or ValueKind.Enum || first.Kind == ValueKind.Any && first.TypeName is null);
        if (narrows || IsLooserForm(next, first) || Extends(first, next))
        {
            return Both(first, next);
        }

        if (next.Kind == ValueKind.Any && next.TypeName is null)
        {
            return first with { Constraints = MergeConstraints(first.Constraints, next.Constraints, nextPointer) };
        }

        if (first.Kind == ValueKind.Any && first.TypeName is null)
        {
            return Both(next, first);
        }

        // A string a part says nothing more of, and an enum type (Linode's backup `type`, which a part writes as a string):
        // the enum, which every value of both is.
        if (IsPlainString(next) && first is { Kind: ValueKind.Enum, TypeName: not null })
        {
            return Both(first, next);
        }

        if (IsPlainString(first) && next is { Kind: ValueKind.Enum, TypeName: not null })
        {
            return Both(next, first);
        }

        if (first.Kind == ValueKind.Enum && next.Kind == ValueKind.Enum && first.TypeName != next.TypeName
            && ValuesOfEnum(first.TypeName) is { } firstValues && ValuesOfEnum(next.TypeName) is { } nextValues)
        {
            // Two enum types (Vonage's reports: `product` and `product_sms`, the same values under two names): the first,
            // narrowed to the values the later one has too, where it lacks some of the first's.
            return firstValues.All(nextValues.Contains)
                ? Both(first, next)
                : Both(first with { Constraints = first.Constraints with { AllowedValues = firstValues } }, next with { Constraints = next.Constraints with { AllowedValues = nextValues } });
        }

        if (first.Kind != next.Kind || first.TypeName != next.TypeName || first.Element != next.Element)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(nextPointer), "allOf parts that give one value two different types", "the first part's type is generated and this declaration is not validated");
            return first;
        }

        return Both(first, next);

        TypeRef Both(TypeRef kept, TypeRef other)
            => kept with { Constraints = MergeConstraints(kept.Constraints, other.Constraints, nextPointer), IsNullable = first.IsNullable && next.IsNullable };

        // Its type aside, which the enum's values are too.
        static bool IsPlainString(TypeRef value) => value.Kind == ValueKind.String && (value.Constraints with { AllowedTypes = EquatableArray<string>.Empty }).IsEmpty;
    }

    /// <summary>
    /// The values of the enum type named <paramref name="name"/>, as JSON text, as allowed values are kept; rare enough
    /// (a member two parts type with two enums) to look it up among all types.
    /// </summary>
    private EquatableArray<string>? ValuesOfEnum(string? name)
        => _typeOrder.Find(t => t.Name == name && t.Kind == TypeKind.Enum) is { } type ? AllowedValues(type.Schema) : null;

    /// <summary>
    /// Whether <paramref name="loose"/> is a list or a map of values of any kind, and <paramref name="typed"/> another
    /// list, map or record whose every value is one of the loose one's, by their forms alone: a list of any objects and
    /// a list of pets, say.
    /// </summary>
    private static bool IsLooserForm(TypeRef loose, TypeRef typed)
        => loose.Kind is ValueKind.Array or ValueKind.Map && loose != typed && Covers(loose, typed);

    /// <summary>
    /// Whether <paramref name="derived"/> is a record whose allOf extends the record <paramref name="baseType"/> (Bitbucket's
    /// team has the <c>team_links</c> that extend an account's <c>account_links</c>): its values are the base's too. The
    /// records are linked before they are built (<see cref="LinkBaseTypes"/>); a value composed before that is not.
    /// </summary>
    private bool Extends(TypeRef derived, TypeRef baseType)
    {
        if (derived.Kind != ValueKind.Object || baseType.Kind != ValueKind.Object || derived.TypeName is not { } name || derived.TypeName == baseType.TypeName)
        {
            return false;
        }

        // Rare enough (a member two parts type with two records) to look the record up among all of them.
        var record = _typeOrder.Find(t => t.Name == name && t.Kind == TypeKind.Object);
        return record is not null && record.BaseTypes.Exists(b => b.Name == baseType.TypeName);
    }

    private static bool Covers(TypeRef loose, TypeRef typed)
        => loose == TypeRef.Any || loose == typed || loose.Kind switch
        {
            ValueKind.Array => typed.Kind == ValueKind.Array && Covers(loose.Element!, typed.Element!),
            ValueKind.Map => loose.Element == TypeRef.Any && typed.Kind is ValueKind.Map or ValueKind.Object,
            _ => false,
        };

    /// <summary>
    /// A later allOf declaration of a value that is an inline enum of strings and nothing else, after one that makes the
    /// value a string or an enum (<paramref name="earlier"/>): it narrows that value (<see cref="MergeValues"/>), as a
    /// part that refines a check run allows its <c>status</c> only as <c>completed</c>. It is not resolved, so it makes no
    /// enum type that nothing uses; its values are in its constraints. Null for any other declaration.
    /// </summary>
    private TypeRef? NarrowingEnum(IOpenApiSchema declaration, LazyPointer pointer, ValueKind earlier)
    {
        if (earlier is not (ValueKind.String or ValueKind.Enum) || declaration is OpenApiSchemaReference
            || declaration.AllOf is { Count: > 0 } || declaration.OneOf is { Count: > 0 } || declaration.AnyOf is { Count: > 0 }
            || ClassifyType(declaration) != ValueKind.Enum)
        {
            return null;
        }

        var nullable = declaration.Type is { } type && (type & JsonSchemaType.Null) != 0;
        return new TypeRef { Kind = ValueKind.Enum, Constraints = ReadConstraints(declaration, pointer), IsNullable = nullable };
    }

    /// <summary>The constraints a value meets when it meets both: the tighter bound of each pair, the common allowed values.</summary>
    private ConstraintSpec MergeConstraints(ConstraintSpec first, ConstraintSpec next, string nextPointer)
    {
        if (next.IsEmpty)
        {
            return first;
        }

        if (first.IsEmpty)
        {
            return next;
        }

        if (first.Pattern is not null && next.Pattern is not null && first.Pattern != next.Pattern)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(nextPointer, "pattern")), "allOf parts with two patterns for one value", "only the first part's pattern is validated");
        }

        if (first.MultipleOf is not null && next.MultipleOf is not null && first.MultipleOf != next.MultipleOf)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(nextPointer, "multipleOf")), "allOf parts with two multipleOf values for one value", "only the first part's multipleOf is validated");
        }

        if (!first.AllowedValues.IsEmpty && !next.AllowedValues.IsEmpty && !first.AllowedValues.Any(next.AllowedValues.Contains))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(nextPointer), "allOf parts whose enums have no value in common", "only the first part's values are validated");
        }

        var (minimum, exclusiveMinimum) = TighterBound(first.Minimum, first.ExclusiveMinimum, next.Minimum, next.ExclusiveMinimum, preferLarger: true);
        var (maximum, exclusiveMaximum) = TighterBound(first.Maximum, first.ExclusiveMaximum, next.Maximum, next.ExclusiveMaximum, preferLarger: false);
        return new ConstraintSpec
        {
            MinLength = Larger(first.MinLength, next.MinLength),
            MaxLength = Smaller(first.MaxLength, next.MaxLength),
            Pattern = first.Pattern ?? next.Pattern,
            Minimum = minimum,
            ExclusiveMinimum = exclusiveMinimum,
            Maximum = maximum,
            ExclusiveMaximum = exclusiveMaximum,
            MultipleOf = first.MultipleOf ?? next.MultipleOf,
            MinItems = Larger(first.MinItems, next.MinItems),
            MaxItems = Smaller(first.MaxItems, next.MaxItems),
            AllowedValues = Common(first.AllowedValues, next.AllowedValues),
            AllowedTypes = Common(first.AllowedTypes, next.AllowedTypes),
            RequiredProperties = first.RequiredProperties.Concat(next.RequiredProperties).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray(),
        };

        static int? Larger(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

        static int? Smaller(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

        // Two lists with nothing in common were reported above; the first one stays, rather than none, which would allow all.
        static EquatableArray<string> Common(EquatableArray<string> a, EquatableArray<string> b)
            => a.Count == 0 ? b : b.Count == 0 ? a : a.Where(b.Contains).ToEquatableArray() is { Count: > 0 } common ? common : a;
    }

    private static (string? Bound, bool Exclusive) TighterBound(string? a, bool aExclusive, string? b, bool bExclusive, bool preferLarger)
    {
        if (a is null || !decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
        {
            return b is null ? (a, aExclusive) : (b, bExclusive);
        }

        if (b is null || !decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return (a, aExclusive);
        }

        if (x == y)
        {
            return (a, aExclusive || bExclusive);
        }

        return (x > y) == preferLarger ? (a, aExclusive) : (b, bExclusive);
    }

    private static string AllOfPointer(string pointer, int index)
        => JsonPointers.Append(JsonPointers.Append(pointer, "allOf"), index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The schema that describes the value: past references and allOf wrappers (a few at most, as a cycle may hide there).</summary>
    private IOpenApiSchema? Unwrap(IOpenApiSchema? schema)
    {
        for (var hops = 0; hops < 16 && Target(schema) is { } target; hops++)
        {
            if (WrappedPart(target) is not { } wrapped)
            {
                return target;
            }

            schema = target.AllOf![wrapped];
        }

        return null;
    }

    /// <summary>
    /// Reports the compositions a schema that is not a union has: a oneOf or anyOf beside constraints of the same schema,
    /// a oneOf beside an anyOf, or one of a single part beside members, all of which would apply to one value that no
    /// generated type holds. (A oneOf or anyOf of several parts beside members is a union of records, see <c>PartsWithMembers</c>.)
    /// </summary>
    private void ReportUnsupportedKeywords(IOpenApiSchema schema, string pointer)
    {
        foreach (var (keyword, partsOf) in Choices)
        {
            var parts = partsOf(schema);
            if (parts is { Count: > 0 })
            {
                var kind = ClassifyType(schema);
                var consequence = kind is ValueKind.Object || IsComposedObject(schema)
                    ? "the record is generated from the schema's own members, and the " + keyword + " is not validated"
                        + (schema.OneOf is { Count: > 0 } && schema.AnyOf is { Count: > 0 } ? " (a oneOf and an anyOf beside members are two choices no one type holds)" : string.Empty)
                    : kind is ValueKind.Any
                        ? "a " + keyword + " beside other keywords of its schema is generated as a JsonElement and is not validated"
                        : "a " + keyword + " beside other keywords of its schema is generated as those keywords type the value, and is not validated";
                Report(DiagnosticDescriptors.UnsupportedConstruct, LocationOfKey(JsonPointers.Append(pointer, keyword)), keyword, consequence);
            }
        }
    }

    /// <summary>Each object schema's members at its place, as <see cref="MembersOf"/> collected them.</summary>
    private readonly Dictionary<SchemaAt, ComposedMembers> _composedMembers = [];

    /// <summary>An object schema's members with all their declarations, and the names some part requires.</summary>
    private sealed record ComposedMembers(List<ComposedMember> Members, HashSet<string> Required);

    /// <summary>A member with its declarations, the first part's first.</summary>
    private sealed class ComposedMember(string wireName, MemberDeclaration first)
    {
        /// <summary>The later parts' declarations: made for the few members more than one part declares, not a list for each.</summary>
        private List<MemberDeclaration>? _later;

        public string WireName { get; } = wireName;

        public int DeclarationCount => 1 + (_later?.Count ?? 0);

        /// <summary>The declaration of the <paramref name="index"/>th part that declares the member, in the parts' order.</summary>
        public MemberDeclaration Declaration(int index) => index == 0 ? first : _later![index - 1];

        public void Add(MemberDeclaration later) => (_later ??= []).Add(later);
    }

    /// <summary>A member as one part declares it, under that part's pointer.</summary>
    /// <param name="owner">The component that declares the member, when it is a referenced part: inline types in it are named after it.</param>
    private sealed class MemberDeclaration(IOpenApiSchema schema, string partPointer, string wireName, string? owner)
    {
        private string? _pointer;

        public IOpenApiSchema Schema { get; } = schema;

        public string? Owner { get; } = owner;

        /// <summary>The declaration's pointer, made when first asked for (see <see cref="LazyPointer"/>) and kept.</summary>
        public string Pointer => _pointer ??= PropertyPointer(partPointer, wireName);
    }
}
