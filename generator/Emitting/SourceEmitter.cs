using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Runtime;
using OpenApiClientGenerator.ModelBuilding;
using OpenApiClientGenerator.Patterns;

namespace OpenApiClientGenerator.Emitting;

/// <summary>Turns a spec's model into the views the templates render, and renders them.</summary>
internal static partial class SourceEmitter
{
    /// <summary>Renders every file of a spec, as the pipeline does one by one (see <see cref="Plan"/>).</summary>
    public static RenderResult Emit(ApiSpec spec, TemplateSet templates, GeneratorOptions options)
    {
        var results = Plan(spec, options).Select(file => Render(file, templates, options)).ToList();
        return new RenderResult(
            results.SelectMany(r => r.Sources).ToEquatableArray(),
            results.SelectMany(r => r.Diagnostics).Distinct().ToEquatableArray());
    }

    /// <summary>Renders one file: the template over the views of its slice of the spec.</summary>
    public static RenderResult Render(RenderInput file, TemplateSet templates, GeneratorOptions options)
    {
        var view = BuildView(file.Slice, options, new HashSet<string>(file.RenderedTypes, StringComparer.Ordinal));
        var renderer = new TemplateRenderer(templates);
        var sources = new List<GeneratedSource>();
        renderer.Render(file.Template, view, file.HintName, sources);
        return new RenderResult(sources.ToEquatableArray(), renderer.Diagnostics.ToEquatableArray());
    }

    /// <summary>What each consuming project gets once: the runtime's C# files, and the polyfills its target lacks.</summary>
    public static RenderResult EmitRuntime(TemplateSet templates, GeneratorOptions options)
    {
        var renderer = new TemplateRenderer(templates);
        var sources = new List<GeneratedSource>(RuntimeSources.Files);
        if (options.NeedsInitPolyfill || options.NeedsRequiredMemberPolyfill)
        {
            renderer.Render("Polyfills.sbncs", options, "OpenApiClientGenerator.Polyfills.g.cs", sources);
        }

        return new RenderResult(sources.ToEquatableArray(), renderer.Diagnostics.Concat(TemplateRenderer.UnusedOverrides(templates)).ToEquatableArray());
    }

    private static SpecView BuildView(ApiSpec spec, GeneratorOptions options, IReadOnlyCollection<string> renderedTypes)
    {
        var types = spec.Types.ToDictionary(t => t.Name, t => t, System.StringComparer.Ordinal);
        var names = new TypeNamesView(spec.ShadowedNames);
        return new SpecView
        {
            Namespace = spec.Namespace,
            ClientName = spec.ClientName,
            Title = XmlDoc.SingleLine(spec.Title),
            Doc = XmlDoc.WithSeeAlso(XmlDoc.Summary(spec.Description ?? "Calls the " + spec.Title + " API."), spec.ExternalDocs),
            DefaultBaseAddress = spec.DefaultBaseAddress,
            Options = BuildOptions(spec),
            Types = spec.Types.Where(t => renderedTypes.Contains(t.Name)).Select(t => BuildType(t, types, spec.Namespace, options)).ToList(),
            Operations = spec.Operations.SelectMany(o => BuildOperations(o, types, spec.ClientName, names, options)).ToList(),
            ErrorReaders = spec.ErrorReaders.Select(r => new ErrorReaderView { Name = r.Name, Cases = TypedErrors(r) }).ToList(),
            HeadersRecords = spec.HeadersRecords.Select(BuildHeadersRecord).ToList(),
            Webhooks = spec.Webhooks.Count == 0 ? null : BuildWebhooks(spec.Webhooks),
            EmitDataAnnotations = options.EmitDataAnnotations,
            Names = names,
        };
    }

    private static WebhooksView BuildWebhooks(EquatableArray<WebhookSpec> webhooks)
    {
        var validation = new ValidationRules(new HashSet<string>(webhooks.Select(w => w.MethodName).Concat(webhooks.Select(w => w.MethodName + "Async")), StringComparer.Ordinal));
        return new WebhooksView
        {
            Readers = webhooks.Select(w => new WebhookView
            {
                MethodName = w.MethodName,
                PayloadType = w.Payload.TypeName!,
                Rules = validation.For(w.Payload, "payload", 0),
                Name = XmlDoc.Escape(w.Name),
                NameLiteral = CSharpFragments.Literal(w.Name),
                HttpMethod = w.HttpMethod,
                Description = w.Description is null ? null : XmlDoc.Escape(w.Description),
            }).ToList(),
            PatternHelpers = validation.PatternHelpers,
            ElementRules = validation.ElementRules,
        };
    }

