using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>Step 6: run the query or mutation (spec §6.2.1, §6.2.2) or start the subscription (§6.2.3).</summary>
internal sealed class ExecuteStep(Schema schema, ExecutorOptions options)
{
    public Task<ExecutionResult> RunAsync(RequestState state)
    {
        var operation = state.Operation!;
        var context = new OperationContext(schema, options, state.Document!, operation, state.Variables!, state.Context, state.CancellationToken)
        {
            RootValue = state.Context.RootValue,
        };
        var root = schema.GetRootType(operation.Operation);
        if (root is null)
        {
            // graphql-js reports this during execution, so the response has "data": null.
            return Task.FromResult(new ExecutionResult
            {
                HasData = true,
                Errors = [new GraphQLError(
                    $"Schema is not configured to execute {Language.Printer.OperationName(operation.Operation)} operation.",
                    [new SourceLocation(operation.Location.Line, operation.Location.Column)],
                    Extensions: ErrorCodes.Extensions(ErrorCodes.ValidationFailed))],
            });
        }

        return operation.Operation == OperationKind.Subscription
            ? SubscriptionExecutor.SubscribeAsync(context, root)
            : new OperationExecutor(context).ExecuteAsync(root);
    }
}
