using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>The names <see cref="PascalCase"/> made, by the name they were made from.</summary>
    private readonly Dictionary<string, string> _pascalCase = new(StringComparer.Ordinal);

    /// <summary>Where each inline enum is used: by which records, operations or components, and under which member name.</summary>
    private readonly Dictionary<PendingType, EnumUses> _enumUses = [];

    /// <summary>Notes a use of an inline enum for <see cref="NameSharedEnums"/>; a component keeps its own name.</summary>
    private PendingType NoteUse(PendingType pending, NameHint hint, string? componentName)
    {
        if (pending.Kind == TypeKind.Enum && componentName is null)
        {
            if (!_enumUses.TryGetValue(pending, out var uses))
            {
                _enumUses.Add(pending, uses = new EnumUses());
            }

            uses.Note(hint.Stem, hint.Member);
        }

        return pending;
    }

    /// <summary>
    /// Names each inline enum that members of two or more records, operations or components share, all under one name,
    /// after that name rather than after the use read first (Stripe's <c>payment_behavior</c> of six request bodies was a
    /// <c>PostCustomersCustomerSubscriptionsBodyPaymentBehavior</c>, and is a <c>PaymentBehavior</c>), when no other enum is
    /// the value of a member of that name and no type has it. An enum used anywhere else (a union's variant, a body) keeps
    /// its name. Runs once every type is found and before any record is built, so the records name it by its new name;
    /// the parameters, which the operations built already, are given it here.
    /// </summary>
    private List<OperationSpec> NameSharedEnums(List<OperationSpec> operations)
    {
        // A member name that enums of different values take (GitHub's sort, state, visibility) names none of them.
        var enumsByMember = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var uses in _enumUses.Values)
        {
            foreach (var member in uses.Members)
            {
                enumsByMember[member] = enumsByMember.TryGetValue(member, out var count) ? count + 1 : 1;
            }
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pending in _typeOrder)
        {
            if (_enumUses.TryGetValue(pending, out var uses) && uses.SharedName is { } name && enumsByMember[name] == 1 && name != pending.Name && !_typeNames.IsTaken(name))
            {
                renamed.Add(pending.Name, _typeNames.Claim(name));
                pending.Rename(name);
            }
        }

        return renamed.Count == 0 ? operations : operations.ConvertAll(operation => WithRenamedParameterTypes(operation, renamed));
    }

    /// <summary>The operation with its parameters' enums, or their items', by their new names.</summary>
    private static OperationSpec WithRenamedParameterTypes(OperationSpec operation, Dictionary<string, string> renamed)
    {
        var parameters = operation.Parameters.Select(parameter => parameter with { Type = Renamed(parameter.Type) }).ToEquatableArray();
        return parameters.Equals(operation.Parameters) ? operation : operation with { Parameters = parameters };

        TypeRef Renamed(TypeRef type)
        {
            if (type.Kind == ValueKind.Enum && type.TypeName is { } name && renamed.TryGetValue(name, out var newName))
            {
                return type with { TypeName = newName };
            }

            return type.Element is { } element ? type with { Element = Renamed(element) } : type;
        }
    }

    /// <summary>The uses of an inline enum: the name they share, if they are all members of two or more owners under one name.</summary>
    private sealed class EnumUses
    {
        private readonly HashSet<string> _owners = new(StringComparer.Ordinal);
        private bool _notAMember;

        /// <summary>The names of the members it is the value of.</summary>
        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

        public string? SharedName => !_notAMember && _owners.Count >= 2 && Members.Count == 1 ? Members.First() : null;

        public void Note(string owner, string? member)
        {
            _owners.Add(owner);
            if (member is null)
            {
                _notAMember = true;
            }
            else
            {
                Members.Add(member);
            }
        }
    }

    /// <summary>
    /// The name of a union of plain scalars, after its variants in their order (<c>StringOrInteger</c>): such a union says
    /// nothing but its types, and every inline union of the same types shares one type (<see cref="SharedInlineType"/>),
    /// so a name after the use read first would mislead the others (GitHub's issue title was a <c>WorkflowIdParameter</c>).
    /// Null for any other union: one with a variant that is a reference, has a title, a format or a constraint, or is not a
    /// string, number or boolean, whose use says more than its types.
    /// </summary>
    private string? ScalarUnionName(IOpenApiSchema schema, string pointer)
    {
        if (PartsOfUnion(schema, pointer) is not { IsDerived: false, Merged: null } union)
        {
            return null;
        }

        var name = new System.Text.StringBuilder();
        foreach (var index in union.Variants)
        {
            var part = union.Parts[index];
            if (part.Title is not null || !IsAnnotationOnly(part, except: null, ignoreType: true)
                || part.Type is not (JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean))
            {
                return null;
            }

            name.Append(name.Length == 0 ? string.Empty : "Or").Append(VariantStem(part));
        }

        return name.ToString();
    }

    /// <summary>
    /// The stem of the type names a schema written inside a component response, parameter or request body takes: the
    /// component's own name and what it is (<c>service_unavailable</c> gives <c>ServiceUnavailableResponse</c>,
    /// <c>direction</c> <c>DirectionParameter</c>), as every operation that refers to the component shares its types, and
    /// the operation that happens to be read first names nothing it does not own. The noun keeps the name apart from a
    /// component schema's and from the types named after a schema's members (<c>PackageVisibility</c> for the
    /// <c>visibility</c> of <c>package</c>), which are claimed after the operations'. Null for an object written in the
    /// operation itself.
    /// </summary>
    /// <param name="noun">What the component is: <c>Parameter</c>, <c>Response</c>, <c>Body</c>.</param>
    private string? ComponentStem(BaseOpenApiReference? reference, string noun)
        => reference?.Id is { Length: > 0 } id && PascalCase(id) is { Length: > 0 } stem
            ? stem.EndsWith(noun, StringComparison.Ordinal) ? stem : stem + noun
            : null;

    /// <summary>
    /// <see cref="IdentifierNames.ToPascalCase"/>, each name made once: a member's name is made at each of its
    /// declarations and uses of its schema, a component's at each reference to it, some thousands of times in GitHub's spec.
    /// </summary>
    private string PascalCase(string name)
    {
        if (!_pascalCase.TryGetValue(name, out var pascal))
        {
            pascal = IdentifierNames.ToPascalCase(name);
            _pascalCase.Add(name, pascal);
        }

        return pascal;
    }

    /// <param name="location">Where the wire name is written.</param>
    private string ClaimMemberName(NameScope scope, string wireName, SpecPlace location)
    {
        var preferred = PascalCase(wireName);
        if (preferred.Length == 0)
        {
            var fallback = scope.Claim("Value", NameScope.Quoted, wireName);
            Report(DiagnosticDescriptors.InvalidIdentifier, LocationOf(location), wireName, fallback);
            return fallback;
        }

        return ClaimName(scope, preferred, wireName, location);
    }

    /// <summary>
    /// Claims a type name, for what <paramref name="template"/> says with <paramref name="claimant"/> for <c>{0}</c> (see
    /// <see cref="NameScope.Claim(string, string, string)"/>). A collision is reported for a component schema, whose name
    /// the spec chose; other types are named after where they are, and just take the next free name.
    /// </summary>
    private string ClaimTypeName(string preferred, string template, string claimant, string? componentName, string pointer)
    {
        preferred = IdentifierNames.Shorten(preferred);
        var name = _typeNames.Claim(preferred, template, claimant);
        if (name != preferred && componentName is not null)
        {
            Report(DiagnosticDescriptors.NameCollision, LocationOfKey(pointer), _typeNames.TakenBy(preferred)!, componentName, preferred, name);
        }

        return name;
    }

    /// <summary>
    /// Claims a name for something the spec calls <paramref name="claimant"/> (a property, an op value, a JSON Patch
    /// path); a collision takes the next free name and is reported at <paramref name="location"/>, where the spec writes it.
    /// </summary>
    private string ClaimName(NameScope scope, string preferred, string claimant, SpecPlace location)
    {
        var name = scope.Claim(preferred, NameScope.Quoted, claimant);
        if (name != preferred)
        {
            Report(DiagnosticDescriptors.NameCollision, LocationOf(location), scope.TakenBy(preferred)!, claimant, preferred, name);
        }

        return name;
    }

    /// <summary>
    /// Where the spec writes a name: its value (<see cref="At(string)"/>) or its key (<see cref="KeyAt"/>), at a pointer or
    /// under one (<see cref="At(string, string)"/>). Most names are claimed without a collision, so the source map is
    /// consulted, and a pointer under another made, only when a diagnostic is reported.
    /// </summary>
    private readonly record struct SpecPlace(LazyPointer Pointer, bool IsKey, string? Segment = null);

    private static SpecPlace At(string pointer) => new(pointer, IsKey: false);

    private static SpecPlace At(LazyPointer pointer, string segment) => new(pointer, IsKey: false, segment);

    private static SpecPlace KeyAt(LazyPointer pointer) => new(pointer, IsKey: true);

    private LocationInfo LocationOf(SpecPlace place)
    {
        var pointer = place.Segment is null ? place.Pointer.Value : JsonPointers.Append(place.Pointer.Value, place.Segment);
        return place.IsKey ? LocationOfKey(pointer) : LocationOf(pointer);
    }

    private static string ReservedMemberDescription(string name) => $"the member '{name}' that generated records have";
}
