using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.ModelBuilding;

namespace OpenApiClientGenerator.Emitting;

/// <summary>What <c>Union.sbncs</c> lays out for a <c>oneOf</c> or <c>anyOf</c>: its shape and each variant's members.</summary>
internal sealed class UnionView
{
    /// <summary>Gets <c>"oneOf"</c> or <c>"anyOf"</c>, as a literal.</summary>
    public required string KeywordLiteral { get; init; }

    /// <summary>Gets the discriminator property's name as a literal; <c>null</c> (the C# keyword) for a union without.</summary>
    public required string DiscriminatorLiteral { get; init; }

    public required bool HasDiscriminator { get; init; }

    /// <summary>
    /// Gets the JSON the union's check sees: the JSON read, or for a <c>oneOf</c> without a discriminator, which checks that
    /// no other variant matches, the JSON of a value built in code.
    /// </summary>
    public required string JsonExpression { get; init; }

    public required IReadOnlyList<UnionVariantView> Variants { get; init; }
}

internal sealed class UnionVariantView
{
    public required string Name { get; init; }

    /// <summary>Gets the index of the variant, which the union holds to say which it is.</summary>
    public required int Index { get; init; }

    /// <summary>Gets the C# type of the variant's value.</summary>
    public required string Type { get; init; }

    /// <summary>Gets how the variant is named in docs: a <c>see</c> of its type, or the type in <c>c</c>.</summary>
    public required string TypeDoc { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required string NameLiteral { get; init; }

    /// <summary>Gets the parameter of <c>Match</c> that handles the variant (<c>onCat</c>).</summary>
    public required string Handler { get; init; }

    /// <summary>Gets the expression that boxes <c>value</c>, refusing null for a reference type.</summary>
    public required string BoxExpression { get; init; }

    /// <summary>Gets whether the union converts implicitly from the variant: C# allows none from an interface, nor two from one type.</summary>
    public required bool HasConversion { get; init; }

    public required string DiscriminatorValuesExpression { get; init; }

    /// <summary>Gets whether <c>json</c> has the variant's structure: its JSON kind, and an object's required members.</summary>
    public required string FitsExpression { get; init; }

    /// <summary>Gets the variant's reader: a record's <c>ReadFrom</c> as a method group, else a lambda over the reader <c>r</c>.</summary>
    public required string Reader { get; init; }

    /// <summary>Gets the lambda that writes the variant's boxed value <c>v</c> to <c>w</c>; null for a value the union's shape writes itself (see <c>CSharpFragments.IsWrittenByUnionShape</c>).</summary>
    public required string? Writer { get; init; }

    /// <summary>Gets the rules that check the variant's <c>value</c>; the union calls them through <see cref="ValidateMethod"/>.</summary>
    public required IReadOnlyList<RuleView> Rules { get; init; }

    /// <summary>Gets the method that checks the variant; null when the spec does not constrain it, or the variant is a record that checks itself.</summary>
    public required string? ValidateMethod { get; init; }
}

/// <summary>Builds the views of unions: the single expressions each variant's members are made of.</summary>
internal static class UnionViews
{
    public static UnionView Build(TypeSpec type, UnionSpec union, IReadOnlyDictionary<string, TypeSpec> types, ValidationRules validation, string @namespace)
    {
        // Inside the union its members hide types of the same name (a schema named Validate): such a type is qualified.
        var memberNames = new HashSet<string>(
            ReservedNames.UnionMembers.Concat(union.Variants.SelectMany(v => ReservedNames.UnionVariantMemberPrefixes.Select(prefix => prefix + v.Name))),
            StringComparer.Ordinal);
        TypeRef Qualify(TypeRef typeRef) => typeRef with
        {
            TypeName = typeRef.TypeName is { } name && (memberNames.Contains(name) || memberNames.Contains(name + "Json"))
                ? "global::" + (@namespace.Length > 0 ? @namespace + "." : string.Empty) + name
                : typeRef.TypeName,
            Element = typeRef.Element is { } element ? Qualify(element) : null,
        };

        var variantTypes = union.Variants.Select(v => Qualify(v.Type)).ToList();
        var typeNames = variantTypes.Select(CSharpFragments.TypeName).ToList();
        var variants = union.Variants.Select((variant, index) =>
        {
            var typeName = typeNames[index];
            var variantType = variantTypes[index];
            var rules = validation.For(variantType, "value", 0);
            var handler = "on" + variant.Name;
            return new UnionVariantView
            {
                Name = variant.Name,
                Index = index,
                Type = typeName,
                TypeDoc = TypeDoc(variant.Type, typeName),
                Doc = XmlDoc.Summary(variant.Description ?? "The variant " + variant.Name + "."),
                NameLiteral = CSharpFragments.Literal(variant.Name),
                Handler = handler,
                BoxExpression = CSharpFragments.IsValueType(variant.Type) ? "value" : "value ?? throw new ArgumentNullException(nameof(value))",
                HasConversion = variant.Type.Kind is not (ValueKind.Array or ValueKind.Map) && typeNames.Count(t => t == typeName) == 1 && typeName != type.Name,
                DiscriminatorValuesExpression = variant.DiscriminatorValues.Count == 0
                    ? "Array.Empty<string>()"
                    : "new[] { " + string.Join(", ", variant.DiscriminatorValues.Select(CSharpFragments.Literal)) + " }",
                FitsExpression = Fits(variant, types),
                Reader = variantType.Kind == ValueKind.Object
                    ? variantType.TypeName + ".ReadFrom"
                    : "static (ref Utf8JsonReader r) => " + CSharpFragments.ReadPresent(variantType, "r", 0, lenient: false),
                Writer = CSharpFragments.IsWrittenByUnionShape(variantType)
                    ? null
                    : "static (w, v) => " + CSharpFragments.Write(variantType, "w", "((" + typeName + ")v)", 0),
                Rules = rules,
                ValidateMethod = rules.Count == 0 || (variantType.Kind == ValueKind.Object && rules.Count == 1) ? null : "Validate" + variant.Name,
            };
        }).ToList();
        var checksExactlyOne = union.IsOneOf && union.DiscriminatorProperty is null;
        return new UnionView
        {
            KeywordLiteral = union.IsOneOf ? "\"oneOf\"" : "\"anyOf\"",
            DiscriminatorLiteral = union.DiscriminatorProperty is { } property ? CSharpFragments.Literal(property) : "null",
            HasDiscriminator = union.DiscriminatorProperty is not null,
            JsonExpression = checksExactlyOne ? "_json ?? JsonWrite.ToElement(this)" : "_json",
            Variants = variants,
        };
    }

