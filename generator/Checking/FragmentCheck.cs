using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
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
    /// <summary>
    /// Whether the stages after the checks may change a fragment's tree where it stands: an inner reference is replaced
    /// by a copy of its target (<see cref="InnerReferenceInliner"/>), and an API Gateway export's placeholders, greedy
    /// parameters and any-method operations are rewritten (<see cref="ApiGatewayExportDialect"/>), which these find in
    /// the text, erring on the side of a change (a zero that is a minimum of a number, an escaped key).
    /// </summary>
    private static readonly Regex GatewayPlaceholder = new("\"(?:maxLength|minimum|maximum)\"\\s*:\\s*-?0", RegexOptions.CultureInvariant);

    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _reaches;

    private bool? _declaresSchemaIdentifiers;

    /// <summary>1 while a parse holds <see cref="Tree"/> itself in its assembled spec (<see cref="FragmentTrees"/>).</summary>
    private int _placed;

    private FragmentCheck(FragmentRead read, bool isOpenApi31, JsonNode? tree, CheckFindings findings, bool shapeChecked, IReadOnlyList<LeftOutExample> leftOutExamples)
    {
        Read = read;
        IsOpenApi31 = isOpenApi31;
        Tree = tree;
        Findings = findings;
        ShapeChecked = shapeChecked;
        LeftOutExamples = leftOutExamples;
        MayHoldInnerReference = HasInnerReference(findings) || ApiGatewayExportDialect.HasAnyMethodOperation(tree, read.Fragment.Pointer);
        SchemaReferences = OpenApiDocumentLoader.SchemaReferencesOf(findings.References.Where(f => f.Kind == FindingKind.Reference).Select(f => (f.Pointer, f.Args[0])));
        ChangesAfterChecks = read.Fragment.Pointer.Length == 0 || MayHoldInnerReference || IsGatewayRewritten(read.Fragment);
    }

    public FragmentRead Read { get; }

    public bool IsOpenApi31 { get; }

    /// <summary>The reading's tree after the checks, which rewrite schemas into the form Microsoft.OpenApi reads; null when the fragment did not read.</summary>
    public JsonNode? Tree { get; }

    public CheckFindings Findings { get; }

    /// <summary>
    /// The units this fragment's references reach, by the unit that holds each (<see cref="ModelBuilding.ReachGraph.PartOf"/>),
    /// made at the first parse that selects and kept with the check; null when a walk of the tree must find them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Reaches
        => Findings.ReachesUncollected ? null : _reaches ??= ModelBuilding.ReachGraph.PartOf(Findings);

    /// <summary>
    /// The fragment's references to component schemas, which decide with the whole spec whether Microsoft.OpenApi's
    /// reference rule can warn (<see cref="OpenApiDocumentLoader.SchemaReferencesResolve"/>); null when one of its
    /// references may make it warn in any spec. Made with the checks, so a re-run makes it for the edited fragment only.
    /// </summary>
    public IReadOnlyList<SchemaReference>? SchemaReferences { get; }

    /// <summary>The references to component examples left out of <see cref="Tree"/> (<see cref="ExampleReferences"/>).</summary>
    public IReadOnlyList<LeftOutExample> LeftOutExamples { get; }

    /// <summary>Whether the shape checks ran on the tree, which they do where a walk over the whole spec checks it.</summary>
    public bool ShapeChecked { get; }

    /// <summary>
    /// Whether the tree may hold a reference that <see cref="InnerReferenceInliner"/> replaces: one the checks collected,
    /// or one in an API Gateway export's any-method operation, an extension the checks do not look into, which
    /// <see cref="ApiGatewayExportDialect"/> copies to operations. A spec none of whose fragments holds one is not walked for them.
    /// </summary>
    public bool MayHoldInnerReference { get; }

    /// <summary>
    /// Whether a parse may change the tree after the checks, and so places a copy of it; the skeleton's always, as the
    /// stages after the checks remove members of its maps. Any other fragment's tree is placed itself, when no other
    /// parse holds it (<see cref="TryPlace"/>).
    /// </summary>
    public bool ChangesAfterChecks { get; }

    /// <summary>
    /// Microsoft.OpenApi's reading of <see cref="Tree"/> (a path item, a webhook, a component), made by a parse that placed
    /// the tree itself and read the spec without errors, for the next parse that places it (<see cref="PieceDocumentReader"/>):
    /// Microsoft.OpenApi's objects have no structural equality, so they cannot be pipeline values of their own, but the tree
    /// they are read from is this check's, never changed while it is placed. Only the parse that holds the tree
    /// (<see cref="TryPlace"/>) reads or sets it, as a parse points the reading's references at its own document.
    /// </summary>
    public PieceReading? Reading { get; set; }

    /// <summary>Whether the fragment may declare a schema identifier or anchor, which keeps a spec of OpenAPI 3.1 or later from being read in pieces (<see cref="PieceDocumentReader"/>); found once per fragment.</summary>
    public bool DeclaresSchemaIdentifiers => _declaresSchemaIdentifiers ??= PieceDocumentReader.DeclaresSchemaIdentifiers(Read.Fragment);

    /// <summary>Takes <see cref="Tree"/> for one parse to place in its assembled spec; false when it may change, or another parse holds it.</summary>
    public bool TryPlace() => Tree is not null && !ChangesAfterChecks && Interlocked.CompareExchange(ref _placed, 1, 0) == 0;

    /// <summary>
    /// Gives <see cref="Tree"/> back after a parse: taken out of the parse's assembled spec (a node has one parent), it can
    /// be placed by the next. A tree that cannot be taken out stays held, and each later parse places a copy.
    /// </summary>
    public void Return()
    {
        if (Tree!.Parent is JsonObject parent)
        {
            var name = Read.Fragment.Name;
            if (!parent.TryGetPropertyValue(name, out var placed) || !ReferenceEquals(placed, Tree))
            {
                return;
            }

            parent[name] = null;
        }

        Volatile.Write(ref _placed, 0);
    }

    /// <summary>Checks a copy of the fragment's tree; the reading's own stays as the text gives it.</summary>
    public static FragmentCheck Check(FragmentRead read, bool isOpenApi31) => Check(read, isOpenApi31, read.Document.Root?.DeepClone());

    /// <summary>Checks <paramref name="tree"/> itself, a tree of the reading that nothing else holds.</summary>
    public static FragmentCheck Check(FragmentRead read, bool isOpenApi31, JsonNode? tree)
    {
        var findings = new CheckFindings();
        var shapeChecked = false;
        IReadOnlyList<LeftOutExample> leftOutExamples = [];
        if (tree is not null)
        {
            shapeChecked = SpecShapeChecker.Check(tree, read.Fragment.Pointer, isOpenApi31, findings);
            ReferenceChecker.Collect(tree, read.Fragment.Pointer, findings);
            leftOutExamples = ExampleReferences.LeaveOut(findings);
        }

        return new FragmentCheck(read, isOpenApi31, tree, findings, shapeChecked, leftOutExamples);
    }

    private static bool HasInnerReference(CheckFindings findings)
    {
        foreach (var reference in findings.References)
        {
            if (reference.Kind == FindingKind.Reference && JsonPointers.FromReference(reference.Args[0]) is { } target && InnerReferenceInliner.IsInner(target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <see cref="ApiGatewayExportDialect"/> may rewrite the fragment's greedy parameters or placeholders. The keys
    /// are searched for as the text spells them; a key written with a \u escape spells them otherwise, so a fragment with
    /// any such escape is taken to change, rather than have a shared tree changed in place.
    /// </summary>
    private static bool IsGatewayRewritten(SpecFragment fragment)
        => (fragment.Pointer.StartsWith("/paths/", System.StringComparison.Ordinal) || fragment.Pointer.StartsWith("/components/parameters/", System.StringComparison.Ordinal))
            && (fragment.Pointer.Contains("+}") || fragment.Text.ToString().Contains("\\u") || GatewayPlaceholder.IsMatch(fragment.Text.ToString()));

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
    /// <param name="fragments">The skeleton's checks (or the whole spec's) first, then the fragments', as <see cref="SpecFragmenter.Split"/> orders them.</param>
    /// <param name="own">Makes the node at a pointer of <paramref name="root"/> the parse's own before a redirection, or the example references put back (<see cref="ExampleReferences.PutBack"/>), change it (<see cref="FragmentTrees.Own"/>).</param>
    /// <param name="mayHoldInnerReference">Whether the spec may now hold a reference that <see cref="InnerReferenceInliner"/>
    /// replaces: one of the fragments may (<see cref="FragmentCheck.MayHoldInnerReference"/>), or a redirection wrote one.</param>
    public static bool Report(JsonNode root, FragmentIndex fragments, System.Action<string> own, SpecDiagnostics diagnostics, out bool mayHoldInnerReference)
    {
        var checks = fragments.Checks;
        var fragmentsMayHoldInnerReference = checks.Any(check => check.MayHoldInnerReference);
        mayHoldInnerReference = fragmentsMayHoldInnerReference;
        if (fragmentsMayHoldInnerReference)
        {
            // The stages after the checks then walk the tree for the references, and the checks here follow them in it.
            ExampleReferences.PutBack(root, checks, own);
        }

        var shapeChecked = 0;
        for (var i = 1; i < checks.Count; i++)
        {
            shapeChecked += checks[i].ShapeChecked ? 1 : 0;
        }

        var shapeFindings = new List<Finding>();
        if (Expand(checks[0].Findings.Shape, fragments, shapeFindings, static check => check.Findings.Shape) != shapeChecked)
        {
            return false;
        }

        // The reference as the redirection rewrote it, by the pointer of its $ref member.
        Dictionary<string, string>? redirected = null;
        var notHolders = new HashSet<string>(System.StringComparer.Ordinal);
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
                case FindingKind.SchemaReference when SpecFlaws.RedirectReferenceToSchemaHolder(finding.Pointer, finding.Args[0], root, own, diagnostics, notHolders) is { } meant:
                    (redirected ??= new Dictionary<string, string>(System.StringComparer.Ordinal))[JsonPointers.Append(finding.Pointer, "$ref")] = meant;
                    mayHoldInnerReference = true;
                    break;
            }
        }

        if (redirected is not null && !fragmentsMayHoldInnerReference)
        {
            ExampleReferences.PutBack(root, checks, own);
        }

        var references = new List<Finding>();
        Expand(checks[0].Findings.References, fragments, references, static check => check.Findings.References);
        var plain = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (reference.Kind == FindingKind.Reference)
            {
                var written = redirected is not null && redirected.TryGetValue(reference.Pointer, out var meant) ? meant : reference.Args[0];
                ReferenceChecker.CheckReference(root, written, reference.Pointer, diagnostics, plain);
            }
        }

        return true;
    }

    /// <summary>The skeleton's findings with each fragment's in its place.</summary>
    /// <returns>How many of the fragments met had their shape checked.</returns>
    private static int Expand(IReadOnlyList<Finding> skeleton, FragmentIndex fragments, List<Finding> expanded, System.Func<FragmentCheck, IReadOnlyList<Finding>> findingsOf)
    {
        var shapeChecked = 0;
        foreach (var finding in skeleton)
        {
            if (finding.Kind != FindingKind.Fragment)
            {
                expanded.Add(finding);
            }
            else if (fragments.Find(finding.Pointer) is { } fragment)
            {
                expanded.AddRange(findingsOf(fragment));
                shapeChecked += fragment.ShapeChecked ? 1 : 0;
            }
        }

        return shapeChecked;
    }
}

