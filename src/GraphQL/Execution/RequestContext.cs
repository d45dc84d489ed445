namespace LowCode.GraphQL.Execution;

/// <summary>Per-request inputs from the host: services for resolvers, the caller, and what the transport allows.</summary>
public sealed class RequestContext
{
    /// <summary>Services resolvers may ask for (the ASP.NET Core request services, for example).</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Anything the host wants resolvers to see (the signed-in user, a tenant).</summary>
    public IDictionary<string, object?> Items { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>
    /// Operation kinds the transport accepts (GET allows only queries). When the selected operation is not
    /// among them, the executor returns a request error with <c>extensions.code = "OPERATION_NOT_ALLOWED"</c>.
    /// Null allows all.
    /// </summary>
    public IReadOnlySet<OperationKind>? AllowedOperations { get; init; }

    /// <summary>The parent value root fields see (graphql-js rootValue); null by default.</summary>
    public object? RootValue { get; init; }
}

/// <summary>The three root operation kinds.</summary>
public enum OperationKind
{
    Query,
    Mutation,
    Subscription,
}