    private static TypeView BuildType(TypeSpec type, IReadOnlyDictionary<string, TypeSpec> types, string @namespace, GeneratorOptions options)
    {
        var memberNames = new HashSet<string>(type.Properties.Select(p => p.Name), StringComparer.Ordinal);

        // C# lets a property named like its own type ("Color Color") still name the type; any other property hides it.
        var hidingNames = new HashSet<string>(type.Properties.Where(p => p.Type.TypeName != p.Name).Select(p => p.Name), StringComparer.Ordinal);
        var validation = new ValidationRules(memberNames);
        var locals = LocalNames(memberNames);
        var kind = type.Kind switch
        {
            TypeKind.Enum => "enum",
            TypeKind.MergePatch => "merge_patch",
            TypeKind.JsonPatch => "json_patch",
            TypeKind.Union => "union",
            _ => "object",
        };
        var plainType = type.Kind == TypeKind.MergePatch && CanDiff(type, types) ? type.PlainTypeName : null;
        var properties = type.Properties
            .Select(p => BuildProperty(p with { Type = Qualify(p.Type) }, type, validation, locals, options) is var view && plainType is not null ? WithDiff(view, p, types, Qualify) : view)
            .ToList();
        var summary = type.Description ?? KindSummary(type);
        return new TypeView
        {
            Name = type.Name,
            Kind = kind,
            Doc = XmlDoc.WithSeeAlso(type.Union is { } unionDoc ? UnionViews.Doc(type, unionDoc) : summary is null ? [] : XmlDoc.Summary(summary), type.ExternalDocs),
            Properties = properties,
            MemberNameLines = CSharpFragments.AsRawLines(type.Properties.Select(p => p.WireName).ToList()),
            EnumMembers = type.EnumMembers.Select(m => new EnumMemberView { Name = m.Name, WireValue = SymbolDisplay.FormatLiteral(m.WireValue, quote: false), WireLiteral = CSharpFragments.Literal(m.WireValue) }).ToList(),
            AllowedValuesLiteral = CSharpFragments.Literal(string.Join(", ", type.EnumMembers.Select(m => System.Text.Json.Nodes.JsonValue.Create(m.WireValue).ToJsonString()))),
            WholeValueRules = validation.ForWholeValue(type.WholeValueConstraints, "this"),
            HasSensitiveProperties = type.Properties.Any(p => p.IsSensitive),
            KeepsUnknownMembers = type.Kind == TypeKind.Object,
            NotesUnknownMembers = type.Kind == TypeKind.Object && type.IsReadFromResponses && !type.AllowsUnknownMembers,
            PlainType = plainType,
            JsonPatch = type.JsonPatch is { } patch ? BuildJsonPatch(type, patch, types, validation) : null,
            Union = type.Union is { } union ? UnionViews.Build(type, union, types, validation, @namespace) : null,
            PatternHelpers = validation.PatternHelpers,
            ElementRules = validation.ElementRules,
            Interface = type.InterfaceName is { } interfaceName ? BuildInterface(type, interfaceName) : null,
            Implements = type.Kind == TypeKind.Object ? Implementations(type, types, properties, Qualify) : [],
        };

        // Inside the record, a property hides a type of the same name wherever the code names the type in an expression
        // (Tag.ReadFrom, TagJson.Read); only then is the type's name qualified, so the usual code reads as written by hand.
        string QualifiedName(string typeName)
            => hidingNames.Contains(typeName) || hidingNames.Contains(typeName + "Json")
                ? "global::" + (@namespace.Length > 0 ? @namespace + "." : string.Empty) + typeName
                : typeName;

        TypeRef Qualify(TypeRef typeRef) => typeRef with
        {
            TypeName = typeRef.TypeName is { } name ? QualifiedName(name) : null,
            Element = typeRef.Element is { } element ? Qualify(element) : null,
        };
    }

    private static InterfaceView BuildInterface(TypeSpec type, string interfaceName) => new()
    {
        Name = interfaceName,
        Doc = XmlDoc.Summary($"The members of <see cref=\"{type.Name}\"/>, which the records that extend it implement too.", escape: false),
        Members = type.Properties.Select(p => new InterfaceMemberView
        {
            Name = p.Name,
            Type = CSharpFragments.NullableTypeName(p.Type),
            Doc = XmlDoc.Property(p.Description, p.Type, p.IsRequired, p.DefaultValue, p.IsSensitive),
        }).ToList(),
    };

    /// <summary>
    /// The interfaces a record implements: its own, when others extend it, and those of the types it extends. A base
    /// member is always among the record's members with the same C# type (it is the first declaration, which the others
    /// only constrain), except where a part types a list or a map of any value (ModelBuilder.MergeValues) or retypes it
    /// (reported as OAG006): the record then does not implement that interface, which its member no longer fits.
    /// </summary>
    private static List<ImplementationView> Implementations(TypeSpec type, IReadOnlyDictionary<string, TypeSpec> types, IReadOnlyList<PropertyView> views, Func<TypeRef, TypeRef> qualify)
    {
        var implementations = new List<ImplementationView>();
        var extended = new[] { type }.Concat(type.BaseTypeNames.Select(name => types.TryGetValue(name, out var baseType) ? baseType : null).OfType<TypeSpec>());
        foreach (var baseType in extended.Where(t => t.InterfaceName is not null))
        {
            var explicitMembers = new List<ExplicitMemberView>();
            foreach (var member in baseType.Properties)
            {
                var index = type.Properties.ToList().FindIndex(p => p.WireName == member.WireName);
                if (index < 0 || CSharpFragments.NullableTypeName(type.Properties[index].Type) != CSharpFragments.NullableTypeName(member.Type))
                {
                    explicitMembers = null;
                    break;
                }

                var interfaceType = CSharpFragments.NullableTypeName(qualify(member.Type));
                if (views[index].Type != interfaceType || views[index].Name != member.Name)
                {
                    explicitMembers.Add(new ExplicitMemberView { Type = interfaceType, Name = member.Name, Property = views[index].Name });
                }
            }

            if (explicitMembers is not null)
            {
                implementations.Add(new ImplementationView { Name = baseType.InterfaceName!, ExplicitMembers = explicitMembers });
            }
        }

        return implementations;
    }

