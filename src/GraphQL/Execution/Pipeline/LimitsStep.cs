namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>
/// Step 5: introspection when it is turned off, depth and cost limits. It runs after variable coercion because a
/// list's size may come from a variable; the verdict is cached per operation unless it read one.
/// </summary>
internal sealed class LimitsStep(Types.Schema schema, ExecutorOptions options)
{
    public bool Run(RequestState state)
    {
        var document = state.Document!;
        var operation = state.Operation!;
        if (!document.LimitVerdicts.TryGetValue(operation, out var verdict))
        {
            (verdict, var reusable) = OperationLimits.Check(schema, options, document, operation, state.Variables!);
            if (reusable)
            {
                document.LimitVerdicts.TryAdd(operation, verdict);
            }
        }

        return verdict is null || state.Fail(verdict);
    }
}
