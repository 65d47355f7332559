using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// The single C# expressions that depend on a value's shape (how to read, write and format it). Templates lay out
/// every member and statement; these expressions fill them in, because their recursion over nested arrays and maps
/// (lambdas within lambdas) would be unreadable in a template.
/// </summary>
internal static class CSharpFragments
{
    /// <summary>
    /// <paramref name="value"/> as a C# string literal. Most of a spec's strings (names, wire values, paths) are
    /// printable ASCII with nothing to escape, which Roslyn's formatter would copy as it is through a pooled builder: they
    /// are only quoted.
    /// </summary>
    public static string Literal(string value)
        => NeedsNoEscape(value) ? "\"" + value + "\"" : SymbolDisplay.FormatLiteral(value, quote: true);

    private static bool NeedsNoEscape(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The C# type of a value that is present (nullability is added by the caller).</summary>
    public static string TypeName(TypeRef type) => type.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Bytes => "byte[]",
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "long",
        ValueKind.Double => "double",
        ValueKind.Boolean => "bool",
        ValueKind.Enum or ValueKind.Object => type.TypeName!,
        ValueKind.Array => "IReadOnlyList<" + TypeName(type.Element!) + ">",
        ValueKind.Map => "IReadOnlyDictionary<string, " + (type.IsPatchMap ? NullableTypeName(type.Element!) : TypeName(type.Element!)) + ">",
        _ => "JsonElement",
    };

    public static string NullableTypeName(TypeRef type) => TypeName(type) + "?";

    public static bool IsValueType(TypeRef type)
        => type.Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean or ValueKind.Enum or ValueKind.Any;

    /// <summary>
    /// An expression that reads the value at <paramref name="reader"/>; null for a JSON null. A <paramref name="lenient"/>
    /// reader (for what services send) accepts numbers as strings and strings as numbers; a strict one (for what a client
    /// builds) accepts only the JSON kind the schema names.
    /// </summary>
    public static string ReadNullable(TypeRef type, string reader, int depth, bool lenient) => type.Kind switch
    {
        ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean => $"JsonRead.{ScalarReader(type)}(ref {reader}, {Lenient(lenient)})",
        ValueKind.Bytes => $"JsonRead.Bytes(ref {reader}, {Url(type)})",
        ValueKind.Enum => $"{type.TypeName}Json.Read(ref {reader})",
        ValueKind.Any => $"JsonRead.Element(ref {reader})",
        ValueKind.Array when ListOrNull(type, reader, nullable: true) is { } list => list,
        _ => $"{reader}.TokenType == JsonTokenType.Null ? null : {ReadPresent(type, reader, depth, lenient)}",
    };

    /// <summary>
    /// An expression that reads a value that must not be null (an array item or map value). A record, union or JSON Patch
    /// document is read by its reading constructor, called directly: its <c>ReadFrom</c> is that constructor as a method group.
    /// </summary>
    public static string ReadPresent(TypeRef type, string reader, int depth, bool lenient)
    {
        var inner = "r" + (depth + 1).ToString(CultureInfo.InvariantCulture);
        return type.Kind switch
        {
            ValueKind.Object => $"new {type.TypeName}(ref {reader})",
            ValueKind.Any => $"JsonRead.Element(ref {reader})",
            ValueKind.Array when PlainCollectionReader(type.Element!) is { } items => $"JsonRead.{items}List(ref {reader}, {Lenient(lenient)})",
            ValueKind.Array when type.Element!.Kind == ValueKind.Enum => $"JsonRead.EnumList<{type.Element.TypeName}>(ref {reader}, {type.Element.TypeName}Json.Read)",
            ValueKind.Array => $"JsonRead.List{TypeArgument(type.Element!)}(ref {reader}, {ItemReader(type.Element!, inner, depth + 1, lenient)})",
            ValueKind.Map when !type.IsPatchMap && PlainCollectionReader(type.Element!) is { } values => $"JsonRead.{values}Map(ref {reader}, {Lenient(lenient)})",
            ValueKind.Map when type.IsPatchMap => $"JsonRead.Map<{NullableTypeName(type.Element!)}>(ref {reader}, static (ref Utf8JsonReader {inner}) => {ReadNullable(type.Element!, inner, depth + 1, lenient)})",
            ValueKind.Map => $"JsonRead.Map{TypeArgument(type.Element!)}(ref {reader}, {ItemReader(type.Element!, inner, depth + 1, lenient)})",
            _ => $"JsonRead.NotNull<{TypeName(type)}>({ReadNullable(type, reader, depth, lenient)}, ref {reader})",
        };
    }

