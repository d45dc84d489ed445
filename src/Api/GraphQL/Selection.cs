using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.Api.GraphQL;

/// <summary>
/// What a request selects under the field being resolved, so a resolver can skip work nobody asked for (a task's
/// prefill evaluates its whole form; a step's instance needs no read when only its id is asked for). Fragment spreads
/// are not looked up: each question answers them the way that is always safe.
/// </summary>
internal static class Selection
{
    /// <summary>
    /// True when every field selected under the field being resolved is one of <paramref name="fields"/> (or
    /// <c>__typename</c>), looking through inline fragments. A fragment spread answers no: what it holds is not looked up,
    /// and no is always safe here.
    /// </summary>
    public static bool SelectsOnly(ResolveContext context, params ReadOnlySpan<string> fields)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allowed = fields.ToArray();
        return context.FieldNodes.All(node => SelectsOnly(node.SelectionSet, allowed));
    }

    private static bool SelectsOnly(SelectionSetNode? selections, string[] fields) =>
        selections is null || selections.Selections.All(selection => selection switch
        {
            FieldNode node => node.Name.Value == "__typename" || fields.Contains(node.Name.Value),
            InlineFragmentNode fragment => SelectsOnly(fragment.SelectionSet, fields),
            _ => false,
        });

    /// <summary>True when <paramref name="field"/> may be selected under the field being resolved (a fragment spread answers yes).</summary>
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
