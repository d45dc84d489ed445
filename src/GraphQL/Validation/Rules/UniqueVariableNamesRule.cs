using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.8.1 Variable Uniqueness: https://spec.graphql.org/October2021/#sec-Variable-Uniqueness</summary>
public sealed class UniqueVariableNamesRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal))
        {
            var definitions = group.ToList();
            if (definitions.Count > 1)
            {
                Report($"There can be only one variable named \"${group.Key}\".", [.. definitions.Select(d => d.Variable.Name)]);
            }
        }
    }
}