    /// <summary>The type's summary: the spec's description, then each variant and how reading picks it.</summary>
    public static IReadOnlyList<string> Doc(TypeSpec type, UnionSpec union)
    {
        var lines = new List<string>(XmlDoc.Summary(type.Description ?? (union.IsOneOf ? "Exactly one of its variants." : "At least one of its variants.")));
        lines.Add("/// <remarks>");
        lines.Add(union.DiscriminatorProperty is { } property
            ? "/// <para>The member <c>" + XmlDoc.Escape(property) + "</c> names the variant; a value it does not name is read as the unknown variant.</para>"
            : "/// <para>Reading tries the variants in this order: of those the JSON's kind and members fit, the first that meets its constraints, else the first that reads; JSON no variant reads is the unknown variant.</para>");
        lines.Add("/// <list type=\"bullet\">");
        foreach (var variant in union.Variants)
        {
            var values = variant.DiscriminatorValues.Count == 0 ? string.Empty : " (" + string.Join(", ", variant.DiscriminatorValues.Select(v => "<c>" + XmlDoc.Escape(v) + "</c>")) + ")";
            var description = variant.Description is null ? string.Empty : ": " + XmlDoc.Escape(variant.Description);
            lines.Add("/// <item>" + TypeDoc(variant.Type, CSharpFragments.TypeName(variant.Type)) + values + description + "</item>");
        }

        lines.Add("/// </list>");
        lines.Add("/// </remarks>");
        return lines;
    }

    private static string TypeDoc(TypeRef type, string typeName)
        => type.Kind is ValueKind.Object or ValueKind.Enum ? "<see cref=\"" + typeName + "\"/>" : "<c>" + XmlDoc.Escape(typeName) + "</c>";

    /// <summary>The structural check of a variant on <c>json</c>: what reading tries before it reads.</summary>
    private static string Fits(UnionVariantSpec variant, IReadOnlyDictionary<string, TypeSpec> types) => variant.Type.Kind switch
    {
        ValueKind.String or ValueKind.Enum => "json.ValueKind == JsonValueKind.String",
        ValueKind.Bytes when variant.Type.IsBase64Url => "json.ValueKind == JsonValueKind.String && Base64Text.DecodeUrl(json.GetString()!) is not null",
        ValueKind.Bytes => "json.ValueKind == JsonValueKind.String && json.TryGetBytesFromBase64(out _)",
        ValueKind.Int32 => "json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out _)",
        ValueKind.Int64 => "json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out _)",
        ValueKind.Double => "json.ValueKind == JsonValueKind.Number",
        ValueKind.Boolean => "json.ValueKind is JsonValueKind.True or JsonValueKind.False",
        ValueKind.Array => "json.ValueKind == JsonValueKind.Array",
        ValueKind.Map => "json.ValueKind == JsonValueKind.Object",
        ValueKind.Object when types.TryGetValue(variant.Type.TypeName!, out var record) && record.Kind != TypeKind.Union
            => string.Concat(new[] { "json.ValueKind == JsonValueKind.Object" }.Concat(variant.RequiredMembers.Select(m => " && json.TryGetProperty(" + CSharpFragments.Literal(m) + ", out _)"))),
        _ => "true",
    };
}
