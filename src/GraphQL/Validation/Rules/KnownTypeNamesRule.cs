using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Validation.Rules;

/// <summary>Spec §5.5.1.2 Fragment Spread Type Existence and §5.8.2 (types named by variables must exist).</summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    public override void EnterNamedType(NamedTypeNode node)
    {
        var name = node.Name.Value;
        if (Context.Schema.GetType(name) is not null)
        {
            return;
        }

        var suggestions = Suggestions.List(name, Context.Schema.Types.Select(t => t.Name));
        Report($"Unknown type \"{name}\".{Suggestions.DidYouMean(suggestions)}", node);
    }
}
