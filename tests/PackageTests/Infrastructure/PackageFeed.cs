using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml.Linq;

namespace PackageTests.Infrastructure;

/// <summary>
/// A temporary folder holding: the package, packed once from the repository's generator project into a local feed;
/// a packages folder of its own, so that nothing restored before (a stale 0.1.0-test in the machine's cache, say) can
/// stand in for the package just packed; and a nuget.config that reads the package from the local feed only and
/// everything else from the machine's usual sources. Consumer projects are created under it.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public const string PackageId = "OpenApiClientGenerator";
    public const string PackageVersion = "0.1.0-test";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    private readonly Lazy<DotnetResult> _pack;

    public PackageFeed()
    {
        Root = IsolatedFolder.Create("oag-package-tests-");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig(FeedDirectory, MachinePackageSources()));

        _pack = new Lazy<DotnetResult>(Pack, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Root { get; }

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string PackagesDirectory => Path.Combine(Root, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{PackageVersion}.nupkg");

    /// <summary>The environment of every consumer command: restore into this feed's own packages folder.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

    /// <summary>Packs the generator (once); fails the calling test with the pack's output if that did not work.</summary>
    public void EnsurePacked()
    {
        var pack = _pack.Value;
        pack.AssertSucceeded();
        Assert.True(File.Exists(PackagePath), pack.Describe("did not create " + PackagePath));
    }

    /// <summary>Writes a consumer project's files into a new folder under the feed's root and returns the folder.</summary>
    public string CreateProject(string name, IEnumerable<(string RelativePath, string Text)> files)
    {
        var directory = Path.Combine(Root, name);
        foreach (var (relativePath, text) in files)
        {
            var path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return directory;
    }

    /// <summary>Runs <c>dotnet</c> in a consumer folder, restoring into the feed's own packages folder.</summary>
    public DotnetResult Dotnet(string directory, TimeSpan timeout, params string[] arguments)
        => DotnetCli.Run(directory, timeout, ConsumerEnvironment, arguments);

    /// <summary>Restores and builds a consumer with every warning an error.</summary>
    public DotnetResult Build(string directory)
        => Dotnet(directory, BuildTimeout, "build", "-warnaserror", "-nodeReuse:false", "-tl:off", "-v:minimal", "-clp:NoSummary", "-p:UseSharedCompilation=false");

    public void Dispose() => IsolatedFolder.Delete(Root);

    /// <summary>
    /// Restores the generator as the repository's own builds do (no extra properties, so the restore is a no-op after a
    /// build and its output identical otherwise), then packs without restoring: a -p:Version on a restore would rewrite
    /// the generator's obj/project.assets.json under any build running next to the tests.
    /// </summary>
    private DotnetResult Pack()
    {
        var project = Repository.PathOf("generator", "OpenApiClientGenerator.csproj");
        var restore = DotnetCli.Run(Repository.Root, PackTimeout, null, "restore", project, "-nodeReuse:false", "-tl:off", "-v:minimal");
        if (!restore.Succeeded)
        {
            return restore;
        }

        return DotnetCli.Run(
            Repository.Root,
            PackTimeout,
            null,
            "pack",
            project,
            "--no-restore",
            "-c",
            "Release",
            "-o",
            FeedDirectory,
            "-p:Version=" + PackageVersion,
            "-nodeReuse:false",
            "-tl:off",
            "-v:minimal",
            "-p:UseSharedCompilation=false");
    }

    /// <summary>
    /// The remote package sources this machine restores from (the user-level NuGet.Config), or nuget.org when there is
    /// none to read.
    /// </summary>
    private static IReadOnlyList<(string Key, string Url)> MachinePackageSources()
    {
        var configPath = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "NuGet", "NuGet.Config")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        var sources = new List<(string Key, string Url)>();
        try
        {
            if (File.Exists(configPath))
            {
                var config = XDocument.Load(configPath);
                var packageSources = config.Root?.Element("packageSources");
                foreach (var element in packageSources?.Elements() ?? [])
                {
                    if (element.Name.LocalName == "clear")
                    {
                        sources.Clear();
                    }
                    else if (element.Name.LocalName == "add"
                        && (string?)element.Attribute("key") is { Length: > 0 } key
                        && (string?)element.Attribute("value") is { } url
                        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                    {
                        sources.Add((key, url));
                    }
                }
            }
        }
        catch (System.Xml.XmlException)
        {
            sources.Clear();
        }

        return sources.Count > 0 ? sources : [("nuget.org", "https://api.nuget.org/v3/index.json")];
    }

    /// <summary>The local feed serves this package and nothing else; the machine's sources serve everything else.</summary>
    private static string NuGetConfig(string feedDirectory, IReadOnlyList<(string Key, string Url)> remoteSources)
    {
        const string LocalKey = "oag-local-feed";
        var config = new XElement(
            "configuration",
            new XElement(
                "packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", LocalKey), new XAttribute("value", feedDirectory)),
                remoteSources.Select(s => new XElement("add", new XAttribute("key", s.Key), new XAttribute("value", s.Url)))),
            new XElement(
                "packageSourceMapping",
                new XElement("clear"),
                new XElement("packageSource", new XAttribute("key", LocalKey), new XElement("package", new XAttribute("pattern", PackageId))),
                remoteSources.Select(s => new XElement("packageSource", new XAttribute("key", s.Key), new XElement("package", new XAttribute("pattern", "*"))))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), config).ToString() + Environment.NewLine;
    }
}
