using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// Nesting depth and introspection fields of an operation with fragments expanded. Each fragment is measured once
/// and remembered, so the walk is linear in the document's size however often fragments are spread.
/// </summary>
internal sealed class OperationShape(PreparedDocument document)
{
    private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldNode?> _fragmentIntrospection = new(StringComparer.Ordinal);

    /// <summary>How deep the deepest field of the set is, counting the set's own fields as 1 (0 for no fields).</summary>
    public int Depth(SelectionSetNode set)
    {
        var max = 0;
        foreach (var selection in set.Selections)
        {
            var depth = selection switch
            {
                FieldNode field => 1 + (field.SelectionSet is null ? 0 : Depth(field.SelectionSet)),
                InlineFragmentNode inline => Depth(inline.SelectionSet),
                FragmentSpreadNode spread => FragmentDepth(spread.Name.Value),
                _ => 0,
            };
            max = Math.Max(max, depth);
        }

        return max;
    }

    /// <summary>The first field, in document order, deeper than <paramref name="max"/> when the set's fields are at <paramref name="depth"/>.</summary>
    public (FieldNode Field, int Depth)? FindTooDeep(SelectionSetNode set, int depth, int max)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode field when depth > max:
                    return (field, depth);
                case FieldNode { SelectionSet: { } children } when depth + Depth(children) > max:
                    return FindTooDeep(children, depth + 1, max);
                case InlineFragmentNode inline when depth - 1 + Depth(inline.SelectionSet) > max:
                    return FindTooDeep(inline.SelectionSet, depth, max);
                case FragmentSpreadNode spread when depth - 1 + FragmentDepth(spread.Name.Value) > max:
                    return FindTooDeep(document.Fragments[spread.Name.Value].SelectionSet, depth, max);
                default:
                    break;
            }
        }

        return null;
    }

    /// <summary>The first <c>__schema</c> or <c>__type</c> field in document order, or null.</summary>
    public FieldNode? FindIntrospection(SelectionSetNode set)
    {
        foreach (var selection in set.Selections)
        {
            var found = selection switch
            {
                FieldNode { Name.Value: "__schema" or "__type" } field => field,
                FieldNode field => field.SelectionSet is null ? null : FindIntrospection(field.SelectionSet),
                InlineFragmentNode inline => FindIntrospection(inline.SelectionSet),
                FragmentSpreadNode spread => FragmentIntrospection(spread.Name.Value),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private int FragmentDepth(string name)
    {
        if (_fragmentDepths.TryGetValue(name, out var depth))
        {
            return depth;
        }

        if (!document.Fragments.TryGetValue(name, out var fragment))
        {
            return 0;
        }

        // Validation has rejected fragment cycles; the placeholder only keeps a defect from recursing forever.
        _fragmentDepths[name] = 0;
        depth = Depth(fragment.SelectionSet);
        _fragmentDepths[name] = depth;
        return depth;
    }

    private FieldNode? FragmentIntrospection(string name)
    {
        if (_fragmentIntrospection.TryGetValue(name, out var found))
        {
            return found;
        }

        if (!document.Fragments.TryGetValue(name, out var fragment))
        {
            return null;
        }

        _fragmentIntrospection[name] = null;
        found = FindIntrospection(fragment.SelectionSet);
        _fragmentIntrospection[name] = found;
        return found;
    }
}
