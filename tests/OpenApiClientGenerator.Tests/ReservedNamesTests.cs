using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.ModelBuilding;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// <see cref="ReservedNames"/> is the one list of names the templates give generated types. These tests read the
/// embedded templates and check that every name they declare where a name from the spec could land is on it, so that a
/// member added to a template cannot collide in silence with a property, a JSON Patch method or a schema of that name.
/// </summary>
public sealed class ReservedNamesTests
{
    /// <summary>What a Scriban tag becomes when the templates are read as C#: no name from the spec contains it.</summary>
    private const string Templated = "§";

    private static readonly Regex ScribanTag = new(@"\{\{.*?\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex TypeDeclaration = new(
        @"^ {4}(?:[a-z]+ )*(?:class|record|struct|enum|interface) (?<name>[^\s:<({]+)", RegexOptions.CultureInvariant);

    private static readonly Regex MemberDeclaration = new(
        @"^ {8}(?:(?:public|private|protected|internal|static|readonly|override|sealed|virtual|abstract|required|async|const|new|partial|extern)\s+)+(?<rest>.+)$",
        RegexOptions.CultureInvariant);

    [Fact]
    public void Every_member_a_template_declares_beside_names_from_the_spec_is_reserved()
    {
        var types = Templates().SelectMany(template => DeclaredTypes(template.Name, template.Text)).ToList();
        var checkedTypes = new List<string>();
        var unreserved = new List<string>();
        foreach (var type in types.Where(t => t.Members.Any(m => m.Contains(Templated, StringComparison.Ordinal))))
        {
            var reserved = ReservedMembersOf(type.Declaration);
            checkedTypes.Add(type.Declaration);
            unreserved.AddRange(type.Members
                .Where(member => CanComeFromTheSpec(member) && !reserved.Contains(member))
                .Select(member => $"{type.Template}: '{member}' in `{type.Declaration.Trim()}`"));
        }

        Assert.True(unreserved.Count == 0, "Members the templates declare beside members named from the spec, missing from ReservedNames:\n" + string.Join("\n", unreserved));

        // The scan found the types whose members the spec names: records, request records and JSON Patch documents.
        Assert.Contains(checkedTypes, d => d.Contains("record {{ type.name }}", StringComparison.Ordinal));
        Assert.Contains(checkedTypes, d => d.Contains("record {{ operation.request_type }}", StringComparison.Ordinal));
        Assert.Contains(checkedTypes, d => d.Contains("IReadOnlyList<", StringComparison.Ordinal));
        Assert.Contains(checkedTypes, d => d.Contains("IEquatable<", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_type_the_templates_declare_beside_the_generated_types_is_reserved()
    {
        // Generated code imports the runtime's namespace, so a schema named like one of its types would hide it.
        var declared = Templates()
            .SelectMany(template => DeclaredTypes(template.Name, template.Text))
            .Where(type => type.Namespace is Templated or "OpenApiClientGenerator.Runtime")
            .Select(type => type.Name)
            .Where(CanComeFromTheSpec)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.All(declared, name => Assert.Contains(name, ReservedNames.Types.Concat(ReservedNames.QualifiedWhereShadowed.Keys)));
        Assert.Contains("ValidationContext", declared);
        Assert.Contains("JsonRead", declared);
    }

    /// <summary>
    /// The types a schema may be named like (FrameworkTypeNamesTests): the templates name those C# tells from a schema's
    /// type by their type arguments only with type arguments, and the others only through <c>names</c>, which writes
    /// their full names where a schema has them.
    /// </summary>
    [Theory]
    [InlineData("Task")]
    [InlineData("Action")]
    [InlineData("Func")]
    [InlineData("List")]
    [InlineData("Dictionary")]
    [InlineData("IReadOnlyList")]
    [InlineData("IReadOnlyDictionary")]
    [InlineData("IAsyncEnumerable")]
    [InlineData("ValueTask")]
    [InlineData("ValidationError")]
    [InlineData("ApiResponse")]
    [InlineData("FileResponse")]
    [InlineData("Uri")]
    public void The_templates_name_the_types_a_schema_may_take_so_that_it_does_not_hide_them(string name)
    {
        Assert.DoesNotContain(name, ReservedNames.Types);
        var generic = !ReservedNames.QualifiedWhereShadowed.ContainsKey(name);
        var plainUse = new Regex(@"(?<![\w.""])" + name + (generic ? @"\b(?!\s*<)" : @"\b"), RegexOptions.CultureInvariant);
        var uses = Templates()
            .Where(template => template.Name.StartsWith("Templates.", StringComparison.Ordinal))
            .SelectMany(template => template.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal) && !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .Select(line => ScribanTag.Replace(line, Templated))
                .Where(code => plainUse.IsMatch(code))
                .Select(code => template.Name + ": " + code.Trim()))
            .ToList();

        Assert.True(uses.Count == 0, $"Templates name {name} where a schema's type of that name would hide it:\n" + string.Join("\n", uses));
    }

    /// <summary>The reserved list that applies to a generated type's members, by the template's declaration of it.</summary>
    private static HashSet<string> ReservedMembersOf(string declaration)
    {
        if (declaration.Contains("record {{ operation.request_type }}", StringComparison.Ordinal))
        {
            return [.. ReservedNames.RecordMembers, ReservedNames.RequestBody];
        }

        if (declaration.Contains("record {{ record.name }}", StringComparison.Ordinal))
        {
            return [.. ReservedNames.HeadersRecordMembers];
        }

        if (declaration.Contains("record {{ type.name }}", StringComparison.Ordinal))
        {
            return [.. ReservedNames.RecordMembers];
        }

        if (declaration.Contains("class {{ type.name }} : IEquatable<", StringComparison.Ordinal))
        {
            return [.. ReservedNames.UnionMembers];
        }

        if (declaration.Contains("class {{ type.name }} : IReadOnlyList<", StringComparison.Ordinal))
        {
            return [.. ReservedNames.JsonPatchDocumentMembers, .. ReservedNames.JsonPatchDocumentOverloads];
        }

        // The options class first: its declaration starts like the client's.
        if (declaration.Contains("class {{ client_name }}Options", StringComparison.Ordinal))
        {
            return [.. ReservedNames.OptionsMembers];
        }

        if (declaration.Contains("class {{ client_name }}", StringComparison.Ordinal))
        {
            return [.. ReservedNames.ClientMembers];
        }

        // A type no list covers may declare only names no spec name becomes.
        return [];
    }

    /// <summary>Whether a name from the spec can become <paramref name="name"/>: a template's own, not a Scriban expression, that PascalCasing keeps.</summary>
    private static bool CanComeFromTheSpec(string name)
        => !name.Contains(Templated, StringComparison.Ordinal) && IdentifierNames.ToPascalCase(name) == name;

    /// <summary>What the generator emits from its resources: the templates, and the runtime's C# files, emitted as they are.</summary>
    private static IEnumerable<(string Name, string Text)> Templates()
    {
        var assembly = typeof(ClientGenerator).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Templates.", StringComparison.Ordinal) || n.StartsWith("Runtime.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("Templates.Models.sbncs", names);
        Assert.Contains("Templates.Client.sbncs", names);
        foreach (var name in names)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name, reader.ReadToEnd());
        }
    }

