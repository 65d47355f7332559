using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

/// <summary>
/// Where the spec says more (<c>externalDocs</c> of the API, an operation or a schema), the doc comment links to it, so
/// that IntelliSense leads to the page (every one of GitHub's operations links to its reference). A URL that would lead
/// nowhere from the user's code, a relative one or another scheme than http and https, gives no link.
/// </summary>
public sealed class ExternalDocsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Tracker, version: '1.0' }
        externalDocs: { url: 'https://tracker.example/docs', description: The tracker's guide }
        paths:
          /issues:
            get:
              operationId: ListIssues
              summary: Lists the issues.
              externalDocs: { url: 'https://tracker.example/docs/issues?view=list&lang=en' }
              responses:
                '200':
                  description: The issues.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { $ref: '#/components/schemas/issue' }
            post:
              operationId: CreateIssue
              summary: Opens an issue.
              externalDocs: { url: '/docs/create' }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/issue' }
              responses:
                '204': { description: Created. }
        components:
          schemas:
            issue:
              type: object
              description: An issue.
              externalDocs: { url: 'https://tracker.example/docs/issue', description: 'Issues & "labels"' }
              properties:
                state: { $ref: '#/components/schemas/state' }
            state:
              type: string
              enum: [open, closed]
              externalDocs: { url: 'mailto:docs@tracker.example' }
        """;

    [Fact]
    public void The_doc_comment_links_to_where_the_spec_says_more()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var client = run.ClientText("TrackerClient").ReplaceLineEndings("\n");
        var models = run.ModelsText("TrackerClient").ReplaceLineEndings("\n");
        Assert.Contains(
            "/// <summary>Lists the issues.</summary>\n        /// <seealso href=\"https://tracker.example/docs/issues?view=list&amp;lang=en\">More in the API's documentation</seealso>\n",
            client,
            StringComparison.Ordinal);
        Assert.Contains("/// <summary>Calls the Tracker API.</summary>\n    /// <seealso href=\"https://tracker.example/docs\">The tracker's guide</seealso>\n", client, StringComparison.Ordinal);
        Assert.Contains("/// <summary>An issue.</summary>\n    /// <seealso href=\"https://tracker.example/docs/issue\">Issues &amp; \"labels\"</seealso>\n", models, StringComparison.Ordinal);

        // Each link is well-formed XML, which IntelliSense reads.
        var links = Regex.Matches(client + models, "<seealso .*</seealso>").Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(
            ["https://tracker.example/docs", "https://tracker.example/docs/issue", "https://tracker.example/docs/issues?view=list&lang=en"],
            links.Select(l => (string)l.Attribute("href")!).Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void A_relative_url_or_another_scheme_gives_no_link()
    {
        var run = GeneratorHarness.RunSpecs(("tracker.openapi.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        var all = run.ClientText("TrackerClient") + run.ModelsText("TrackerClient");
        Assert.Equal(3, Regex.Matches(all, "<seealso ").Count);
        Assert.DoesNotContain("/docs/create", all, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", all, StringComparison.Ordinal);
    }
}
