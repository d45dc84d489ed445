using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Execution;

/// <summary>Facts about a document found by one walk over it.</summary>
internal static class DocumentScan
{
    public static bool HasVariableConditions(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode executable && HasVariableConditions(executable.SelectionSet))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVariableConditions(SelectionSetNode set)
    {
        foreach (var selection in set.Selections)
        {
            foreach (var directive in selection.Directives)
            {
                foreach (var argument in directive.Arguments)
                {
                    if (argument.Value is VariableNode)
                    {
                        return true;
                    }
                }
            }

            var child = selection switch
            {
                FieldNode f => f.SelectionSet,
                InlineFragmentNode i => i.SelectionSet,
                _ => null,
            };
            if (child is not null && HasVariableConditions(child))
            {
                return true;
            }
        }

        return false;
    }
}
