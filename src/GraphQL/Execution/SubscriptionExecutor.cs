using System.Runtime.CompilerServices;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>Spec §6.2.3: creates the source event stream and maps each event to a response (MapSourceToResponseEvent).</summary>
internal static class SubscriptionExecutor
{
    public static async Task<ExecutionResult> SubscribeAsync(OperationContext context, ObjectType root)
    {
        var fields = FieldCollector.CollectRoot(context, root, context.Operation.SelectionSet);
        var field = fields.FirstOrDefault(f => f.Definition is not null);
        if (field is null)
        {
            return new ExecutionResult { Errors = [new GraphQLError("The subscription selects no field.", Extensions: ErrorCodes.Extensions(ErrorCodes.ValidationFailed))] };
        }

        var definition = field.Definition!;
        var path = new ResponsePath(null, field.ResponseName);
        IAsyncEnumerable<object?> source;
        try
        {
            var node = field.Nodes[0];
            var arguments = ValueCoercion.CoerceArgumentValues(definition.Arguments, node.Arguments, context.Variables, node);
            var resolveContext = new ResolveContext(context, root, definition, field.Nodes, context.RootValue, arguments, path);
            if (definition.Subscriber is null)
            {
                throw new GraphQLException(
                    $"Subscription field \"{root.Name}.{definition.Name}\" has no source stream; bind one with SchemaBuilder.Subscribe.",
                    ErrorCodes.InternalServerError);
            }

            source = await definition.Subscriber(resolveContext).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var error = ErrorFactory.FromException(exception, field.Nodes, path, context.Options.ExposeExceptionMessages);
            return new ExecutionResult { Errors = [error] };
        }

        return new ExecutionResult { Stream = MapEventsAsync(context, root, source, context.CancellationToken) };
    }

    private static async IAsyncEnumerable<ExecutionResult> MapEventsAsync(
        OperationContext subscription,
        ObjectType root,
        IAsyncEnumerable<object?> source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var eventContext = new OperationContext(
                subscription.Schema,
                subscription.Options,
                subscription.Document,
                subscription.Operation,
                subscription.Variables,
                subscription.RequestContext,
                cancellationToken)
            {
                RootValue = item,
            };
            yield return await new OperationExecutor(eventContext, subscriptionEvent: true).ExecuteAsync(root).ConfigureAwait(false);
        }
    }
}
