using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Xml.Linq;
using PackageTests.Infrastructure;

namespace PackageTests;

/// <summary>
/// The package as a user gets it: `dotnet pack` of the generator project, then fresh projects that add it with one
/// PackageReference, restored from a local feed into a packages folder of their own, and built with every warning an
/// error.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan EvaluateTimeout = TimeSpan.FromMinutes(2);

    private readonly PackageFeed _feed;

    public PackageTests(PackageFeed feed)
    {
        _feed = feed;
        _feed.EnsurePacked();
    }

    [Fact]
    public void The_package_holds_the_generator_its_libraries_and_the_msbuild_files_and_no_dependencies()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        var files = package.Entries
            .Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/services/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "OpenApiClientGenerator.nuspec",
                "README.md",
                "analyzers/dotnet/cs/Microsoft.Bcl.AsyncInterfaces.dll",
                "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
                "analyzers/dotnet/cs/OpenApiClientGenerator.dll",
                "analyzers/dotnet/cs/Scriban.Signed.dll",
                "analyzers/dotnet/cs/System.Buffers.dll",
                "analyzers/dotnet/cs/System.IO.Pipelines.dll",
                "analyzers/dotnet/cs/System.Memory.dll",
                "analyzers/dotnet/cs/System.Numerics.Vectors.dll",
                "analyzers/dotnet/cs/System.Runtime.CompilerServices.Unsafe.dll",
                "analyzers/dotnet/cs/System.Text.Encodings.Web.dll",
                "analyzers/dotnet/cs/System.Text.Json.dll",
                "analyzers/dotnet/cs/System.Threading.Tasks.Extensions.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
                "build/OpenApiClientGenerator.props",
                "build/OpenApiClientGenerator.targets",
                "buildTransitive/OpenApiClientGenerator.props",
                "buildTransitive/OpenApiClientGenerator.targets",
            ],
            files);

        // build/ and buildTransitive/ carry the repository's files, unchanged.
        foreach (var name in new[] { "OpenApiClientGenerator.props", "OpenApiClientGenerator.targets" })
        {
            var source = File.ReadAllText(Repository.PathOf("generator", "buildTransitive", name));
            Assert.Equal(source, ReadEntry(package, "buildTransitive/" + name));
            Assert.Equal(source, ReadEntry(package, "build/" + name));
        }

        var nuspec = XDocument.Parse(ReadEntry(package, "OpenApiClientGenerator.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal(PackageFeed.PackageId, Value("id"));
        Assert.Equal(PackageFeed.PackageVersion, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        Assert.Contains("source-generator", Value("tags") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(
            "https://github.com/openapi-client-generator/openapi-client-generator",
            metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value);

        // No runtime dependency, not even an empty group per framework: the generated code needs only System.Text.Json.
        Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("ref/", StringComparison.Ordinal));
    }

    /// <summary>The runtime's C# and the templates travel inside the generator's DLL, as resources it emits and renders.</summary>
    [Fact]
    public void The_packed_generator_embeds_the_runtime_files_and_the_templates_unchanged()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        using var dll = new MemoryStream();
        using (var entry = package.GetEntry("analyzers/dotnet/cs/OpenApiClientGenerator.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        dll.Position = 0;
        var context = new AssemblyLoadContext("packed-generator", isCollectible: true);
        try
        {
            var generator = context.LoadFromStream(dll);
            foreach (var (folder, pattern, prefix) in new[] { ("runtime", "*.cs", "Runtime."), ("templates", "*.sbncs", "Templates.") })
            {
                // runtime/ has a folder per concern (Auth/) and its project's build output, which is not runtime.
                var files = Directory.GetFiles(Repository.PathOf(folder), pattern, SearchOption.AllDirectories)
                    .Where(p => !Path.GetRelativePath(Repository.PathOf(folder), p).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
                    .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
                    .ToList();
                Assert.NotEmpty(files);
                Assert.Equal(
                    files.Select(p => prefix + Path.GetFileName(p)),
                    generator.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
                foreach (var file in files)
                {
                    Assert.Equal(File.ReadAllText(file), ReadResource(generator, prefix + Path.GetFileName(file)));
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void A_net10_app_builds_without_warnings_and_calls_the_generated_client()
    {
        var project = _feed.CreateProject(
            "net10-app",
            ConsumerFiles.Files(
                ("Consumer.csproj", ConsumerFiles.AppProject),
                ("petstore.openapi.yaml", ConsumerFiles.PetstoreSpec),
                ("Program.cs", ConsumerFiles.AppProgram)));

        _feed.Build(project).AssertSucceededWithoutWarnings();

        // The analyzer came from the package just packed, restored into the feed's own packages folder.
        Assert.True(File.Exists(Path.Combine(_feed.PackagesDirectory, "openapiclientgenerator", PackageFeed.PackageVersion, "analyzers", "dotnet", "cs", "OpenApiClientGenerator.dll")));

        var run = _feed.Dotnet(project, RunTimeout, "run", "--no-build");
        run.AssertSucceeded();
        var marker = run.StandardOutput.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith(ConsumerFiles.Marker + " ", StringComparison.Ordinal));
        Assert.True(marker is not null, run.Describe("printed no " + ConsumerFiles.Marker + " line"));
        Assert.StartsWith(ConsumerFiles.Marker + " get=Rex post=pet-2 validation=[", marker, StringComparison.Ordinal);
        Assert.EndsWith("] error=400/PET.0400/No such pet./req-3", marker, StringComparison.Ordinal);
        foreach (var rule in new[] { "minLength", "maximum", "maxItems" })
        {
            Assert.Contains(rule, marker, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_netstandard2_0_library_builds_without_warnings()
    {
        var project = _feed.CreateProject(
            "netstandard-library",
            ConsumerFiles.Files(
                ("Consumer.csproj", ConsumerFiles.LibraryProject),
                ("petstore.openapi.yaml", ConsumerFiles.PetstoreSpec),
                ("PetService.cs", ConsumerFiles.LibraryCode)));

        _feed.Build(project).AssertSucceededWithoutWarnings();
    }

    [Fact]
    public void Properties_and_items_reach_the_generator_and_each_file_goes_in_once()
    {
        const string ClientMarker = "// CUSTOM-CLIENT-TEMPLATE";
        const string ModelsMarker = "// CUSTOM-MODELS-TEMPLATE";
        var project = _feed.CreateProject(
            "options",
            ConsumerFiles.Files(
                ("Options.csproj", ConsumerFiles.OptionsProject),
                ("Usage.cs", ConsumerFiles.OptionsUsage),
                ("petstore.openapi.yaml", ConsumerFiles.PetstoreSpec),
                ("listed.openapi.yaml", ConsumerFiles.WithWebhooks(ConsumerFiles.Retitled("Listed"))),
                ("specs/inventory.yaml", ConsumerFiles.Retitled("Inventory")),
                ("nested/deeper/weather.openapi.json", ConsumerFiles.WeatherSpec),
                ("bin/stale.openapi.yaml", ConsumerFiles.Retitled("Stale")),
                ("templates/Client.sbncs", ClientMarker + "\n" + File.ReadAllText(Repository.PathOf("templates", "Client.sbncs"))),
                ("templates/README.txt", "Not a template."),
                ("custom/Models.sbncs", ModelsMarker + "\n" + File.ReadAllText(Repository.PathOf("templates", "Models.sbncs")))));

        _feed.Dotnet(project, EvaluateTimeout, "restore", "-nodeReuse:false", "-tl:off", "-v:minimal").AssertSucceeded();

        var (properties, files) = Evaluate(project);
        Assert.Equal("Custom.Root", properties["OpenApiRootNamespace"]);
        Assert.Equal("true", properties["OpenApiEmitDataAnnotations"]);
        Assert.Equal(
            [
                "custom/Models.sbncs kind=Template",
                "listed.openapi.yaml kind=Spec namespace=Listed.Api",
                "nested/deeper/weather.openapi.json kind=Spec",
                "petstore.openapi.yaml", // the project's own item, recognised by its name
                "specs/inventory.yaml kind=Spec namespace=Custom.Inventory client=StockClient",
                "templates/Client.sbncs kind=Template",
            ],
            files);

        // Switched off, the automatic pick-up adds nothing; what the project lists still goes in.
        var (_, listedOnly) = Evaluate(project, "-p:OpenApiGeneratorEnabled=false");
        Assert.Equal(files.Where(f => !f.StartsWith("nested/", StringComparison.Ordinal)), listedOnly);

        // Usage.cs compiles only with the namespaces and client names the options ask for.
        _feed.Build(project).AssertSucceededWithoutWarnings();
        var generated = Path.Combine(project, "obj", "Debug", "net10.0", "generated", "OpenApiClientGenerator", "OpenApiClientGenerator.ClientGenerator");
        var stock = File.ReadAllText(Path.Combine(generated, "StockClient.g.cs")).TrimStart('\uFEFF');
        Assert.StartsWith(ClientMarker, stock, StringComparison.Ordinal);
        // ExcludeOperations="CreatePet" leaves GetPet; IncludeOperations="CreatePet;GetPet" reaches the generator whole.
        var stockOperations = OperationFiles(generated, "StockClient");
        Assert.Equal((true, false), (stockOperations.Contains("GetPetAsync(", StringComparison.Ordinal), stockOperations.Contains("CreatePetAsync(", StringComparison.Ordinal)));
        var listed = OperationFiles(generated, "ListedClient");
        Assert.Equal((true, true), (listed.Contains("GetPetAsync(", StringComparison.Ordinal), listed.Contains("CreatePetAsync(", StringComparison.Ordinal)));
        // Webhooks="pet-added;pet-removed" reaches the generator whole, and asks for both readers.
        var webhooks = File.ReadAllText(Path.Combine(generated, "ListedClient.Webhooks.g.cs"));
        Assert.Equal((true, true), (webhooks.Contains("ReadPetAdded(", StringComparison.Ordinal), webhooks.Contains("ReadPetRemoved(", StringComparison.Ordinal)));
        var models = File.ReadAllText(Path.Combine(generated, "PetstoreClient.Models.NewPet.g.cs")).TrimStart('\uFEFF');
        Assert.StartsWith(ModelsMarker, models, StringComparison.Ordinal);
        Assert.Contains("[global::System.ComponentModel.DataAnnotations.StringLength(20, MinimumLength = 1)]", models, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(generated, "StaleClient.g.cs")));
    }

    /// <summary>
    /// Evaluates the project (no build) and describes its AdditionalFiles as "path kind=… namespace=… client=…", with
    /// paths relative to the project folder, sorted.
    /// </summary>
    private (IReadOnlyDictionary<string, string> Properties, IReadOnlyList<string> Files) Evaluate(string project, params string[] extraArguments)
    {
        string[] arguments =
        [
            "msbuild",
            "-getItem:AdditionalFiles",
            "-getProperty:OpenApiRootNamespace",
            "-getProperty:OpenApiEmitDataAnnotations",
            "-nodeReuse:false",
            .. extraArguments,
        ];
        var evaluation = _feed.Dotnet(project, EvaluateTimeout, arguments);
        evaluation.AssertSucceeded();
        Assert.False(string.IsNullOrWhiteSpace(evaluation.StandardOutput), "msbuild printed no evaluation result. " + evaluation.StandardError);
        using var json = JsonDocument.Parse(evaluation.StandardOutput);
        var properties = json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
        var files = new List<string>();
        foreach (var item in json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray())
        {
            string Metadata(string name) => item.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
            var description = Path.GetRelativePath(project, Metadata("FullPath")).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var (metadataName, label) in new[] { ("OpenApiGeneratorKind", "kind"), ("OpenApiNamespace", "namespace"), ("OpenApiClientName", "client") })
            {
                if (Metadata(metadataName) is { Length: > 0 } value)
                {
                    description += $" {label}={value}";
                }
            }

            files.Add(description);
        }

        files.Sort(StringComparer.Ordinal);
        return (properties, files);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static string ReadEntry(ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The text of a client's operations: its files of one tag each (<c>Client.Operations.Tag.g.cs</c>).</summary>
    private static string OperationFiles(string generated, string clientName)
        => string.Concat(Directory.GetFiles(generated, clientName + ".Operations.*.g.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText));
}