    /// <summary>
    /// Types read from responses are read leniently: nothing a service sends is lost over a number sent as a string, and
    /// a null the schema does not allow is noted for the response check rather than refused. Others are read strictly, so
    /// reading JSON checks its kinds as JSON Schema does, null included unless the schema allows it; a merge patch's null
    /// means "remove".
    /// </summary>
    private static string ReadExpression(PropertySpec property, TypeSpec owner)
    {
        var lenient = owner.IsReadFromResponses;
        var read = CSharpFragments.ReadNullable(property.Type, "reader", 0, lenient);
        if (owner.Kind == TypeKind.MergePatch)
        {
            return $"Optional<{CSharpFragments.NullableTypeName(property.Type)}>.Of({read})";
        }

        return property.Type.IsNullable || property.Type.Kind == ValueKind.Any ? read : CSharpFragments.ReadNotNullable(property.Type, "reader", lenient);
    }

    /// <summary>
    /// A patch can be built from two plain records when it has a plain twin, and so do the patches nested in it. A patch
    /// met again on the way (a tree's node holding nodes) is assumed diffable: whether it is, is decided where it was
    /// first met.
    /// </summary>
    private static bool CanDiff(TypeSpec patch, IReadOnlyDictionary<string, TypeSpec> types)
        => CanDiff(patch, types, new HashSet<string>(StringComparer.Ordinal));

    private static bool CanDiff(TypeSpec patch, IReadOnlyDictionary<string, TypeSpec> types, HashSet<string> visiting)
        => !visiting.Add(patch.Name)
            || (patch.PlainTypeName is not null && types.ContainsKey(patch.PlainTypeName)
                && patch.Properties.All(p => NestedPatch(p.Type, types) is not { } nested || CanDiff(nested, types, visiting)));

    /// <summary>The patch record a member holds, directly or as the values of (maps of) maps.</summary>
    private static TypeSpec? NestedPatch(TypeRef type, IReadOnlyDictionary<string, TypeSpec> types) => type.Kind switch
    {
        ValueKind.Object => types.TryGetValue(type.TypeName!, out var nested) && nested.Kind == TypeKind.MergePatch ? nested : null,
        ValueKind.Map when type.IsPatchMap => NestedPatch(type.Element!, types),
        _ => null,
    };

    private static PropertyView WithDiff(PropertyView view, PropertySpec property, IReadOnlyDictionary<string, TypeSpec> types, Func<TypeRef, TypeRef> qualify)
    {
        var member = property.Name;
        var diff = new DiffFragments(types, qualify);
        return view with
        {
            DiffExpression = diff.Diff(property.Type, "before." + member, "after." + member, 0),
            WholeExpression = $"value.{member} is {{ }} {view.Local} ? Optional<{diff.PatchTypeName(property.Type)}>.Of({diff.Whole(property.Type, view.Local, 0)}) : default",
        };
    }

    /// <summary>
    /// The expressions <c>FromDiff</c> and <c>FromWhole</c> are made of, one per kind of member: nested patches and maps
    /// merge (RFC 7396), free-form JSON is diffed as JSON, anything else is compared as JSON and replaced whole.
    /// </summary>
    private sealed class DiffFragments(IReadOnlyDictionary<string, TypeSpec> types, Func<TypeRef, TypeRef> qualify)
    {
        /// <summary>An <c>Optional</c> of the patch's value: unset when <paramref name="before"/> and <paramref name="after"/> agree.</summary>
        public string Diff(TypeRef type, string before, string after, int depth)
        {
            var visible = qualify(type);
            if (NestedPatch(type, types) is not null && type.Kind == ValueKind.Object)
            {
                return $"MergePatch.Nested({before}, {after}, static ({Name("b", depth)}, {Name("a", depth)}) => {visible.TypeName}.FromDiff({Name("b", depth)}, {Name("a", depth)}), static {Name("v", depth)} => {visible.TypeName}.FromWhole({Name("v", depth)}), static {Name("p", depth)} => {Name("p", depth)}.IsEmpty)";
            }

            if (type.Kind == ValueKind.Map && type.IsPatchMap)
            {
                var element = type.Element!;
                var (b, a, v) = (Name("b", depth), Name("a", depth), Name("v", depth));
                return $"MergePatch.Map<{PlainTypeName(element)}, {PatchTypeName(element)}>({before}, {after}, static ({b}, {a}) => {Diff(element, b, a, depth + 1)}, static {v} => {Whole(element, v, depth + 1)})";
            }

            if (type.Kind == ValueKind.Any)
            {
                return $"MergePatch.Json({before}, {after})";
            }

            // The type argument is explicit: a required member of the plain record is not nullable, and C# infers no T for
            // "T?" from a non-nullable value type.
            var (w, value) = (Name("w", depth), Name("v", depth));
            return $"MergePatch.Value<{CSharpFragments.TypeName(visible)}>({before}, {after}, static ({w}, {value}) => {{ {CSharpFragments.Write(visible, w, value, depth)}; }})";
        }

