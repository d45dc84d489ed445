namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>Step 4: depth and cost limits, and introspection when it is turned off (verdict cached per operation).</summary>
internal sealed class LimitsStep(Types.Schema schema, ExecutorOptions options)
{
    public bool Run(RequestState state)
    {
        var document = state.Document!;
        var verdict = document.LimitVerdicts.GetOrAdd(state.Operation!, operation => OperationLimits.Check(schema, options, document, operation));
        return verdict is null || state.Fail(verdict);
    }
}
