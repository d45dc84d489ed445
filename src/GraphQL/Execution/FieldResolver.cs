namespace LowCode.GraphQL.Execution;

/// <summary>
/// Computes a field's value. Return a completed <see cref="ValueTask{TResult}"/> for synchronous values (no allocation);
/// await freely otherwise. Throw <see cref="GraphQLException"/> for an error the client should read.
/// </summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);

/// <summary>Creates the source event stream of a subscription field; each item is then resolved like a query.</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscriptionResolver(ResolveContext context);
