using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using PackageTests.Infrastructure;

namespace PackageTests;

/// <summary>
/// The packed generator in every compiler host a user's build may run (see <see cref="CompilerHosts"/>): one consumer (a
/// netstandard2.0 library at C# 12), built by MSBuild with each host's compiler in place of the SDK's, warning-free, and
/// every generated file byte for byte the one the .NET 10 SDK's compiler generates. The .NET Framework compilers run only
/// where Mono is installed (.ci/run installs it; in CI a missing Mono fails them).
/// </summary>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public sealed class CompilerHostTests
{
    private static readonly object ReferenceLock = new();
    private static IReadOnlyDictionary<string, byte[]>? _referenceFiles;

    private readonly PackageFeed _feed;
    private readonly CompilerHosts _hosts;

    public CompilerHostTests(PackageFeed feed, CompilerHosts hosts)
    {
        _feed = feed;
        _hosts = hosts;
        _feed.EnsurePacked();
    }

    [HostFact(needsMono: true)]
    public void The_net_framework_compiler_of_the_4_14_toolset_under_mono_generates_the_same_files() => AssertSameFiles("mono-csc-4.14.0");

    [HostFact(needsMono: true)]
    public void The_net_framework_compiler_of_the_5_9_toolset_under_mono_generates_the_same_files() => AssertSameFiles("mono-csc-5.9.0");

    [HostFact]
    public void The_4_14_compiler_on_net9_generates_the_same_files() => AssertSameFiles("net9-csc-4.14.0");

    [HostFact]
    public void Roslyn_4_8_on_net8_generates_the_same_files() => AssertSameFiles("net8-roslyn-4.8.0");

    private void AssertSameFiles(string hostName)
    {
        var host = _hosts.Get(hostName);
        if (host.NeedsMono && !CompilerHosts.MonoInstalled)
        {
            Assert.Fail(CompilerHosts.MonoMissingReason + " CI requires the whole matrix (OAG_REQUIRE_HOST_MATRIX=1).");
        }

        var reference = ReferenceFiles();
        var project = ConsumerProject();
        var build = _feed.Dotnet(
            project,
            TimeSpan.FromMinutes(5),
            [.. BuildArguments(hostName), "-p:CscToolPath=" + Path.GetDirectoryName(host.Script), "-p:CscToolExe=" + Path.GetFileName(host.Script)]);
        build.AssertSucceededWithoutWarnings();
        Assert.True(File.Exists(_hosts.RunLog(host)), build.Describe("did not run " + host.Script));

        var files = GeneratedFiles(project, hostName);
        Assert.Equal(reference.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in reference)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(files[name]), $"{hostName} generated another {name} than the .NET 10 SDK ({files[name].Length} bytes against {bytes.Length}).");
        }
    }

    /// <summary>What the .NET 10 SDK's own compiler generates for the consumer, built once.</summary>
    private IReadOnlyDictionary<string, byte[]> ReferenceFiles()
    {
        lock (ReferenceLock)
        {
            if (_referenceFiles is null)
            {
                var project = ConsumerProject();
                _feed.Dotnet(project, TimeSpan.FromMinutes(3), "restore", "-nodeReuse:false", "-tl:off", "-v:minimal").AssertSucceeded();
                _feed.Dotnet(project, TimeSpan.FromMinutes(3), BuildArguments("sdk")).AssertSucceededWithoutWarnings();
                var files = GeneratedFiles(project, "sdk");
                Assert.Contains(files.Keys, name => name.StartsWith("PetstoreClient.Models.", StringComparison.Ordinal));
                Assert.Contains("PetstoreClient.g.cs", files.Keys);
                Assert.Contains(files.Keys, name => name.StartsWith("OpenApiClientGenerator.Runtime.", StringComparison.Ordinal));
                _referenceFiles = files;
            }

            return _referenceFiles;
        }
    }

    private string ConsumerProject()
    {
        var directory = Path.Combine(_feed.Root, "hosts-consumer");
        if (!Directory.Exists(directory))
        {
            _feed.CreateProject(
                "hosts-consumer",
                ConsumerFiles.Files(
                    ("Consumer.csproj", ConsumerFiles.Library("12")),
                    ("petstore.openapi.yaml", ConsumerFiles.PetstoreSpec),
                    ("PetService.cs", ConsumerFiles.LibraryCode)));
        }

        return directory;
    }

    /// <summary>A build of its own per host (obj/HOST/, bin/HOST/), so that none finds another's output up to date.</summary>
    private static string[] BuildArguments(string hostName)
        =>
        [
            "build",
            "--no-restore",
            "-warnaserror",
            "-nodeReuse:false",
            "-tl:off",
            "-v:minimal",
            "-clp:NoSummary",
            "-p:UseSharedCompilation=false",
            "-p:EmitCompilerGeneratedFiles=true",
            $"-p:IntermediateOutputPath=obj/{hostName}/",
            $"-p:OutDir=bin/{hostName}/",
        ];

    private static Dictionary<string, byte[]> GeneratedFiles(string project, string hostName)
    {
        var directory = Path.Combine(project, "obj", hostName, "generated", "OpenApiClientGenerator", "OpenApiClientGenerator.ClientGenerator");
        Assert.True(Directory.Exists(directory), "No generated files in " + directory);
        return Directory.GetFiles(directory).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes, StringComparer.Ordinal);
    }
}

/// <summary>A fact of the host matrix: skipped, with the reason, where its hosts cannot run (see <see cref="CompilerHosts.SkipReason"/>).</summary>
public sealed class HostFactAttribute : FactAttribute
{
    public HostFactAttribute(bool needsMono = false)
    {
        Skip = CompilerHosts.SkipReason(needsMono);
    }
}

/// <summary>A theory of the host matrix, skipped as <see cref="HostFactAttribute"/> is.</summary>
public sealed class HostTheoryAttribute : TheoryAttribute
{
    public HostTheoryAttribute()
    {
        Skip = CompilerHosts.SkipReason(needsMono: false);
    }
}
