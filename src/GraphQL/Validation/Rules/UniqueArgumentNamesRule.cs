using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.4.2 Argument Uniqueness: https://spec.graphql.org/October2021/#sec-Argument-Uniqueness</summary>
public sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override void EnterField(FieldNode node) => Check(node.Arguments);

    public override void EnterDirective(DirectiveNode node) => Check(node.Arguments);

    private void Check(IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
        {
            var nodes = group.ToList();
            if (nodes.Count > 1)
            {
                Report($"There can be only one argument named \"{group.Key}\".", [.. nodes.Select(n => n.Name)]);
            }
        }
    }
}
