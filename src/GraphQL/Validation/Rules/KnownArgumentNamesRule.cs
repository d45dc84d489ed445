using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.4.1 Argument Names: https://spec.graphql.org/October2021/#sec-Argument-Names</summary>
public sealed class KnownArgumentNamesRule : ValidationRule
{
    public override void EnterDirective(DirectiveNode node)
    {
        if (Context.Schema.GetDirective(node.Name.Value) is not { } directive)
        {
            return;
        }

        foreach (var argument in node.Arguments)
        {
            var name = argument.Name.Value;
            if (directive.GetArgument(name) is null)
            {
                var suggestions = Suggestions.List(name, directive.Arguments.Select(a => a.Name));
                Report($"Unknown argument \"{name}\" on directive \"@{directive.Name}\".{Suggestions.DidYouMean(suggestions)}", argument);
            }
        }
    }

    public override void EnterArgument(ArgumentNode node)
    {
        if (Context.Argument is null && Context.Directive is null && Context.FieldDefinition is { } field && Context.ParentType is { } parent)
        {
            var name = node.Name.Value;
            var suggestions = Suggestions.List(name, field.Arguments.Select(a => a.Name));
            Report($"Unknown argument \"{name}\" on field \"{parent.Name}.{field.Name}\".{Suggestions.DidYouMean(suggestions)}", node);
        }
    }
}
