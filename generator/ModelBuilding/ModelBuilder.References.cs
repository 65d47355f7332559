using System;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace OpenApiClientGenerator.ModelBuilding;

internal sealed partial class ModelBuilder
{
    /// <summary>
    /// The components the spec's references name, each resolved once. Microsoft.OpenApi resolves a reference again at
    /// every read of its target (or of one of its members, which reads the target), building URIs and splitting strings:
    /// some 25,000 instructions each time. And the document holds one reference object per <c>$ref</c> the spec writes:
    /// GitHub's operations name a few hundred shared parameters, responses and schemas through thousands of them. What
    /// a reference within the document resolves to depends only on its kind and what it names (its <c>Id</c>), so the
    /// first reference to a component resolves it for all the others.
    /// </summary>
    private readonly Dictionary<(ReferenceType Kind, string Id), object> _componentTargets = [];

    /// <summary>
    /// Each schema reference's target (null when it has none), by the reference object: a reference is read many times
    /// (discovery, then building, per usage and variant). The references the model builder makes itself (a derived
    /// union's parts) are entered here with their targets.
    /// </summary>
    private readonly Dictionary<OpenApiSchemaReference, IOpenApiSchema?> _referenceTargets = new(ReferenceIdentity<OpenApiSchemaReference>.Instance);

    private IOpenApiSchema? Target(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? TargetOf(reference) : schema;

    private IOpenApiSchema? TargetOf(OpenApiSchemaReference reference)
    {
        if (!_referenceTargets.TryGetValue(reference, out var target))
        {
            // A $dynamicRef may be resolved by anchors rather than by what it names. A component that is a reference to
            // itself cannot take its target from another reference to it: that target is the reference itself.
            target = reference.Reference.DynamicRef is { Length: > 0 } ? ResolveTarget(reference) : ComponentTarget(reference, reference.Reference, _resolveComponent ??= ResolveComponent);
            if (ReferenceEquals(target, reference))
            {
                target = ResolveTarget(reference);
            }

            _referenceTargets.Add(reference, target);
        }

        return target;
    }

    // A reference that leads only to references, back to itself, resolves to nothing: Microsoft.OpenApi throws, and
    // the reference is reported as unresolved where it is written.
    private static IOpenApiSchema? ResolveTarget(OpenApiSchemaReference reference)
    {
        try
        {
            return reference.Target;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // A reference to a component schema is the schema written there, which Microsoft.OpenApi finds by building the
    // reference's URI and looking that up: a tenth of a GitHub re-run's model building. It is looked up by its name
    // here, as the component targets are (ComponentTarget); a component that is itself a reference is resolved by
    // Microsoft.OpenApi, which follows it.
    private IOpenApiSchema? ResolveComponent(OpenApiSchemaReference reference)
        => reference.Reference is { Type: ReferenceType.Schema, Id: { } name }
            && _document.Document.Components?.Schemas?.TryGetValue(name, out var component) == true
            && component is OpenApiSchema
            ? component
            : ResolveTarget(reference);

    /// <summary>The delegate of <see cref="ResolveComponent"/>, made once rather than at each reference resolved.</summary>
    private Func<OpenApiSchemaReference, IOpenApiSchema?>? _resolveComponent;

    // A parameter, response or header is read member by member, each read resolving it again: its target is read
    // instead. What a reference may say of its own (its description) is still read from the reference.
    private IOpenApiParameter Resolved(IOpenApiParameter parameter)
        => parameter is OpenApiParameterReference reference ? ComponentTarget(reference, reference.Reference, static r => r.Target) ?? parameter : parameter;

    private IOpenApiResponse Resolved(IOpenApiResponse response)
        => response is OpenApiResponseReference reference ? ComponentTarget(reference, reference.Reference, static r => r.Target) ?? response : response;

    private IOpenApiHeader Resolved(IOpenApiHeader header)
        => header is OpenApiHeaderReference reference ? ComponentTarget(reference, reference.Reference, static r => r.Target) ?? header : header;

    /// <summary>
    /// The component <paramref name="reference"/> names, resolved by <paramref name="resolve"/> for the first reference
    /// to it; a reference to another document, or to nothing (null), is resolved each time.
    /// </summary>
    private TTarget? ComponentTarget<TReference, TTarget>(TReference reference, BaseOpenApiReference names, Func<TReference, TTarget?> resolve)
        where TTarget : class
    {
        if (names.IsExternal || names.Id is not { Length: > 0 } id)
        {
            return resolve(reference);
        }

        if (_componentTargets.TryGetValue((names.Type, id), out var known))
        {
            return (TTarget)known;
        }

        var target = resolve(reference);
        if (target is not null)
        {
            _componentTargets.Add((names.Type, id), target);
        }

        return target;
    }
}
