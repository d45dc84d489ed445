namespace LowCode.GraphQL.Execution;

/// <summary>The values of <c>extensions.code</c> this library sets (the names Apollo and HotChocolate clients know).</summary>
public static class ErrorCodes
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";
    public const string OperationNotFound = "OPERATION_RESOLUTION_FAILURE";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>An extensions map holding only <c>code</c>.</summary>
    public static IReadOnlyDictionary<string, object?> Extensions(string code) =>
        new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["code"] = code };
}
