using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.6.1 Values of Correct Type and §5.6.4 Input Object Required Fields.</summary>
public sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public override void EnterValue(ValueNode node)
    {
        switch (node)
        {
            case ListValueNode:
                if (Context.ParentInputType?.Nullable is not ListType)
                {
                    CheckLeaf(node);
                    SkipChildren();
                }

                break;
            case ObjectValueNode obj:
                CheckObject(obj);
                break;
            case NullValueNode:
                if (Context.InputType is NonNullType nonNull)
                {
                    Report($"Expected value of type \"{nonNull}\", found {Printer.Print(node)}.", node);
                }

                break;
            case VariableNode:
                break;
            default:
                CheckLeaf(node);
                break;
        }
    }

    public override void EnterObjectField(ObjectFieldNode node)
    {
        if (Context.InputType is null && Context.ParentInputType?.Named is InputObjectType parent)
        {
            var suggestions = Suggestions.List(node.Name.Value, parent.Fields.Select(f => f.Name));
            Report($"Field \"{node.Name.Value}\" is not defined by type \"{parent.Name}\".{Suggestions.DidYouMean(suggestions)}", node);
        }
    }

    private void CheckObject(ObjectValueNode node)
    {
        if (Context.InputType?.Named is not InputObjectType type)
        {
            CheckLeaf(node);
            SkipChildren();
            return;
        }

        var given = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            given[field.Name.Value] = field;
        }

        foreach (var field in type.Fields)
        {
            if (!given.ContainsKey(field.Name) && field.Type is NonNullType && !field.HasDefaultValue)
            {
                Report($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", node);
            }
        }

        if (!type.IsOneOf)
        {
            return;
        }

        if (given.Count != 1)
        {
            Report($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }

        var only = given.First();
        if (only.Value.Value is NullValueNode)
        {
            Report($"Field \"{type.Name}.{only.Key}\" must be non-null.", node);
        }
    }

    private void CheckLeaf(ValueNode node)
    {
        if (Context.InputType is not { } locationType)
        {
            return;
        }

        switch (locationType.Named)
        {
            case EnumType enumType:
                if (node is not EnumValueNode enumValue)
                {
                    var text = Printer.Print(node);
                    Report($"Enum \"{enumType.Name}\" cannot represent non-enum value: {text}.{ValueCoercion.EnumSuggestions(enumType, text)}", node);
                }
                else if (enumType.GetValue(enumValue.Value) is null)
                {
                    Report($"Value \"{enumValue.Value}\" does not exist in \"{enumType.Name}\" enum.{ValueCoercion.EnumSuggestions(enumType, enumValue.Value)}", node);
                }

                break;
            case ScalarType scalar:
                try
                {
                    if (ReferenceEquals(scalar.ParseLiteral(node), ValueCoercion.Undefined))
                    {
                        Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                    }
                }
                catch (GraphQLException exception)
                {
                    Report(exception.Message, node);
                }
                catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException or ArgumentException)
                {
                    Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {exception.Message}", node);
                }

                break;
            default:
                Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                break;
        }
    }
}