        /// <summary>The patch's value that sets all of <paramref name="value"/>, a plain value that is not null.</summary>
        public string Whole(TypeRef type, string value, int depth)
        {
            if (NestedPatch(type, types) is not null && type.Kind == ValueKind.Object)
            {
                return $"{qualify(type).TypeName}.FromWhole({value})";
            }

            if (type.Kind == ValueKind.Map && type.IsPatchMap)
            {
                var element = type.Element!;
                var v = Name("v", depth);
                return $"MergePatch.WholeMap<{PlainTypeName(element)}, {PatchTypeName(element)}>({value}, static {v} => {Whole(element, v, depth + 1)})";
            }

            return value;
        }

        /// <summary>The C# type of the patch's value, which admits null.</summary>
        public string PatchTypeName(TypeRef type) => CSharpFragments.NullableTypeName(qualify(type));

        /// <summary>The C# type of the plain record's value: the patch's type with each patch record replaced by its twin.</summary>
        private string PlainTypeName(TypeRef type) => CSharpFragments.TypeName(qualify(Plain(type)));

        private TypeRef Plain(TypeRef type) => type with
        {
            TypeName = NestedPatch(type, types) is { PlainTypeName: { } plain } && type.Kind == ValueKind.Object ? plain : type.TypeName,
            Element = type.Element is { } element ? Plain(element) : null,
            IsPatchMap = false,
        };

        /// <summary>Names the parameters of the lambdas <paramref name="depth"/> lambdas deep, so that nested lambdas do not reuse a name.</summary>
        private static string Name(string stem, int depth) => depth == 0 ? stem : stem + depth.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The summary of a type the spec does not describe: what a patch type does; none for the others, as for members,
    /// since a summary that repeats the type's name says nothing.
    /// </summary>
    private static string? KindSummary(TypeSpec type) => type.Kind switch
    {
        TypeKind.MergePatch => "A JSON merge patch (RFC 7396): members left unset are not sent and stay unchanged; members set to null are removed.",
        TypeKind.JsonPatch => "A JSON Patch document (RFC 6902) restricted to the operations and paths the API allows.",
        _ => null,
    };

    /// <param name="wireChecks">Rules beyond the schema's for the value, which is not null.</param>
    /// <param name="locals">The names taken in the owner's methods, of which the property's local claims one.</param>
    private static PropertyView BuildProperty(PropertySpec property, TypeSpec owner, ValidationRules validation, NameScope locals, GeneratorOptions options, Func<string, IEnumerable<RuleView>>? wireChecks = null)
    {
        var isMergePatch = owner.Kind == TypeKind.MergePatch;
        var presentType = CSharpFragments.TypeName(property.Type);
        var nullableType = presentType + "?";
        var local = locals.Claim(LocalName(property.Name));
        var declaredType = isMergePatch ? $"Optional<{nullableType}>" : property.IsRequiredMember ? presentType : nullableType;
        var isSetAfterReading = !isMergePatch && property.IsRequiredMember;
        var initExpression = isSetAfterReading
            ? $"{local} ?? throw JsonRead.MissingProperty({CSharpFragments.Literal(owner.Name)}, {CSharpFragments.Literal(property.WireName)})"
            : local;
        var presence = Presence(property, isMergePatch, local);
        var value = presence.Present is null ? property.Name : local;
        var rules = validation.For(property.Type, value, 0);
        if (wireChecks is not null)
        {
            rules.InsertRange(0, wireChecks(value));
        }

        return new PropertyView
        {
            Name = property.Name,
            WireName = property.WireName,
            WireLiteral = CSharpFragments.Literal(property.WireName),
            Doc = XmlDoc.Property(property.Description, property.Type, property.IsRequired && !property.IsRequiredMember, property.DefaultValue, property.IsSensitive),
            Type = declaredType,
            IsRequiredMember = property.IsRequiredMember,
            IsSensitive = property.IsSensitive,
            Local = local,
            LocalType = isMergePatch ? declaredType : nullableType,
            ReadExpression = ReadExpression(property, owner),
            IsSetAfterReading = isSetAfterReading,
            InitExpression = initExpression,
            PresentCondition = presence.Present,
            HasPlainPresence = !isMergePatch && property.Type.Kind != ValueKind.Any && presence.Present is not null,
            WriteExpression = CSharpFragments.Write(property.Type, "writer", value, 0),
            MemberWrite = CSharpFragments.MemberWrite(property.Type, property.Name, isMergePatch),
            IsRequired = property.IsRequired,
            MissingCondition = property.IsRequired ? presence.Missing : null,
            Rules = rules,
            Attributes = options.EmitDataAnnotations ? DataAnnotations.For(property) : [],
            ForbiddenNullCondition = isMergePatch && !property.IsRequired && !ValidationRules.AdmitsNull(property.Type) ? $"{property.Name}.IsSet && {property.Name}.Value is null" : null,
        };
    }

    /// <summary>
    /// When a member has a value, binding it to <paramref name="local"/>, and when it is missing. A required member of a
    /// non-nullable value type always has one; a <c>JsonElement</c> left at its default holds no JSON at all, so it counts
    /// as missing; a merge patch's member is missing when it is unset or null.
    /// </summary>
    private static (string? Present, string? Missing) Presence(PropertySpec property, bool isMergePatch, string local)
    {
        var member = property.Name;
        if (isMergePatch)
        {
            return ($"{member}.IsSet && {member}.Value is {{ }} {local}", $"!{member}.IsSet || {member}.Value is null");
        }

        var isNullable = !property.IsRequiredMember;
        if (property.Type.Kind == ValueKind.Any)
        {
            return ($"{member} is {{ ValueKind: not JsonValueKind.Undefined }} {local}",
                isNullable ? $"{member} is null or {{ ValueKind: JsonValueKind.Undefined }}" : $"{member}.ValueKind == JsonValueKind.Undefined");
        }

        return isNullable || !CSharpFragments.IsValueType(property.Type)
            ? ($"{member} is {{ }} {local}", $"{member} is null")
            : (null, null);
    }

