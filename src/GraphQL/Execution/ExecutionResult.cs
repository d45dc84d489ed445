namespace LowCode.GraphQL.Execution;

/// <summary>
/// The response map of spec §7.1. <see cref="Data"/> is an ordered map of CLR values (null, bool, numbers,
/// string, lists, ordered maps) ready to serialise; <see cref="HasData"/> tells an absent data entry from a null one.
/// </summary>
public sealed class ExecutionResult
{
    public object? Data { get; init; }

    /// <summary>False when execution never started (parse, validation or variable coercion failed).</summary>
    public bool HasData { get; init; }

    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>For a subscription that started: one result per source event. Disposing the enumerator ends the subscription.</summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; init; }

    /// <summary>A request error in the sense of the GraphQL-over-HTTP spec: no data entry and at least one error.</summary>
    public bool IsRequestError => !HasData && Stream is null && Errors.Count > 0;
}
