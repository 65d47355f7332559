using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenApiClientGenerator.Emitting;

// What the templates receive. Scriban exposes each property in snake_case (ClientName -> client_name);
// docs/templates.md lists them. These are render-time objects only and never enter the incremental pipeline.

/// <summary>One spec: the model for <c>Models.sbncs</c>, <c>Client.sbncs</c> and <c>ServiceCollection.sbncs</c>.</summary>
internal sealed class SpecView
{
    public required string Namespace { get; init; }

    public required string ClientName { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required string? DefaultBaseAddress { get; init; }

    public required OptionsView Options { get; init; }

    public required IReadOnlyList<TypeView> Types { get; init; }

    public required IReadOnlyList<OperationView> Operations { get; init; }

    /// <summary>
    /// Gets whether the client's file declares the members its operations share (the HTTP client, the constructor, the
    /// response checks): the file that declares no operation. Each other file declares a part of the operations (see
    /// <c>SourceEmitter.Plan</c>).
    /// </summary>
    public bool DeclaresSharedMembers => Operations.Count == 0;

    /// <summary>Gets whether the file declares a static security requirement for one of its operations, before their methods.</summary>
    public bool DeclaresSecurityFields => Operations.Any(o => o.SecurityRequirement is not null && !o.IsOverload);

    /// <summary>Gets the error readers the operations share, in the client's errors file; empty in every other file.</summary>
    public required IReadOnlyList<ErrorReaderView> ErrorReaders { get; init; }

    /// <summary>Gets the records of the headers the operations' successes document, in the client's headers file; empty in every other file.</summary>
    public required IReadOnlyList<HeadersRecordView> HeadersRecords { get; init; }

    /// <summary>Gets the payload readers <c>Webhooks.sbncs</c> writes, or null when the spec has no webhook with one.</summary>
    public WebhooksView? Webhooks { get; init; }

    public required bool EmitDataAnnotations { get; init; }

    /// <summary>Gets the names to write for the runtime's and the framework's types that a schema of the spec may have taken.</summary>
    public required TypeNamesView Names { get; init; }
}

/// <summary>
/// The names the generated code writes for the runtime's and the framework's types that a schema may take
/// (<c>ReservedNames.QualifiedWhereShadowed</c>): the plain name, or the full name where a type of the spec has it
/// (<c>global::OpenApiClientGenerator.Runtime.ValidationError</c> beside FastAPI's <c>ValidationError</c>).
/// </summary>
internal sealed class TypeNamesView(Model.EquatableArray<string> shadowed)
{
    public string ValidationError => Of(nameof(ValidationError));

    public string Uri => Of(nameof(Uri));

    public string Of(string name) => shadowed.Contains(name) ? ModelBuilding.ReservedNames.QualifiedWhereShadowed[name] : name;
}

/// <summary>The webhooks' payload readers, and the static members their checks call.</summary>
internal sealed class WebhooksView
{
    public required IReadOnlyList<WebhookView> Readers { get; init; }

    public required IReadOnlyList<PatternHelperView> PatternHelpers { get; init; }

    public required IReadOnlyList<ElementRulesView> ElementRules { get; init; }
}

/// <summary>A webhook's payload readers: <c>{{ method_name }}</c> over the body's bytes, <c>{{ method_name }}Async</c> over its stream.</summary>
internal sealed class WebhookView
{
    /// <summary>Gets the checks of the payload, read into the variable <c>payload</c>.</summary>
    public required IReadOnlyList<RuleView> Rules { get; init; }

    public required string MethodName { get; init; }

    public required string PayloadType { get; init; }

    /// <summary>Gets the webhook as the reader's documentation names it: its name in the spec, as XML text.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the webhook's name in the spec as a C# literal, for the exception.</summary>
    public required string NameLiteral { get; init; }

    public required string HttpMethod { get; init; }

    /// <summary>Gets the webhook's summary or description as XML text, or null.</summary>
    public string? Description { get; init; }
}

/// <summary>A generated type: <see cref="Kind"/> is <c>object</c>, <c>merge_patch</c>, <c>enum</c> or <c>json_patch</c>.</summary>
internal sealed class TypeView
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public IReadOnlyList<PropertyView> Properties { get; init; } = [];

