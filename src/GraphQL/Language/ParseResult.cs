using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Language;

/// <summary>Either a document or the syntax error that stopped the parse (with line and column).</summary>
public sealed class ParseResult
{
    private ParseResult(DocumentNode? document, GraphQLError? error, string? excerpt)
    {
        Document = document;
        Error = error;
        Excerpt = excerpt;
    }

    public DocumentNode? Document { get; }

    public GraphQLError? Error { get; }

    /// <summary>For a syntax error: the offending source line with a caret under the column, for people reading logs.</summary>
    public string? Excerpt { get; }

    public bool IsSuccess => Document is not null;

    internal static ParseResult Success(DocumentNode document) => new(document, null, null);

    internal static ParseResult Failure(GraphQLError error, string excerpt) => new(null, error, excerpt);
}
