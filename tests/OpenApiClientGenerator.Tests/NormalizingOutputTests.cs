using System;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiClientGenerator.Emitting;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Templates render into <see cref="NormalizingOutput"/>, which takes each line end to <c>\n</c> and drops the blanks
/// before it (and at the end of the text) while the text arrives in the pieces Scriban writes.
/// </summary>
public sealed class NormalizingOutputTests
{
    /// <summary>The rule, as one regular expression per step: blanks and a <c>\r</c> before each <c>\n</c> go, then blanks at the end.</summary>
    private static string Expected(string text)
        => Regex.Replace(Regex.Replace(text, @"[ \t]*\r?\n", "\n"), @"[ \t]+\z", string.Empty);

    [Theory]
    [InlineData("a \r\n", "a\n")]
    [InlineData("a\t \n  \n", "a\n\n")]
    [InlineData("  a  b  ", "  a  b")]
    [InlineData("a \r \n", "a \r\n")]
    [InlineData("a\r\r\n", "a\r\n")]
    [InlineData("a \r", "a \r")]
    [InlineData("\r\n\r\n", "\n\n")]
    [InlineData("", "")]
    public void Line_ends_become_newlines_and_the_blanks_before_them_go(string text, string expected)
    {
        Assert.Equal(expected, Expected(text));
        Assert.Equal(expected, Written(text, [text.Length]));
    }

    [Fact]
    public void The_pieces_the_text_arrives_in_do_not_change_it()
    {
        var random = new Random(1);
        const string Alphabet = "ab \t\r\n";
        for (var round = 0; round < 2000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var pieces = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(1, 6)).ToArray();

            Assert.Equal(Expected(text), Written(text, pieces));
        }
    }

    [Fact]
    public void A_template_checked_out_with_CRLF_and_indented_empty_lines_generates_LF_without_trailing_blanks()
    {
        const string Spec = "openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Pet: { type: object, properties: { name: { type: string } } }\n";
        const string Models = "// Models of {{ title }}   \r\nnamespace {{ namespace }}\r\n{\r\n    \r\n{{~ for type in types ~}}\r\n    internal static class {{ type.name }}Names { }\t\r\n{{~ end ~}}\r\n}\r\n";

        var run = GeneratorHarness.Run([new InMemoryAdditionalText("/project/pets.openapi.yaml", Spec), new InMemoryAdditionalText("/project/templates/Models.sbncs", Models)]);

        Assert.Empty(run.GeneratorDiagnostics);
        var models = run.Sources.Single(s => s.HintName == "PetsClient.Models.Pet.g.cs").SourceText.ToString();
        Assert.Equal("// Models of Pets\nnamespace Pets\n{\n\n    internal static class PetNames { }\n}\n", models);
    }

    /// <summary>
    /// Writes <paramref name="text"/> in pieces of the given lengths, over and over, the last one taking what is left, with
    /// an empty piece after each (Scriban writes those too).
    /// </summary>
    private static string Written(string text, int[] pieceLengths)
    {
        var output = new NormalizingOutput();
        var offset = 0;
        for (var piece = 0; offset < text.Length; piece++)
        {
            var length = Math.Min(pieceLengths[piece % pieceLengths.Length], text.Length - offset);
            output.Write(text, offset, length);
            offset += length;
            output.Write(text, offset, 0);
        }

        return output.ToString();
    }
}