    /// <summary>Gets whether a member is declared <c>required</c>, so that the constructor that reads JSON says it sets them.</summary>
    public bool HasRequiredMembers => Properties.Any(p => p.IsRequiredMember);

    /// <summary>Gets whether <c>validate_members</c> writes anything for <see cref="Properties"/>.</summary>
    public bool HasMemberChecks => Properties.Any(p => p.HasChecks);

    /// <summary>
    /// Gets the members' JSON names as the lines of one raw string literal (<c>JsonMemberNames.FromLines</c>), when every
    /// name can stand as such a line; null when one cannot, and the names are then listed as literals.
    /// </summary>
    public IReadOnlyList<string>? MemberNameLines { get; init; }

    /// <summary>Gets the rules about a record's value as a whole (enum, const, not, dependentRequired), after its members'.</summary>
    public IReadOnlyList<RuleView> WholeValueRules { get; init; } = [];

    public IReadOnlyList<EnumMemberView> EnumMembers { get; init; } = [];

    /// <summary>Gets, for an enum, its wire values as a C# literal of the list a violation message quotes.</summary>
    public string? AllowedValuesLiteral { get; init; }

    /// <summary>Gets the pattern checks the type's rules call, one per distinct pattern.</summary>
    public IReadOnlyList<PatternHelperView> PatternHelpers { get; init; } = [];

    /// <summary>Gets the rule sets of the type's JSON values, one per distinct set of constraints.</summary>
    public IReadOnlyList<ElementRulesView> ElementRules { get; init; } = [];

    public bool HasSensitiveProperties { get; init; }

    public bool KeepsUnknownMembers { get; init; }

    /// <summary>Gets whether reading notes, for the response check, each member the schema does not name (<c>additionalProperties: false</c>).</summary>
    public bool NotesUnknownMembers { get; init; }

    /// <summary>Gets, for a merge patch built with <c>FromDiff</c>, the plain record it is a patch of; null otherwise.</summary>
    public string? PlainType { get; init; }

    public JsonPatchView? JsonPatch { get; init; }

    /// <summary>Gets a union's variants (<c>Union.sbncs</c>).</summary>
    public UnionView? Union { get; init; }

    /// <summary>Gets, for an object type that others extend with allOf, the interface of its members; null otherwise.</summary>
    public InterfaceView? Interface { get; init; }

    /// <summary>Gets the interfaces the record implements: its own, and those of the types it extends.</summary>
    public IReadOnlyList<ImplementationView> Implements { get; init; } = [];
}

/// <summary>The members of a type that others extend, as read-only properties: what a derived value offers where the base is expected.</summary>
internal sealed record InterfaceView
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required IReadOnlyList<InterfaceMemberView> Members { get; init; }
}

internal sealed record InterfaceMemberView
{
    public required string Name { get; init; }

    /// <summary>Gets the member's type, nullable: a derived record may require the member, or read it leniently.</summary>
    public required string Type { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }
}

/// <summary>An interface a record implements, with the members its own properties cannot implement as they are.</summary>
internal sealed record ImplementationView
{
    public required string Name { get; init; }

    public required IReadOnlyList<ExplicitMemberView> ExplicitMembers { get; init; }
}

/// <summary>
/// A record member's write through <c>JsonMemberNames</c>: the method (see <c>CSharpFragments.MemberWrite</c>), the
/// value it takes (the member, or an enum's wire value, <c>State?.ToWire()</c>) and, where the method needs one, what
/// writes a present value: a static lambda, or an enum's <c>ToWire</c> for a list of its values.
/// </summary>
internal sealed record MemberWrite(string Method, string Value, string? Writer = null);

/// <summary>
/// An interface member implemented by forwarding to the record's property: its type differs (<c>long</c> where the
/// interface says <c>long?</c>) or its name does (a collision renamed it).
/// </summary>
internal sealed record ExplicitMemberView
{
    public required string Type { get; init; }

    public required string Name { get; init; }

    public required string Property { get; init; }
}

internal sealed record PropertyView
{
    public required string Name { get; init; }

