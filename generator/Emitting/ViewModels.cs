using System.Collections.Generic;

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

    public required IReadOnlyList<TypeView> Types { get; init; }

    public required IReadOnlyList<OperationView> Operations { get; init; }

    public required bool EmitDataAnnotations { get; init; }
}

/// <summary>A generated type: <see cref="Kind"/> is <c>object</c>, <c>merge_patch</c>, <c>enum</c> or <c>json_patch</c>.</summary>
internal sealed class TypeView
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public IReadOnlyList<PropertyView> Properties { get; init; } = [];

    public IReadOnlyList<EnumMemberView> EnumMembers { get; init; } = [];

    /// <summary>Gets, for an enum, its wire values as a C# literal of the list a violation message quotes.</summary>
    public string? AllowedValuesLiteral { get; init; }

    /// <summary>Gets static helper members (pattern checks), each a block of lines.</summary>
    public IReadOnlyList<string> Helpers { get; init; } = [];

    public bool HasSensitiveProperties { get; init; }

    public bool KeepsUnknownMembers { get; init; }

    /// <summary>Gets, for a merge patch built with <c>FromDiff</c>, the plain record it is a patch of; null otherwise.</summary>
    public string? PlainType { get; init; }

    public JsonPatchView? JsonPatch { get; init; }
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

    /// <summary>Gets the expression that initialises the property from the local, throwing when a required member is missing.</summary>
    public required string InitExpression { get; init; }

    /// <summary>Gets the statements that write the property (name and value) to <c>writer</c>, if it is present.</summary>
    public required IReadOnlyList<string> WriteLines { get; init; }

    /// <summary>Gets the statements that validate the property into <c>context</c>.</summary>
    public required IReadOnlyList<string> ValidateLines { get; init; }

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

    public required string? PathPattern { get; init; }

    public required string? PathPatternLiteral { get; init; }

    /// <summary>Gets the path pattern rewritten for .NET's regex engine, as a C# literal.</summary>
    public required string? PathRegexLiteral { get; init; }

    public required IReadOnlyList<JsonPatchOperationView> Operations { get; init; }

    public required IReadOnlyList<JsonPatchMethodView> Methods { get; init; }

    public required IReadOnlyList<string> ValidateLines { get; init; }
}

/// <summary>An allowed operation: <c>replace</c> becomes a <c>Replace(path, value)</c> escape hatch.</summary>
internal sealed class JsonPatchOperationView
{
    public required string Name { get; init; }

    public required string WireValue { get; init; }

    /// <summary>Gets the expression for the item's <c>op</c> member.</summary>
    public required string OpExpression { get; init; }

    public required bool HasValue { get; init; }
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

    public required string ValueType { get; init; }

    public required string WriteValue { get; init; }
}

internal sealed class OperationView
{
    public required string Name { get; init; }

    public required string MethodName { get; init; }

    public required string HttpMethod { get; init; }

    public required string Path { get; init; }

    public required IReadOnlyList<string> Doc { get; init; }

    public required IReadOnlyList<string> RequestDoc { get; init; }

    public required string RequestType { get; init; }

    public required IReadOnlyList<PropertyView> Parameters { get; init; }

    /// <summary>Gets the body property, or null when the operation has no body.</summary>
    public required PropertyView? Body { get; init; }

    public required string? BodyMediaType { get; init; }

    /// <summary>Gets the statement that serializes <c>request.Body</c> into <c>content</c>.</summary>
    public required string? BodyWriteLambda { get; init; }

    /// <summary>Gets the expression building the relative URI from <c>request</c>.</summary>
    public required string UriExpression { get; init; }

    public required IReadOnlyList<string> QueryLines { get; init; }

    public required IReadOnlyList<string> HeaderLines { get; init; }

    public required string ReturnType { get; init; }

    /// <summary>Gets the statement that returns the result from <c>statusCode</c>, <c>requestId</c> and <c>body</c>.</summary>
    public required IReadOnlyList<string> ReturnLines { get; init; }

    public required IReadOnlyList<string> ExceptionDocs { get; init; }

    public required IReadOnlyList<string> ValidateLines { get; init; }

    public required bool HasSensitiveParameters { get; init; }

    /// <summary>Gets static helper members (pattern checks) the parameter checks call.</summary>
    public required IReadOnlyList<string> Helpers { get; init; }
}
