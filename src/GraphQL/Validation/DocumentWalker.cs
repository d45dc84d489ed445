using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation;

/// <summary>
/// Visits an executable document depth-first in the order graphql-js does, keeping <see cref="TypeInfo"/> in step:
/// type info enters before the visitor and leaves after it.
/// </summary>
internal sealed class DocumentWalker(TypeInfo typeInfo, Action<SyntaxNode> enter, Action<SyntaxNode> leave)
{
    public void Walk(SyntaxNode node)
    {
        typeInfo.Enter(node);
        enter(node);
        switch (node)
        {
            case DocumentNode document:
                foreach (var definition in document.Definitions)
                {
                    Walk(definition);
                }

                break;
            case OperationDefinitionNode operation:
                WalkAll(operation.VariableDefinitions);
                WalkAll(operation.Directives);
                Walk(operation.SelectionSet);
                break;
            case FragmentDefinitionNode fragment:
                Walk(fragment.TypeCondition);
                WalkAll(fragment.Directives);
                Walk(fragment.SelectionSet);
                break;
            case VariableDefinitionNode variable:
                Walk(variable.Variable);
                Walk(variable.Type);
                if (variable.DefaultValue is not null)
                {
                    Walk(variable.DefaultValue);
                }

                WalkAll(variable.Directives);
                break;
            case SelectionSetNode set:
                WalkAll(set.Selections);
                break;
            case FieldNode field:
                WalkAll(field.Arguments);
                WalkAll(field.Directives);
                if (field.SelectionSet is not null)
                {
                    Walk(field.SelectionSet);
                }

                break;
            case FragmentSpreadNode spread:
                WalkAll(spread.Directives);
                break;
            case InlineFragmentNode inline:
                if (inline.TypeCondition is not null)
                {
                    Walk(inline.TypeCondition);
                }

                WalkAll(inline.Directives);
                Walk(inline.SelectionSet);
                break;
            case DirectiveNode directive:
                WalkAll(directive.Arguments);
                break;
            case ArgumentNode argument:
                Walk(argument.Value);
                break;
            case ListValueNode list:
                WalkAll(list.Values);
                break;
            case ObjectValueNode obj:
                WalkAll(obj.Fields);
                break;
            case ObjectFieldNode objectField:
                Walk(objectField.Value);
                break;
            case ListTypeNode listType:
                Walk(listType.Type);
                break;
            case NonNullTypeNode nonNull:
                Walk(nonNull.Type);
                break;
            default:
                break;
        }

        leave(node);
        typeInfo.Leave(node);
    }

    private void WalkAll<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Walk(nodes[i]);
        }
    }
}