    private static JsonPatchView BuildJsonPatch(TypeSpec type, JsonPatchSpec patch, IReadOnlyDictionary<string, TypeSpec> types, ValidationRules validation)
    {
        var item = types[patch.ItemTypeName];
        var opProperty = item.Properties.First(p => p.WireName == "op");
        var valueProperty = item.Properties.First(p => p.WireName == "value");
        var fromProperty = item.Properties.FirstOrDefault(p => p.WireName == "from" && p.Type.Kind == ValueKind.String);

        // A method without a from passes null; a from the item schema requires is typed non-nullable, and Validate()
        // reports it where the operation does not take one.
        var noFrom = fromProperty is { IsRequiredMember: true } ? "null!" : "null";
        var operations = new List<JsonPatchOperationView>();
        var methods = new List<JsonPatchMethodView>();
        foreach (var operation in patch.Operations)
        {
            var op = new JsonPatchOperationView
            {
                Name = operation.MethodName,
                WireValue = SymbolDisplay.FormatLiteral(operation.WireValue, quote: false),
                OpExpression = OpExpression(opProperty, operation.WireValue, types),
                HasValue = operation.TakesValue,
                HasFrom = operation.TakesFrom,
                FromExpression = fromProperty is null ? null : operation.TakesFrom ? "CheckPath(from, nameof(from))" : noFrom,
            };
            operations.Add(op);
            foreach (var method in operation.PathMethods)
            {
                var path = method.DocumentedPath;
                var pathDoc = path.Path.Length == 0 ? "the whole document (<c>\"\"</c>)" : "<c>" + XmlDoc.Escape(path.Path) + "</c>";
                var verb = ThirdPerson(op.Name);
                var summary = operation.TakesFrom
                    ? verb + " the value at <paramref name=\"from\"/> to " + pathDoc
                    : verb + " " + pathDoc;
                methods.Add(new JsonPatchMethodView
                {
                    Name = method.Name,
                    Path = path.Path,
                    PathLiteral = CSharpFragments.Literal(path.Path),
                    Doc = XmlDoc.Summary(summary + (path.Description is null ? "." : ": " + XmlDoc.Escape(path.Description)), escape: false),
                    OpExpression = op.OpExpression,
                    HasValue = op.HasValue,
                    HasFrom = op.HasFrom,
                    FromExpression = op.FromExpression,
                    ValueType = CSharpFragments.TypeName(path.ValueType),
                    ElementExpression = CSharpFragments.ToElement(path.ValueType, "value"),
                });
            }
        }

        var rules = validation.For(new TypeRef { Kind = ValueKind.Array, Element = new TypeRef { Kind = ValueKind.Object, TypeName = item.Name }, Constraints = patch.Constraints }, "_operations", 0);
        var opType = CSharpFragments.TypeName(opProperty.Type);
        return new JsonPatchView
        {
            ItemType = item.Name,
            OpType = opType,
            ValueType = valueProperty.IsRequiredMember ? "JsonElement" : "JsonElement?",
            FromType = fromProperty is null ? null : fromProperty.IsRequiredMember ? "string" : "string?",
            FromMember = fromProperty?.Name,
            OpWireExpression = opProperty.Type.Kind == ValueKind.Enum
                ? $"operation.Op is {{ }} opValue && {opType}Json.IsDefined(opValue) ? {opType}Json.ToWire(opValue) : null"
                : "operation.Op",
            HasValueExpression = valueProperty.IsRequiredMember
                ? $"operation.{valueProperty.Name}.ValueKind != JsonValueKind.Undefined"
                : $"operation.{valueProperty.Name} is {{ ValueKind: not JsonValueKind.Undefined }}",
            HasFromExpression = fromProperty is null ? "false" : $"operation.{fromProperty.Name} is not null",
            PathPattern = patch.PathPattern is null ? null : XmlDoc.SingleLine(patch.PathPattern),
            PathPatternLiteral = patch.PathPattern is null ? null : CSharpFragments.Literal(patch.PathPattern),
            PathRegexLiteral = patch.PathPattern is null ? null : CSharpFragments.Literal(EcmaScriptPattern.ToDotNet(patch.PathPattern)),
            Operations = operations,
            Methods = methods,
            Rules = rules,
        };
    }

    /// <summary>The verb of a method's summary: <c>Copy</c> copies, <c>Replace</c> replaces, <c>Add</c> adds.</summary>
    private static string ThirdPerson(string verb)
        => verb.Length > 1 && verb[verb.Length - 1] == 'y' && "aeiouAEIOU".IndexOf(verb[verb.Length - 2]) < 0
            ? verb.Substring(0, verb.Length - 1) + "ies"
            : verb + "s";

