using OpenApiClientGenerator.ModelBuilding;

namespace OpenApiClientGenerator.Tests;

public sealed class IdentifierNamesTests
{
    /// <summary>Wire names become Pascal-case identifiers: parts split on what no identifier holds, a sign before a number spelled, a leading digit behind an underscore, a name already so written kept.</summary>
    [Theory]
    [InlineData("max_num", "MaxNum")]
    [InlineData("maxNum", "MaxNum")]
    [InlineData("X-Auth-Token", "XAuthToken")]
    [InlineData("Repository", "Repository")]
    [InlineData("1st-place", "_1stPlace")]
    [InlineData("_1abc", "_1abc")]
    [InlineData("+1", "Plus1")]
    [InlineData("-1", "Minus1")]
    [InlineData("-0.5", "Minus05")]
    [InlineData("reactions-+1", "ReactionsPlus1")]
    [InlineData("reactions--1", "ReactionsMinus1")]
    [InlineData("utf-8", "Utf8")]
    [InlineData("+", "")]
    [InlineData("---", "")]
    [InlineData("", "")]
    public void A_wire_name_becomes_a_pascal_case_identifier(string name, string expected)
        => Assert.Equal(expected, IdentifierNames.ToPascalCase(name));

    /// <summary>A name is cut to the longest identifier the generator makes, the underscore before a leading digit counted.</summary>
    [Theory]
    [InlineData("a", "A")]
    [InlineData("1", "_1")]
    [InlineData("_1", "_1")]
    public void A_long_name_is_cut_to_the_longest_identifier(string start, string expectedStart)
    {
        var name = start + new string('b', 2 * IdentifierNames.MaxLength);

        var pascal = IdentifierNames.ToPascalCase(name);

        Assert.Equal(IdentifierNames.MaxLength, pascal.Length);
        Assert.Equal(expectedStart + new string('b', IdentifierNames.MaxLength - expectedStart.Length), pascal);
    }

    /// <summary>A name exactly one past the longest, already in Pascal case (an underscore, then a digit), is cut as any other.</summary>
    [Fact]
    public void A_name_already_in_pascal_case_but_one_too_long_is_cut()
    {
        var name = "_1" + new string('b', IdentifierNames.MaxLength - 1);

        Assert.Equal(name.Substring(0, IdentifierNames.MaxLength), IdentifierNames.ToPascalCase(name));
    }
}
