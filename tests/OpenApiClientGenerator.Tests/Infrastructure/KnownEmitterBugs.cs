using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypeKind = OpenApiClientGenerator.Model.TypeKind;
using ValueKind = OpenApiClientGenerator.Model.ValueKind;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Parsing;

namespace OpenApiClientGenerator.Tests.Infrastructure;

/// <summary>
/// Bugs of the emitter the fuzz tests have found, each with a failing (or, when it would crash the test host, skipped)
/// test of its own in <see cref="FuzzFindingsTests"/>. The fuzz tests count the cases that run into one instead of
/// failing on them, so that they keep finding new bugs. Remove an entry once its bug is fixed.
/// </summary>
internal static class KnownEmitterBugs
{
    public const string MergePatchCycle =
        "a merge patch type that contains itself sends SourceEmitter.CanDiff into endless recursion (StackOverflowException)";

    public const string SingleLetterRangeClass =
        "CSharpFragments.DescribeCharacterSet throws ArgumentOutOfRangeException for a class of only [a-z] or only [A-Z]";

    public const string RegexInClientFile =
        "a parameter's regex pattern is checked in the client file, which lacks 'using System.Text.RegularExpressions'";

    public const string ObjectParameter =
        "an object-typed parameter is formatted with .GetRawText(), which the generated record does not have";

    public const string LineBreakInEnumValue =
        "an enum value with a line break breaks the XML doc comment of its member";

    public const string PropertyHidesType =
        "a property named like a generated type hides that type inside its record, where the generated code names the type (CS0120)";

    public const string PropertyNamedLikePatternHelper =
        "a property named like the pattern helper MatchesPatternN collides with it (CS0102)";

    public const string StringOverOneMegabyte =
        "Scriban cuts any string past 1 MB (TemplateContext.LimitToString) with '...', so the generated file ends mid-comment";

    /// <summary>
    /// Bugs that crash the process, so that a case running into one cannot even be run: a StackOverflowException cannot
    /// be caught and would end the test host with every other test.
    /// </summary>
    public static string? CrashingBug(MutatedSpec spec)
        => spec.Text.Contains("merge-patch", StringComparison.Ordinal)
            && (spec.Tree is null || HasComponentCycle(spec.Tree))
            && Model(spec.FileName, spec.Text) is { } model && HasMergePatchCycle(model)
                ? MergePatchCycle
                : null;

    /// <summary>The known bug that explains a failed case: OAG011 from rendering, or compiler errors in the generated code.</summary>
    public static string? Explain(string fileName, string text, IReadOnlyList<Diagnostic> generatorErrors, IReadOnlyList<Diagnostic> compileErrors)
    {
        if (Model(fileName, text) is not { } model)
        {
            return null;
        }

        var messages = compileErrors.Select(e => e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (generatorErrors.Count > 0)
        {
            return generatorErrors.All(e => e.Id == "OAG011" && e.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("ArgumentOutOfRangeException", StringComparison.Ordinal))
                && Constraints(model).Any(c => c.Pattern?.CharacterClass is { } characterClass && IsSingleLetterRange(characterClass))
                    ? SingleLetterRangeClass
                    : null;
        }

        if (text.Length > 1 << 20 && compileErrors.Count > 0)
        {
            return StringOverOneMegabyte;
        }

        if (messages.Any(m => m.Contains("MatchesPattern", StringComparison.Ordinal)))
        {
            return PropertyNamedLikePatternHelper;
        }

        var typeNames = model.Types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        if (messages.Count > 0 && model.Types.Any(t => t.Properties.Any(p => typeNames.Contains(p.Name) && p.Type.TypeName != p.Name)))
        {
            return PropertyHidesType;
        }

        if (messages.Count > 0 && messages.All(m => m.Contains("'Regex'", StringComparison.Ordinal) || m.Contains("'RegexOptions'", StringComparison.Ordinal)))
        {
            return RegexInClientFile;
        }

        if (messages.Any(m => m.Contains("'GetRawText'", StringComparison.Ordinal))
            && model.Operations.SelectMany(o => o.Parameters).Any(p => p.Type.Kind is ValueKind.Object or ValueKind.Map))
        {
            return ObjectParameter;
        }

        return compileErrors.Count > 0
            && model.Types.SelectMany(t => t.EnumMembers).Any(m => m.WireValue.IndexOfAny(['\n', '\r', '\u0085', '\u2028', '\u2029']) >= 0)
                ? LineBreakInEnumValue
                : null;
    }

    private static ApiSpec? Model(string fileName, string text)
        => SpecParser.Parse(new SpecInput(fileName, text, new SpecOptions(null, null, null))).Spec;

    private static bool IsSingleLetterRange(CharacterClassSpec characterClass)
        => characterClass.Ranges.Distinct().ToList() is [var only] && (only == new CharacterRange('a', 'z') || only == new CharacterRange('A', 'Z'));

    private static IEnumerable<ConstraintSpec> Constraints(ApiSpec spec)
    {
        var roots = spec.Types.SelectMany(t => t.Properties.Select(p => p.Type))
            .Concat(spec.Operations.SelectMany(o => o.Parameters.Select(p => p.Type)))
            .Concat(spec.Types.Where(t => t.JsonPatch is not null).SelectMany(t => t.JsonPatch!.Paths.Select(p => p.ValueType)));
        foreach (var root in roots)
        {
            for (var type = root; type is not null; type = type.Element)
            {
                yield return type.Constraints;
            }
        }
    }

    /// <summary>Whether a component schema reaches itself through references: cheap to tell on the tree, and needed for a merge patch cycle.</summary>
    private static bool HasComponentCycle(System.Text.Json.Nodes.JsonNode tree)
    {
        const string prefix = "#/components/schemas/";
        if (SpecTree.ComponentSchemas(tree) is not { } components)
        {
            return false;
        }

        var edges = components.ToDictionary(c => c.Key, c => References(c.Value).ToList(), StringComparer.Ordinal);
        var done = new Dictionary<string, bool>(StringComparer.Ordinal);
        return edges.Keys.Any(Visit);

        bool Visit(string name)
        {
            if (done.TryGetValue(name, out var finished))
            {
                return !finished;
            }

            done[name] = false;
            var cycle = edges[name].Any(target => edges.ContainsKey(target) && Visit(target));
            done[name] = true;
            return cycle;
        }

        static IEnumerable<string> References(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            System.Text.Json.Nodes.JsonObject mapping => mapping.SelectMany(m =>
                m.Key == "$ref" && m.Value is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? reference) && reference.StartsWith(prefix, StringComparison.Ordinal)
                    ? [Uri.UnescapeDataString(reference.Substring(prefix.Length)).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                    : References(m.Value)),
            System.Text.Json.Nodes.JsonArray sequence => sequence.SelectMany(References),
            _ => [],
        };
    }

    private static bool HasMergePatchCycle(ApiSpec spec)
    {
        var patches = spec.Types.Where(t => t.Kind == TypeKind.MergePatch).ToDictionary(t => t.Name);
        var done = new Dictionary<string, bool>(); // false while on the current path
        return patches.Keys.Any(Visit);

        bool Visit(string name)
        {
            if (done.TryGetValue(name, out var finished))
            {
                return !finished;
            }

            done[name] = false;
            var cycle = patches[name].Properties
                .Any(p => p.Type.Kind == ValueKind.Object && p.Type.TypeName is { } nested && patches.ContainsKey(nested) && Visit(nested));
            done[name] = true;
            return cycle;
        }
    }
}
