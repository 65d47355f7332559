using System.Collections.Generic;
using System.Text;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// The "Style Examples" table of OpenAPI 3.0.4 (§4.8.12.4 "Style Values", the table beside it), cell by cell, through the
/// runtime's <see cref="ParameterSerializer"/> that every generated client calls. The parameter is <c>color</c>; its values
/// are the empty string, <c>"blue"</c>, <c>["blue","black","brown"]</c> and <c>{"R":100,"G":200,"B":150}</c>.
/// </summary>
/// <remarks>
/// 3.0.3's table gives label without explode as <c>.blue.black.brown</c> and <c>.R.100.G.200.B.150</c>, the same as its
/// exploded row; 3.0.4 corrected both to RFC 6570 §3.2.5 (<c>{.list}</c> is <c>.red,green,blue</c>), which is what the
/// table below holds. The query styles' cells carry the <c>?</c> that begins a query, which the client adds before the
/// first pair; their <c>empty</c> cells are 3.0.3's (3.0.4 calls the column <c>undefined</c> but keeps its cells).
/// Cells the spec marks n/a have no row.
/// </remarks>
public sealed class ParameterStyleTableTests
{
    public static TheoryData<string, bool, string, string> Cells => new()
    {
        { "matrix", false, "empty", ";color" },
        { "matrix", false, "string", ";color=blue" },
        { "matrix", false, "array", ";color=blue,black,brown" },
        { "matrix", false, "object", ";color=R,100,G,200,B,150" },
        { "matrix", true, "empty", ";color" },
        { "matrix", true, "string", ";color=blue" },
        { "matrix", true, "array", ";color=blue;color=black;color=brown" },
        { "matrix", true, "object", ";R=100;G=200;B=150" },
        { "label", false, "empty", "." },
        { "label", false, "string", ".blue" },
        { "label", false, "array", ".blue,black,brown" },
        { "label", false, "object", ".R,100,G,200,B,150" },
        { "label", true, "empty", "." },
        { "label", true, "string", ".blue" },
        { "label", true, "array", ".blue.black.brown" },
        { "label", true, "object", ".R=100.G=200.B=150" },
        { "simple", false, "empty", "" },
        { "simple", false, "string", "blue" },
        { "simple", false, "array", "blue,black,brown" },
        { "simple", false, "object", "R,100,G,200,B,150" },
        { "simple", true, "empty", "" },
        { "simple", true, "string", "blue" },
        { "simple", true, "array", "blue,black,brown" },
        { "simple", true, "object", "R=100,G=200,B=150" },
        { "form", false, "empty", "?color=" },
        { "form", false, "string", "?color=blue" },
        { "form", false, "array", "?color=blue,black,brown" },
        { "form", false, "object", "?color=R,100,G,200,B,150" },
        { "form", true, "empty", "?color=" },
        { "form", true, "string", "?color=blue" },
        { "form", true, "array", "?color=blue&color=black&color=brown" },
        { "form", true, "object", "?R=100&G=200&B=150" },
        { "spaceDelimited", false, "array", "?color=blue%20black%20brown" },
        { "spaceDelimited", false, "object", "?color=R%20100%20G%20200%20B%20150" },
        { "pipeDelimited", false, "array", "?color=blue%7Cblack%7Cbrown" },
        { "pipeDelimited", false, "object", "?color=R%7C100%7CG%7C200%7CB%7C150" },
        { "deepObject", true, "object", "?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_of_the_specifications_style_examples_is_serialized_exactly(string style, bool explode, string column, string expected)
    {
        var parameterStyle = Style(style);
        foreach (var value in Values(column))
        {
            Assert.Equal(expected, Serialize(parameterStyle, explode, value));
        }
    }

    /// <summary>What the client sends: a path's part in its place, a header's value, or the query after its <c>?</c>.</summary>
    private static string Serialize(ParameterStyle style, bool explode, ParameterValue value)
    {
        if (style is ParameterStyle.Matrix or ParameterStyle.Label or ParameterStyle.Simple)
        {
            var path = ParameterSerializer.Path("color", value, style, explode);
            if (style == ParameterStyle.Simple)
            {
                // A header takes the simple style too, and sends the same text here, where nothing needs escaping.
                Assert.Equal(path, ParameterSerializer.Header(value, explode));
            }

            return path;
        }

        var query = new StringBuilder();
        ParameterSerializer.AppendQuery(query, "color", value, style, explode);
        return "?" + query;
    }

    /// <summary>The column's value, each way a client hands it over: as the text or list of texts of a typed value, and as JSON.</summary>
    private static IEnumerable<ParameterValue> Values(string column) => column switch
    {
        "empty" => [string.Empty, ParameterValue.FromJson(Encoding.UTF8.GetBytes("\"\""))],
        "string" => ["blue", ParameterValue.FromJson(Encoding.UTF8.GetBytes("\"blue\""))],
        "array" => [ParameterValue.List(["blue", "black", "brown"]), ParameterValue.FromJson(Encoding.UTF8.GetBytes("""["blue","black","brown"]"""))],
        _ => [ParameterValue.FromJson(Encoding.UTF8.GetBytes("""{"R":100,"G":200,"B":150}"""))],
    };

    private static ParameterStyle Style(string name) => name switch
    {
        "matrix" => ParameterStyle.Matrix,
        "label" => ParameterStyle.Label,
        "simple" => ParameterStyle.Simple,
        "form" => ParameterStyle.Form,
        "spaceDelimited" => ParameterStyle.SpaceDelimited,
        "pipeDelimited" => ParameterStyle.PipeDelimited,
        _ => ParameterStyle.DeepObject,
    };
}
