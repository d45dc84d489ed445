using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.Api.GraphQL;

/// <summary>
/// What a request selects under the field being resolved, so a resolver can skip work nobody asked for (a task's
/// prefill evaluates its whole form). A fragment spread answers yes: it may hold the field, and yes is always safe.
/// </summary>
internal static class Selection
{
    public static bool Selects(ResolveContext context, string field)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FieldNodes.Any(node => Selects(node.SelectionSet, field));
    }

    private static bool Selects(SelectionSetNode? selections, string field) =>
        selections is not null && selections.Selections.Any(selection => selection switch
        {
            FieldNode node => node.Name.Value == field,
            InlineFragmentNode fragment => Selects(fragment.SelectionSet, field),
            _ => true,
        });
}
