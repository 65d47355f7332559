using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Diagnostics;

namespace OpenApiClientGenerator.Checking;

/// <summary>
/// What the checks of one fragment found, in the order they found it, each placed by JSON pointer: the checks run on a
/// fragment alone (and are cached with it), where the source map of the whole spec is not known, so the diagnostics
/// are located when the spec is put together (<see cref="FragmentChecks.Report"/>). Where a walk over the skeleton
/// meets a fragment's place, it notes the place, so that the fragment's findings come in where a walk over the whole
/// spec would have found them.
/// </summary>
internal sealed class CheckFindings
{
    private readonly List<Finding> _shape = [];
    private readonly List<Finding> _references = [];

    /// <summary>The shape checks' diagnostics, the references to redirect and the fragments' places, in the shape walk's order.</summary>
    public IReadOnlyList<Finding> Shape => _shape;

    /// <summary>The references and the fragments' places, in the reference walk's order.</summary>
    public IReadOnlyList<Finding> References => _references;

    public void Report(DiagnosticDescriptor descriptor, string pointer, params string[] messageArgs)
        => _shape.Add(new Finding(FindingKind.Diagnostic, pointer, descriptor, messageArgs));

    /// <summary>As <see cref="Report"/>, at the name of the mapping entry <paramref name="pointer"/> points at (<see cref="SpecDiagnostics.LocationOfKey"/>).</summary>
    public void ReportAtKey(DiagnosticDescriptor descriptor, string pointer, params string[] messageArgs)
        => _shape.Add(new Finding(FindingKind.DiagnosticAtKey, pointer, descriptor, messageArgs));

    /// <summary>A schema's <c>$ref</c>, which may point at an object that holds a schema in another fragment (<see cref="SpecFlaws.RedirectReferenceToSchemaHolder"/>).</summary>
    public void SchemaReference(string schemaPointer, string reference)
        => _shape.Add(new Finding(FindingKind.SchemaReference, schemaPointer, null, [reference]));

    public void FragmentPlaceInShapeWalk(string pointer) => _shape.Add(new Finding(FindingKind.Fragment, pointer, null, []));

    /// <summary>A <c>$ref</c> member at <paramref name="pointer"/>, checked once the whole spec is known (<see cref="ReferenceChecker.CheckReference"/>).</summary>
    public void Reference(string pointer, string reference) => _references.Add(new Finding(FindingKind.Reference, pointer, null, [reference]));

    /// <summary>
    /// Whether the tree holds what <see cref="ModelBuilding.SchemaReachability"/> follows and <see cref="References"/>
    /// does not show: a <c>discriminator</c> (its mapping, the schemas that extend its schema), or a <c>$ref</c> in an
    /// example or an extension, which is data to the checks. The reachability then walks the tree.
    /// </summary>
    public bool ReachesUncollected { get; private set; }

    public void NoteReachUncollected() => ReachesUncollected = true;

    /// <summary>
    /// The <c>examples</c> maps of the media types, parameters and headers the shape checks met, each by where it stands,
    /// whose references to component examples are left out once the references are collected (<see cref="ExampleReferences"/>).
    /// </summary>
    public List<(string Pointer, JsonObject Map)> ExampleMaps { get; } = [];

    public void FragmentPlaceInReferenceWalk(string pointer) => _references.Add(new Finding(FindingKind.Fragment, pointer, null, []));
}

internal enum FindingKind
{
    Diagnostic,
    DiagnosticAtKey,
    SchemaReference,
    Reference,
    Fragment,
}

/// <param name="Args">The diagnostic's message arguments; the reference, for a reference.</param>
internal sealed record Finding(FindingKind Kind, string Pointer, DiagnosticDescriptor? Descriptor, string[] Args);
