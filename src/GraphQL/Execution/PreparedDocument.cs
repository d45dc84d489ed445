using System.Collections.Concurrent;
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
