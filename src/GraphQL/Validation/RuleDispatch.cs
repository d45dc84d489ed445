using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation;

/// <summary>Calls the Enter/Leave method of a rule that matches a node's kind.</summary>
internal static class RuleDispatch
{
    public static void Enter(ValidationRule rule, SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode n: rule.EnterField(n); break;
            case SelectionSetNode n: rule.EnterSelectionSet(n); break;
            case ArgumentNode n: rule.EnterArgument(n); break;
            case ValueNode n: rule.EnterValue(n); break;
            case ObjectFieldNode n: rule.EnterObjectField(n); break;
            case DirectiveNode n: rule.EnterDirective(n); break;
            case FragmentSpreadNode n: rule.EnterFragmentSpread(n); break;
            case InlineFragmentNode n: rule.EnterInlineFragment(n); break;
            case NamedTypeNode n: rule.EnterNamedType(n); break;
            case VariableDefinitionNode n: rule.EnterVariableDefinition(n); break;
            case OperationDefinitionNode n:
                rule.EnterDefinition(n);
                rule.EnterOperation(n);
                break;
            case FragmentDefinitionNode n:
                rule.EnterDefinition(n);
                rule.EnterFragmentDefinition(n);
                break;
            case DefinitionNode n: rule.EnterDefinition(n); break;
            case DocumentNode n: rule.EnterDocument(n); break;
            default: break;
        }
    }

    public static void Leave(ValidationRule rule, SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode n: rule.LeaveField(n); break;
            case SelectionSetNode n: rule.LeaveSelectionSet(n); break;
            case ArgumentNode n: rule.LeaveArgument(n); break;
            case ValueNode n: rule.LeaveValue(n); break;
            case ObjectFieldNode n: rule.LeaveObjectField(n); break;
            case DirectiveNode n: rule.LeaveDirective(n); break;
            case InlineFragmentNode n: rule.LeaveInlineFragment(n); break;
            case FragmentSpreadNode n: rule.LeaveFragmentSpread(n); break;
            case VariableDefinitionNode n: rule.LeaveVariableDefinition(n); break;
            case OperationDefinitionNode n: rule.LeaveOperation(n); break;
            case FragmentDefinitionNode n: rule.LeaveFragmentDefinition(n); break;
            case DocumentNode n: rule.LeaveDocument(n); break;
            default: break;
        }
    }
}
