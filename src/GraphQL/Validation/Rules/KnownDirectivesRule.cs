using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.7.1 Directives Are Defined and §5.7.2 Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    private readonly Stack<SyntaxNode> _owners = new();

    public override void EnterOperation(OperationDefinitionNode node) => _owners.Push(node);

    public override void LeaveOperation(OperationDefinitionNode node) => _owners.Pop();

    public override void EnterField(FieldNode node) => _owners.Push(node);

    public override void LeaveField(FieldNode node) => _owners.Pop();

    public override void EnterFragmentSpread(FragmentSpreadNode node) => _owners.Push(node);

    public override void LeaveFragmentSpread(FragmentSpreadNode node) => _owners.Pop();

    public override void EnterInlineFragment(InlineFragmentNode node) => _owners.Push(node);

    public override void LeaveInlineFragment(InlineFragmentNode node) => _owners.Pop();

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => _owners.Push(node);

    public override void LeaveFragmentDefinition(FragmentDefinitionNode node) => _owners.Pop();

    public override void EnterVariableDefinition(VariableDefinitionNode node) => _owners.Push(node);

    public override void LeaveVariableDefinition(VariableDefinitionNode node) => _owners.Pop();

    public override void EnterDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        var directive = Context.Schema.GetDirective(name);
        if (directive is null)
        {
            Report($"Unknown directive \"@{name}\".", node);
            return;
        }

        var location = _owners.Count == 0 ? null : _owners.Peek() switch
        {
            OperationDefinitionNode operation => LowCode.GraphQL.Language.Printer.OperationName(operation.Operation).ToUpperInvariant(),
            FieldNode => "FIELD",
            FragmentSpreadNode => "FRAGMENT_SPREAD",
            InlineFragmentNode => "INLINE_FRAGMENT",
            FragmentDefinitionNode => "FRAGMENT_DEFINITION",
            VariableDefinitionNode => "VARIABLE_DEFINITION",
            _ => null,
        };
        if (location is not null && !directive.Locations.Contains(location))
        {
            Report($"Directive \"@{name}\" may not be used on {location}.", node);
        }
    }
}