/// <summary>
/// The trees one parse places in its assembled spec: each fragment's checked tree itself where nothing after the checks
/// changes it and no other parse holds it (two runs of the same driver state may parse at once, as an IDE does), a copy
/// otherwise. Disposing gives the trees back (<see cref="FragmentCheck.Return"/>).
/// </summary>
internal sealed class FragmentTrees : System.IDisposable
{
    private readonly FragmentIndex _fragments;
    private readonly IReadOnlyList<FragmentCheck> _checks;
    private readonly JsonNode?[] _trees;

    /// <summary>The index of each check whose own tree this parse placed, by that tree.</summary>
    private readonly Dictionary<JsonNode, int> _placed = new(ReferenceIdentity<JsonNode>.Instance);

    /// <summary>The hosts of the pieces' readings this parse holds (<see cref="PieceHost"/>), given back with the trees.</summary>
    private readonly HashSet<PieceHost> _hosts = new(ReferenceIdentity<PieceHost>.Instance);

    public FragmentTrees(FragmentIndex fragments)
    {
        _fragments = fragments;
        _checks = fragments.Checks;
        _trees = new JsonNode?[_checks.Count];
        for (var i = 0; i < _checks.Count; i++)
        {
            var placed = _checks[i].TryPlace();
            _trees[i] = placed ? _checks[i].Tree : _checks[i].Tree?.DeepClone();
            if (placed)
            {
                _placed.Add(_trees[i]!, i);
            }
        }
    }