    public required string WireName { get; init; }

    /// <summary>Gets the wire name as a C# string literal, quotes included.</summary>
    public required string WireLiteral { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    /// <summary>Gets the property's declared C# type, e.g. <c>string?</c> or <c>Optional&lt;int?&gt;</c>.</summary>
    public required string Type { get; init; }

    public required bool IsRequiredMember { get; init; }

    public required bool IsSensitive { get; init; }

    /// <summary>Gets the name of the local variable the reader fills.</summary>
    public required string Local { get; init; }

    /// <summary>Gets the local variable's type.</summary>
    public required string LocalType { get; init; }

    /// <summary>Gets the expression that reads the value from <c>reader</c>.</summary>
    public required string ReadExpression { get; init; }

    /// <summary>
    /// Gets whether the reader keeps the value in <see cref="Local"/> until the last member is read, and then initialises the
    /// property with <see cref="InitExpression"/>, which throws when a required member is missing; otherwise the reader
    /// sets the property as it reads it.
    /// </summary>
    public bool IsSetAfterReading { get; init; }

    /// <summary>Gets the expression that initialises the property from the local, throwing when a required member is missing.</summary>
    public required string InitExpression { get; init; }

    /// <summary>
    /// Gets the condition under which the member has a value, binding it to <see cref="Local"/> (<c>Name is { } nameValue</c>);
    /// null when it always has one (a required member of a non-nullable value type), which the rules and the write
    /// expression then read from the member itself.
    /// </summary>
    public required string? PresentCondition { get; init; }

    /// <summary>
    /// Gets whether the member has a value exactly when it is not null, so that <see cref="PresentCondition"/> is
    /// <c>Name is { } nameValue</c> and a validator can hand the member itself to a check that takes its name.
    /// </summary>
    public bool HasPlainPresence { get; init; }

    /// <summary>Gets the expression that writes the present value to <c>writer</c> (the member's name is written before it).</summary>
    public required string WriteExpression { get; init; }

    /// <summary>
    /// Gets how the record's <c>WriteTo</c> writes the member through <c>JsonMemberNames</c> when it has a value; null
    /// for a request's body, which is not written so.
    /// </summary>
    public MemberWrite? MemberWrite { get; init; }

    /// <summary>Gets whether the validator reports the member when it is missing (the spec's <c>required</c>).</summary>
    public required bool IsRequired { get; init; }

    /// <summary>Gets, for a required member that can be missing, the condition under which it is; null otherwise.</summary>
    public required string? MissingCondition { get; init; }

    /// <summary>Gets the rules the member's value is checked against, where it is present.</summary>
    public required IReadOnlyList<RuleView> Rules { get; init; }

    /// <summary>
    /// Gets whether the validator checks the member with one call that takes its name and reports it missing itself
    /// (<see cref="RuleView.MemberMethod"/>): its one rule has such a form, and it has a value exactly when it is not null.
    /// </summary>
    public bool IsCheckedByName => HasPlainPresence && Rules is [{ MemberMethod: not null }];

    /// <summary>Gets whether the validator checks the member at all: it has rules, or can be missing.</summary>
    public bool HasChecks => Rules.Count > 0 || MissingCondition is not null;

    /// <summary>
    /// Gets, in a merge patch, the condition under which the member is set to null although the spec does not allow null
    /// there (so a validating server refuses the removal); null where null is allowed or the member is required.
    /// </summary>
    public string? ForbiddenNullCondition { get; init; }

    /// <summary>Gets DataAnnotations attributes, when they are switched on.</summary>
    public required IReadOnlyList<string> Attributes { get; init; }

    /// <summary>Gets, in a merge patch, the expression for this member from plain records <c>before</c> and <c>after</c>.</summary>
    public string? DiffExpression { get; init; }

    /// <summary>Gets, in a merge patch, the expression for this member from a plain record <c>value</c>, set only where it has a value.</summary>
    public string? WholeExpression { get; init; }
}

internal sealed class EnumMemberView
{
    public required string Name { get; init; }

    public required string WireValue { get; init; }

