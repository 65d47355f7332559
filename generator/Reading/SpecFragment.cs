using System;
using System.Threading;
using OpenApiClientGenerator.Model;

namespace OpenApiClientGenerator.Reading;

/// <summary>
/// A piece of a spec's text that is read on its own: a path item, a webhook, a component, or the skeleton (the text with each of
/// those pieces replaced by <c>{}</c>). Equal when the text is, wherever the piece stands in the spec, so that an edit
/// elsewhere (one that moves its lines too) leaves its reading in the cache.
/// </summary>
/// <param name="Pointer">Where the piece's value stands in the spec; empty for the skeleton (or for the whole text, when it is not split).</param>
/// <param name="Name">The member of its parent the piece's value is, unescaped (the last segment of <paramref name="Pointer"/>); empty for the skeleton.</param>
/// <param name="Depth">How deep the piece's value stands: 2 for a path item or a webhook, 3 for a component, 0 for the skeleton.</param>
internal sealed record SpecFragment(string SpecPath, string Pointer, string Name, int Depth, FragmentText Text)
{
    public SpecFragment(string specPath, string pointer, int depth, string text)
        : this(specPath, pointer, pointer.Length == 0 ? string.Empty : JsonPointers.Unescape(pointer.Substring(pointer.LastIndexOf('/') + 1)), depth, new FragmentText(text, 0, text.Length))
    {
    }
}

/// <summary>
/// A fragment's text, equal to another with the same characters. It is a slice of the spec's text until the fragment is
/// read (<see cref="ToString"/>), which gives it a copy of its own: a re-run compares each fragment of the new text
/// with the last run's without copying any, and only the fragments read again copy theirs. A fragment in the pipeline's
/// cache has been read, so it does not keep the text of the run that made it alive after that run.
/// </summary>
internal sealed class FragmentText : IEquatable<FragmentText>
{
    /// <summary>The spec's text, or once read the fragment's own copy, which is as long as the fragment.</summary>
    private string _text;

    private readonly int _start;

    private int _hashCode;

    public FragmentText(string text, int start, int length)
    {
        _text = text;
        _start = start;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<char> Span => SpanOf(Volatile.Read(ref _text));

    /// <summary>The text as a string of its own, copied out of the spec's text at the first call.</summary>
    public override string ToString()
    {
        var text = Volatile.Read(ref _text);
        if (text.Length != Length)
        {
            text = text.Substring(_start, Length);
            Volatile.Write(ref _text, text);
        }

        return text;
    }

    public bool Equals(FragmentText? other)
    {
        if (other is null || other.Length != Length)
        {
            return false;
        }

        var text = Volatile.Read(ref _text);
        var otherText = Volatile.Read(ref other._text);
        return (ReferenceEquals(text, otherText) && StartIn(text) == other.StartIn(otherText)) || SpanOf(text).SequenceEqual(other.SpanOf(otherText));
    }

    public override bool Equals(object? obj) => Equals(obj as FragmentText);

    public override int GetHashCode()
    {
        if (_hashCode == 0)
        {
            var hash = -2128831035;
            foreach (var c in Span)
            {
                hash = (hash ^ c) * 16777619;
            }

            _hashCode = hash == 0 ? 1 : hash;
        }

        return _hashCode;
    }

    /// <summary>Where the fragment starts in <paramref name="text"/>, which is the spec's text or the fragment's own copy (<see cref="_text"/>, read once).</summary>
    private int StartIn(string text) => text.Length == Length ? 0 : _start;

    private ReadOnlySpan<char> SpanOf(string text) => text.AsSpan(StartIn(text), Length);
}

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
        => new(fragment, SpecDocumentReader.ReadFragment(fragment.Text.ToString(), fragment.Depth));
}

/// <summary>A spec's options and text with the checked readings of its fragments, in the order of <see cref="SpecFragmenter.Split"/>.</summary>
internal sealed record SpecRead(SpecInput Input, EquatableArray<Checking.FragmentCheck> Fragments);
