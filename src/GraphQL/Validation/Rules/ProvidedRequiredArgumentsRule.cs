using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.4.2.1 Required Arguments: https://spec.graphql.org/October2021/#sec-Required-Arguments</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public override void LeaveField(FieldNode node)
    {
        if (Context.FieldDefinition is not { } field)
        {
            return;
        }

        foreach (var argument in field.Arguments)
        {
            if (IsRequired(argument) && !node.Arguments.Any(a => a.Name.Value == argument.Name))
            {
                Report($"Field \"{field.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }

    public override void LeaveDirective(DirectiveNode node)
    {
        if (Context.Schema.GetDirective(node.Name.Value) is not { } directive)
        {
            return;
        }

        foreach (var argument in directive.Arguments)
        {
            if (IsRequired(argument) && !node.Arguments.Any(a => a.Name.Value == argument.Name))
            {
                Report($"Directive \"@{directive.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", node);
            }
        }
    }

    private static bool IsRequired(InputValue argument) => argument.Type is NonNullType && !argument.HasDefaultValue;
}
