using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Execution;

/// <summary>Builds located field errors (spec §7.1.2) from messages and exceptions.</summary>
internal static class ErrorFactory
{
    public const string UnexpectedErrorMessage = "Unexpected error.";

    public static GraphQLError Create(string message, List<FieldNode> nodes, ResponsePath path, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(message, Locations(nodes), path.ToList(), extensions);

    public static GraphQLError FromException(Exception exception, List<FieldNode> nodes, ResponsePath path, bool exposeMessages)
    {
        if (exception is GraphQLException graphQLException)
        {
            if (graphQLException.Error is { } error)
            {
                return error with { Locations = error.Locations ?? Locations(nodes), Path = path.ToList() };
            }

            var extensions = graphQLException.Extensions;
            if (graphQLException.Code is { } code)
            {
                var merged = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
                foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
                {
                    merged.TryAdd(key, value);
                }

                extensions = merged;
            }

            return Create(graphQLException.Message, nodes, path, extensions);
        }

        return Create(
            exposeMessages ? exception.Message : UnexpectedErrorMessage,
            nodes,
            path,
            ErrorCodes.Extensions(ErrorCodes.InternalServerError));
    }

    public static IReadOnlyList<SourceLocation> Locations(IReadOnlyList<SyntaxNode> nodes)
    {
        var locations = new SourceLocation[nodes.Count];
        for (var i = 0; i < locations.Length; i++)
        {
            locations[i] = new SourceLocation(nodes[i].Location.Line, nodes[i].Location.Column);
        }

        return locations;
    }
}
