namespace LowCode.Rules.Rete;

/// <summary>
/// How a fact moves from a node to its alpha children: sibling tests of the form <c>path == literal</c> on the same
/// path are one hash lookup (a fact can pass at most one of them), every other child is tested in turn.
/// </summary>
internal sealed class AlphaDispatch
{
    public static AlphaDispatch Empty { get; } = new([], []);

    private AlphaDispatch(AlphaDispatchTable[] tables, AlphaNode[] tested)
    {
        Tables = tables;
        Tested = tested;
    }

    public AlphaDispatchTable[] Tables { get; }

    public AlphaNode[] Tested { get; }

    public static AlphaDispatch Build(List<AlphaNode> children)
    {
        var tables = new List<AlphaDispatchTable>();
        var tested = new List<AlphaNode>();
        foreach (var group in children.GroupBy(child => child.EqualityPath?.Text, StringComparer.Ordinal))
        {
            if (group.Key is null || group.Count() < 2)
            {
                tested.AddRange(group);
                continue;
            }

            var nodes = new Dictionary<object, AlphaNode>();
            foreach (var node in group)
            {
                // Two literals with one key (1 and 1.0 written differently) cannot share a slot: test the extra one.
                if (!nodes.TryAdd(node.EqualityKey!, node))
                {
                    tested.Add(node);
                }
            }

            tables.Add(new AlphaDispatchTable(group.First().EqualityPath!, nodes));
        }

        return new AlphaDispatch([.. tables], [.. tested]);
    }
}
