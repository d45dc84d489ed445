using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>The state of one operation's execution (spec §6): what resolvers read and where errors collect.</summary>
internal sealed class OperationContext(
    Schema schema,
    ExecutorOptions options,
    PreparedDocument document,
    OperationDefinitionNode operation,
    IReadOnlyDictionary<string, object?> variables,
    RequestContext requestContext,
    CancellationToken cancellationToken)
{
    private readonly List<GraphQLError> _errors = [];

    public Schema Schema { get; } = schema;

    public ExecutorOptions Options { get; } = options;

    public PreparedDocument Document { get; } = document;

    public OperationDefinitionNode Operation { get; } = operation;

    public IReadOnlyDictionary<string, object?> Variables { get; } = variables;

    public RequestContext RequestContext { get; } = requestContext;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public DataLoaderScope DataLoaders { get; } = new();

    public object? RootValue { get; init; }

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToArray();
            }
        }
    }

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}