    public required string WireLiteral { get; init; }
}

/// <summary>A JSON Patch document type: its item type, allowed operations and typed path methods.</summary>
internal sealed class JsonPatchView
{
    public required string ItemType { get; init; }

    /// <summary>Gets the C# type of the item's <c>op</c> member: the generated enum, or <c>string</c>.</summary>
    public required string OpType { get; init; }

    /// <summary>Gets the C# type of the item's <c>value</c> member as the document's methods pass it.</summary>
    public required string ValueType { get; init; }

    /// <summary>Gets the C# type of the item's <c>from</c> member; null when the item has none (and so no move or copy).</summary>
    public required string? FromType { get; init; }

    /// <summary>Gets the C# name of the item's <c>from</c> member; null when it has none.</summary>
    public required string? FromMember { get; init; }

    /// <summary>Gets the wire value of an item <c>operation</c>'s op, or null for an op the spec does not list.</summary>
    public required string OpWireExpression { get; init; }

    /// <summary>Gets whether an item <c>operation</c> carries a <c>value</c>.</summary>
    public required string HasValueExpression { get; init; }

    /// <summary>Gets whether an item <c>operation</c> carries a <c>from</c>; <c>false</c> when the item has no such member.</summary>
    public required string HasFromExpression { get; init; }

    public required string? PathPattern { get; init; }

    public required string? PathPatternLiteral { get; init; }

    /// <summary>Gets the path pattern rewritten for .NET's regex engine, as a C# literal.</summary>
    public required string? PathRegexLiteral { get; init; }

    public required IReadOnlyList<JsonPatchOperationView> Operations { get; init; }

    public required IReadOnlyList<JsonPatchMethodView> Methods { get; init; }

    /// <summary>Gets the rules the document's operations (<c>_operations</c>) are checked against.</summary>
    public required IReadOnlyList<RuleView> Rules { get; init; }
}

/// <summary>An allowed operation: <c>replace</c> becomes a <c>Replace(path, value)</c> escape hatch.</summary>
internal sealed class JsonPatchOperationView
{
    public required string Name { get; init; }

    public required string WireValue { get; init; }

    /// <summary>Gets the expression for the item's <c>op</c> member.</summary>
    public required string OpExpression { get; init; }

    /// <summary>Gets whether the method takes a <c>value</c> (RFC 6902 §4: add, replace, test).</summary>
    public required bool HasValue { get; init; }

    /// <summary>Gets whether the method takes a <c>from</c> (RFC 6902 §4: move, copy).</summary>
    public required bool HasFrom { get; init; }

    /// <summary>Gets the expression for the item's <c>from</c> member; null when the item has none.</summary>
    public required string? FromExpression { get; init; }
}

/// <summary>A typed method for one operation on one documented path, e.g. <c>ReplaceModelId(string value)</c>.</summary>
internal sealed class JsonPatchMethodView
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public required string PathLiteral { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required string OpExpression { get; init; }

    public required bool HasValue { get; init; }

    public required bool HasFrom { get; init; }

    /// <summary>Gets the expression for the item's <c>from</c> member; null when the item has none.</summary>
    public required string? FromExpression { get; init; }

    public required string ValueType { get; init; }

    /// <summary>Gets the expression that turns the method's <c>value</c> into the operation's JSON.</summary>
    public required string ElementExpression { get; init; }
}

internal sealed class OperationView
{
    public required string Name { get; init; }

    public required string MethodName { get; init; }

    /// <summary>Gets the name of the private method that sends a lazy stream's request (see <see cref="IsLazyStream"/>); null for any other operation.</summary>
    public string? StreamOpenerName { get; init; }

    public required string HttpMethod { get; init; }

    /// <summary>
    /// Gets the request's <c>HttpMethod</c>: one of the framework's shared instances where netstandard2.0 has it, which
    /// neither the request nor the consumer's compiler pays an object for; <c>PATCH</c> (.NET Core 2.1 and later) and any
    /// other method made by name.
    /// </summary>
    public string HttpMethodExpression => HttpMethod switch
    {
        "GET" => "HttpMethod.Get",
        "PUT" => "HttpMethod.Put",
        "POST" => "HttpMethod.Post",
        "DELETE" => "HttpMethod.Delete",
        "HEAD" => "HttpMethod.Head",
        "OPTIONS" => "HttpMethod.Options",
        "TRACE" => "HttpMethod.Trace",
        _ => "new HttpMethod(" + CSharpFragments.Literal(HttpMethod) + ")",
    };

