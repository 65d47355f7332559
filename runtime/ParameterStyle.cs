namespace OpenApiClientGenerator.Runtime
{
    /// <summary>
    /// How a parameter's or a form field's value is laid out (OpenAPI's <c>style</c>, §4.8.12.4 of OpenAPI 3.0.4). The
    /// comments show the spec's own examples for <c>color</c> = <c>["blue","black","brown"]</c> and <c>{"R":100,"G":200,"B":150}</c>.
    /// </summary>
    /// <remarks>
    /// The generator compiles this file too: its model names a parameter's style with this enum, and the generated code
    /// with the same names, so there is one list of styles.
    /// </remarks>
    internal enum ParameterStyle
    {
        /// <summary>Path, RFC 6570 <c>{;color}</c>: <c>;color=blue,black,brown</c>; exploded <c>;color=blue;color=black;color=brown</c>, <c>;R=100;G=200;B=150</c>.</summary>
        Matrix,

        /// <summary>Path, RFC 6570 <c>{.color}</c>: <c>.blue,black,brown</c>; exploded <c>.blue.black.brown</c>, <c>.R=100.G=200.B=150</c>.</summary>
        Label,

        /// <summary>Query, cookie and form bodies, RFC 6570 <c>{?color}</c>: <c>color=blue,black,brown</c>; exploded <c>color=blue&amp;color=black&amp;color=brown</c>, <c>R=100&amp;G=200&amp;B=150</c>.</summary>
        Form,

        /// <summary>Path and header, RFC 6570 <c>{color}</c>: <c>blue,black,brown</c>; an exploded object <c>R=100,G=200,B=150</c>.</summary>
        Simple,

        /// <summary>Query: <c>color=blue%20black%20brown</c>.</summary>
        SpaceDelimited,

        /// <summary>Query: <c>color=blue%7Cblack%7Cbrown</c>.</summary>
        PipeDelimited,

        /// <summary>Query and form bodies: <c>color%5BR%5D=100&amp;color%5BG%5D=200</c>, i.e. <c>color[R]=100&amp;color[G]=200</c>, every nested value under its bracketed path.</summary>
        DeepObject,
    }
}