    private static string OpExpression(PropertySpec opProperty, string op, IReadOnlyDictionary<string, TypeSpec> types)
    {
        if (opProperty.Type.Kind == ValueKind.Enum && types.TryGetValue(opProperty.Type.TypeName!, out var enumType)
            && enumType.EnumMembers.FirstOrDefault(m => m.WireValue == op) is { } member)
        {
            return enumType.Name + "." + member.Name;
        }

        return CSharpFragments.Literal(op);
    }

    /// <param name="overloadOf">The operation with the preferred body, when this is an overload sending another kind; null otherwise.</param>
    private static OperationView BuildOperation(OperationSpec operation, IReadOnlyDictionary<string, TypeSpec> types, string clientName, TypeNamesView names, GeneratorOptions options, OperationSpec? overloadOf)
    {
        var memberNames = new HashSet<string>(operation.Parameters.Select(p => p.Name).Append("Body"), StringComparer.Ordinal);
        var validation = new ValidationRules(memberNames);
        var locals = LocalNames(memberNames);
        var parameterOwner = new TypeSpec { Name = operation.RequestTypeName, Kind = TypeKind.Object };
        var parameters = new List<PropertyView>();
        var queryParameters = new List<RequestValueView>();
        var headers = new List<RequestValueView>();
        var cookies = new List<RequestValueView>();
        var validatedParameters = new List<ParameterGroupView>();
        string? runLocation = null;
        List<PropertyView>? run = null;
        foreach (var parameter in operation.Parameters)
        {
            // A credential header is often supplied by a DelegatingHandler (token refresh, signing), so the request
            // need not carry it even where the service requires it.
            var isSuppliedByHandler = parameter.IsSensitive && parameter.Location == ParameterLocation.Header;
            var isRequired = parameter.IsRequired && !isSuppliedByHandler;
            var description = isSuppliedByHandler && parameter.IsRequired
                ? (parameter.Description is null ? string.Empty : parameter.Description.TrimEnd() + " ")
                    + "The service requires it: set it here or add it from a DelegatingHandler on the HttpClient."
                : parameter.Description;
            var property = new PropertySpec { Name = parameter.Name, WireName = parameter.WireName, Description = description, Type = parameter.Type, IsRequired = isRequired, IsRequiredMember = isRequired, IsSensitive = parameter.IsSensitive, DefaultValue = parameter.DefaultValue };
            var view = BuildProperty(property, parameterOwner, validation, locals, options, value => WireChecks(parameter, value));
            parameters.Add(view);
            var location = CSharpFragments.Literal(parameter.Location.ToString().ToLowerInvariant());
            if (view.HasChecks)
            {
                if (location != runLocation)
                {
                    run = [];
                    runLocation = location;
                    validatedParameters.Add(new ParameterGroupView { LocationLiteral = location, Parameters = run });
                }

                run!.Add(view);
            }

            var sent = view.PresentCondition is null ? "request." + view.Name : view.Local;
            var sentWhen = view.PresentCondition is null ? null : $"request.{view.Name} is {{ }} {view.Local}";
            switch (parameter.Location)
            {
                case ParameterLocation.Query:
                    queryParameters.Add(QueryValue(parameter, sentWhen, sent));
                    break;
                case ParameterLocation.Header:
                    headers.Add(HeaderValue(parameter, sentWhen, sent));
                    break;
                case ParameterLocation.Cookie:
                    cookies.Add(CookieValue(parameter, sentWhen, sent));
                    break;
            }
        }

        PropertyView? body = null;
        var sendsNullPatch = operation.Body is { Kind: BodyKind.MergePatch, Type: { IsNullable: true } nullableBody } && !CSharpFragments.IsValueType(nullableBody);
        if (operation.Body is { } bodySpec)
        {
            // Binary and raw bodies have no schema type: the caller's content is sent as it is, unchecked.
            var contentType = bodySpec.Kind switch
            {
                BodyKind.Binary => "BinaryBody",
                BodyKind.Multipart => bodySpec.PartsTypeName,
                BodyKind.Raw => "HttpContent",
                _ => null,
            };

            // A required body set to null would go out as no body at all: it is reported at "body" before anything is sent.
            var presenceType = contentType is null ? bodySpec.Type : new TypeRef { Kind = ValueKind.Object, TypeName = contentType };
            var bodyPresence = Presence(new PropertySpec { Name = "Body", WireName = "body", Type = presenceType, IsRequired = bodySpec.IsRequired, IsRequiredMember = bodySpec.IsRequired }, isMergePatch: false, "body");
            body = new PropertyView
            {
                Name = "Body",
                WireName = "body",
                WireLiteral = "\"body\"",
                Doc = XmlDoc.Property(BodyDescription(bodySpec), bodySpec.Type, isRequiredThoughNullable: false, defaultValue: null, isSensitive: false),
                Type = sendsNullPatch ? $"Optional<{CSharpFragments.NullableTypeName(bodySpec.Type)}>"
                    : contentType is not null ? (bodySpec.IsRequired ? contentType : contentType + "?")
                    : bodySpec.IsRequired ? CSharpFragments.TypeName(bodySpec.Type) : CSharpFragments.NullableTypeName(bodySpec.Type),
                IsRequiredMember = bodySpec.IsRequired,
                IsSensitive = false,
                Local = "body",
                LocalType = contentType is null ? CSharpFragments.NullableTypeName(bodySpec.Type) : contentType + "?",
                ReadExpression = string.Empty,
                InitExpression = string.Empty,
                PresentCondition = sendsNullPatch ? "Body.IsSet && Body.Value is { } body" : bodyPresence.Present ?? "Body is { } body",
                WriteExpression = sendsNullPatch
                    ? $"JsonWrite.NullOr(writer, body, static (w, v) => {{ {CSharpFragments.Write(bodySpec.Type, "w", "v", 0)}; }})"
                    : contentType is null ? CSharpFragments.Write(bodySpec.Type, "writer", "body", 0) : string.Empty,

                // A nullable merge-patch body's null is a patch of its own (RFC 7396 case 11), so only a plain body can be missing.
                IsRequired = bodySpec.IsRequired && !sendsNullPatch,
                MissingCondition = bodySpec.IsRequired && !sendsNullPatch ? bodyPresence.Missing : null,

                // Binary and raw bodies are the caller's content, sent as it is: no schema checks them.
                Rules = contentType is null ? validation.For(bodySpec.Type, "body", 0) : [],
                Attributes = [],
            };
        }

        var success = BuildSuccess(operation.SuccessResponse, operation.RequestTypeName, types, names, validation);
        var typedErrors = TypedErrors(operation.ErrorReader);
        return new OperationView
        {
            Name = operation.Name,
            MethodName = operation.MethodName,
            StreamOpenerName = operation.StreamOpenerName,
            HttpMethod = operation.HttpMethod,
            Path = operation.PathTemplate,
            Doc = XmlDoc.WithSeeAlso(XmlDoc.Summary(JoinSentences(operation.Summary, operation.Description) ?? operation.HttpMethod + " " + operation.PathTemplate), operation.ExternalDocs),
            OverloadDoc = OverloadSentence(operation, overloadOf),
            IsOverload = overloadOf is not null,
            RequestDoc = XmlDoc.Summary("The request for " + operation.Name + ": <c>" + operation.HttpMethod + " " + operation.PathTemplate + "</c>" + (overloadOf is null ? string.Empty : ", with a <c>" + XmlDoc.Escape(operation.Body!.MediaType) + "</c> body") + ".", escape: false),
            SecurityRequirement = SecurityRequirementExpression(operation.Security),
            SecurityField = operation.SecurityFieldName,
            DocumentedErrors = operation.ErrorResponses
                .Where(r => r.StatusCode > 0)
                .Select(r => r.StatusPattern + (r.Description is null ? string.Empty : " (" + XmlDoc.Escape(r.Description) + ")"))
                .ToList(),
            TypedErrors = typedErrors,
            ErrorReader = operation.ErrorReader?.Name,
            RequestType = operation.RequestTypeName,
            Parameters = parameters,
            ValidatedParameters = validatedParameters,
            Body = body,
            BodyMediaType = operation.Body is null ? null : CSharpFragments.Literal(operation.Body.MediaType),
            BodySendCondition = sendsNullPatch ? "request.Body.IsSet" : "request.Body is { } requestBody",
            BodyJson = body is null ? null
                : sendsNullPatch ? $"JsonWrite.ToUtf8(request.Body.Value, static (writer, body) => {{ {body.WriteExpression}; }})"
                : CSharpFragments.ToUtf8(operation.Body!.Type, "requestBody"),
            BodyKind = operation.Body?.Kind switch
            {
                BodyKind.Form => "form",
                BodyKind.Text => "text",
                BodyKind.Binary => "binary",
                BodyKind.Multipart => "multipart",
                BodyKind.Raw => "raw",
                _ => "json",
            },
            ResponseKind = success.ResponseKind,
            ItemReader = success.ItemReader,
            ItemType = success.ItemType,
            TextMayBeEmpty = success.TextMayBeEmpty,
            HeadersType = success.HeadersType,
            AcceptLiteral = operation.Accept is { } accept ? CSharpFragments.Literal(accept) : null,
            PartsType = operation.Body?.PartsTypeName,
            Parts = operation.Body?.Parts.Select(BuildPart).ToList() ?? [],
            FormEncodings = operation.Body?.FormEncodings.Select(FormEncodingExpression).ToList() ?? [],
            UriExpression = BuildUriExpression(operation),
            QueryParameters = queryParameters,
            Headers = headers,
            Cookies = cookies,
            ReturnType = success.ReturnType,
            ResponseBody = success.ResponseBody,
            HasSensitiveParameters = operation.Parameters.Any(p => p.IsSensitive),
            PatternHelpers = validation.PatternHelpers,
            ElementRules = validation.ElementRules,
        };
    }

