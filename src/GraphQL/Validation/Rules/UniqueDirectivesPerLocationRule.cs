using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.7.3 Directives Are Unique Per Location: https://spec.graphql.org/October2021/#sec-Directives-Are-Unique-Per-Location</summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node) => Check(node.Directives);

    public override void EnterField(FieldNode node) => Check(node.Directives);

    public override void EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives);

    public override void EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives);

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives);

    public override void EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives);

    private void Check(IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count < 2)
        {
            return;
        }

        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (Context.Schema.GetDirective(name) is not { IsRepeatable: false })
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                Report($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }
    }
}
