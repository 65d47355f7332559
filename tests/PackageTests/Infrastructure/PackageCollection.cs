namespace PackageTests.Infrastructure;

/// <summary>
/// The package tests share one packed package and one set of compiler hosts, and run one after another: each builds
/// with both cores, and two packs of the generator at once would write the same obj/ folder.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>, ICollectionFixture<CompilerHosts>
{
    public const string Name = "Package";
}
