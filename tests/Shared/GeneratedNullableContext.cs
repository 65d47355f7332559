using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace OpenApiClientGenerator.Testing;

/// <summary>
/// Every generated file declares its API annotated and nullable warnings off (<see cref="Directives"/>, as System.Text.Json's
/// generator does), so that the consumer's compiler runs no nullable flow analysis over code nobody edits. The harnesses
/// that compile generated code switch the warnings back on, so that a nullable warning in it still fails them.
/// </summary>
internal static class GeneratedNullableContext
{
    public const string Directives = "#nullable enable annotations\n#nullable disable warnings\n";

    /// <summary>
    /// The compilation with <c>#nullable enable</c> in place of <see cref="Directives"/> in each generated tree (those
    /// after the first <paramref name="userTrees"/>, where <c>RunGeneratorsAndUpdateCompilation</c> adds them). A file
    /// without those directives (a template override's) is compiled as it is.
    /// </summary>
    public static CSharpCompilation WithWarningsOn(CSharpCompilation output, int userTrees)
    {
        var generated = output.SyntaxTrees.Skip(userTrees).ToList();
        var checkedTrees = generated.Select(tree =>
        {
            var text = tree.GetText();
            var at = text.ToString().IndexOf(Directives, StringComparison.Ordinal);
            return at < 0 ? tree : tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, Directives.Length), "#nullable enable\n")));
        });
        return output.RemoveSyntaxTrees(generated).AddSyntaxTrees(checkedTrees);
    }
}
