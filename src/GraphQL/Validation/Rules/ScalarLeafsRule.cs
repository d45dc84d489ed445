using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.3.3 Leaf Field Selections: https://spec.graphql.org/October2021/#sec-Leaf-Field-Selections</summary>
public sealed class ScalarLeafsRule : ValidationRule
{
    public override void EnterField(FieldNode node)
    {
        if (Context.Type is not { } type)
        {
            return;
        }

        var name = node.Name.Value;
        if (type.Named is ScalarType or EnumType)
        {
            if (node.SelectionSet is { } set)
            {
                Report($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", set);
            }
        }
        else if (node.SelectionSet is null)
        {
            Report($"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", node);
        }
    }
}
