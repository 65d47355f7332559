using System;

namespace OpenApiClientGenerator.Model;

/// <summary>
/// Which webhooks of a spec get payload records and readers, from the spec's <c>OpenApiWebhooks</c> item metadata
/// (docs/options.md, "Webhooks"): none unless asked for, since a client calls no webhook and GitHub's alone would add
/// hundreds of payload records. <c>true</c> (or <c>*</c>) asks for all, a list of names or globs for those it matches,
/// <c>false</c> for none without the info that says they are left out (OAG021).
/// </summary>
internal sealed record WebhookSelection(bool All, bool IsTurnedOff, EquatableArray<string> Names)
{
    public const string Metadata = "OpenApiWebhooks";

    /// <summary>The default: no webhook is generated, and a spec that has some says so (OAG021).</summary>
    public static readonly WebhookSelection NotRequested = new(false, false, EquatableArray<string>.Empty);

    /// <summary>
    /// The selection the metadata value asks for, read as a <see cref="MetadataList"/>.
    /// </summary>
    public static WebhookSelection FromMetadata(string? value)
    {
        var names = MetadataList.Parse(value);
        return names switch
        {
            [] => NotRequested,
            [var only] when only.Equals("true", StringComparison.OrdinalIgnoreCase) || only == "*" => new WebhookSelection(true, false, EquatableArray<string>.Empty),
            [var only] when only.Equals("false", StringComparison.OrdinalIgnoreCase) => new WebhookSelection(false, true, EquatableArray<string>.Empty),
            _ => new WebhookSelection(false, false, names),
        };
    }
}
