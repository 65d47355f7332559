using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.ModelBuilding;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// Splits a spec into the files it generates: the client (its shared members, the error readers and headers records its
/// operations share, then its operations, a tag at a time), its options and its service registration, then the types in
/// files of one schema group each (a component schema, or an operation's type, with the inline types it declares).
/// Each file carries the slice of the model it reads, so that the pipeline renders it again only when that slice changes.
/// </summary>
internal static partial class SourceEmitter
{
    /// <summary>
    /// The most operations one file of the client declares. A tag with more (GitHub's <c>repos</c> has 170) is declared in
    /// files of this many, in the spec's order, so that no file of the client outgrows what the compiler and the IDE
    /// handle at once.
    /// </summary>
    public const int OperationsPerClientFile = 50;

    public static EquatableArray<RenderInput> Plan(ApiSpec spec, GeneratorOptions options)
    {
        var client = spec.Namespace + "." + spec.ClientName;
        var header = spec with
        {
            Types = EquatableArray<TypeSpec>.Empty,
            Operations = EquatableArray<OperationSpec>.Empty,
            ErrorReaders = EquatableArray<ErrorReaderSpec>.Empty,
            HeadersRecords = EquatableArray<HeadersRecordSpec>.Empty,
            Webhooks = EquatableArray<WebhookSpec>.Empty,
        };
        var models = header with { Description = null, ExternalDocs = null, DefaultBaseAddress = null, Server = null, SecuritySchemes = EquatableArray<SecuritySchemeSpec>.Empty };
        var files = new List<RenderInput>();
        var position = new Dictionary<string, int>(spec.Types.Count, StringComparer.Ordinal);
        for (var i = 0; i < spec.Types.Count; i++)
        {
            position[spec.Types[i].Name] = i;
        }

        if (spec.Operations.Count > 0)
        {
            // The members the operations share are declared in a file that reads no operation, and the operations in files
            // of one tag each: editing an operation re-renders the file of its tag alone.
            files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".g.cs", "Client.sbncs", header, EquatableArray<string>.Empty));