    public required string Path { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required IReadOnlyList<string> RequestDoc { get; init; }

    /// <summary>Gets whether the method is an overload that sends another kind of body than the preferred one; it shares the operation's security and error reader.</summary>
    public required bool IsOverload { get; init; }

    /// <summary>Gets, for an overload, the sentence saying which body it sends and which overload sends the preferred one; null otherwise.</summary>
    public required string? OverloadDoc { get; init; }

    /// <summary>Gets the operation's security requirement as a C# array of alternatives, each of scheme names; null when it needs none.</summary>
    public string? SecurityRequirement { get; init; }

    /// <summary>Gets the name of the client's static field that holds <see cref="SecurityRequirement"/>; null when the operation requires none.</summary>
    public string? SecurityField { get; init; }

    /// <summary>Gets the documented error statuses, each with its description, for the <c>ApiException</c> doc.</summary>
    public required IReadOnlyList<string> DocumentedErrors { get; init; }

    /// <summary>
    /// Gets the error statuses whose body the spec documents, grouped by type, each thrown as <c>ApiException&lt;TError&gt;</c>;
    /// a <c>default</c> response comes last, as the pattern <c>_</c>.
    /// </summary>
    public required IReadOnlyList<TypedErrorView> TypedErrors { get; init; }

    /// <summary>
    /// Gets the name of the client's method that turns an error status into its typed exception; null when <see cref="TypedErrors"/>
    /// is empty. The operations that document the same typed errors share one, declared in the client's errors file.
    /// </summary>
    public required string? ErrorReader { get; init; }

    public required string RequestType { get; init; }

    public required IReadOnlyList<PropertyView> Parameters { get; init; }

    /// <summary>Gets the parameters the validator checks, in runs of one location each (<c>path</c>, <c>query</c>, <c>header</c>).</summary>
    public required IReadOnlyList<ParameterGroupView> ValidatedParameters { get; init; }

    /// <summary>Gets the body property, or null when the operation has no body; its rules check <c>body</c>, its write expression writes it.</summary>
    public required PropertyView? Body { get; init; }

    public required string? BodyMediaType { get; init; }

    /// <summary>
    /// Gets when the body is sent and the value written, from <c>request</c>: where it has a value
    /// (<c>request.Body is { } requestBody</c>), or, for a merge patch whose schema is nullable, where it is set, since a
    /// null patch (RFC 7396: remove the whole target) is sent as <c>null</c>.
    /// </summary>
    public string? BodySendCondition { get; init; }

    /// <summary>
    /// Gets the expression that serializes the body's value to UTF-8 JSON, for a JSON or form body (null for the others):
    /// <c>JsonWrite.ToUtf8(requestBody)</c> for a record, or, for a merge patch whose schema is nullable,
    /// <c>request.Body.Value</c> written with its null.
    /// </summary>
    public string? BodyJson { get; init; }

    /// <summary>Gets how the body is sent: <c>json</c> (JSON, merge patch, JSON Patch), <c>form</c>, <c>text</c>, <c>binary</c> or <c>raw</c>.</summary>
    public required string BodyKind { get; init; }

    /// <summary>
    /// Gets how the success is read: <c>json</c> (a typed body or none), <c>text</c> (a string), <c>file</c> (a
    /// <c>FileResponse</c>), <c>events</c> (server-sent events) or <c>lines</c> (a JSON value per line).
    /// </summary>
    public required string ResponseKind { get; init; }

    /// <summary>Gets whether the success is a stream the caller enumerates (<c>events</c>, <c>lines</c>), generated for .NET Core 3.0 and later.</summary>
    public bool IsStream => ResponseKind is "events" or "lines";

    /// <summary>
    /// Gets whether the method returns its stream at once and sends the request when the loop starts: a stream without
    /// documented headers. One with headers returns a <c>StreamResponse</c> once they are in.
    /// </summary>
    public bool IsLazyStream => IsStream && HeadersType is null;

    /// <summary>Gets the <c>Accept</c> header's value as a C# literal: the documented response media types; null when none is documented.</summary>
    public required string? AcceptLiteral { get; init; }

    /// <summary>Gets the reader of a streamed item (an event's JSON data, a JSON line), a method group or a lambda; null when an event's data is text.</summary>
    public required string? ItemReader { get; init; }

    /// <summary>Gets the C# type of a streamed item that <see cref="ItemReader"/> reads, given to the runtime's stream methods as their type argument; null where that is.</summary>
    public required string? ItemType { get; init; }

    /// <summary>Gets whether a text success may come without content (a 204 beside a 200 with text), which reads as null.</summary>
    public required bool TextMayBeEmpty { get; init; }

    /// <summary>Gets the name of the record of the success's documented headers, which the client's headers file declares; null when it documents none.</summary>
    public required string? HeadersType { get; init; }

    /// <summary>Gets the name of a multipart body's parts record, or null.</summary>
    public required string? PartsType { get; init; }

    public required IReadOnlyList<PartView> Parts { get; init; }

    /// <summary>Gets a form body's <c>FormEncoding</c> constructions, one per member sent other than <c>form</c>, exploded.</summary>
    public required IReadOnlyList<string> FormEncodings { get; init; }

    /// <summary>Gets the expression building the relative URI from <c>request</c>, without the query.</summary>
    public required string UriExpression { get; init; }

    public required IReadOnlyList<RequestValueView> QueryParameters { get; init; }

    public required IReadOnlyList<RequestValueView> Headers { get; init; }

    /// <summary>Gets the cookie parameters, sent together in one <c>Cookie</c> header.</summary>
    public required IReadOnlyList<RequestValueView> Cookies { get; init; }

    public required string ReturnType { get; init; }

    /// <summary>Gets the body of a successful response, or null when the operation returns none.</summary>
    public required ResponseBodyView? ResponseBody { get; init; }

    public required bool HasSensitiveParameters { get; init; }

    /// <summary>Gets the pattern checks the parameter and body rules call, one per distinct pattern.</summary>
    public required IReadOnlyList<PatternHelperView> PatternHelpers { get; init; }

    /// <summary>Gets the rule sets of the parameters' and body's JSON values.</summary>
    public required IReadOnlyList<ElementRulesView> ElementRules { get; init; }
}

/// <summary>A part of a multipart body: a member of its parts record, and how it is added to the body.</summary>
internal sealed class PartView
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required string Type { get; init; }

