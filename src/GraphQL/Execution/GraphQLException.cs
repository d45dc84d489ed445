namespace LowCode.GraphQL.Execution;

/// <summary>
/// Thrown by resolvers and scalars to report an error to the client: its message is always shown and its
/// <see cref="Code"/> becomes <c>extensions.code</c>. Any other exception is reported as an internal error.
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException()
        : this("Unexpected error.")
    {
    }

    public GraphQLException(string message)
        : this(message, null, null)
    {
    }

    public GraphQLException(string message, Exception? innerException)
        : this(message, null, innerException)
    {
    }

    public GraphQLException(string message, string? code, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public GraphQLException(GraphQLError error)
        : base(error?.Message, null)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The value for <c>extensions.code</c>.</summary>
    public string? Code { get; }

    /// <summary>A complete error (with locations) when the thrower already has one.</summary>
    public GraphQLError? Error { get; }

    /// <summary>Extra entries for the error's <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
}
