using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Threading;

namespace PackageTests.Infrastructure;

/// <summary>
/// One compiler host: a C# compiler on a runtime, run by MSBuild's Csc task in place of the SDK's compiler through a
/// small script (<c>-p:CscToolPath=… -p:CscToolExe=…</c>), so that it gets exactly the arguments, analyzers, additional
/// files and options the SDK's own compiler gets.
/// </summary>
/// <param name="Name">Names the host in test output and folders.</param>
/// <param name="Script">The script that runs the compiler with the arguments it is given.</param>
/// <param name="NeedsMono">Runs a .NET Framework compiler, under Mono.</param>
/// <param name="StrongNameFolder">
/// The folder of a .NET Framework compiler, whose <c>csc.exe.config</c> binding redirects decide which versions its DLLs
/// stand in for; null for a .NET host, which binds any version up to the one it has.
/// </param>
/// <param name="AssemblyFolders">
/// The folders whose DLLs the host's binder can hand to an analyzer that asks for an assembly the analyzer's own folder
/// does not have: the compiler's folder and the runtime's. See <see cref="HostAssemblyReferenceTests"/>.
/// </param>
public sealed record CompilerHost(string Name, string Script, bool NeedsMono, string? StrongNameFolder, IReadOnlyList<string> AssemblyFolders);

/// <summary>
/// The compilers and runtimes of the host matrix, fetched through NuGet into the machine's NuGet cache (downloaded once
/// per machine), and laid out in a temporary folder:
/// <list type="bullet">
/// <item><c>tasks/net472/csc.exe</c> of <c>Microsoft.Net.Compilers.Toolset</c> 4.14.0 and 5.9.0 under Mono: the
/// .NET Framework compiler of Visual Studio and MSBuild.exe. .NET Framework 4.7.2's own assemblies come from
/// <c>Microsoft.NETFramework.ReferenceAssemblies.net472</c>, for the static check.</item>
/// <item><c>tasks/netcore/bincore/csc.dll</c> of the 4.14.0 toolset (it needs .NET 9) on .NET 9: a .NET install of the
/// 9.0 runtime alone, laid out from the runtime pack <c>Microsoft.NETCore.App.Runtime.linux-x64</c> (the <c>dotnet</c>
/// muxer, <c>host/fxr</c>, <c>shared/Microsoft.NETCore.App</c>), so no runtime of the machine can stand in for it.</item>
/// <item>Roslyn 4.8.0 (the .NET 8.0.1xx SDKs' compiler) on .NET 8, laid out the same way: <c>Net8Compiler/</c>, a
/// command-line compiler on Roslyn's public API, since no Roslyn 4.8 csc.dll is served on its own.</item>
/// </list>
/// The .NET 10 SDK running the tests is the reference host and needs none of this.
/// </summary>
public sealed class CompilerHosts : IDisposable
{
    public static readonly string[] ToolsetVersions = ["4.14.0", "5.9.0"];
    public const string Net8RuntimeVersion = "8.0.34";
    public const string Net9RuntimeVersion = "9.0.23";
    private const string NetFrameworkReferenceVersion = "1.0.3";

    private static readonly TimeSpan PrepareTimeout = TimeSpan.FromMinutes(5);

    private readonly Lazy<IReadOnlyList<CompilerHost>> _hosts;
    private string? _packagesDirectory;

