using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// A command-line C# compiler on Roslyn 4.8's public API, for MSBuild's Csc task (CscToolExe): it reads the arguments
// csc would get, loads the analyzers with Roslyn's own analyzer loader (the one csc uses on .NET), runs the source
// generators, writes their files where csc writes them (/generatedfilesout), and emits the assembly. csc.dll of
// Roslyn 4.8 is not served on its own (the toolset packages served start at 4.14, which needs .NET 9), so this stands
// in for the .NET 8 SDK's compiler. Analyzers that are not source generators are not run.
var arguments = CSharpCommandLineParser.Default.Parse(args, Directory.GetCurrentDirectory(), sdkDirectory: null);
var diagnostics = new List<Diagnostic>(arguments.Errors);
if (Report(diagnostics))
{
    return 1;
}

var trees = arguments.SourceFiles
    .Select(file => CSharpSyntaxTree.ParseText(ReadText(file.Path, arguments.ChecksumAlgorithm), arguments.ParseOptions, file.Path))
    .ToList();
var references = arguments.ResolveMetadataReferences(new FileReferenceResolver());
var compilation = CSharpCompilation.Create(arguments.CompilationName, trees, references, arguments.CompilationOptions);

var loader = RoslynAnalyzerLoader();
var generators = new List<ISourceGenerator>();
foreach (var reference in arguments.ResolveAnalyzerReferences(loader))
{
    if (reference is AnalyzerFileReference file)
    {
        file.AnalyzerLoadFailed += (_, failure) => diagnostics.Add(Diagnostic.Create(
            new DiagnosticDescriptor("CS8032", "Analyzer load failure", "{0}", "Compiler", DiagnosticSeverity.Warning, isEnabledByDefault: true),
            Location.None,
            $"An instance of analyzer {failure.TypeName} cannot be created from {file.FullPath}: {failure.Message} {failure.Exception}"));
    }

    generators.AddRange(reference.GetGenerators(LanguageNames.CSharp));
}

var configs = arguments.AnalyzerConfigPaths.Select(path => AnalyzerConfig.Parse(ReadText(path, SourceHashAlgorithm.Sha256), path)).ToList();
var configSet = AnalyzerConfigSet.Create(configs, out var configDiagnostics);
diagnostics.AddRange(configDiagnostics);
var additionalTexts = arguments.AdditionalFiles.Select(file => (AdditionalText)new FileText(file.Path)).ToImmutableArray();

GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, additionalTexts, arguments.ParseOptions, new ConfigOptionsProvider(configSet));
driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
diagnostics.AddRange(generatorDiagnostics);

if (arguments.GeneratedFilesOutputDirectory is { } generatedFilesDirectory)
{
    foreach (var tree in generated.SyntaxTrees.Skip(trees.Count))
    {
        // As csc does: the tree's path (generator assembly/generator type/hint name) under /generatedfilesout, written
        // in the tree's encoding.
        var path = Path.Combine(generatedFilesDirectory, tree.FilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var writer = new StreamWriter(stream, tree.Encoding!);
        tree.GetText().Write(writer);
    }
}

var outputPath = Path.Combine(arguments.OutputDirectory, arguments.OutputFileName!);
using (var peStream = File.Create(outputPath))
using (var pdbStream = arguments.EmitPdb ? File.Create(arguments.PdbPath ?? Path.ChangeExtension(outputPath, ".pdb")) : null)
using (var xmlStream = arguments.DocumentationPath is { } documentationPath ? File.Create(documentationPath) : null)
using (var refStream = arguments.OutputRefFilePath is { } refPath ? File.Create(refPath) : null)
{
    var emit = generated.Emit(peStream, pdbStream, xmlStream, win32Resources: null, arguments.ManifestResources, arguments.EmitOptions, metadataPEStream: refStream);
    diagnostics.AddRange(emit.Diagnostics);
}

return Report(diagnostics) ? 1 : 0;

// Prints warnings and errors as csc does, for MSBuild to read; a warning fails too (the consumers build warning-free).
static bool Report(IEnumerable<Diagnostic> diagnostics)
{
    var failed = false;
    foreach (var diagnostic in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed))
    {
        Console.WriteLine(diagnostic.Location == Location.None ? "CSC : " + diagnostic : diagnostic.ToString());
        failed = true;
    }

    return failed;
}

static SourceText ReadText(string path, SourceHashAlgorithm checksumAlgorithm)
{
    using var stream = File.OpenRead(path);
    return SourceText.From(stream, encoding: null, checksumAlgorithm);
}

// Roslyn's DefaultAnalyzerAssemblyLoader (internal): on .NET, one AssemblyLoadContext per analyzer folder, as csc.
static IAnalyzerAssemblyLoader RoslynAnalyzerLoader()
{
    var type = typeof(AnalyzerFileReference).Assembly.GetType("Microsoft.CodeAnalysis.DefaultAnalyzerAssemblyLoader", throwOnError: true)!;
    var constructor = type.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
        .OrderBy(c => c.GetParameters().Length)
        .First(c => c.GetParameters().All(p => p.HasDefaultValue));
    return (IAnalyzerAssemblyLoader)constructor.Invoke(constructor.GetParameters().Select(p => p.DefaultValue).ToArray());
}

internal sealed class FileReferenceResolver : MetadataReferenceResolver
{
    public override bool Equals(object? other) => other is FileReferenceResolver;

    public override int GetHashCode() => 0;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
        => File.Exists(reference) ? [MetadataReference.CreateFromFile(reference, properties)] : [];
}

internal sealed class FileText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default)
    {
        using var stream = File.OpenRead(Path);
        return SourceText.From(stream);
    }
}

/// <summary>The .editorconfig and .globalconfig options as csc hands them to analyzers: per file, and global.</summary>
internal sealed class ConfigOptionsProvider(AnalyzerConfigSet configs) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new ConfigOptions(configs.GlobalConfigOptions.AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

    private ConfigOptions For(string path) => new(configs.GetOptionsForSourcePath(path).AnalyzerOptions);
}

internal sealed class ConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
{
    public override IEnumerable<string> Keys => values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}
