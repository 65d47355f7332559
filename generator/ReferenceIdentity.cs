using System.Collections.Generic;

namespace OpenApiClientGenerator;

/// <summary>
/// Keys objects by identity, where equal objects are still different places: each reference object of a document is
/// looked up once, each placed tree is found as itself.
/// </summary>
internal sealed class ReferenceIdentity<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceIdentity<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
