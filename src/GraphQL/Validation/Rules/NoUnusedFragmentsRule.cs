using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.4 Fragments Must Be Used: https://spec.graphql.org/October2021/#sec-Fragments-Must-Be-Used</summary>
public sealed class NoUnusedFragmentsRule : ValidationRule
{
    public override void LeaveDocument(DocumentNode node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.Name.Value);
            }
        }

        foreach (var fragment in node.Definitions.OfType<FragmentDefinitionNode>())
        {
            if (!used.Contains(fragment.Name.Value))
            {
                Report($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
            }
        }
    }
}
