using LowCode.GraphQL.Language;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Validation;

namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>Step 1: parse and validate the query (spec §2, §5), or take both from the document cache.</summary>
internal sealed class DocumentStep(Schema schema, ExecutorOptions options, DocumentCache cache)
{
    public bool Run(RequestState state)
    {
        var query = state.Request.Query;
        if (query is null)
        {
            return state.Fail(new GraphQLError("Must provide query string.", Extensions: ErrorCodes.Extensions(ErrorCodes.ParseFailed)));
        }

        var prepared = cache.GetOrAdd(query, Prepare);
        state.Document = prepared;
        if (prepared.ValidationErrors.Count > 0)
        {
            state.Result = new ExecutionResult { Errors = prepared.ValidationErrors };
            return false;
        }

        return true;
    }

    private PreparedDocument Prepare(string query)
    {
        var parsed = Parser.Parse(query, options.Parser);
        if (parsed.Error is not null)
        {
            return new PreparedDocument(new Language.Ast.DocumentNode([]), [parsed.Error]);
        }

        var errors = DocumentValidator.Validate(schema, parsed.Document!, options.MaxValidationErrors);
        var coded = errors.Select(e => e with { Extensions = ErrorCodes.Extensions(ErrorCodes.ValidationFailed) }).ToList();
        return new PreparedDocument(parsed.Document!, coded);
    }
}