            // The error readers and the headers records the operations share are declared once each, in files that read
            // nothing but them: an edit of an operation that leaves its errors and headers as they were re-renders neither.
            if (spec.ErrorReaders.Count > 0)
            {
                files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".Errors.g.cs", "ClientResponses.sbncs", models with { ErrorReaders = spec.ErrorReaders }, EquatableArray<string>.Empty));
            }

            if (spec.HeadersRecords.Count > 0)
            {
                files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".Headers.g.cs", "ClientResponses.sbncs", models with { HeadersRecords = spec.HeadersRecords }, EquatableArray<string>.Empty));
            }

            // A type that operations of several parts name is copied without its documentation once.
            var undocumented = new Dictionary<int, TypeSpec>();
            foreach (var (name, operations) in ClientParts(spec.Operations))
            {
                // A part consults the types its operations name (for the members of a response body), never their
                // documentation: an edited description re-renders the file of its schema alone, an added schema no client.
                var names = new List<string>();
                foreach (var operation in operations)
                {
                    AddNamedTypes(operation, names);
                }

                var named = InSpecOrder(names, position).Select(i => undocumented.TryGetValue(i, out var copy) ? copy : undocumented[i] = WithoutDocumentation(spec.Types[i]));
                var part = models with { Types = named.ToEquatableArray(), Operations = operations.ToEquatableArray() };
                files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".Operations." + name + ".g.cs", "Client.sbncs", part, EquatableArray<string>.Empty));
            }

            files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".Options.g.cs", "ClientOptions.sbncs", header, EquatableArray<string>.Empty));
            if (options.EmitServiceCollectionExtensions)
            {
                files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".ServiceCollection.g.cs", "ServiceCollection.sbncs", header, EquatableArray<string>.Empty));
            }
        }

        if (spec.Webhooks.Count > 0)
        {
            files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".Webhooks.g.cs", "Webhooks.sbncs", models with { Webhooks = spec.Webhooks }, EquatableArray<string>.Empty));
        }

        // The client's files come first: Roslyn compares a step's items by position, so a schema added at the end of the
        // spec shifts no other file.
        var types = spec.Types.ToDictionary(t => t.Name, t => t, StringComparer.Ordinal);
        foreach (var group in spec.Types.GroupBy(t => t.Group ?? t.Name, StringComparer.Ordinal))
        {
            var declared = group.ToList();
            var slice = models with { Types = InSpecOrder(Consulted(declared, types), position).Select(i => spec.Types[i]).ToEquatableArray() };
            files.Add(new RenderInput(spec.SourcePath, client, spec.ClientName + ".Models." + group.Key + ".g.cs", "Models.sbncs", slice, declared.Select(t => t.Name).ToEquatableArray()));
        }

        return files.ToEquatableArray();
    }

    /// <summary>
    /// The operations by the file of the client they are declared in, named after their first tag (<c>Untagged</c> for
    /// those without one), in the spec's order; a tag of more than <see cref="OperationsPerClientFile"/> operations takes
    /// files numbered from 2 on for the rest.
    /// </summary>
    private static IEnumerable<(string Name, List<OperationSpec> Operations)> ClientParts(EquatableArray<OperationSpec> operations)
        => operations
            .GroupBy(o => o.Tag is { } tag && IdentifierNames.ToPascalCase(tag) is { Length: > 0 } name ? name : "Untagged", StringComparer.Ordinal)
            .SelectMany(tag => tag
                .Select((operation, index) => (Operation: operation, Part: index / OperationsPerClientFile))
                .GroupBy(o => o.Part, o => o.Operation)
                .Select(part => (part.Key == 0 ? tag.Key : tag.Key + "." + (part.Key + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), part.ToList())));

    /// <summary>The positions of the types of <paramref name="names"/> that the spec declares, once each, in the spec's order.</summary>
    private static List<int> InSpecOrder(IEnumerable<string> names, IReadOnlyDictionary<string, int> position)
    {
        var positions = new List<int>();
        var seen = new HashSet<int>();
        foreach (var name in names)
        {
            if (position.TryGetValue(name, out var i) && seen.Add(i))
            {
                positions.Add(i);
            }
        }

        positions.Sort();
        return positions;
    }

    /// <summary>
    /// The types a group's file declares and those its views consult, in the spec's order: the types they extend, a
    /// union's variants, a merge patch's plain twin and the patches nested in it (followed as far as they go, as <c>FromDiff</c> is), a JSON Patch's
    /// item and the enum of its operations.
    /// </summary>
    private static IEnumerable<string> Consulted(IReadOnlyList<TypeSpec> declared, IReadOnlyDictionary<string, TypeSpec> types)
    {
        var names = new HashSet<string>(declared.Select(t => t.Name), StringComparer.Ordinal);
        var patches = new Stack<TypeSpec>(declared.Where(t => t.Kind == TypeKind.MergePatch));
        foreach (var type in declared)
        {
            names.UnionWith(type.BaseTypeNames);
            if (type.Union is { } union)
            {
                names.UnionWith(union.Variants.Select(v => NamedType(v.Type)).OfType<string>());
            }
            if (type.JsonPatch is { } patch && types.TryGetValue(patch.ItemTypeName, out var item))
            {
                names.Add(item.Name);
                names.UnionWith(item.Properties.Select(p => NamedType(p.Type)).OfType<string>());
            }
        }

        while (patches.Count > 0)
        {
            var patch = patches.Pop();
            if (patch.PlainTypeName is { } plain)
            {
                names.Add(plain);
            }

            foreach (var nested in patch.Properties.Select(p => NamedType(p.Type)).OfType<string>())
            {
                if (types.TryGetValue(nested, out var type) && type.Kind == TypeKind.MergePatch && names.Add(nested))
                {
                    patches.Push(type);
                }
            }
        }

        return names;
    }

    /// <summary>Adds the types an operation names: those of its parameters, bodies (the preferred one and the alternatives), parts and responses.</summary>
    private static void AddNamedTypes(OperationSpec operation, List<string> names)
    {
        foreach (var parameter in operation.Parameters)
        {
            AddNamedType(parameter.Type, names);
        }

        if (operation.Body is { } body)
        {
            AddNamedTypes(body, names);
        }

        foreach (var alternate in operation.AlternateBodies)
        {
            AddNamedTypes(alternate.Body, names);
        }

        foreach (var response in operation.ErrorResponses)
        {
            AddNamedType(response.Body, names);
        }

        AddNamedType(operation.SuccessResponse?.Body, names);
    }

    private static void AddNamedTypes(BodySpec body, List<string> names)
    {
        AddNamedType(body.Type, names);
        foreach (var part in body.Parts)
        {
            AddNamedType(part.Type, names);
        }
    }

    private static void AddNamedType(TypeRef? type, List<string> names)
    {
        if (NamedType(type) is { } name)
        {
            names.Add(name);
        }
    }

    /// <summary>The named type a value is or holds, through arrays and maps.</summary>
    private static string? NamedType(TypeRef? type)
    {
        while (type is { TypeName: null })
        {
            type = type.Element;
        }

        return type?.TypeName;
    }

    private static TypeSpec WithoutDocumentation(TypeSpec type) => type with
    {
        Description = null,
        ExternalDocs = null,
        Properties = type.Properties.Select(p => p with { Description = null }).ToEquatableArray(),
    };
}
