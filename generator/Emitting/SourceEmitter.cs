using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Patterns;

namespace OpenApiClientGenerator.Emitting;

/// <summary>Turns a spec's model into the views the templates render, and renders them.</summary>
internal static partial class SourceEmitter
{
    public static RenderResult Emit(ApiSpec spec, TemplateSet templates, GeneratorOptions options)
    {
        var view = BuildView(spec, options);
        var renderer = new TemplateRenderer(templates);
        var sources = new List<GeneratedSource>();
        renderer.Render("Models.sbncs", view, spec.ClientName + ".Models.g.cs", sources);
        if (spec.Operations.Count > 0)
        {
            renderer.Render("Client.sbncs", view, spec.ClientName + ".g.cs", sources);
            renderer.Render("ClientOptions.sbncs", view, spec.ClientName + ".Options.g.cs", sources);
            if (options.EmitServiceCollectionExtensions)
            {
                renderer.Render("ServiceCollection.sbncs", view, spec.ClientName + ".ServiceCollection.g.cs", sources);
            }
        }

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

    private static SpecView BuildView(ApiSpec spec, GeneratorOptions options)
    {
        var types = spec.Types.ToDictionary(t => t.Name, t => t, System.StringComparer.Ordinal);
        return new SpecView
        {
            Namespace = spec.Namespace,
            ClientName = spec.ClientName,
            Title = XmlDoc.SingleLine(spec.Title),
            Doc = XmlDoc.Summary(spec.Description ?? "Calls the " + spec.Title + " API."),
            DefaultBaseAddress = spec.DefaultBaseAddress,
            Options = BuildOptions(spec),
            Types = spec.Types.Select(t => BuildType(t, types, spec.Namespace, options)).ToList(),
            Operations = spec.Operations.Select(o => BuildOperation(o, types, spec.ClientName, options)).ToList(),
            EmitDataAnnotations = options.EmitDataAnnotations,
        };
    }

    private static TypeView BuildType(TypeSpec type, IReadOnlyDictionary<string, TypeSpec> types, string @namespace, GeneratorOptions options)
    {
        var memberNames = new HashSet<string>(type.Properties.Select(p => p.Name), StringComparer.Ordinal);

        // C# lets a property named like its own type ("Color Color") still name the type; any other property hides it.
        var hidingNames = new HashSet<string>(type.Properties.Where(p => p.Type.TypeName != p.Name).Select(p => p.Name), StringComparer.Ordinal);
        var validation = new ValidationRules(memberNames);
        var kind = type.Kind switch
        {
            TypeKind.Enum => "enum",
            TypeKind.MergePatch => "merge_patch",
            TypeKind.JsonPatch => "json_patch",
            _ => "object",
        };
        var plainType = type.Kind == TypeKind.MergePatch && CanDiff(type, types) ? type.PlainTypeName : null;
        var properties = type.Properties
            .Select(p => BuildProperty(p with { Type = Qualify(p.Type) }, type, validation, options) is var view && plainType is not null ? WithDiff(view, p, types, Qualify) : view)
            .ToList();
        var summary = type.Description ?? DefaultTypeSummary(type);
        return new TypeView
        {
            Name = type.Name,
            Kind = kind,
            Doc = XmlDoc.Summary(summary),
            Properties = properties,
            EnumMembers = type.EnumMembers.Select(m => new EnumMemberView { Name = m.Name, WireValue = SymbolDisplay.FormatLiteral(m.WireValue, quote: false), WireLiteral = CSharpFragments.Literal(m.WireValue) }).ToList(),
            AllowedValuesLiteral = CSharpFragments.Literal(string.Join(", ", type.EnumMembers.Select(m => System.Text.Json.Nodes.JsonValue.Create(m.WireValue).ToJsonString()))),
            HasSensitiveProperties = type.Properties.Any(p => p.IsSensitive),
            KeepsUnknownMembers = type.Kind == TypeKind.Object,
            PlainType = plainType,
            JsonPatch = type.JsonPatch is { } patch ? BuildJsonPatch(type, patch, types, validation) : null,
            PatternHelpers = validation.PatternHelpers,
            ElementRules = validation.ElementRules,
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

    /// <summary>
    /// Types read from responses are read leniently: nothing a service sends is lost over a number sent as a string.
    /// Others are read strictly, so reading JSON checks its kinds as JSON Schema does, null included unless the schema
    /// allows it; a merge patch's null means "remove".
    /// </summary>
    private static string ReadExpression(PropertySpec property, TypeSpec owner)
    {
        var lenient = owner.IsReadFromResponses;
        var read = CSharpFragments.ReadNullable(property.Type, "reader", 0, lenient);
        if (owner.Kind == TypeKind.MergePatch)
        {
            return $"Optional<{CSharpFragments.NullableTypeName(property.Type)}>.Of({read})";
        }

        return lenient || property.Type.IsNullable || property.Type.Kind == ValueKind.Any
            ? read
            : CSharpFragments.ReadPresent(property.Type, "reader", 0, lenient);
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

    private static TypeSpec? NestedPatch(TypeRef type, IReadOnlyDictionary<string, TypeSpec> types)
        => type.Kind == ValueKind.Object && types.TryGetValue(type.TypeName!, out var nested) && nested.Kind == TypeKind.MergePatch ? nested : null;

    private static PropertyView WithDiff(PropertyView view, PropertySpec property, IReadOnlyDictionary<string, TypeSpec> types, Func<TypeRef, TypeRef> qualify)
    {
        var member = property.Name;
        var visibleType = qualify(property.Type);
        if (NestedPatch(property.Type, types) is not null)
        {
            var nested = visibleType.TypeName;
            return view with
            {
                DiffExpression = $"MergePatch.Nested(before.{member}, after.{member}, static (b, a) => {nested}.FromDiff(b, a), static v => {nested}.FromWhole(v), static p => p.IsEmpty)",
                WholeExpression = $"value.{member} is {{ }} {view.Local} ? Optional<{nested}?>.Of({nested}.FromWhole({view.Local})) : default",
            };
        }

        return view with
        {
            // The type argument is explicit: a required member of the plain record is not nullable, and C# infers no T for
            // "T?" from a non-nullable value type.
            DiffExpression = $"MergePatch.Value<{CSharpFragments.TypeName(visibleType)}>(before.{member}, after.{member}, static (w, v) => {{ {CSharpFragments.Write(visibleType, "w", "v", 0)}; }})",
            WholeExpression = $"value.{member} is {{ }} {view.Local} ? Optional<{CSharpFragments.NullableTypeName(visibleType)}>.Of({view.Local}) : default",
        };
    }

    private static string DefaultTypeSummary(TypeSpec type) => type.Kind switch
    {
        TypeKind.MergePatch => "A JSON merge patch (RFC 7396): members left unset are not sent and stay unchanged; members set to null are removed.",
        TypeKind.JsonPatch => "A JSON Patch document (RFC 6902) restricted to the operations and paths the API allows.",
        _ => type.Name + ".",
    };

    /// <summary>
    /// Checks that keep a parameter's text from changing the request's shape: a line break would end a header and start
    /// another, and an empty, "." or ".." path segment would address another resource once the URI is normalized.
    /// </summary>
    private static IEnumerable<RuleView> WireChecks(ParameterSpec parameter, string value)
    {
        var text = parameter.Type.Kind switch
        {
            ValueKind.String => value,
            ValueKind.Any => value + ".GetRawText()",
            _ => null,
        };
        return (text, parameter.Location) switch
        {
            (null, _) => [],
            (_, ParameterLocation.Header) => [ValidationRules.Call($"context.HeaderValue({text})")],
            (_, ParameterLocation.Path) => [ValidationRules.Call($"context.PathParameter({text}, refuseEmpty: {(parameter.Type.Constraints.MinLength is > 0 ? "false" : "true")})")],
            _ => [],
        };
    }

    /// <param name="wireChecks">Rules beyond the schema's for the value, which is not null.</param>
    private static PropertyView BuildProperty(PropertySpec property, TypeSpec owner, ValidationRules validation, GeneratorOptions options, Func<string, IEnumerable<RuleView>>? wireChecks = null)
    {
        var isMergePatch = owner.Kind == TypeKind.MergePatch;
        var presentType = CSharpFragments.TypeName(property.Type);
        var nullableType = presentType + "?";
        var local = LocalName(property.Name);
        var declaredType = isMergePatch ? $"Optional<{nullableType}>" : property.IsRequiredMember ? presentType : nullableType;
        var initExpression = isMergePatch || !property.IsRequiredMember
            ? local
            : $"{local} ?? throw JsonRead.MissingProperty({CSharpFragments.Literal(owner.Name)}, {CSharpFragments.Literal(property.WireName)})";
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
            Doc = XmlDoc.Property(property.Description, property.Type, property.IsRequired, property.DefaultValue, property.IsSensitive),
            Type = declaredType,
            IsRequiredMember = property.IsRequiredMember,
            IsSensitive = property.IsSensitive,
            Local = local,
            LocalType = isMergePatch ? declaredType : nullableType,
            ReadExpression = ReadExpression(property, owner),
            InitExpression = initExpression,
            PresentCondition = presence.Present,
            WriteExpression = CSharpFragments.Write(property.Type, "writer", value, 0),
            IsRequired = property.IsRequired,
            MissingCondition = property.IsRequired ? presence.Missing : null,
            Rules = rules,
            Attributes = options.EmitDataAnnotations ? DataAnnotations.For(property) : [],
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

        var operations = new List<JsonPatchOperationView>();
        var methods = new List<JsonPatchMethodView>();
        foreach (var operation in patch.Operations)
        {
            var op = new JsonPatchOperationView
            {
                Name = operation.MethodName,
                WireValue = SymbolDisplay.FormatLiteral(operation.WireValue, quote: false),
                OpExpression = OpExpression(opProperty, operation.WireValue, types),
                HasValue = operation.WireValue is not ("remove" or "move" or "copy"),
            };
            operations.Add(op);
            foreach (var method in operation.PathMethods)
            {
                var path = method.DocumentedPath;
                methods.Add(new JsonPatchMethodView
                {
                    Name = method.Name,
                    Path = path.Path,
                    PathLiteral = CSharpFragments.Literal(path.Path),
                    Doc = XmlDoc.Summary(op.Name + "s <c>" + XmlDoc.Escape(path.Path) + "</c>" + (path.Description is null ? "." : ": " + XmlDoc.Escape(path.Description)), escape: false),
                    OpExpression = op.OpExpression,
                    HasValue = op.HasValue,
                    ValueType = CSharpFragments.TypeName(path.ValueType),
                    WriteExpression = CSharpFragments.Write(path.ValueType, "w", "v", 0),
                });
            }
        }

        var rules = validation.For(new TypeRef { Kind = ValueKind.Array, Element = new TypeRef { Kind = ValueKind.Object, TypeName = item.Name }, Constraints = patch.Constraints }, "_operations", 0);
        return new JsonPatchView
        {
            ItemType = item.Name,
            OpType = CSharpFragments.TypeName(opProperty.Type),
            ValueType = item.Properties.FirstOrDefault(p => p.WireName == "value") is { IsRequiredMember: true } ? "JsonElement" : "JsonElement?",
            PathPattern = patch.PathPattern is null ? null : XmlDoc.SingleLine(patch.PathPattern),
            PathPatternLiteral = patch.PathPattern is null ? null : CSharpFragments.Literal(patch.PathPattern),
            PathRegexLiteral = patch.PathPattern is null ? null : CSharpFragments.Literal(EcmaScriptPattern.ToDotNet(patch.PathPattern)),
            Operations = operations,
            Methods = methods,
            Rules = rules,
        };
    }

    private static string OpExpression(PropertySpec opProperty, string op, IReadOnlyDictionary<string, TypeSpec> types)
    {
        if (opProperty.Type.Kind == ValueKind.Enum && types.TryGetValue(opProperty.Type.TypeName!, out var enumType)
            && enumType.EnumMembers.FirstOrDefault(m => m.WireValue == op) is { } member)
        {
            return enumType.Name + "." + member.Name;
        }

        return CSharpFragments.Literal(op);
    }

    private static OperationView BuildOperation(OperationSpec operation, IReadOnlyDictionary<string, TypeSpec> types, string clientName, GeneratorOptions options)
    {
        var validation = new ValidationRules(new HashSet<string>(operation.Parameters.Select(p => p.Name).Append("Body"), StringComparer.Ordinal));
        var parameterOwner = new TypeSpec { Name = operation.RequestTypeName, Kind = TypeKind.Object };
        var parameters = new List<PropertyView>();
        var queryParameters = new List<RequestValueView>();
        var headers = new List<RequestValueView>();
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
            var view = BuildProperty(property, parameterOwner, validation, options, value => WireChecks(parameter, value));
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
            if (parameter.Location == ParameterLocation.Query)
            {
                queryParameters.Add(new RequestValueView
                {
                    PresentCondition = sentWhen,
                    NameLiteral = CSharpFragments.Literal(Uri.EscapeDataString(parameter.WireName) + "="),
                    TextExpression = parameter.Type.Kind is ValueKind.Array
                        ? $"string.Join(\",\", {sent}.Select(v => ApiHttp.Escape({CSharpFragments.FormatScalar(parameter.Type.Element!, "v")})))"
                        : $"ApiHttp.Escape({CSharpFragments.FormatScalar(parameter.Type, sent)})",
                });
            }
            else if (parameter.Location == ParameterLocation.Header)
            {
                headers.Add(new RequestValueView
                {
                    PresentCondition = sentWhen,
                    NameLiteral = CSharpFragments.Literal(parameter.WireName),
                    TextExpression = CSharpFragments.FormatScalar(parameter.Type, sent),
                });
            }
        }

        PropertyView? body = null;
        if (operation.Body is { } bodySpec)
        {
            body = new PropertyView
            {
                Name = "Body",
                WireName = "body",
                WireLiteral = "\"body\"",
                Doc = XmlDoc.Property(bodySpec.Description ?? "The request body.", bodySpec.Type, bodySpec.IsRequired, null, false),
                Type = bodySpec.IsRequired ? CSharpFragments.TypeName(bodySpec.Type) : CSharpFragments.NullableTypeName(bodySpec.Type),
                IsRequiredMember = bodySpec.IsRequired,
                IsSensitive = false,
                Local = "body",
                LocalType = CSharpFragments.NullableTypeName(bodySpec.Type),
                ReadExpression = string.Empty,
                InitExpression = string.Empty,
                PresentCondition = "Body is { } body",
                WriteExpression = CSharpFragments.Write(bodySpec.Type, "writer", "body", 0),

                // A missing body is left to the service to report: the body's own constraints are what the request checks.
                IsRequired = false,
                MissingCondition = null,
                Rules = validation.For(bodySpec.Type, "body", 0),
                Attributes = [],
            };
        }

        var success = operation.SuccessResponse;
        ResponseBodyView? responseBody = null;
        string returnType;
        if (success?.Body is { } successBody)
        {
            var bodyType = CSharpFragments.TypeName(successBody);
            var trackingExpression = TrackingExpression(success, successBody, types);
            returnType = trackingExpression is null ? $"ApiResponse<{bodyType}>" : $"AcceptedResponse<{bodyType}>";
            responseBody = new ResponseBodyView
            {
                ReadExpression = CSharpFragments.ReadPresent(successBody, "reader", 0, lenient: true),
                TrackingExpression = trackingExpression,
            };
        }
        else
        {
            returnType = "ApiResponse";
        }

        return new OperationView
        {
            Name = operation.Name,
            MethodName = operation.Name + "Async",
            HttpMethod = operation.HttpMethod,
            Path = operation.PathTemplate,
            Doc = XmlDoc.Summary(JoinSentences(operation.Summary, operation.Description) ?? operation.HttpMethod + " " + operation.PathTemplate),
            RequestDoc = XmlDoc.Summary("The request for " + operation.Name + ": <c>" + operation.HttpMethod + " " + operation.PathTemplate + "</c>.", escape: false),
            SecurityRequirement = SecurityRequirementExpression(operation.Security),
            DocumentedErrors = operation.ErrorResponses
                .Where(r => r.StatusCode > 0)
                .Select(r => r.StatusCode.ToString(CultureInfo.InvariantCulture) + (r.Description is null ? string.Empty : " (" + XmlDoc.Escape(r.Description) + ")"))
                .ToList(),
            RequestType = operation.RequestTypeName,
            Parameters = parameters,
            ValidatedParameters = validatedParameters,
            Body = body,
            BodyMediaType = operation.Body is null ? null : CSharpFragments.Literal(operation.Body.MediaType),
            UriExpression = BuildUriExpression(operation),
            QueryParameters = queryParameters,
            Headers = headers,
            ReturnType = returnType,
            ResponseBody = responseBody,
            HasSensitiveParameters = operation.Parameters.Any(p => p.IsSensitive),
            PatternHelpers = validation.PatternHelpers,
            ElementRules = validation.ElementRules,
        };
    }

    /// <summary>The id of accepted work: a 202, or a response marked with <c>x-operation-id-property</c>, names a body property.</summary>
    private static string? TrackingExpression(ResponseSpec success, TypeRef body, IReadOnlyDictionary<string, TypeSpec> types)
    {
        if (success.TrackingIdProperty is null)
        {
            return null;
        }

        if (body.Kind == ValueKind.Object && types.TryGetValue(body.TypeName!, out var bodyType)
            && bodyType.Properties.FirstOrDefault(p => p.WireName == success.TrackingIdProperty) is { } property)
        {
            return property.Type.Kind == ValueKind.String ? "result." + property.Name : "result." + property.Name + "?.ToString()";
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
                var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == name);
                if (parameter is not null)
                {
                    if (literal.Length > 0)
                    {
                        parts.Add(CSharpFragments.Literal(literal.ToString()));
                        literal.Clear();
                    }

                    parts.Add($"ApiHttp.Escape({CSharpFragments.FormatScalar(parameter.Type, "request." + parameter.Name)})");
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
    /// The local variable for a property. The <c>Value</c> suffix keeps it clear of the generated code's own locals
    /// (<c>reader</c>, <c>writer</c>, <c>context</c>, <c>request</c>, …) whatever the property is called.
    /// </summary>
    private static string LocalName(string propertyName)
    {
        var core = propertyName.TrimStart('_');
        var camel = core.Length > 0 && char.IsLetter(core[0]) ? char.ToLowerInvariant(core[0]) + core.Substring(1) : "_" + core;
        return camel + "Value";
    }
}