    /// <summary>The body's description, and for a body the caller supplies as content, how to supply it.</summary>
    private static string BodyDescription(BodySpec body)
    {
        var description = body.Description ?? "The request body.";
        return body.Kind switch
        {
            BodyKind.Binary => description.TrimEnd() + " A stream (sent as it is read, and disposed with the request), bytes or an HttpContent; sent as " + body.MediaType + " unless it names its own content type.",
            BodyKind.Raw => description.TrimEnd() + " The generator cannot type " + body.MediaType + ": build the HttpContent, with its Content-Type, yourself; it is disposed with the request.",
            _ => description,
        };
    }

    /// <summary>A multipart part: its member of the parts record, and the call that adds it to <c>form</c> from <c>requestBody</c>.</summary>
    private static PartView BuildPart(PartSpec part)
    {
        // "Part", not "Value": a parameter's local (formatValue) is still in scope where the parts are added.
        var local = LocalName(part.Name, "Part");
        var value = part.IsRequired ? "requestBody." + part.Name : local;
        var contentType = part.ContentType is null ? "null" : CSharpFragments.Literal(part.ContentType);
        var name = CSharpFragments.Literal(part.WireName);
        var type = part.Kind switch
        {
            PartKind.File => "FilePart",
            PartKind.Files => "IReadOnlyList<FilePart>",
            _ => CSharpFragments.TypeName(part.Type),
        };
        return new PartView
        {
            Name = part.Name,
            Doc = XmlDoc.Summary(part.Description ?? (part.Kind switch
            {
                PartKind.File => "The file sent as the part '" + part.WireName + "'.",
                PartKind.Files => "The files sent as parts named '" + part.WireName + "', one each.",
                _ => "The part '" + part.WireName + "'.",
            })),
            Type = part.IsRequired ? type : type + "?",
            IsRequiredMember = part.IsRequired,
            PresentCondition = part.IsRequired ? null : $"requestBody.{part.Name} is {{ }} {local}",
            AddExpression = part.Kind switch
            {
                PartKind.File => $"Multipart.AddFile(form, {name}, {value}, {contentType})",
                PartKind.Files => $"Multipart.AddFiles(form, {name}, {value}, {contentType})",
                PartKind.Text => $"Multipart.AddText(form, {name}, {CSharpFragments.FormatScalar(part.Type, value)}, {contentType})",
                _ => $"Multipart.AddJson(form, {name}, {CSharpFragments.ToUtf8(part.Type, value)}, {contentType})",
            },
        };
    }

