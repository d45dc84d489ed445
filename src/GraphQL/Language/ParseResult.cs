using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

/// <summary>Either a document or the syntax error that stopped the parse (with line and column).</summary>
public sealed class ParseResult
{
    private ParseResult(DocumentNode? document, GraphQLError? error)
    {
        Document = document;
        Error = error;
    }

    public DocumentNode? Document { get; }

    public GraphQLError? Error { get; }

    public bool IsSuccess => Document is not null;

    internal static ParseResult Success(DocumentNode document) => new(document, null);

    internal static ParseResult Failure(GraphQLError error) => new(null, error);
}
