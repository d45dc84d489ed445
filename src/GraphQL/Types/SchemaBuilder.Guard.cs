using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    private Func<ResolveContext, Exception?>? _rootGuard;

    /// <summary>
    /// Runs <paramref name="guard"/> before every field of the query, mutation and subscription types (before a
    /// subscription's source stream is created). When it returns an exception, the field fails with it (a
    /// <see cref="GraphQLException"/> carries its <c>extensions.code</c>) and its resolver never runs: one place
    /// for a host's authorization rules. Introspection's <c>__schema</c> and <c>__type</c> are not guarded.
    /// </summary>
    public SchemaBuilder GuardRootFields(Func<ResolveContext, Exception?> guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _rootGuard = guard;
        return this;
    }

    private void ApplyRootGuard(ObjectType? query, ObjectType? mutation, ObjectType? subscription)
    {
        if (_rootGuard is not { } guard)
        {
            return;
        }

        foreach (var root in new[] { query, mutation }.OfType<ObjectType>())
        {
            foreach (var field in root.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                var resolver = field.Resolver;
                var name = field.Name;
                field.Resolver = context => guard(context) is { } refused
                    ? ValueTask.FromException<object?>(refused)
                    : resolver is null ? new ValueTask<object?>(DefaultResolver.Resolve(context.Parent, name)) : resolver(context);
            }
        }

        // A subscription is guarded once, when it starts: its events are resolved by the field's resolver (or are the
        // value themselves), which must stay as bound.
        foreach (var field in subscription?.Fields ?? [])
        {
            if (field.Subscriber is { } subscriber)
            {
                field.Subscriber = context => guard(context) is { } refused
                    ? ValueTask.FromException<IAsyncEnumerable<object?>>(refused)
                    : subscriber(context);
            }
        }
    }
}
