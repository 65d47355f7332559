using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GeneratedClients.Tests.Infrastructure;
using HuaweiCloud.Parameters;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using OpenApiClientGenerator.Runtime;

namespace GeneratedClients.Tests;

/// <summary>
/// Parameters of every location and style, sent to Kestrel and read back with ASP.NET Core's own parsers: the route
/// template matcher over the decoded <c>Request.Path</c>, <c>Request.Query</c>, <c>Request.Cookies</c> and the header
/// collection's comma-separated values. Values carry the characters that would change the request's shape if they went
/// out unescaped.
/// </summary>
public sealed class ParameterLocationTests
{
    private static readonly Rgb Color = new() { R = 100, G = 200, B = 150 };

    [Fact]
    public async Task The_simple_style_in_a_path_is_read_by_the_route_template_and_a_slash_adds_no_segment()
    {
        var seen = await SendAsync(client => client.GetSimplePathAsync(new GetSimplePathRequest { Color = "a b/c?d", Colors = ["blue", "x,y"], Rgb = Color, RgbExploded = Color }));

        var route = Match("simple/{color}/{colors}/{rgb}/{rgbExploded}", seen.Path);
        // Kestrel decodes every escape in the path but %2F, which keeps a value's '/' from splitting the segment.
        Assert.Equal("a b%2Fc?d", route["color"]);
        Assert.Equal("blue,x,y", route["colors"]);
        Assert.Equal("R,100,G,200,B,150", route["rgb"]);
        Assert.Equal("R=100,G=200,B=150", route["rgbExploded"]);
        Assert.Equal("/simple/a%20b%2Fc%3Fd/blue,x%2Cy/R,100,G,200,B,150/R=100,G=200,B=150", seen.RawTarget);
    }

    [Fact]
    public async Task The_label_style_in_a_path_is_read_by_the_route_template()
    {
        var seen = await SendAsync(client => client.GetLabelPathAsync(new GetLabelPathRequest { Color = "blue", Colors = ["blue", "black"], ColorsExploded = ["blue", "black"], Rgb = Color, RgbExploded = Color }));

        var route = Match("label/{color}/{colors}/{colorsExploded}/{rgb}/{rgbExploded}", seen.Path);
        Assert.Equal(".blue", route["color"]);
        Assert.Equal(".blue,black", route["colors"]);
        Assert.Equal(".blue.black", route["colorsExploded"]);
        Assert.Equal(".R,100,G,200,B,150", route["rgb"]);
        Assert.Equal(".R=100.G=200.B=150", route["rgbExploded"]);
    }

    [Fact]
    public async Task The_matrix_style_in_a_path_keeps_a_values_separators_escaped()
    {
        var seen = await SendAsync(client => client.GetMatrixPathAsync(new GetMatrixPathRequest { Color = "a;b=c", Colors = ["x,y", "z"], ColorsExploded = ["blue", "black"], Rgb = Color, RgbExploded = Color }));

        var route = Match("matrix/{color}/{colors}/{colorsExploded}/{rgb}/{rgbExploded}", seen.Path);
        Assert.Equal(";colorsExploded=blue;colorsExploded=black", route["colorsExploded"]);
        Assert.Equal(";rgb=R,100,G,200,B,150", route["rgb"]);
        Assert.Equal(";R=100;G=200;B=150", route["rgbExploded"]);

        // ASP.NET Core has no matrix parser and decodes %3B in Request.Path, so the raw segments are split first, then decoded.
        var segments = seen.RawTarget.TrimStart('/').Split('/');
        Assert.Equal([("color", "a;b=c")], MatrixPairs(segments[1]));
        Assert.Equal([("colors", "x,y,z")], MatrixPairs(segments[2]));
        Assert.Equal(";colors=x%2Cy,z", segments[2]);
    }

    [Theory]
    [InlineData("", "path.color")]
    [InlineData(".", "path.color")]
    public async Task A_label_that_would_be_a_dot_segment_is_refused_before_sending(string color, string path)
    {
        var error = await RefusedAsync(client => client.GetLabelPathAsync(new GetLabelPathRequest { Color = color, Colors = ["a"], ColorsExploded = ["a"], Rgb = Color, RgbExploded = Color }));

        Assert.Equal((path, "pathSegment"), (error.Path, error.Rule));
    }

    [Fact]
    public async Task A_dot_inside_an_exploded_label_is_refused_since_it_would_read_as_a_separator()
    {
        var error = await RefusedAsync(client => client.GetLabelPathAsync(new GetLabelPathRequest { Color = "a", Colors = ["a"], ColorsExploded = ["a.b"], Rgb = Color, RgbExploded = Color }));

        Assert.Equal(("path.colorsExploded", "pathSegment"), (error.Path, error.Rule));
    }