    /// <summary>
    /// The check whose own tree <paramref name="node"/> is, when this parse placed it and has not replaced it by a copy:
    /// the tree is then as the checks left it, and <see cref="FragmentCheck.Reading"/> is this parse's to use.
    /// </summary>
    public FragmentCheck? PlacedCheckOf(JsonNode node)
        => _placed.TryGetValue(node, out var index) && IsShared(index) ? _checks[index] : null;

    /// <summary>The trees to place, in the order of the checks: the skeleton's first.</summary>
    public IReadOnlyList<JsonNode?> Trees => _trees;

    public IReadOnlyList<FragmentCheck> Checks => _checks;

    /// <summary>Holds <paramref name="host"/> for this parse; false when another parse holds it.</summary>
    public bool Hold(PieceHost host)
    {
        if (_hosts.Contains(host))
        {
            return true;
        }

        if (!host.TryHold())
        {
            return false;
        }

        _hosts.Add(host);
        return true;
    }

    /// <summary>A new host for the pieces this parse reads, held by it.</summary>
    public PieceHost HoldNew(Microsoft.OpenApi.OpenApiDocument document)
    {
        var host = PieceHost.Held(document);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Resolves the references of every piece this parse placed in <paramref name="document"/>, its own document.</summary>
    public void ServeHosts(Microsoft.OpenApi.OpenApiDocument document)
    {
        foreach (var host in _hosts)
        {
            host.Serve(document);
        }
    }

    /// <summary>
    /// Makes the node at <paramref name="pointer"/> in <paramref name="root"/> (the assembled spec) one the parse may
    /// change: when it is in a fragment's tree that is shared with the cache, that tree is replaced by a copy first.
    /// </summary>
    public void Own(JsonNode root, string pointer)
    {
        // A fragment stands at /paths/p, /webhooks/w, /x-webhooks/w or /components/section/name.
        var end = pointer.StartsWith("/components/", System.StringComparison.Ordinal) ? NthSlash(pointer, 4)
            : pointer.Length > 1 && pointer[0] == '/' ? NthSlash(pointer, 3)
            : -1;
        if (end < 0 || !_fragments.TryGetIndex(pointer.Substring(0, end), out var index) || !IsShared(index))
        {
            return;
        }

        // A stage that replaced the placed tree with a copy of its own (a path item the selection trimmed) changes that copy.
        var fragmentPointer = pointer.Substring(0, end);
        var slash = fragmentPointer.LastIndexOf('/');
        var name = _checks[index].Read.Fragment.Name;
        if (JsonPointers.Find(root, fragmentPointer.Substring(0, slash)) is JsonObject parent && parent.TryGetPropertyValue(name, out var placed) && ReferenceEquals(placed, _trees[index]))
        {
            var copy = _trees[index]!.DeepClone();
            parent[name] = copy;
            _checks[index].Return();
            _trees[index] = copy;
        }
    }

    public void Dispose()
    {
        for (var i = 0; i < _trees.Length; i++)
        {
            if (IsShared(i))
            {
                _checks[i].Return();
            }
        }

        foreach (var host in _hosts)
        {
            host.Release();
        }
    }

    private bool IsShared(int index) => _trees[index] is not null && ReferenceEquals(_trees[index], _checks[index].Tree);

    /// <summary>Where the <paramref name="n"/>th '/' of the pointer stands, or its end when it has fewer.</summary>
    private static int NthSlash(string pointer, int n)
    {
        var index = 0;
        for (var seen = 1; seen < n; seen++)
        {
            index = pointer.IndexOf('/', index + 1);
            if (index < 0)
            {
                return pointer.Length;
            }
        }

        return index;
    }
}

/// <summary>
/// A spec's checks by where each fragment stands, made once per parse and shared by every stage that looks a fragment
/// up: the findings' places (<see cref="FragmentChecks.Report"/>), the trees a redirection makes the parse's own
/// (<see cref="FragmentTrees"/>) and what each unit reaches (<see cref="ModelBuilding.ReachGraph"/>).
/// </summary>
internal sealed class FragmentIndex
{
    private readonly Dictionary<string, int> _indexOf;

