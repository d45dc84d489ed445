using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.8.2 Variables Are Input Types: https://spec.graphql.org/October2021/#sec-Variables-Are-Input-Types</summary>
public sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override void EnterVariableDefinition(VariableDefinitionNode node)
    {
        var type = LowCode.GraphQL.Execution.ValueCoercion.TypeFromAst(Context.Schema, node.Type);
        if (type is not null && !type.IsInputType)
        {
            Report(
                $"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{LowCode.GraphQL.Language.Printer.Print(node.Type)}\".",
                node.Type);
        }
    }
}
