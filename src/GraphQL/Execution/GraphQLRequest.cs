namespace LowCode.GraphQL.Execution;

/// <summary>
/// One GraphQL request as a transport hands it to the executor. Variable and extension values are plain
/// CLR values: null, bool, int/long/double/decimal, string, IReadOnlyList&lt;object?&gt; and
/// IReadOnlyDictionary&lt;string, object?&gt; (what <c>JsonValues.ToClr</c> makes from JSON).
/// </summary>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);
