using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Benchmarks.Shared;

namespace GenerationBenchmarks.Scale;

/// <summary>
/// The consumer's side: our generator packed as users get it, and <c>dotnet build</c> of a project that uses it (or
/// Kiota's output), one build per project after a restore that is not counted. Builds run with
/// <c>-p:UseSharedCompilation=false</c> (the compiler is a child process of MSBuild, not a long-lived server, so its
/// peak memory is its own and it starts cold, as in CI) and <c>-m:1 -nodeReuse:false</c> (no MSBuild node outlives the
/// build), under <see cref="TimedProcess"/>.
/// </summary>
public sealed class ConsumerBuilds(string workDirectory)
{
    public const string PackageId = "OpenApiClientGenerator";

    /// <summary>A version no registry serves, so that the consumer restores the package just packed.</summary>
    public const string PackageVersion = "0.1.0-scale";

    public static readonly string[] KiotaPackages =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Json",
        "Microsoft.Kiota.Serialization.Text", "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Multipart",
    ];

    public const string KiotaPackageVersion = "2.1.6";

    private static readonly string[] BuildArguments =
        ["build", "--no-restore", "-nologo", "-v:q", "-tl:off", "-m:1", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary;ErrorsOnly"];

    private string FeedDirectory => Path.Combine(workDirectory, "feed");

    /// <summary>
    /// Our consumers restore into a packages folder of their own, so that no package of the same version restored
    /// earlier stands in for the one just packed.
    /// </summary>
    private Dictionary<string, string> OurEnvironment => new() { ["NUGET_PACKAGES"] = Path.Combine(workDirectory, "packages") };

    /// <summary>
    /// Restores the generator as the repository's builds do, then packs it without restoring (a -p:Version on a restore
    /// would rewrite generator/obj under any build running next to it), and writes the nuget.config that reads it.
    /// </summary>
    public ProcessCost Pack()
    {
        var project = Repo.PathOf("generator", "OpenApiClientGenerator.csproj");
        var restore = TimedProcess.Run(Repo.Root, "dotnet", ["restore", project, "-nologo", "-v:q", "-tl:off"]);
        if (!restore.Succeeded)
        {
            return restore;
        }

        File.WriteAllText(Path.Combine(workDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- The package just packed, from a local feed; everything else from the machine's usual sources. -->
            <configuration>
              <packageSources>
                <add key="scale-benchmark-feed" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        return TimedProcess.Run(
            Repo.Root,
            "dotnet",
            ["pack", project, "--no-restore", "-c", "Release", "-o", FeedDirectory, "-p:Version=" + PackageVersion, "-nologo", "-v:q", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false"]);
    }

    /// <summary>A library project referencing the packed generator, with the spec picked up by its name (<c>*.openapi.json</c>).</summary>
    public string CreateOurs(string name, string specPath)
    {
        var directory = CreateProject("ours-" + name, $"""<PackageReference Include="{PackageId}" Version="{PackageVersion}" PrivateAssets="all" />""");
        File.Copy(specPath, Path.Combine(directory, name + ".openapi.json"));
        return directory;
    }

    /// <summary>A library project referencing Kiota's runtime packages, for Kiota's output in <c>Client/</c>.</summary>
    public string CreateKiota(string name)
        => CreateProject("kiota-" + name, string.Join("\n    ", KiotaPackages.Select(p => $"""<PackageReference Include="{p}" Version="{KiotaPackageVersion}" />""")));

    /// <summary>Restores our consumer (not counted), then builds it once under GNU time; a failed restore is returned as the build's failure.</summary>
    public ProcessCost BuildOurs(string directory)
    {
        var restore = Restore(directory, OurEnvironment);
        return restore.Succeeded ? TimedProcess.Run(directory, "dotnet", BuildArguments, OurEnvironment) : restore;
    }

    /// <summary>
    /// Restores both projects (not counted), then builds ours and Kiota's started together, so that whatever else loads
    /// the machine loads both alike and their ratio is measured in the same minutes, as <c>benchmarks/compile-pair.sh</c>
    /// does for two outputs of ours; a failed restore is returned as that side's build failure, and then nothing is built.
    /// </summary>
    public (ProcessCost Ours, ProcessCost Kiota) BuildTogether(string ours, string kiota)
    {
        var ourRestore = Restore(ours, OurEnvironment);
        var kiotaRestore = Restore(kiota, environment: null);
        if (!ourRestore.Succeeded || !kiotaRestore.Succeeded)
        {
            return (ourRestore, kiotaRestore);
        }

        var ourBuild = Task.Run(() => TimedProcess.Run(ours, "dotnet", BuildArguments, OurEnvironment));
        var kiotaBuild = Task.Run(() => TimedProcess.Run(kiota, "dotnet", BuildArguments));
        return (ourBuild.Result, kiotaBuild.Result);
    }

    private static ProcessCost Restore(string directory, Dictionary<string, string>? environment)
        => TimedProcess.Run(directory, "dotnet", ["restore", "-nologo", "-v:q", "-tl:off"], environment);

    private string CreateProject(string name, string references)
    {
        var directory = Path.Combine(workDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- A consumer of the scale benchmark: a library with nullable on, built in Debug as in a developer's inner loop. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>Consumer</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """);
        return directory;
    }
}
