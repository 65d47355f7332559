using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiClientGenerator.Checking;
using OpenApiClientGenerator.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.ModelBuilding;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator;

/// <summary>
/// Takes one spec file through the stages that turn it into the generator's model, each in its own folder:
/// <c>Reading/</c> (text → JSON tree with positions, then Microsoft.OpenApi's document), <c>Checking/</c> (the shape of
/// the nodes and the references, before Microsoft.OpenApi sees them) and <c>ModelBuilding/</c> (the operations the
/// spec's metadata selects, with what they reach, then document → model).
/// </summary>
internal static class SpecParser
{
    /// <summary>
    /// Reads the spec (YAML or JSON → JSON tree, a JSON spec in fragments: see <see cref="SpecFragmenter"/>), checks the
    /// shape of its nodes and its references, reads it with Microsoft.OpenApi (in pieces where an earlier parse kept the
    /// readings of the fragments an edit left alone: see <see cref="PieceDocumentReader"/>) and builds the model. Each step reports
    /// what it finds; any error stops the spec, so that no code is generated from a spec that was misread.
    /// </summary>
    public static SpecParseResult Parse(SpecInput input) => ParseRead(SpecFragmenter.Read(input));

    /// <summary>As <see cref="Parse"/>, from the readings of the spec's fragments, which the pipeline caches one by one.</summary>
    public static SpecParseResult ParseRead(SpecRead read)
    {
        var input = read.Input;
        var diagnostics = new SpecDiagnostics(input);
        ApiSpec? spec = null;
        try
        {
            spec = ReadModel(read, diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug of the generator's own: the user's build must go on with a diagnostic instead of CS8785.
            diagnostics.Report(DiagnosticDescriptors.GeneratorFailure, diagnostics.LocationOf(string.Empty), diagnostics.FileName, exception.GetType().Name + ": " + exception.Message);
        }

        return new SpecParseResult(diagnostics.HasErrors ? null : spec, diagnostics.ToEquatableArray(), spec is null ? null : diagnostics.LocationOf("/info/title"));
    }

    private static ApiSpec? ReadModel(SpecRead read, SpecDiagnostics diagnostics)
    {
        var input = read.Input;
        // One index of the fragments by where they stand, for every stage that looks one up.
        var fragments = new FragmentIndex(read.Fragments);
        using var trees = new FragmentTrees(fragments);
        var document = SpecFragmenter.Assemble(diagnostics.Lines, read.Fragments.Select(c => c.Read).ToList(), trees.Trees);
        var mayHoldInnerReference = false;
        Action<string> own = static _ => { };
        // The trees the parse placed, whose kept readings Microsoft.OpenApi may reuse; none when the spec is read again whole.
        FragmentTrees? placed = trees;
        if (document?.Root is { } assembled)
        {
            diagnostics.Map = document.Map;
            own = pointer => trees.Own(assembled, pointer);
            if (!FragmentChecks.Report(assembled, fragments, own, diagnostics, out mayHoldInnerReference))
            {
                document = null;
            }
        }

        if (document?.Root is null)
        {
            // Read and checked whole: the text is not split, a fragment failed to read, or its checks ran where the
            // skeleton's did not meet it. The diagnostics are then those of the whole text.
            document = SpecDocumentReader.Read(input.Text);
            diagnostics.Map = document.Map;
            placed = null;
            if (document.Root is { } whole)
            {
                var check = FragmentCheck.Check(new FragmentRead(new SpecFragment(input.Path, string.Empty, 0, input.Text), document), SpecShapeChecker.IsOpenApi31(whole), whole);
                fragments = new FragmentIndex([check]);
                own = static _ => { };
                FragmentChecks.Report(whole, fragments, own, diagnostics, out mayHoldInnerReference);
            }
        }

        if (document.Root is not { } root)
        {
            var error = document.Error ?? new SpecSyntaxError("The document is empty", default);
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, diagnostics.LocationOf(error.Position), diagnostics.FileName, error.Message);
            return null;
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        ApiGatewayExportDialect.Normalize(root, diagnostics, fragments.MayChangeAfterChecks);
        if (mayHoldInnerReference)
        {
            // The checks collected every reference: a spec without an inner one is not walked again for them.
            InnerReferenceInliner.Inline(root, diagnostics, own);
        }

        // The references the checks collected show what each part of the spec reaches, unless a stage after them wrote some.
        OperationSelection.Apply(root, input.Options, diagnostics, mayHoldInnerReference ? null : new ReachGraph(fragments));

        // The references the checks collected are those Microsoft.OpenApi reads, unless a stage after them wrote some. The
        // checks put back what they left out for such a stage (ExampleReferences); else it is put back if the reading fails.
        var leftOut = mayHoldInnerReference ? [] : fragments.Checks.Where(c => c.LeftOutExamples.Count > 0).ToList();
        var loaded = OpenApiDocumentLoader.Load(root, diagnostics, mayHoldInnerReference ? null : fragments.Checks.Select(c => c.SchemaReferences), () =>
        {
            ExampleReferences.PutBack(root, leftOut, own);
            return leftOut.Count > 0;
        }, mayHoldInnerReference ? null : placed);
        return loaded is null ? null : ModelBuilder.Build(input, diagnostics, loaded);
    }
}
