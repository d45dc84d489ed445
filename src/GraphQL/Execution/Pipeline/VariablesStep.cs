namespace LowCode.GraphQL.Execution.Pipeline;

/// <summary>Step 4: coerce the request's variables (spec CoerceVariableValues, §6.1.2).</summary>
internal sealed class VariablesStep(Types.Schema schema)
{
    public bool Run(RequestState state)
    {
        var errors = new List<GraphQLError>();
        var variables = ValueCoercion.CoerceVariableValues(state.Operation!, schema, state.Request.Variables, errors);
        if (errors.Count > 0)
        {
            return state.Fail([.. errors]);
        }

        state.Variables = variables;
        return true;
    }
}
