namespace LowCode.GraphQL.Execution;

/// <summary>The path of a field in the response (spec §7.1.2 "path"): a linked list from the leaf to the root.</summary>
public sealed class ResponsePath
{
    internal ResponsePath(ResponsePath? parent, string fieldName)
    {
        Parent = parent;
        Key = fieldName;
        Depth = parent is null ? 1 : parent.Depth + 1;
    }

    internal ResponsePath(ResponsePath? parent, int index)
    {
        Parent = parent;
        Key = index;
        Depth = parent is null ? 1 : parent.Depth + 1;
    }

    public ResponsePath? Parent { get; }

    /// <summary>A response name (string) or a list index (int).</summary>
    public object Key { get; }

    public int Depth { get; }

    /// <summary>The path from the root, as in the response.</summary>
    public IReadOnlyList<object> ToList()
    {
        var items = new object[Depth];
        var current = this;
        for (var i = Depth - 1; i >= 0; i--)
        {
            items[i] = current!.Key;
            current = current.Parent;
        }

        return items;
    }

    public override string ToString() => string.Join('.', ToList());
}