    public required bool IsRequiredMember { get; init; }

    /// <summary>Gets the condition under which <c>requestBody</c> has the part, binding it; null for a required part.</summary>
    public required string? PresentCondition { get; init; }

    /// <summary>Gets the call that adds the part to <c>form</c>.</summary>
    public required string AddExpression { get; init; }
}

/// <summary>The record of the headers success answers document, shared by the operations that document the same.</summary>
internal sealed class HeadersRecordView
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required IReadOnlyList<ResponseHeaderView> Headers { get; init; }
}

/// <summary>A documented response header: a member of a headers record.</summary>
internal sealed class ResponseHeaderView
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required string Type { get; init; }

    public required bool IsRequiredMember { get; init; }

    /// <summary>Gets the expression that reads the member from <c>headers</c>, a <c>ResponseHeaders</c>.</summary>
    public required string ReadExpression { get; init; }
}

/// <summary>Consecutive parameters in one location, validated under one <c>context.Push(location)</c>.</summary>
internal sealed class ParameterGroupView
{
    /// <summary>Gets the location as a C# literal: <c>"path"</c>, <c>"query"</c> or <c>"header"</c>.</summary>
    public required string LocationLiteral { get; init; }

    public required IReadOnlyList<PropertyView> Parameters { get; init; }
}

/// <summary>A query parameter or header the request sends when it has a value.</summary>
internal sealed class RequestValueView
{
    /// <summary>Gets the condition under which <c>request</c> has the value, binding it; null when it always has one.</summary>
    public required string? PresentCondition { get; init; }

