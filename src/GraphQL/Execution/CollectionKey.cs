using System.Runtime.CompilerServices;

namespace LowCode.GraphQL.Execution;

/// <summary>A (type, selection) pair compared by reference, the key of cached field collections.</summary>
internal readonly struct CollectionKey(object type, object selection) : IEquatable<CollectionKey>
{
    private readonly object _type = type;
    private readonly object _selection = selection;

    public bool Equals(CollectionKey other) => ReferenceEquals(_type, other._type) && ReferenceEquals(_selection, other._selection);

    public override bool Equals(object? obj) => obj is CollectionKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_type), RuntimeHelpers.GetHashCode(_selection));
}