    [Fact]
    public async Task Objects_maps_json_content_and_reserved_characters_in_a_query_are_read_by_request_query()
    {
        var point = new Point { Lat = 1.5, Long = -2.25 };
        var seen = await SendAsync(client => client.GetQueryAsync(new GetQueryRequest
        {
            Rgb = Color,
            Point = point,
            Filter = new Dictionary<string, string> { ["name"] = "a&b=c", ["kind"] = "x y" },
            Spaced = point,
            Piped = point,
            Next = "/a/b?c=d:e,f&g=h#i+j",
            Coordinates = point,
        }));

        Assert.Equal(["R", "G", "B", "point", "filter[name]", "filter[kind]", "spaced", "piped", "next", "coordinates"], seen.Query.Keys);
        Assert.Equal(("100", "200", "150"), (seen.Query["R"], seen.Query["G"], seen.Query["B"]));
        Assert.Equal("lat,1.5,long,-2.25", seen.Query["point"]);
        Assert.Equal(("a&b=c", "x y"), (seen.Query["filter[name]"], seen.Query["filter[kind]"]));
        Assert.Equal("lat 1.5 long -2.25", seen.Query["spaced"]);
        Assert.Equal("lat|1.5|long|-2.25", seen.Query["piped"]);

        // allowReserved sends the reserved characters as they are, but for those that would end the value or the query.
        Assert.Equal("/a/b?c=d:e,f&g=h#i+j", seen.Query["next"]);
        Assert.Contains("&next=/a/b?c=d:e,f%26g=h%23i%2Bj&", seen.RawTarget, StringComparison.Ordinal);

        using var coordinates = JsonDocument.Parse(seen.Query["coordinates"]);
        Assert.Equal((1.5, -2.25), (coordinates.RootElement.GetProperty("lat").GetDouble(), coordinates.RootElement.GetProperty("long").GetDouble()));
    }

    [Fact]
    public async Task Lists_objects_and_json_content_in_headers_are_read_as_comma_separated_values()
    {
        var seen = await SendAsync(client => client.GetHeadersAsync(new GetHeadersRequest { XColors = ["blue", "black"], XRgb = Color, XRgbExploded = Color, XPoint = new Point { Lat = 1, Long = 2 } }));

        Assert.Equal(["blue", "black"], seen.Headers["X-Colors"]);
        Assert.Equal(["R", "100", "G", "200", "B", "150"], seen.Headers["X-Rgb"]);
        Assert.Equal(["R=100", "G=200", "B=150"], seen.Headers["X-Rgb-Exploded"]);
        Assert.Equal("""{"lat":1,"long":2}""", seen.RawHeaders["X-Point"]);
    }

    [Fact]
    public async Task A_line_break_in_a_header_list_is_refused_before_sending()
    {
        var error = await RefusedAsync(client => client.GetHeadersAsync(new GetHeadersRequest { XColors = ["blue", "black\r\nX-Injected: 1"] }));

        Assert.Equal(("header.X-Colors", "headerValue"), (error.Path, error.Rule));
    }

    [Fact]
    public async Task Cookie_parameters_go_in_one_cookie_header_and_a_value_cannot_add_a_cookie()
    {
        var seen = await SendAsync(client => client.GetCookiesAsync(new GetCookiesRequest
        {
            Session = "a; admin=1, \"b\"\\ é",
            Theme = GetCookiesRequestTheme.Dark,
            Colors = ["blue", "black"],
            Point = new Point { Lat = 1, Long = 2 },
        }));

        Assert.Equal(["session", "theme", "colors", "point"], seen.Cookies.Keys);
        Assert.Equal("a; admin=1, \"b\"\\ é", seen.Cookies["session"]);
        Assert.Equal("dark", seen.Cookies["theme"]);
        Assert.Equal("blue,black", seen.Cookies["colors"]);
        Assert.Equal("""{"lat":1,"long":2}""", seen.Cookies["point"]);
    }

    [Fact]
    public async Task Without_optional_cookies_only_the_required_one_is_sent()
    {
        var seen = await SendAsync(client => client.GetCookiesAsync(new GetCookiesRequest { Session = "s" }));

        Assert.Equal(["session"], seen.Cookies.Keys);
        Assert.Equal("session=s", seen.RawHeaders["Cookie"]);
    }

    private static async Task<SeenRequest> SendAsync(Func<ParametersClient, Task> call)
    {
        SeenRequest? seen = null;
        await using var server = await HandlerServer.StartAsync(context =>
        {
            var request = context.Request;
            seen = new SeenRequest(
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                request.Path,
                request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                request.Headers.ToDictionary(h => h.Key, h => request.Headers.GetCommaSeparatedValues(h.Key), StringComparer.OrdinalIgnoreCase),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                request.Cookies.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using var http = server.CreateHttpClient();

        await call(new ParametersClient(http));

        return seen!;
    }

    private static async Task<ValidationError> RefusedAsync(Func<ParametersClient, Task> call)
    {
        using var http = new System.Net.Http.HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var exception = await Assert.ThrowsAsync<RequestValidationException>(() => call(new ParametersClient(http)));
        return Assert.Single(exception.Errors);
    }

    /// <summary>The route values ASP.NET Core's template matcher reads from the decoded path.</summary>
    private static RouteValueDictionary Match(string template, PathString path)
    {
        var values = new RouteValueDictionary();
        Assert.True(new TemplateMatcher(TemplateParser.Parse(template), new RouteValueDictionary()).TryMatch(path, values), $"'{path}' does not match '{template}'");
        return values;
    }

    private static List<(string Name, string Value)> MatrixPairs(string segment)
        => segment.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty))
            .ToList();

    private sealed record SeenRequest(
        string RawTarget,
        PathString Path,
        Dictionary<string, string> Query,
        Dictionary<string, string[]> Headers,
        Dictionary<string, string> RawHeaders,
        Dictionary<string, string> Cookies);
}
