using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// A parsed and validated document as the document cache keeps it, with what execution can compute once per
/// document: fragments by name, collected fields per object type, and per-operation limit checks.
/// </summary>
internal sealed class PreparedDocument
{
    public PreparedDocument(DocumentNode document, IReadOnlyList<GraphQLError> validationErrors)
    {
        Document = document;
        ValidationErrors = validationErrors;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                Fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        HasVariableConditions = DocumentScan.HasVariableConditions(document);
    }

    public DocumentNode Document { get; }

    public IReadOnlyList<GraphQLError> ValidationErrors { get; }

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>True when some @skip/@include reads a variable, so collected fields depend on the request.</summary>
    public bool HasVariableConditions { get; }

    /// <summary>Field collections, reused across requests when <see cref="HasVariableConditions"/> is false.</summary>
    public ConcurrentDictionary<CollectionKey, CollectedField[]> Collections { get; } = new();

    /// <summary>Depth/cost verdicts per operation (null = within limits).</summary>
    public ConcurrentDictionary<OperationDefinitionNode, GraphQLError?> LimitVerdicts { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>A (type, selection) pair compared by reference, the key of cached field collections.</summary>
internal readonly struct CollectionKey(object type, object selection) : IEquatable<CollectionKey>
{
    private readonly object _type = type;
    private readonly object _selection = selection;

    public bool Equals(CollectionKey other) => ReferenceEquals(_type, other._type) && ReferenceEquals(_selection, other._selection);

    public override bool Equals(object? obj) => obj is CollectionKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_type), RuntimeHelpers.GetHashCode(_selection));
}