    public CompilerHosts()
    {
        Root = IsolatedFolder.Create("oag-compiler-hosts-");
        _hosts = new Lazy<IReadOnlyList<CompilerHost>>(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Root { get; }

    /// <summary>Where the script of each host writes one line each time it runs: the proof that it, not the SDK's compiler, compiled.</summary>
    public string RunLog(CompilerHost host) => RunLog(host.Name);

    public static bool MonoInstalled { get; } = FindOnPath("mono") is not null;

    /// <summary>Set by .ci/run in CI: a missing Mono fails the Mono hosts instead of skipping them.</summary>
    public static bool MatrixRequired => Environment.GetEnvironmentVariable("OAG_REQUIRE_HOST_MATRIX") == "1";

    public static string MonoMissingReason
        => "Mono is not installed (apt-get install mono-complete; .ci/run installs it): the .NET Framework compilers are not run.";

    private static bool OnLinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64;

    /// <summary>Why a test of the matrix cannot run here, or null.</summary>
    public static string? SkipReason(bool needsMono)
        => !OnLinuxX64 ? "The compiler hosts are laid out from linux-x64 packages and run with shell scripts: Linux x64 only."
            : needsMono && !MonoInstalled && !MatrixRequired ? MonoMissingReason
            : null;

    /// <summary>Every host of the matrix, the .NET 10 SDK aside; fetched and laid out on first use.</summary>
    public IReadOnlyList<CompilerHost> All => _hosts.Value;

    public CompilerHost Get(string name) => All.Single(h => h.Name == name);

    public string NetFrameworkAssemblies => Path.Combine(PackagesDirectory, "microsoft.netframework.referenceassemblies.net472", NetFrameworkReferenceVersion, "build", ".NETFramework", "v4.7.2");

    private string PackagesDirectory => _packagesDirectory ?? throw new InvalidOperationException("The hosts are not prepared.");

    public void Dispose() => IsolatedFolder.Delete(Root);

    private IReadOnlyList<CompilerHost> Prepare()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(SkipReason(needsMono: false));
        }

        Download();
        var scripts = Directory.CreateDirectory(Path.Combine(Root, "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(Root, "runs"));
        var hosts = new List<CompilerHost>();

        foreach (var version in ToolsetVersions)
        {
            var folder = Path.Combine(PackagesDirectory, "microsoft.net.compilers.toolset", version, "tasks", "net472");
            hosts.Add(new CompilerHost(
                "mono-csc-" + version,
                Script(scripts, "mono-csc-" + version, "mono " + Quote(Path.Combine(folder, "csc.exe"))),
                NeedsMono: true,
                StrongNameFolder: folder,
                [folder, NetFrameworkAssemblies, Path.Combine(NetFrameworkAssemblies, "Facades")]));
        }

        var bincore = Path.Combine(PackagesDirectory, "microsoft.net.compilers.toolset", "4.14.0", "tasks", "netcore", "bincore");
        hosts.Add(DotnetHost("net9-csc-4.14.0", Net9RuntimeVersion, Path.Combine(bincore, "csc.dll"), scripts));
        hosts.Add(DotnetHost("net8-roslyn-4.8.0", Net8RuntimeVersion, Path.Combine(BuildNet8Compiler(), "Net8Compiler.dll"), scripts));
        return hosts;
    }

    /// <summary>A compiler DLL run by the <c>dotnet</c> of a .NET install holding one runtime.</summary>
    [SupportedOSPlatform("linux")]
    private CompilerHost DotnetHost(string name, string runtimeVersion, string compilerDll, string scripts)
    {
        var runtime = RuntimeInstall(runtimeVersion);
        return new CompilerHost(
            name,
            Script(scripts, name, Quote(Path.Combine(runtime.Root, "dotnet")) + " " + Quote(compilerDll)),
            NeedsMono: false,
            StrongNameFolder: null,
            [Path.GetDirectoryName(compilerDll)!, runtime.Framework]);
    }

    /// <summary>Restores a project of PackageDownloads into the machine's NuGet cache, which keeps them for the next run.</summary>
    private void Download()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, "downloads")).FullName;
        var toolsets = string.Join(";", ToolsetVersions.Select(v => $"[{v}]"));
        File.WriteAllText(Path.Combine(directory, "Downloads.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="Microsoft.Net.Compilers.Toolset" Version="{toolsets}" />
                <PackageDownload Include="Microsoft.NETCore.App.Runtime.linux-x64" Version="[{Net8RuntimeVersion}];[{Net9RuntimeVersion}]" />
                <PackageDownload Include="Microsoft.NETFramework.ReferenceAssemblies.net472" Version="[{NetFrameworkReferenceVersion}]" />
              </ItemGroup>
            </Project>
            """);
        DotnetCli.Run(directory, PrepareTimeout, null, "restore", "-nodeReuse:false", "-tl:off", "-v:minimal").AssertSucceeded();
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "obj", "project.assets.json")));
        _packagesDirectory = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
    }

    /// <summary>
    /// A .NET install holding one runtime and nothing else, from the runtime pack: the muxer (the SDK's <c>dotnet</c>,
    /// which does not depend on a version), <c>host/fxr/V/libhostfxr.so</c> and <c>shared/Microsoft.NETCore.App/V/</c>.
    /// </summary>
    [SupportedOSPlatform("linux")]
    private (string Root, string Framework) RuntimeInstall(string version)
    {
        var pack = Path.Combine(PackagesDirectory, "microsoft.netcore.app.runtime.linux-x64", version, "runtimes", "linux-x64");
        var root = Path.Combine(Root, "dotnet-" + version);
        var framework = Directory.CreateDirectory(Path.Combine(root, "shared", "Microsoft.NETCore.App", version)).FullName;
        var fxr = Directory.CreateDirectory(Path.Combine(root, "host", "fxr", version)).FullName;
        var major = version.Split('.')[0];
        foreach (var file in Directory.GetFiles(Path.Combine(pack, "lib", "net" + major + ".0")).Concat(Directory.GetFiles(Path.Combine(pack, "native"))))
        {
            File.Copy(file, Path.Combine(framework, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(pack, "native", "libhostfxr.so"), Path.Combine(fxr, "libhostfxr.so"));
        var muxer = Path.Combine(root, "dotnet");
        var sdkMuxer = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : FindOnPath("dotnet");
        File.Copy(sdkMuxer ?? throw new InvalidOperationException("dotnet is not on PATH."), muxer);
        File.SetUnixFileMode(muxer, File.GetUnixFileMode(muxer) | UnixFileMode.UserExecute);
        var check = DotnetCli.RunExecutable(muxer, Root, TimeSpan.FromMinutes(1), null, "--list-runtimes");
        check.AssertSucceeded();
        Assert.True(check.StandardOutput.Trim() == $"Microsoft.NETCore.App {version} [{Path.Combine(root, "shared", "Microsoft.NETCore.App")}]", check.Describe("lists other runtimes than " + version));
        return (root, framework);
    }

    /// <summary>Builds tests/PackageTests/Net8Compiler from a copy, so that nothing is written into the repository.</summary>
    private string BuildNet8Compiler()
    {
        var source = Repository.PathOf("tests", "PackageTests", "Net8Compiler");
        var directory = Directory.CreateDirectory(Path.Combine(Root, "Net8Compiler")).FullName;
        foreach (var file in new[] { "Net8Compiler.csproj", "Program.cs" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(directory, file));
        }

        var output = Path.Combine(directory, "out");
        DotnetCli.Run(directory, PrepareTimeout, null, "build", "-c", "Release", "-o", output, "-nodeReuse:false", "-tl:off", "-v:minimal", "-p:UseSharedCompilation=false").AssertSucceeded();
        return output;
    }

    [SupportedOSPlatform("linux")]
    private string Script(string directory, string name, string command)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "$*" >> {Quote(RunLog(name))}
            exec {command} "$@"

            """);
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }

    private string RunLog(string hostName) => Path.Combine(Root, "runs", hostName + ".log");

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? FindOnPath(string executable)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
}
