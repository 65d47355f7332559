using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;
using OpenApiClientGenerator.Tests.Infrastructure;

namespace OpenApiClientGenerator.Tests;

public sealed class IncrementalityTests
{
    private static readonly string[] AllTrackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Every_step_runs_under_a_tracking_name()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs());
        var steps = run.Result.Results.Single().TrackedSteps.Keys;
        Assert.All(AllTrackingNames, name => Assert.Contains(name, steps));
    }

    [Fact]
    public void An_unrelated_csharp_edit_reruns_nothing()
    {
        var first = GeneratorHarness.Run(GeneratorHarness.RepositorySpecs());
        var edited = first.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Unrelated { } }", GeneratorDrivers.ParseOptions));

        var second = first.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in AllTrackingNames)
        {
            var reasons = second.TrackedSteps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} ran again ({reason}) after an unrelated C# edit."));
        }
    }

    [Fact]
    public void Editing_one_spec_regenerates_only_that_spec()
    {
        var specs = GeneratorHarness.RepositorySpecs().ToList();
        var first = GeneratorHarness.Run(specs);
        var edited = specs[0];
        var replacement = new InMemoryAdditionalText(edited.Path, SpecEdits.EditDescriptions(edited.GetText()!.ToString()));

        var secondResult = first.Driver.ReplaceAdditionalText(edited, replacement).RunGenerators(first.Compilation).GetRunResult();
        var second = secondResult.Results.Single();

        Assert.Empty(secondResult.Diagnostics);
        Assert.Contains(second.GeneratedSources, s => s.SourceText.ToString().Contains("Edited. ", StringComparison.Ordinal));

        foreach (var name in new[] { TrackingNames.ParsedSpecs, TrackingNames.SpecModels, TrackingNames.RenderedSpecs })
        {
            var outputs = Outputs(second, name);
            Assert.Equal(specs.Count, outputs.Count);
            Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
            Assert.Equal(specs.Count - 1, outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        }

        Assert.All(Outputs(second, TrackingNames.RenderedRuntime), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Changing_one_specs_selection_metadata_regenerates_only_that_spec_and_rewriting_it_nothing()
    {
        var specs = GeneratorHarness.RepositorySpecs().ToList();
        var selected = specs[0].Path;
        AnalyzerConfigOptionsProvider Selecting(string included) => new GlobalOptionsProvider(
            new Dictionary<string, string>(),
            new Dictionary<string, IReadOnlyDictionary<string, string>> { [selected] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiIncludeOperations"] = included } });
        var first = GeneratorHarness.Run(specs);
        var operationIds = Regex.Matches(specs[0].GetText()!.ToString(), @"operationId: (\w+)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(operationIds.Count >= 2, "The first repository spec has two operations to choose from.");

        var selecting = first.Driver.WithUpdatedAnalyzerConfigOptions(Selecting(operationIds[1])).RunGenerators(first.Compilation);
        var changed = selecting.GetRunResult().Results.Single();

        Assert.Empty(changed.Diagnostics);
        foreach (var name in new[] { TrackingNames.SpecInputs, TrackingNames.ParsedSpecs, TrackingNames.SpecModels, TrackingNames.RenderedSpecs })
        {
            var outputs = Outputs(changed, name);
            Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
            Assert.Equal(specs.Count - 1, outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        }

        Assert.All(Outputs(changed, TrackingNames.RenderedRuntime), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // The same selection written with blanks, twice: the spec's input is equal, so nothing is parsed again.
        var rewritten = selecting.WithUpdatedAnalyzerConfigOptions(Selecting(" " + operationIds[1] + " ;" + operationIds[1] + ";")).RunGenerators(first.Compilation).GetRunResult().Results.Single();
        Assert.All(Outputs(rewritten, TrackingNames.SpecInputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        // RenderedSpecs only groups the rendered files by spec again (a Collect, which Roslyn re-evaluates after the previous
        // run removed files); nothing is parsed, built or rendered again.
        foreach (var name in new[] { TrackingNames.ParsedSpecs, TrackingNames.SpecModels, TrackingNames.RenderInputs, TrackingNames.RenderedFiles, TrackingNames.RenderedRuntime })
        {
            Assert.All(Outputs(rewritten, name), o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"Step {name} ran again ({o.Reason}) after the selection was only rewritten."));
        }
    }

    /// <summary>A spec with one warning (OAG008, at the second property, line 12) and, through two files of the same title, one error (OAG015).</summary>
    private const string CollidingSpec = """
        openapi: 3.0.3
        info:
          title: Demo
          version: '1.0'
        paths: {}
        components:
          schemas:
            Pool:
              description: Two names for one member, as a spec written by two teams has.
              properties:
                pool_name: { type: string }
                poolName: { type: string }
        """;

    [Fact]
    public void Moving_lines_reports_the_diagnostics_at_their_new_lines_and_renders_nothing_again()
    {
        var original = new InMemoryAdditionalText("b/demo.openapi.yaml", CollidingSpec);
        var first = GeneratorHarness.Run([new InMemoryAdditionalText("a/demo.openapi.yaml", CollidingSpec), original]);
        Assert.Equal([("OAG008", "a/demo.openapi.yaml", 12), ("OAG008", "b/demo.openapi.yaml", 12), ("OAG015", "b/demo.openapi.yaml", 3)], Reported(first.Result));

        var moved = new InMemoryAdditionalText(original.Path, "# Three lines above the document.\n\n\n" + CollidingSpec);
        var second = first.Driver.ReplaceAdditionalText(original, moved).RunGenerators(first.Compilation).GetRunResult();

        Assert.Equal([("OAG008", "a/demo.openapi.yaml", 12), ("OAG008", "b/demo.openapi.yaml", 15), ("OAG015", "b/demo.openapi.yaml", 6)], Reported(second));
        var run = second.Results.Single();
        Assert.Single(Outputs(run, TrackingNames.ParsedSpecs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(Outputs(run, TrackingNames.TitleLocations), o => o.Reason == IncrementalStepRunReason.Modified);
        // The models were built again and found equal (Unchanged); the render steps did not run at all (Cached).
        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached], Outputs(run, TrackingNames.SpecModels).Select(o => o.Reason).Order());
        foreach (var name in new[] { TrackingNames.RenderInputs, TrackingNames.RenderedFiles, TrackingNames.RenderedSpecs, TrackingNames.RenderedRuntime })
        {
            Assert.All(Outputs(run, name), o => Assert.True(
                o.Reason == IncrementalStepRunReason.Cached,
                $"Step {name} ran again ({o.Reason}) after an edit that only moved lines."));
        }

        Assert.Equal(
            first.Result.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            run.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    /// <summary>
    /// Three schemas, each in a file of its own, and two operations of two tags, whose client files read two of them; both
    /// operations document the same error and the same header, read by one reader in the client's errors file and one
    /// record in its headers file.
    /// </summary>
    private const string ThreeSchemaSpec = """
        openapi: 3.0.3
        info:
          title: Shop
          version: '1.0'
        paths:
          /orders/{id}:
            get:
              operationId: getOrder
              tags: [orders]
              summary: Gets an order.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: The order.
                  headers:
                    Link: { description: Other pages., schema: { type: string } }
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Order' }
                '404':
                  description: No such order.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Problem' }
          /invoices:
            get:
              operationId: listInvoices
              tags: [billing]
              summary: Lists the invoices.
              responses:
                '200':
                  description: The invoices.
                  headers:
                    Link: { description: Other pages., schema: { type: string } }
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Invoice' } }
                '404':
                  description: No invoices yet.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Problem' }
        components:
          schemas:
            Order:
              description: An order.
              properties:
                id: { type: string }
                customer: { $ref: '#/components/schemas/Customer' }
                status: { type: string, enum: [open, closed] }
            Customer:
              description: Who ordered.
              properties:
                name: { type: string, description: The customer's name. }
            Invoice:
              description: What an order costs.
              properties:
                total: { type: number }
            Problem:
              description: What went wrong.
              properties:
                detail: { type: string }
        """;

    /// <summary>Runs the spec, then again after <paramref name="edit"/>, and returns the second run and the files it rendered again.</summary>
    private static (GeneratorRunResult Run, List<string> Rerendered) RunEdited(Func<string, string> edit)
    {
        var original = new InMemoryAdditionalText("shop.openapi.yaml", ThreeSchemaSpec);
        var first = GeneratorHarness.Run([original]);
        Assert.Empty(first.CompilationProblems());
        var edited = new InMemoryAdditionalText(original.Path, edit(ThreeSchemaSpec));
        var second = first.Driver.ReplaceAdditionalText(original, edited).RunGenerators(first.Compilation).GetRunResult().Results.Single();
        var inputs = Outputs(second, TrackingNames.RenderInputs);
        var rendered = Outputs(second, TrackingNames.RenderedFiles);
        Assert.Equal(inputs.Count, rendered.Count);
        var rerendered = rendered
            .Select((output, index) => (output.Reason, ((RenderInput)inputs[index].Value).HintName))
            .Where(file => file.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(file => file.HintName)
            .ToList();
        return (second, rerendered);
    }

    [Fact]
    public void Editing_one_schemas_description_rerenders_only_that_schemas_file()
    {
        var (run, rerendered) = RunEdited(spec => spec.Replace("description: What an order costs.", "description: What an order costs, taxes included."));

        Assert.Equal(["ShopClient.Models.Invoice.g.cs"], rerendered);
        Assert.Contains("taxes included.", run.GeneratedSources.Single(s => s.HintName == "ShopClient.Models.Invoice.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Each source is an item of its own under its final hint name, so that an edit adds again only the sources it changed
    /// (Roslyn looks for a duplicate hint name by walking every source the item added before).
    /// </summary>
    [Fact]
    public void Editing_one_schemas_description_adds_again_only_that_schemas_source()
    {
        var (run, _) = RunEdited(spec => spec.Replace("description: What an order costs.", "description: What an order costs, taxes included."));

        var sources = Outputs(run, TrackingNames.GeneratedSources);
        Assert.Equal(run.GeneratedSources.Select(s => s.HintName), sources.Select(o => ((GeneratedSource)o.Value).HintName));
        Assert.Equal(["ShopClient.Models.Invoice.g.cs"], sources
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => ((GeneratedSource)o.Value).HintName));
    }

    /// <summary>A member that references a schema is documented by it too, so the record that declares the member depends on it.</summary>
    [Fact]
    public void Editing_a_referenced_schemas_description_rerenders_it_and_the_records_documented_by_it()
    {
        var (_, rerendered) = RunEdited(spec => spec.Replace("description: Who ordered.", "description: Who placed the order."));

        Assert.Equal(["ShopClient.Models.Order.g.cs", "ShopClient.Models.Customer.g.cs"], rerendered);
    }

    [Fact]
    public void Editing_a_member_description_rerenders_only_its_records_file()
    {
        var (_, rerendered) = RunEdited(spec => spec.Replace("The customer's name.", "The name the customer gave."));

        Assert.Equal(["ShopClient.Models.Customer.g.cs"], rerendered);
    }

    [Fact]
    public void Editing_one_operation_rerenders_only_the_file_of_its_tag()
    {
        var (run, rerendered) = RunEdited(spec => spec.Replace("summary: Gets an order.", "summary: Gets one order."));

        Assert.Equal(["ShopClient.Operations.Orders.g.cs"], rerendered);
        Assert.Contains("Gets one order.", run.GeneratedSources.Single(s => s.HintName == "ShopClient.Operations.Orders.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        // The client's shared members (its HTTP client, constructor and response checks) are declared once, apart from the operations.
        var shared = run.GeneratedSources.Single(s => s.HintName == "ShopClient.g.cs").SourceText.ToString();
        Assert.Contains("public ShopClient(HttpClient httpClient)", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("GetOrderAsync", shared, StringComparison.Ordinal);
        Assert.Contains("ListInvoicesAsync", run.GeneratedSources.Single(s => s.HintName == "ShopClient.Operations.Billing.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// What the operations of all tags share is declared once, in a file that reads only it: one error reader for the
    /// operations that document the same errors, one headers record for the successes that document the same headers. An
    /// edit of an operation's errors or headers re-renders that file and the operation's, and no other operation's.
    /// </summary>
    [Theory]
    [InlineData("ShopClient.Errors.g.cs", "private static ApiException {0}(", "message, {0}, ", "Read404AsProblem", "Read410AsProblem", "'404':\n          description: No such order.", "'410':\n          description: No such order.")]
    [InlineData("ShopClient.Headers.g.cs", "public sealed partial record {0}\n", ", {0}>>", "LinkHeaders", "LinkAndLocationHeaders", "description: The order.\n          headers:\n", "description: The order.\n          headers:\n            Location: { schema: { type: string } }\n")]
    public void Editing_an_operations_errors_or_headers_rerenders_only_the_file_that_shares_them_and_the_file_of_its_tag(
        string sharedFile, string declaration, string use, string sharedName, string editedName, string original, string replacement)
    {
        const string orders = "ShopClient.Operations.Orders.g.cs";
        var (before, _) = RunEdited(spec => spec);
        Assert.Single(Regex.Matches(Text(before, sharedFile), Regex.Escape(Named(declaration, sharedName))));
        Assert.All([orders, "ShopClient.Operations.Billing.g.cs"], file => Assert.Contains(Named(use, sharedName), Text(before, file), StringComparison.Ordinal));

        var (run, rerendered) = RunEdited(spec => spec.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Equal([sharedFile, orders], rerendered);
        Assert.Contains(Named(declaration, sharedName), Text(run, sharedFile), StringComparison.Ordinal);
        Assert.Contains(Named(declaration, editedName), Text(run, sharedFile), StringComparison.Ordinal);
        Assert.Contains(Named(use, editedName), Text(run, orders), StringComparison.Ordinal);

        static string Text(GeneratorRunResult run, string hintName) => run.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
        static string Named(string text, string name) => text.Replace("{0}", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_the_specs_description_rerenders_only_the_file_of_the_clients_shared_members()
    {
        var (_, rerendered) = RunEdited(spec => spec.Replace("  version: '1.0'\n", "  version: '1.0'\n  description: Sells things.\n"));

        Assert.Equal(["ShopClient.g.cs"], rerendered);
    }

    [Fact]
    /// <remarks>
    /// Roslyn compares a step's items by position, so a schema added at the end re-renders nothing else; one inserted
    /// earlier re-renders the files of the schemas after it, whose names and contents stay the same.
    /// </remarks>
    public void A_schemas_inline_types_share_its_file_and_an_added_schema_renames_no_file()
    {
        var (run, rerendered) = RunEdited(spec => spec + "\n    Refund:\n      properties:\n        amount: { type: number }\n");

        Assert.Equal(["ShopClient.Models.Refund.g.cs"], rerendered);
        var order = run.GeneratedSources.Single(s => s.HintName == "ShopClient.Models.Order.g.cs").SourceText.ToString();
        Assert.Contains("public sealed partial record Order", order, StringComparison.Ordinal);
        Assert.Contains("public enum OrderStatus", order, StringComparison.Ordinal);
    }

    /// <summary>
    /// A JSON spec is read in fragments, each cached on its own: an edit reads again the fragment it touches (or the
    /// skeleton, for lines moved), and a run after each edit gives what a cold run over the edited text gives: the same
    /// files and the same diagnostics, at the same places.
    /// </summary>
    [Fact]
    public void Editing_a_json_spec_reads_only_the_fragments_it_touches_and_gives_what_a_cold_run_gives()
    {
        var spec = SpecDocumentReader.Read(ThreeSchemaSpec + "\n" + CollidingSpec.Substring(CollidingSpec.IndexOf("    Pool:", StringComparison.Ordinal))).Root!.AsObject();
        spec["x-webhooks"] = System.Text.Json.Nodes.JsonNode.Parse("""
            {"orderShipped": {"post": {"summary": "An order shipped.", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                                       "responses": {"200": {"description": "Received."}}}}}
            """);
        var json = spec.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var edits = new (string What, Func<string, string> Edit, string[] FragmentsRead)[]
        {
            ("a schema's description", text => text.Replace("What an order costs.", "What an order costs, taxes included.", StringComparison.Ordinal), ["/components/schemas/Invoice"]),
            ("an operation's summary", text => text.Replace("Gets an order.", "Gets one order.", StringComparison.Ordinal), ["/paths/~1orders~1{id}"]),
            ("a webhook's summary", text => text.Replace("An order shipped.", "An order was shipped.", StringComparison.Ordinal), ["/x-webhooks/orderShipped"]),
            ("lines moved", text => "\n\n\n" + text, [""]),
            ("a line added before the colliding schema", text => text.Replace("\"description\": \"An order.\",", "\"description\": \"An order.\",\n        \"title\": \"Order\",", StringComparison.Ordinal), ["/components/schemas/Order"]),
            ("the colliding schema", text => text.Replace("two teams has.", "two teams have.", StringComparison.Ordinal), ["/components/schemas/Pool"]),
        };

        var file = new InMemoryAdditionalText("shop.openapi.json", json);
        var driver = GeneratorHarness.Run([file]).Driver;
        foreach (var (what, edit, fragmentsRead) in edits)
        {
            var edited = new InMemoryAdditionalText(file.Path, edit(file.GetText()!.ToString()));
            Assert.NotEqual(file.GetText()!.ToString(), edited.GetText()!.ToString());
            driver = driver.ReplaceAdditionalText(file, edited).RunGenerators(GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Marker { } }"));
            file = edited;
            var incremental = driver.GetRunResult();
            var cold = GeneratorHarness.Run([edited]).Result;

            var run = incremental.Results.Single();
            Assert.True(Outputs(run, TrackingNames.FragmentReads).Count > 4, "The JSON spec was not read in fragments.");
            Assert.Equal(fragmentsRead, Outputs(run, TrackingNames.FragmentReads)
                .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .Select(o => ((FragmentRead)o.Value).Fragment.Pointer));
            Assert.Equal(fragmentsRead, Outputs(run, TrackingNames.FragmentChecks)
                .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .Select(o => ((OpenApiClientGenerator.Checking.FragmentCheck)o.Value).Read.Fragment.Pointer));
            Assert.Equal(
                cold.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
                run.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
            Assert.Equal(Described(cold.Diagnostics), Described(incremental.Diagnostics));
            Assert.Contains(incremental.Diagnostics, d => d.Id == "OAG008");
            if (what == "lines moved")
            {
                Assert.All(Outputs(run, TrackingNames.RenderedFiles), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
            }
        }
    }

    private static List<string> Described(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult run, string trackingName)
        => run.TrackedSteps[trackingName].SelectMany(step => step.Outputs).ToList();

    /// <summary>The diagnostics as ID, file and one-based line, in a fixed order.</summary>
    private static List<(string Id, string Path, int Line)> Reported(GeneratorDriverRunResult result)
        => result.Diagnostics
            .Select(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Path, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_model_graph_holds_no_roslyn_or_openapi_objects()
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var file in GeneratorHarness.RepositorySpecs())
        {
            var result = SpecParser.Parse(new SpecInput(file.Path, file.GetText()!.ToString(), new SpecOptions(null, null, null)));
            Assert.NotNull(result.Spec);
            Walk(result, "result", visited);
        }
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        var ns = type.Namespace ?? string.Empty;
        Assert.False(ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || ns.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) || ns.StartsWith("System.Text.Json", StringComparison.Ordinal),
            $"{path} holds a {type.FullName}, which has no structural equality and would defeat the cache.");
        Assert.True(ns.StartsWith("OpenApiClientGenerator.Model", StringComparison.Ordinal) || ns.StartsWith("System", StringComparison.Ordinal),
            $"{path} holds an unexpected {type.FullName}.");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            Walk(property.GetValue(value), path + "." + property.Name, visited);
        }
    }
}
