using System;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenApiClientGenerator.Diagnostics;

namespace OpenApiClientGenerator.Parsing;

/// <summary>
/// Checks every <c>$ref</c> before Microsoft.OpenApi sees the document, so that each bad one is reported at its own line
/// and no external file or URL is ever loaded.
/// </summary>
internal static class ReferenceChecker
{
    public static void Check(JsonNode root, SpecDiagnostics diagnostics) => Check(root, string.Empty, diagnostics);

    private static void Check(JsonNode node, string pointer, SpecDiagnostics diagnostics)
    {
        switch (node)
        {
            case JsonObject mapping:
                var isPropertyMap = pointer.EndsWith("/properties", StringComparison.Ordinal);
                foreach (var member in mapping)
                {
                    var memberPointer = JsonPointers.Append(pointer, member.Key);
                    if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue(out string? reference))
                    {
                        CheckReference(reference, memberPointer, diagnostics);
                    }
                    else if (member.Value is not null && (isPropertyMap || !IsFreeFormData(member.Key)))
                    {
                        Check(member.Value, memberPointer, diagnostics);
                    }
                }

                break;
            case JsonArray sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    if (sequence[i] is { } item)
                    {
                        Check(item, JsonPointers.Append(pointer, i.ToString(CultureInfo.InvariantCulture)), diagnostics);
                    }
                }

                break;
        }
    }

    /// <summary>An example or an extension holds any JSON, where a <c>$ref</c> member is data, not a reference.</summary>
    private static bool IsFreeFormData(string key)
        => key == "example" || key.StartsWith("x-", StringComparison.Ordinal);

    private static void CheckReference(string reference, string pointer, SpecDiagnostics diagnostics)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            diagnostics.Report(DiagnosticDescriptors.ExternalReference, diagnostics.LocationOf(pointer), reference);
        }
        else if (!diagnostics.Map.TryGetPosition(Uri.UnescapeDataString(reference.Substring(1)), out _))
        {
            diagnostics.Report(DiagnosticDescriptors.UnresolvedReference, diagnostics.LocationOf(pointer), reference);
        }
    }
}