    /// <summary>The stem of the <c>JsonRead</c> method that reads a list or map of these items without a reader per item (<c>StringList</c>); null when there is none.</summary>
    private static string? PlainCollectionReader(TypeRef item) => item.Kind switch
    {
        ValueKind.String => "String",
        ValueKind.Int64 => "Int64",
        _ => null,
    };

    /// <summary>
    /// The reader of an array's items or a map's values, which are present: a record's or the element's own reader as a
    /// method group, or a lambda.
    /// </summary>
    private static string ItemReader(TypeRef item, string reader, int depth, bool lenient)
        => MethodGroupItemReader(item) ?? $"static (ref Utf8JsonReader {reader}) => {ReadPresent(item, reader, depth, lenient)}";

    /// <summary>The reader of present items that is a method group (a record's <c>ReadFrom</c>, <c>JsonRead.Element</c>); null when the items need a lambda.</summary>
    private static string? MethodGroupItemReader(TypeRef item) => item.Kind switch
    {
        ValueKind.Object => $"{item.TypeName}.ReadFrom",
        ValueKind.Any => "JsonRead.Element",
        _ => null,
    };

    /// <summary>
    /// A list of records or free-form values that may be null on the wire, read by one call (<c>JsonRead.ListOrNull</c>)
    /// instead of a conditional expression around the list's read; a null the spec does not make
    /// <paramref name="nullable"/> is noted for the response check. Null for a list of other items.
    /// </summary>
    private static string? ListOrNull(TypeRef list, string reader, bool nullable)
        => MethodGroupItemReader(list.Element!) is { } readItem
            ? $"JsonRead.ListOrNull<{TypeName(list.Element!)}>(ref {reader}, {readItem}, nullable: {(nullable ? "true" : "false")})"
            : null;

    /// <summary>
    /// An expression that reads a member's value the spec does not make nullable. A scalar reader is told so and notes
    /// (leniently) or refuses (strictly) a JSON null itself; for anything else a lenient reader notes a null instead of
    /// reading the value, and a strict one reads the value as present, which refuses the null.
    /// </summary>
    public static string ReadNotNullable(TypeRef type, string reader, bool lenient) => type.Kind switch
    {
        ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean => $"JsonRead.{ScalarReader(type)}(ref {reader}, {Lenient(lenient)}, nullable: false)",
        _ when !lenient => ReadPresent(type, reader, 0, lenient),
        ValueKind.Array when ListOrNull(type, reader, nullable: false) is { } list => list,
        ValueKind.Enum or ValueKind.Bytes => $"{NotedNull(reader)} ? null : {ReadNullable(type, reader, 0, lenient)}",
        _ => $"{NotedNull(reader)} ? null : {ReadPresent(type, reader, 0, lenient)}",
    };

    /// <summary>Whether the reader is on a JSON null the spec does not allow, which is then noted for the response check.</summary>
    private static string NotedNull(string reader) => $"JsonRead.IsUnexpectedNull(ref {reader})";

    /// <summary>
    /// The type argument of a call that takes a reader or writer of elements: explicit for a nested list or map, where C#
    /// would otherwise infer it by binding each inner lambda again per level, which takes exponential time, and for a
    /// method group (<c>X.ReadFrom</c>), which C# would otherwise resolve once per phase of the inference.
    /// </summary>
    private static string TypeArgument(TypeRef element)
        => element.Kind is ValueKind.Array or ValueKind.Map or ValueKind.Object or ValueKind.Any ? "<" + TypeName(element) + ">" : string.Empty;

    /// <summary>The <c>JsonRead</c> method that reads a scalar of <paramref name="type"/>'s kind.</summary>
    private static string ScalarReader(TypeRef type) => type.Kind switch
    {
        ValueKind.String => "String",
        ValueKind.Int32 => "Int32",
        ValueKind.Int64 => "Int64",
        ValueKind.Double => "Double",
        _ => "Boolean",
    };

    private static string Lenient(bool lenient) => lenient ? "lenient: true" : "lenient: false";

