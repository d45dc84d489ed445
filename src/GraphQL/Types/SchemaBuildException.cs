using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Types;

/// <summary>Thrown by <see cref="SchemaBuilder.Build"/> with every problem found in the SDL and bindings.</summary>
public sealed class SchemaBuildException : Exception
{
    public SchemaBuildException()
        : this([new GraphQLError("The schema is invalid.")])
    {
    }

    public SchemaBuildException(string message)
        : this([new GraphQLError(message)])
    {
    }

    public SchemaBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new GraphQLError(message)];
    }

    public SchemaBuildException(IReadOnlyList<GraphQLError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<GraphQLError> Errors { get; }

    private static string Describe(IReadOnlyList<GraphQLError> errors) =>
        "The schema is invalid:" + string.Concat(errors.Select(e =>
            "\n  " + e.Message + (e.Locations is { Count: > 0 } l ? $" (line {l[0].Line}, column {l[0].Column})" : string.Empty)));
}