    /// <summary>Gets the parameter's name as a C# literal.</summary>
    public required string NameLiteral { get; init; }

    /// <summary>Gets a header's text, or the call that appends a query parameter to <c>query</c> or a cookie to <c>cookies</c>.</summary>
    public required string TextExpression { get; init; }
}

/// <summary>A method of the client that turns an error status into its typed exception, shared by the operations documenting its arms.</summary>
internal sealed class ErrorReaderView
{
    public required string Name { get; init; }

    /// <summary>Gets the switch's arms, <c>_</c> (the default's) last when the spec documents one.</summary>
    public required IReadOnlyList<TypedErrorView> Cases { get; init; }
}

/// <summary>The statuses that answer with one documented error type.</summary>
internal sealed class TypedErrorView
{
    /// <summary>Gets the switch pattern of the statuses (<c>400 or 404</c>), or <c>_</c> for <c>default</c>.</summary>
    public required string Pattern { get; init; }

    /// <summary>Gets the statuses as the docs name them (<c>400, 404</c>, or <c>any other</c>).</summary>
    public required string Statuses { get; init; }

    /// <summary>Gets the error body's C# type; null for statuses documented without a body, which keep the plain exception.</summary>
    public required string? TypeName { get; init; }

    /// <summary>Gets the reader of the body, a method group or a lambda; null where <see cref="TypeName"/> is.</summary>
    public required string? Reader { get; init; }
}

/// <summary>The typed body of a successful response.</summary>
internal sealed class ResponseBodyView
{
    /// <summary>Gets the reader of the body, a method group or a lambda.</summary>
    public required string Reader { get; init; }

    /// <summary>
    /// Gets the validator the <c>ResponseCheck</c> calls: <c>ValidationContext.Run</c> for a record, which checks its own
    /// members; the request record's <c>ValidateResponse</c> where <see cref="DeclaresValidator"/>; null where no rule applies.
    /// </summary>
    public required string? Validator { get; init; }

    /// <summary>Gets whether the request record declares <c>ValidateResponse</c>, which checks <see cref="Rules"/>.</summary>
    public required bool DeclaresValidator { get; init; }

    /// <summary>Gets, for accepted work, the expression for its tracking id from <c>result</c>; null otherwise.</summary>
    public required string? TrackingExpression { get; init; }

    /// <summary>Gets the body's C# type.</summary>
    public required string TypeName { get; init; }

    /// <summary>
    /// Gets the rules that check the body when the client validates responses (required members and constraints):
    /// <c>response</c>, or <c>present</c> where the body may be null and <see cref="PresentCondition"/> binds it.
    /// </summary>
    public required IReadOnlyList<RuleView> Rules { get; init; }

    /// <summary>Gets the condition that binds a nullable body to <c>present</c> when it is not null; null where the body is never null.</summary>
    public string? PresentCondition { get; init; }

    /// <summary>Gets whether the success may come without a body (a 204 beside a 200 with one), which reads as null.</summary>
    public required bool MayBeEmpty { get; init; }
}

/// <summary>
/// One rule a value is checked against. <see cref="Kind"/> is
/// <c>call</c> (<see cref="Expression"/> reports any violation itself),
/// <c>unless</c> (<see cref="Expression"/> reports one where <see cref="Condition"/> holds),
/// <c>items</c> (each item of the list <see cref="Collection"/>, checked by <see cref="Rules"/>) or
/// <c>entries</c> (each value of the map <see cref="Collection"/>, likewise).
/// </summary>
internal sealed class RuleView
{
    public required string Kind { get; init; }

    public string? Condition { get; init; }

    public string? Expression { get; init; }

    public string? Collection { get; init; }

    /// <summary>Gets the loop's variable: the index (<c>i0</c>) of a list, the entry (<c>entry0</c>) of a map.</summary>
    public string? Counter { get; init; }

    /// <summary>Gets the variable each item or value is bound to, which <see cref="Rules"/> check.</summary>
    public string? Item { get; init; }

    /// <summary>Gets whether an item may be null in C#.</summary>
    public bool ItemMayBeNull { get; init; }

