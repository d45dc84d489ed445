using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>Step 2: pick the operation to run (spec GetOperation, §6.1).</summary>
internal static class OperationStep
{
    public static bool Run(RequestState state)
    {
        var name = state.Request.OperationName;
        OperationDefinitionNode? found = null;
        var count = 0;
        foreach (var definition in state.Document!.Document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            count++;
            if (name is null ? found is null : operation.Name?.Value == name)
            {
                found = operation;
            }
        }

        if (name is null && count > 1)
        {
            return state.Fail(new GraphQLError(
                "Must provide operation name if query contains multiple operations.",
                Extensions: ErrorCodes.Extensions(ErrorCodes.OperationNotFound)));
        }

        if (found is null)
        {
            return state.Fail(new GraphQLError(
                name is null ? "Must provide an operation." : $"Unknown operation named \"{name}\".",
                Extensions: ErrorCodes.Extensions(ErrorCodes.OperationNotFound)));
        }

        state.Operation = found;
        return true;
    }
}
