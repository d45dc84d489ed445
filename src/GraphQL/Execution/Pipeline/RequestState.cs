using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>What the pipeline steps hand to each other for one request.</summary>
internal sealed class RequestState(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken)
{
    public GraphQLRequest Request { get; } = request;

    public RequestContext Context { get; } = context;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public PreparedDocument? Document { get; set; }

    public OperationDefinitionNode? Operation { get; set; }

    public IReadOnlyDictionary<string, object?>? Variables { get; set; }

    /// <summary>Set by a step that ends the request early (a request error).</summary>
    public ExecutionResult? Result { get; set; }

    public bool Fail(params GraphQLError[] errors)
    {
        Result = new ExecutionResult { Errors = errors };
        return false;
    }
}
