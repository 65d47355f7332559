using System.Collections.Generic;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// An operation that takes several kinds of media type: the method with the preferred body (JSON where offered), and an
/// overload per other kind, each taking a request record of its own with the same parameters and that body.
/// </summary>
internal static partial class SourceEmitter
{
    private static IEnumerable<OperationView> BuildOperations(OperationSpec operation, IReadOnlyDictionary<string, TypeSpec> types, string clientName, TypeNamesView names, GeneratorOptions options)
    {
        yield return BuildOperation(operation, types, clientName, names, options, overloadOf: null);
        foreach (var alternate in operation.AlternateBodies)
        {
            var overload = operation with { RequestTypeName = alternate.RequestTypeName, Body = alternate.Body, AlternateBodies = EquatableArray<AlternateBodySpec>.Empty };
            yield return BuildOperation(overload, types, clientName, names, options, overloadOf: operation);
        }
    }

    /// <summary>The sentence an overload's docs add: which body it sends, and which overload sends the preferred one.</summary>
    private static string? OverloadSentence(OperationSpec operation, OperationSpec? overloadOf)
        => overloadOf?.Body is { } preferred
            ? "Sends the body as <c>" + XmlDoc.Escape(operation.Body!.MediaType) + "</c>; <see cref=\"" + operation.MethodName + "(" + overloadOf.RequestTypeName
                + ", System.Threading.CancellationToken)\"/> sends it as <c>" + XmlDoc.Escape(preferred.MediaType) + "</c>."
            : null;
}