    /// <summary>
    /// The types a template declares at the top of a namespace (indented four spaces), with the names of the members it
    /// declares in them (indented eight). Scriban tags read as <see cref="Templated"/>; a name containing one is made from
    /// the model. An indexer is the member <c>Item</c>.
    /// </summary>
    private static List<DeclaredType> DeclaredTypes(string template, string text)
    {
        var types = new List<DeclaredType>();
        var ns = string.Empty;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var code = ScribanTag.Replace(line, Templated);
            if (code.StartsWith("namespace ", StringComparison.Ordinal))
            {
                ns = code.Substring("namespace ".Length).Trim();
            }
            else if (TypeDeclaration.Match(code) is { Success: true } type)
            {
                types.Add(new DeclaredType(template, ns, type.Groups["name"].Value, line, []));
            }
            else if (types.Count > 0 && MemberDeclaration.Match(code) is { Success: true } member)
            {
                types[^1].Members.Add(MemberName(member.Groups["rest"].Value));
            }
        }

        return types;
    }

    /// <summary>The name in a member declaration past its modifiers: the last word before its parameters, body, initializer or end.</summary>
    private static string MemberName(string declaration)
    {
        if (Regex.IsMatch(declaration, @"\bthis\["))
        {
            return "Item";
        }

        var end = declaration.IndexOfAny(['(', '{', '=', ';']);
        var head = (end < 0 ? declaration : declaration.Substring(0, end)).TrimEnd();
        return head.Substring(head.LastIndexOf(' ') + 1);
    }

    private sealed record DeclaredType(string Template, string Namespace, string Name, string Declaration, List<string> Members);
}
