using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using PackageTests.Infrastructure;

namespace PackageTests;

/// <summary>
/// A static check under the strict rules, since Mono's binder is lenient about versions where .NET Framework's is not,
/// so Mono's run in <see cref="CompilerHostTests"/> does not prove Visual Studio's: every assembly reference of every
/// DLL in the package's <c>analyzers/dotnet/cs</c> must be satisfied, in each host, by
/// <list type="bullet">
/// <item>a DLL of the package with that name and public key token, at that version or higher: the compiler's analyzer
/// loader resolves an analyzer's dependencies from the analyzer's folder so, on .NET Framework (its AssemblyResolve
/// handler) as on .NET (one AssemblyLoadContext per analyzer folder);</item>
/// <item>or a DLL of the host's folders with that name and token, where "host folders" are those the host's binder
/// itself serves:
///   <list type="bullet">
///   <item>.NET Framework compiler (<c>tasks/net472</c> of each toolset): that folder, whose DLL stands in only for its
///   own version or for the versions a binding redirect of <c>csc.exe.config</c> sends to it (the strict binder loads
///   nothing else from the application folder); and the assemblies of .NET Framework 4.7.2 (the toolset's minimum),
///   facades included, which unify any version up to their own;</item>
///   <item>.NET host: the compiler's folder and the runtime's shared framework folder (the trusted platform
///   assemblies), any version up to the one it has.</item>
///   </list></item>
/// </list>
/// </summary>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public sealed class HostAssemblyReferenceTests
{
    private readonly PackageFeed _feed;
    private readonly CompilerHosts _hosts;

    public HostAssemblyReferenceTests(PackageFeed feed, CompilerHosts hosts)
    {
        _feed = feed;
        _hosts = hosts;
        _feed.EnsurePacked();
    }

    public static TheoryData<string> HostNames => ["mono-csc-4.14.0", "mono-csc-5.9.0", "net9-csc-4.14.0", "net8-roslyn-4.8.0", "sdk"];

    [HostTheory]
    [MemberData(nameof(HostNames))]
    public void Every_assembly_reference_of_the_package_is_satisfied_in_the_host(string hostName)
    {
        var package = PackageAssemblies();
        var host = Host(hostName);
        var unsatisfied = Unsatisfied(package, host);
        Assert.True(unsatisfied.Count == 0, $"In {hostName}, nothing satisfies:{Environment.NewLine}" + string.Join(Environment.NewLine, unsatisfied));

        // The check can fail: without the System.Text.Json the package ships, no host but .NET 10 has the version the
        // generator asks for.
        var withoutJson = Unsatisfied(package.Where(a => a.Identity.Name != "System.Text.Json").ToList(), host);
        if (hostName == "sdk")
        {
            Assert.DoesNotContain(withoutJson, line => line.Contains("-> System.Text.Json, Version=10.", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(withoutJson, line => line.StartsWith("OpenApiClientGenerator.dll -> System.Text.Json, Version=10.", StringComparison.Ordinal));
        }
    }

    private static List<string> Unsatisfied(IReadOnlyList<AssemblyFile> package, ResolvedHost host)
    {
        var unsatisfied = new List<string>();
        foreach (var assembly in package)
        {
            foreach (var reference in assembly.References)
            {
                var satisfied = package.Any(p => Serves(p.Identity, reference))
                    || host.Exact.Any(h => Serves(h.Identity, reference) && (h.Identity.Version == reference.Version || host.Redirects(reference, h.Identity)))
                    || host.UpToTheirVersion.Any(h => Serves(h.Identity, reference));
                if (!satisfied)
                {
                    unsatisfied.Add($"{assembly.FileName} -> {reference.FullName}");
                }
            }
        }

        return unsatisfied;
    }

    /// <summary>Same name and token, and the version asked for or a higher one.</summary>
    private static bool Serves(AssemblyName candidate, AssemblyName reference)
        => string.Equals(candidate.Name, reference.Name, StringComparison.OrdinalIgnoreCase)
            && Token(candidate) == Token(reference)
            && candidate.Version >= reference.Version;

    private static string Token(AssemblyName name) => Convert.ToHexString(name.GetPublicKeyToken() ?? []);

    private List<AssemblyFile> PackageAssemblies()
    {
        var directory = Path.Combine(_feed.Root, "package-contents");
        if (!Directory.Exists(directory))
        {
            ZipFile.ExtractToDirectory(_feed.PackagePath, directory);
        }

        var assemblies = Assemblies(Path.Combine(directory, "analyzers", "dotnet", "cs"));
        Assert.Contains(assemblies, a => a.FileName == "OpenApiClientGenerator.dll");
        return assemblies;
    }

    private ResolvedHost Host(string hostName)
    {
        if (hostName == "sdk")
        {
            // The SDK running these tests: its compiler (sdk/VERSION/Roslyn/bincore) on the runtime running them.
            var runtime = RuntimeEnvironment.GetRuntimeDirectory();
            var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
            var version = DotnetCli.Run(Repository.Root, TimeSpan.FromMinutes(1), null, "--version");
            version.AssertSucceeded();
            var bincore = Path.Combine(dotnetRoot, "sdk", version.StandardOutput.Trim(), "Roslyn", "bincore");
            return new ResolvedHost([], [.. Assemblies(bincore), .. Assemblies(runtime)], []);
        }

        var host = _hosts.Get(hostName);
        if (host.StrongNameFolder is not { } strongNameFolder)
        {
            return new ResolvedHost([], [.. host.AssemblyFolders.SelectMany(Assemblies)], []);
        }

        var framework = host.AssemblyFolders.Where(f => f != strongNameFolder).SelectMany(Assemblies).ToList();
        return new ResolvedHost(Assemblies(strongNameFolder), framework, BindingRedirects(Path.Combine(strongNameFolder, "csc.exe.config")));
    }

    /// <summary>The managed assemblies of a folder, with their references (native DLLs left out).</summary>
    private static List<AssemblyFile> Assemblies(string directory)
    {
        Assert.True(Directory.Exists(directory), "No folder " + directory);
        var assemblies = new List<AssemblyFile>();
        foreach (var path in Directory.GetFiles(directory, "*.dll").Concat(Directory.GetFiles(directory, "*.exe")).Order(StringComparer.Ordinal))
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata)
            {
                continue;
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                continue;
            }

            var references = metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToList();
            assemblies.Add(new AssemblyFile(Path.GetFileName(path), metadata.GetAssemblyDefinition().GetAssemblyName(), references));
        }

        return assemblies;
    }

    /// <summary>The <c>bindingRedirect</c>s of an application configuration file.</summary>
    private static List<BindingRedirect> BindingRedirects(string configPath)
    {
        XNamespace binding = "urn:schemas-microsoft-com:asm.v1";
        var redirects = new List<BindingRedirect>();
        foreach (var dependent in XDocument.Load(configPath).Descendants(binding + "dependentAssembly"))
        {
            var identity = dependent.Element(binding + "assemblyIdentity");
            foreach (var redirect in dependent.Elements(binding + "bindingRedirect"))
            {
                var range = ((string)redirect.Attribute("oldVersion")!).Split('-');
                redirects.Add(new BindingRedirect(
                    (string)identity!.Attribute("name")!,
                    ((string?)identity.Attribute("publicKeyToken") ?? string.Empty).ToUpperInvariant(),
                    Version.Parse(range[0]),
                    Version.Parse(range[^1]),
                    Version.Parse((string)redirect.Attribute("newVersion")!)));
            }
        }

        Assert.NotEmpty(redirects);
        return redirects;
    }

    private sealed record AssemblyFile(string FileName, AssemblyName Identity, IReadOnlyList<AssemblyName> References);

    private sealed record BindingRedirect(string Name, string Token, Version Low, Version High, Version NewVersion);

    /// <param name="Exact">DLLs that serve their own version and the versions redirected to them.</param>
    /// <param name="UpToTheirVersion">DLLs that serve any version up to their own.</param>
    /// <param name="BindingRedirects">The host's binding redirects.</param>
    private sealed record ResolvedHost(IReadOnlyList<AssemblyFile> Exact, IReadOnlyList<AssemblyFile> UpToTheirVersion, IReadOnlyList<BindingRedirect> BindingRedirects)
    {
        public bool Redirects(AssemblyName reference, AssemblyName target)
            => BindingRedirects.Any(r => string.Equals(r.Name, reference.Name, StringComparison.OrdinalIgnoreCase)
                && r.Token == Token(reference)
                && r.Low <= reference.Version && reference.Version <= r.High
                && r.NewVersion == target.Version);
    }
}
