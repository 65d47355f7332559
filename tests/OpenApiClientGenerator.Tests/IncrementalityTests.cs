using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGenerator.Model;
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
        var edited = first.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Unrelated { } }", GeneratorHarness.ParseOptions));

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
        var replacement = new InMemoryAdditionalText(edited.Path, edited.GetText()!.ToString().Replace("description:", "description: Edited.", StringComparison.Ordinal));

        var second = first.Driver.ReplaceAdditionalText(edited, replacement).RunGenerators(first.Compilation).GetRunResult().Results.Single();

        var rendered = second.TrackedSteps[TrackingNames.RenderedSpecs].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(specs.Count, rendered.Count);
        Assert.Equal(1, rendered.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(specs.Count - 1, rendered.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var parsed = second.TrackedSteps[TrackingNames.ParsedSpecs].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, parsed.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.All(second.TrackedSteps[TrackingNames.RenderedRuntime].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

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
