using LowCode.GraphQL.Language;

namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>Step 3: refuse operation kinds the transport does not allow (GET carries queries only).</summary>
internal static class AllowedOperationStep
{
    public static bool Run(RequestState state)
    {
        var allowed = state.Context.AllowedOperations;
        var kind = state.Operation!.Operation;
        if (allowed is null || allowed.Contains(kind))
        {
            return true;
        }

        var names = string.Join(", ", allowed.Order().Select(Printer.OperationName));
        return state.Fail(new GraphQLError(
            $"Cannot run a {Printer.OperationName(kind)} operation here; allowed: {(names.Length == 0 ? "none" : names)}.",
            Extensions: ErrorCodes.Extensions(ErrorCodes.OperationNotAllowed)));
    }
}