    /// <summary>An expression (a call) that writes <paramref name="value"/>, which is not null.</summary>
    public static string Write(TypeRef type, string writer, string value, int depth)
    {
        var innerWriter = "w" + (depth + 1).ToString(CultureInfo.InvariantCulture);
        var innerValue = "item" + (depth + 1).ToString(CultureInfo.InvariantCulture);
        return type.Kind switch
        {
            ValueKind.String => $"{writer}.WriteStringValue({value})",
            ValueKind.Bytes when type.IsBase64Url => $"{writer}.WriteStringValue({Base64Text(type, value)})",
            ValueKind.Bytes => $"{writer}.WriteBase64StringValue({value})",
            ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double => $"{writer}.WriteNumberValue({value})",
            ValueKind.Boolean => $"{writer}.WriteBooleanValue({value})",
            ValueKind.Enum => $"{writer}.WriteStringValue({type.TypeName}Json.ToWire({value}))",
            ValueKind.Array when PlainItemName(type.Element!) is not null => $"JsonWrite.List({writer}, {value})",
            ValueKind.Array when type.Element!.Kind == ValueKind.Enum => $"JsonWrite.List({writer}, {value}, {type.Element.TypeName}Json.ToWire)",
            ValueKind.Array => $"JsonWrite.List{TypeArgument(type.Element!)}({writer}, {value}, static ({innerWriter}, {innerValue}) => {{ {Write(type.Element!, innerWriter, innerValue, depth + 1)}; }})",
            ValueKind.Map when !type.IsPatchMap && PlainItemName(type.Element!) is not null => $"JsonWrite.Map({writer}, {value})",
            ValueKind.Map when type.IsPatchMap => $"JsonWrite.PatchMap<{TypeName(type.Element!)}>({writer}, {value}, static ({innerWriter}, {innerValue}) => {{ {Write(type.Element!, innerWriter, innerValue, depth + 1)}; }})",
            ValueKind.Map => $"JsonWrite.Map{TypeArgument(type.Element!)}({writer}, {value}, static ({innerWriter}, {innerValue}) => {{ {Write(type.Element!, innerWriter, innerValue, depth + 1)}; }})",
            ValueKind.Object => $"JsonWrite.Value({writer}, {value})",
            _ => $"{value}.WriteTo({writer})",
        };
    }

    /// <summary>
    /// An expression that serializes <paramref name="value"/>, which is not null, to UTF-8 JSON: a record, union or JSON
    /// Patch document writes itself, without a lambda.
    /// </summary>
    public static string ToUtf8(TypeRef type, string value) => type.Kind == ValueKind.Object
        ? $"JsonWrite.ToUtf8({value})"
        : $"JsonWrite.ToUtf8({value}, static (writer, value) => {{ {Write(type, "writer", "value", 0)}; }})";

    /// <summary>
    /// An expression that turns <paramref name="value"/>, which is not null, into a <c>JsonElement</c> (a JSON Patch
    /// operation's value): a record, union, string, number or boolean through an overload of its own, without a lambda.
    /// </summary>
    public static string ToElement(TypeRef type, string value) => type.Kind switch
    {
        ValueKind.Object or ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean => $"JsonWrite.ToElement({value})",
        ValueKind.Any => value,
        _ => $"JsonWrite.ToElement({value}, static (w, v) => {{ {Write(type, "w", "v", 0)}; }})",
    };

    /// <summary>
    /// How a record writes a member through <c>JsonMemberNames</c>: a method of its own for each kind of value that needs
    /// no writer lambda, so the consumer's compiler binds every call to its one candidate instead of resolving it among
    /// a large overload set (GitHub's records make over 5,000 such calls, each of which also weighed the merge-patch
    /// overloads' user-defined conversions); any other member is written by <c>Write</c> (or a merge patch's
    /// <c>WritePatch</c>) with a static lambda.
    /// </summary>
    public static MemberWrite MemberWrite(TypeRef type, string member, bool isMergePatch)
    {
        if (isMergePatch)
        {
            return type.Kind switch
            {
                ValueKind.String => new("WritePatchString", member),
                ValueKind.Object => new("WritePatchRecord", member),
                _ => new("WritePatch", member, WriterLambda(type)),
            };
        }

        return type.Kind switch
        {
            ValueKind.String => new("WriteString", member),
            ValueKind.Int32 => new("WriteInt32", member),
            ValueKind.Int64 => new("WriteInt64", member),
            ValueKind.Double => new("WriteDouble", member),
            ValueKind.Boolean => new("WriteBoolean", member),
            ValueKind.Any => new("WriteElement", member),
            ValueKind.Object => new("WriteRecord", member),
            ValueKind.Enum => new("WriteString", member + "?.ToWire()"),
            ValueKind.Array when type.Element!.Kind == ValueKind.Enum => new("WriteEnumList", member, type.Element.TypeName + "Json.ToWire"),
            ValueKind.Array when PlainItemName(type.Element!) is { } item => new("Write" + item + "List", member),
            ValueKind.Map when !type.IsPatchMap && PlainItemName(type.Element!) is { } value => new("Write" + value + "Map", member),
            _ => new("Write", member, WriterLambda(type)),
        };
    }

    private static string WriterLambda(TypeRef type) => "static (w, v) => " + Write(type, "w", "v", 0);