    /// <param name="checks">The skeleton's (or the whole spec's) first, then the fragments', as <see cref="SpecFragmenter.Split"/> orders them.</param>
    public FragmentIndex(IReadOnlyList<FragmentCheck> checks)
    {
        Checks = checks;
        _indexOf = new Dictionary<string, int>(checks.Count, System.StringComparer.Ordinal);
        for (var i = 1; i < checks.Count; i++)
        {
            _indexOf[checks[i].Read.Fragment.Pointer] = i;
        }
    }

    public IReadOnlyList<FragmentCheck> Checks { get; }

    /// <summary>Where in <see cref="Checks"/> the fragment that stands at <paramref name="pointer"/> is; the skeleton is no fragment.</summary>
    public bool TryGetIndex(string pointer, out int index) => _indexOf.TryGetValue(pointer, out index);

    /// <summary>
    /// Whether the stages after the checks may change the part of the spec at <paramref name="pointer"/>, where a fragment
    /// or the skeleton stands: the skeleton's parts may, and a fragment's when its checks say so
    /// (<see cref="FragmentCheck.ChangesAfterChecks"/>); the others need not be looked at again.
    /// </summary>
    public bool MayChangeAfterChecks(string pointer) => Find(pointer) is not { ChangesAfterChecks: false };

    /// <summary>The checks of the fragment that stands at <paramref name="pointer"/>; null when none does.</summary>
    public FragmentCheck? Find(string pointer) => _indexOf.TryGetValue(pointer, out var index) ? Checks[index] : null;
}
