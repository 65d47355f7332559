using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// A piece of a spec's text that is read on its own: a path item, a webhook, a component, or the skeleton (the text with each of
/// those pieces replaced by <c>{}</c>). Equal when the text is, wherever the piece stands in the spec, so that an edit
/// elsewhere (one that moves its lines too) leaves its reading in the cache.
/// </summary>
/// <param name="Pointer">Where the piece's value stands in the spec; empty for the skeleton (or for the whole text, when it is not split).</param>
/// <param name="Depth">How deep the piece's value stands: 2 for a path item or a webhook, 3 for a component, 0 for the skeleton.</param>
internal sealed record SpecFragment(string SpecPath, string Pointer, int Depth, string Text);

/// <summary>
/// A fragment read into a JSON tree with positions relative to the fragment. The reading is what the text gives, so
/// equality is the fragment's; the tree and map are never changed, as the checks take a copy (<see cref="Checking.FragmentCheck"/>).
/// </summary>
internal sealed class FragmentRead(SpecFragment fragment, SpecDocument document) : System.IEquatable<FragmentRead>
{
    public SpecFragment Fragment { get; } = fragment;

    public SpecDocument Document { get; } = document;

    public bool Equals(FragmentRead? other) => other is not null && Fragment.Equals(other.Fragment);

    public override bool Equals(object? obj) => Equals(obj as FragmentRead);

    public override int GetHashCode() => Fragment.GetHashCode();

    public static FragmentRead Read(SpecFragment fragment)
        => new(fragment, SpecDocumentReader.ReadFragment(fragment.Text, fragment.Depth));
}

/// <summary>A spec's options and text with the checked readings of its fragments, in the order of <see cref="SpecFragmenter.Split"/>.</summary>
internal sealed record SpecRead(SpecInput Input, EquatableArray<Checking.FragmentCheck> Fragments);