    /// <summary>
    /// The name of an item type that <c>JsonWrite.List</c> and <c>JsonWrite.Map</c> write without a lambda, which the
    /// <c>JsonMemberNames</c> methods for such lists and maps are named after (<c>WriteStringList</c>,
    /// <c>WriteRecordMap</c>); null for any other item type.
    /// </summary>
    private static string? PlainItemName(TypeRef item) => item.Kind switch
    {
        ValueKind.String => "String",
        ValueKind.Int64 => "Int64",
        ValueKind.Object => "Record",
        ValueKind.Any => "Element",
        _ => null,
    };

    /// <summary>Whether a union's shape writes a variant of this type without a writer lambda (<c>UnionVariant.WriteValue</c>).</summary>
    public static bool IsWrittenByUnionShape(TypeRef type) => type.Kind switch
    {
        ValueKind.Object or ValueKind.String or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean => true,
        ValueKind.Array => PlainItemName(type.Element!) is not null,
        _ => false,
    };

    /// <summary>
    /// The texts as the lines of a raw string literal, one a line, or null when one cannot be such a line as it is: empty,
    /// with whitespace at an end (which a reader would not see, and an editor may trim), a line break or another control
    /// character, or a run of three quotes (which would end the literal).
    /// </summary>
    /// <remarks>
    /// A record's member names are read from such a literal rather than from a list of string literals: the consumer's
    /// compiler binds one argument instead of one per member (GitHub's records have 8,979).
    /// </remarks>
    public static IReadOnlyList<string>? AsRawLines(IReadOnlyList<string> texts)
        => texts.Count > 0 && texts.All(IsRawLine) ? texts : null;

    private static bool IsRawLine(string text)
        => text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[text.Length - 1])
        && text.IndexOf("\"\"\"", StringComparison.Ordinal) < 0
        && text.All(c => !char.IsControl(c) && c is not '\u2028' and not '\u2029');

    /// <summary>A string form of a scalar for a URL or header.</summary>
    public static string FormatScalar(TypeRef type, string value) => type.Kind switch
    {
        ValueKind.String => value,
        ValueKind.Bytes => Base64Text(type, value),
        ValueKind.Enum => $"{type.TypeName}Json.ToWire({value})",
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean => $"ApiHttp.Format({value})",
        _ => $"{value}.GetRawText()",
    };

    /// <summary>The base64 (or base64url) text of bytes, which is what the spec's length, pattern and enum rules are about.</summary>
    public static string Base64Text(TypeRef type, string value) => $"Base64Text.Encode({value}, {Url(type)})";

    private static string Url(TypeRef type) => type.IsBase64Url ? "url: true" : "url: false";

    /// <summary>Describes a character class the way a person would: "letters, digits and '-'".</summary>
    public static string DescribeCharacterSet(CharacterClassSpec characterClass)
    {
        var parts = new List<string>();
        var ranges = characterClass.Ranges.ToList();
        var lower = Take(ranges, 'a', 'z');
        var upper = Take(ranges, 'A', 'Z');
        if (lower && upper)
        {
            parts.Add("letters");
        }
        else if (lower)
        {
            parts.Add("lower-case letters");
        }
        else if (upper)
        {
            parts.Add("upper-case letters");
        }

        if (Take(ranges, '0', '9'))
        {
            parts.Add("digits");
        }

        foreach (var range in ranges)
        {
            parts.Add(range.First == range.Last ? Quote(range.First) : Quote(range.First) + " to " + Quote(range.Last));
        }

        var list = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[parts.Count - 1];
        return characterClass.IsNegated ? "any character except " + list : list;

        static bool Take(List<CharacterRange> ranges, char first, char last)
        {
            var index = ranges.FindIndex(r => r.First == first && r.Last == last);
            if (index < 0)
            {
                return false;
            }

            ranges.RemoveAt(index);
            return true;
        }

        static string Quote(int c) => c switch
        {
            ' ' => "spaces",
            '\t' => "tabs",
            _ => "'" + (char)c + "'",
        };
    }

    /// <summary>A pattern that matches a character in one of the ranges: <c>&gt;= 'a' and &lt;= 'z' or '-'</c>.</summary>
    public static string RangePattern(CharacterClassSpec characterClass)
    {
        var builder = new StringBuilder();
        foreach (var range in characterClass.Ranges)
        {
            if (builder.Length > 0)
            {
                builder.Append(" or ");
            }

            builder.Append(range.First == range.Last
                ? CharLiteral(range.First)
                : ">= " + CharLiteral(range.First) + " and <= " + CharLiteral(range.Last));
        }

        return builder.ToString();
    }

    private static string CharLiteral(int c) => SymbolDisplay.FormatLiteral((char)c, quote: true);

    /// <summary>A number from the spec as a C# double literal; integers get ".0" nowhere, since the int converts.</summary>
    public static string DoubleLiteral(string number) => number.Contains('.') || number.Contains('E') || number.Contains('e') ? number : number + "d";
}