    private static string FormEncodingExpression(FormEncodingSpec encoding)
        => $"new FormEncoding({CSharpFragments.Literal(encoding.Name)}, ParameterStyle.{encoding.Style}, explode: {Bool(encoding.Explode)}{(encoding.IsJson ? ", isJson: true" : string.Empty)})";

    /// <summary>The id of accepted work: a 202, or a response marked with <c>x-operation-id-property</c>, names a body property.</summary>
    private static string? TrackingExpression(ResponseSpec success, TypeRef body, IReadOnlyDictionary<string, TypeSpec> types, string member)
    {
        if (success.TrackingIdProperty is null)
        {
            return null;
        }

        if (body.Kind == ValueKind.Object && types.TryGetValue(body.TypeName!, out var bodyType)
            && bodyType.Properties.FirstOrDefault(p => p.WireName == success.TrackingIdProperty) is { } property)
        {
            var id = member + property.Name;
            return property.Type.Kind switch
            {
                ValueKind.String => id,
                ValueKind.Bytes => $"({id} is null ? null : {CSharpFragments.Base64Text(property.Type, id + "!")})",
                _ => id + "?.ToString()",
            };
        }

        return success.StatusCode == 202 ? "null" : null;
    }

    private static string BuildUriExpression(OperationSpec operation)
    {
        // Relative to HttpClient.BaseAddress, so that a base address with a path prefix keeps it.
        var template = operation.PathTemplate.TrimStart('/');
        var parts = new List<string>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i) : -1;
            if (close > i)
            {
                var name = template.Substring(i + 1, close - i - 1);
                var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && (p.IsGreedy ? p.WireName + "+" : p.WireName) == name);
                if (parameter is not null)
                {
                    if (literal.Length > 0)
                    {
                        parts.Add(CSharpFragments.Literal(literal.ToString()));
                        literal.Clear();
                    }

                    parts.Add(PathText(parameter, "request." + parameter.Name));
                    i = close;
                    continue;
                }
            }

            literal.Append(template[i]);
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(CSharpFragments.Literal(literal.ToString()));
        }

        return string.Join(" + ", parts);
    }

    private static string? JoinSentences(string? first, string? second)
    {
        if (first is null)
        {
            return second;
        }

        if (second is null || second.StartsWith(first.TrimEnd('.'), System.StringComparison.Ordinal))
        {
            return second ?? first;
        }

        return first.TrimEnd() + (first.TrimEnd().EndsWith(".", System.StringComparison.Ordinal) ? " " : ". ") + second;
    }

    /// <summary>
    /// The scope of the locals of one record's (or request's) properties. It holds the members' names, since a local named
    /// like a member hides it (the local of <c>_1Property</c> is <c>_1PropertyValue</c>, which may be a member too), and
    /// makes two properties whose locals would be alike (<c>_x</c> and <c>x</c>) get two.
    /// </summary>
    private static NameScope LocalNames(IEnumerable<string> memberNames)
        => new NameScope().Reserve(memberNames, name => "the member '" + name + "'");

    /// <summary>
    /// The local variable a property prefers. The suffix (<c>Value</c>) keeps it clear of the generated code's own locals
    /// (<c>reader</c>, <c>writer</c>, <c>context</c>, <c>request</c>, …) whatever the property is called.
    /// </summary>
    private static string LocalName(string propertyName, string suffix = "Value")
    {
        var core = propertyName.TrimStart('_');
        var camel = core.Length > 0 && char.IsLetter(core[0]) ? char.ToLowerInvariant(core[0]) + core.Substring(1) : "_" + core;
        return camel + suffix;
    }
}
