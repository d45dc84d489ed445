using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.2.2.1 Lone Anonymous Operation: https://spec.graphql.org/October2021/#sec-Lone-Anonymous-Operation</summary>
public sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int _operationCount;

    public override void EnterDocument(DocumentNode node) =>
        _operationCount = node.Definitions.Count(d => d is OperationDefinitionNode);

    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (node.Name is null && _operationCount > 1)
        {
            Report("This anonymous operation must be the only defined operation.", node);
        }
    }
}