    /// <summary>Gets the call that reports a null item, which the schema does not allow; null where it does.</summary>
    public string? NullReport { get; init; }

    public IReadOnlyList<RuleView> Rules { get; init; } = [];

    /// <summary>
    /// Gets, for a call that also has a form for a whole member, taking its name, its possibly null value and whether it is
    /// required (and reporting it missing), that form's method, e.g. <c>context.PathParameter</c>; null otherwise.
    /// </summary>
    public string? MemberMethod { get; init; }

    /// <summary>Gets the arguments that form takes after the name and the value, each after a comma: <c>, refuseEmpty: true</c>.</summary>
    public string? MemberArguments { get; init; }

    /// <summary>Gets whether the rule is written as a block (an <c>if</c> or a loop) rather than one call.</summary>
    public bool IsBlock => Kind != "call";
}

/// <summary>
/// A method checking a pattern. A simple character class (<see cref="CharacterViolation"/> set) is checked with a loop;
/// any other pattern with the regex <see cref="RegexLiteral"/> in the field <see cref="RegexField"/>.
/// </summary>
internal sealed class PatternHelperView
{
    public required string Name { get; init; }

    /// <summary>Gets the spec's pattern, escaped for a doc comment.</summary>
    public required string PatternDoc { get; init; }

    /// <summary>Gets, for a loop, the condition under which the length of <c>value</c> breaks the pattern; null when any length is allowed.</summary>
    public string? LengthViolation { get; init; }

    /// <summary>Gets, for a loop, the condition under which a character <c>c</c> breaks the pattern.</summary>
    public string? CharacterViolation { get; init; }

    public string? RegexField { get; init; }

    public string? RegexLiteral { get; init; }
}

/// <summary>The rules of a value kept as JSON, in a static <c>ElementRules</c> field.</summary>
internal sealed class ElementRulesView
{
    public required string Field { get; init; }

    /// <summary>Gets the object initializer's members: a name and its value, a C# expression.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Members { get; init; }
}

/// <summary>The client options (<c>ClientOptions.sbncs</c>): the server URL's variables and a member per security scheme.</summary>
/// <remarks>
/// Every file of a spec's header has the view, and only the options' file reads the variables and schemes, whose docs
/// are most of what the header's view costs: they are built when a template first reads them.
/// </remarks>
internal sealed class OptionsView(Func<IReadOnlyList<ServerVariableView>> variables, Func<IReadOnlyList<SecuritySchemeView>> schemes)
{
    private IReadOnlyList<ServerVariableView>? _variables;

    private IReadOnlyList<SecuritySchemeView>? _schemes;

    /// <summary>Gets the spec's first server URL as a C# literal, or <c>null</c>.</summary>
    public required string ServerLiteral { get; init; }

    public IReadOnlyList<ServerVariableView> Variables => _variables ??= variables();

    public IReadOnlyList<SecuritySchemeView> Schemes => _schemes ??= schemes();

    /// <summary>Gets whether a scheme reads the clock (AK/SK dates its signatures, OAuth 2.0 expires its tokens), so that the options take a <c>TimeProvider</c>.</summary>
    public required bool UsesClock { get; init; }
}

internal sealed class ServerVariableView
{
    public required string OptionName { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    /// <summary>Gets the spec's default as a C# literal, or <c>null</c>.</summary>
    public required string DefaultLiteral { get; init; }

    /// <summary>Gets the <c>new ServerVariable(...)</c> expression that passes the option's value to the runtime.</summary>
    public required string ValueExpression { get; init; }
}

/// <summary>A security scheme: <see cref="Kind"/> is <c>token</c> (API key or bearer), <c>basic</c>, <c>oauth2</c> or <c>aksk</c>.</summary>
internal sealed class SecuritySchemeView
{
    public required string Kind { get; init; }

    public required string OptionName { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    /// <summary>Gets, for a token, the doc of its callback member <c>{OptionName}Provider</c>.</summary>
    public required IReadOnlyList<string> ProviderDoc { get; init; }

    /// <summary>Gets the <c>ApiAuthentication</c> call that declares the scheme with the option's credentials.</summary>
    public required string RegistrationExpression { get; init; }
}
