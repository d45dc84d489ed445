namespace LowCode.GraphQL.Execution;

/// <summary>Executes requests against one built schema. Thread-safe; one instance per schema.</summary>
public interface IRequestExecutor
{
    /// <summary>
    /// Runs a query or mutation, or starts a subscription. Never throws for a bad request: parse, validation
    /// and coercion failures come back as a result with errors and no data entry (<see cref="ExecutionResult.IsRequestError"/>).
    /// For a subscription the result carries <see cref="ExecutionResult.Stream"/>.
    /// </summary>
    Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default);
}
