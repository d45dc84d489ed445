using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.6.3 Input Object Field Uniqueness: https://spec.graphql.org/October2021/#sec-Input-Object-Field-Uniqueness</summary>
public sealed class UniqueInputFieldNamesRule : ValidationRule
{
    private readonly Stack<Dictionary<string, NameNode>> _known = new();

    public override void EnterValue(ValueNode node)
    {
        if (node is ObjectValueNode)
        {
            _known.Push(new Dictionary<string, NameNode>(StringComparer.Ordinal));
        }
    }

    public override void LeaveValue(ValueNode node)
    {
        if (node is ObjectValueNode)
        {
            _known.Pop();
        }
    }

    public override void EnterObjectField(ObjectFieldNode node)
    {
        var known = _known.Peek();
        if (known.TryGetValue(node.Name.Value, out var first))
        {
            Report($"There can be only one input field named \"{node.Name.Value}\".", first, node.Name);
        }
        else
        {
            known[node.Name.Value] = node.Name;
        }
    }
}
