using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Checking;

/// <summary>Whether a spec's skeleton says OpenAPI 3.1, which the checks of each of its fragments depend on.</summary>
internal sealed record SpecDialect(string SpecPath, bool IsOpenApi31);

/// <summary>
/// One fragment of a spec checked on its own (<see cref="SpecShapeChecker"/>, and its references collected for
/// <see cref="ReferenceChecker"/>), which the pipeline caches with the fragment: an edit checks the fragment it touches
/// again, not the whole spec. <see cref="Tree"/> is a checked copy of the reading's tree, never changed afterwards, as
/// every parse of the spec takes a copy of it (<see cref="SpecFragmenter.Assemble"/>); the findings are placed in the
/// spec and reported by <see cref="FragmentChecks.Report"/>. Equal when the fragment and the dialect are.
/// </summary>
internal sealed class FragmentCheck : System.IEquatable<FragmentCheck>
{
    private FragmentCheck(FragmentRead read, bool isOpenApi31, JsonNode? tree, CheckFindings findings, bool shapeChecked)
    {
        Read = read;
        IsOpenApi31 = isOpenApi31;
        Tree = tree;
        Findings = findings;
        ShapeChecked = shapeChecked;
    }

    public FragmentRead Read { get; }

    public bool IsOpenApi31 { get; }

    /// <summary>The reading's tree after the checks, which rewrite schemas into the form Microsoft.OpenApi reads; null when the fragment did not read.</summary>
    public JsonNode? Tree { get; }

    public CheckFindings Findings { get; }

    /// <summary>Whether the shape checks ran on the tree, which they do where a walk over the whole spec checks it.</summary>
    public bool ShapeChecked { get; }

    /// <summary>Checks a copy of the fragment's tree; the reading's own stays as the text gives it.</summary>
    public static FragmentCheck Check(FragmentRead read, bool isOpenApi31) => Check(read, isOpenApi31, read.Document.Root?.DeepClone());

    /// <summary>Checks <paramref name="tree"/> itself, a tree of the reading that nothing else holds.</summary>
    public static FragmentCheck Check(FragmentRead read, bool isOpenApi31, JsonNode? tree)
    {
        var findings = new CheckFindings();
        var shapeChecked = false;
        if (tree is not null)
        {
            shapeChecked = SpecShapeChecker.Check(tree, read.Fragment.Pointer, isOpenApi31, findings);
            ReferenceChecker.Collect(tree, read.Fragment.Pointer, findings);
        }

        return new FragmentCheck(read, isOpenApi31, tree, findings, shapeChecked);
    }

    public bool Equals(FragmentCheck? other) => other is not null && IsOpenApi31 == other.IsOpenApi31 && Read.Equals(other.Read);

    public override bool Equals(object? obj) => Equals(obj as FragmentCheck);

    public override int GetHashCode() => Read.GetHashCode() * 2 + (IsOpenApi31 ? 1 : 0);
}

/// <summary>The findings of a spec's checked fragments, reported in the order a walk over the whole spec finds them.</summary>
internal static class FragmentChecks
{
    /// <summary>Checks every fragment of a spec at once, as the pipeline does one by one, in the dialect its skeleton (the first) says.</summary>
    public static EquatableArray<FragmentCheck> CheckAll(IReadOnlyList<FragmentRead> reads)
    {
        var isOpenApi31 = SpecShapeChecker.IsOpenApi31(reads[0].Document.Root);
        return reads.Select(read => FragmentCheck.Check(read, isOpenApi31)).ToEquatableArray();
    }

    /// <summary>
    /// Reports what the checks of the fragments found, located in the assembled spec (<paramref name="root"/>, whose
    /// source map <paramref name="diagnostics"/> holds): first the shape checks' findings, each fragment's where the
    /// skeleton's walk met its place, then the references, which are checked against the whole spec here. A schema
    /// reference that points at an object holding a schema is redirected in <paramref name="root"/> first
    /// (<see cref="SpecFlaws.RedirectReferenceToSchemaHolder"/>). False, reporting nothing, when a fragment's checks ran
    /// where the skeleton's walk did not meet it: the spec is then checked whole.
    /// </summary>
    /// <param name="checks">The skeleton's (or the whole spec's) first, then the fragments', as <see cref="SpecFragmenter.Split"/> orders them.</param>
    public static bool Report(JsonNode root, IReadOnlyList<FragmentCheck> checks, SpecDiagnostics diagnostics)
    {
        var byPointer = new Dictionary<string, FragmentCheck>(checks.Count, System.StringComparer.Ordinal);
        var shapeChecked = 0;
        for (var i = 1; i < checks.Count; i++)
        {
            byPointer[checks[i].Read.Fragment.Pointer] = checks[i];
            shapeChecked += checks[i].ShapeChecked ? 1 : 0;
        }

        var shapeFindings = new List<Finding>();
        if (Expand(checks[0].Findings.Shape, byPointer, shapeFindings, static check => check.Findings.Shape) != shapeChecked)
        {
            return false;
        }

        // The reference as the redirection rewrote it, by the pointer of its $ref member.
        Dictionary<string, string>? redirected = null;
        foreach (var finding in shapeFindings)
        {
            switch (finding.Kind)
            {
                case FindingKind.Diagnostic:
                    diagnostics.Report(finding.Descriptor!, diagnostics.LocationOf(finding.Pointer), finding.Args);
                    break;
                case FindingKind.DiagnosticAtKey:
                    diagnostics.Report(finding.Descriptor!, diagnostics.LocationOfKey(finding.Pointer), finding.Args);
                    break;
                case FindingKind.SchemaReference when SpecFlaws.RedirectReferenceToSchemaHolder(finding.Pointer, finding.Args[0], root, diagnostics) is { } meant:
                    (redirected ??= new Dictionary<string, string>(System.StringComparer.Ordinal))[JsonPointers.Append(finding.Pointer, "$ref")] = meant;
                    break;
            }
        }

        var references = new List<Finding>();
        Expand(checks[0].Findings.References, byPointer, references, static check => check.Findings.References);
        foreach (var reference in references)
        {
            if (reference.Kind == FindingKind.Reference)
            {
                var written = redirected is not null && redirected.TryGetValue(reference.Pointer, out var meant) ? meant : reference.Args[0];
                ReferenceChecker.CheckReference(root, written, reference.Pointer, diagnostics);
            }
        }

        return true;
    }

    /// <summary>The skeleton's findings with each fragment's in its place.</summary>
    /// <returns>How many of the fragments met had their shape checked.</returns>
    private static int Expand(IReadOnlyList<Finding> skeleton, Dictionary<string, FragmentCheck> byPointer, List<Finding> expanded, System.Func<FragmentCheck, IReadOnlyList<Finding>> findingsOf)
    {
        var shapeChecked = 0;
        foreach (var finding in skeleton)
        {
            if (finding.Kind != FindingKind.Fragment)
            {
                expanded.Add(finding);
            }
            else if (byPointer.TryGetValue(finding.Pointer, out var fragment))
            {
                expanded.AddRange(findingsOf(fragment));
                shapeChecked += fragment.ShapeChecked ? 1 : 0;
            }
        }

        return shapeChecked;
    }
}
