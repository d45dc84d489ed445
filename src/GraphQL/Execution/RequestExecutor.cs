using LowCode.GraphQL.Execution.Pipeline;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>The <see cref="IRequestExecutor"/> of a schema: the pipeline drawn in Pipeline/Pipeline.md.</summary>
public sealed class RequestExecutor : IRequestExecutor
{
    private readonly DocumentCache _cache;
    private readonly DocumentStep _document;
    private readonly LimitsStep _limits;
    private readonly VariablesStep _variables;
    private readonly ExecuteStep _execute;

    internal RequestExecutor(Schema schema, ExecutorOptions options)
    {
        Schema = schema;
        Options = options;
        _cache = new DocumentCache(options.DocumentCacheSize);
        _document = new DocumentStep(schema, options, _cache);
        _limits = new LimitsStep(schema, options);
        _variables = new VariablesStep(schema);
        _execute = new ExecuteStep(schema, options);
    }

    public Schema Schema { get; }

    public ExecutorOptions Options { get; }

    /// <summary>How many documents the cache holds (for diagnostics and tests).</summary>
    public int CachedDocumentCount => _cache.Count;

    /// <summary>Whether the document for this query text is cached, without counting as a use (for tests).</summary>
    internal bool IsCached(string query) => _cache.Contains(query);

    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = new RequestState(request, context ?? new RequestContext(), cancellationToken);
        try
        {
            if (!_document.Run(state) || !OperationStep.Run(state) || !AllowedOperationStep.Run(state) || !_variables.Run(state) || !_limits.Run(state))
            {
                return Task.FromResult(state.Result!);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // A request must never crash the host: a defect in a step becomes a spec-shaped error, not a 500 with a stack trace.
            return Task.FromResult(new ExecutionResult
            {
                Errors = [new GraphQLError(
                    Options.ExposeExceptionMessages ? exception.Message : ErrorFactory.UnexpectedErrorMessage,
                    Extensions: ErrorCodes.Extensions(ErrorCodes.InternalServerError))],
            });
        }

        return _execute.RunAsync(state);
    }
}
