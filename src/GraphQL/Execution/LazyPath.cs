namespace LowCode.GraphQL.Execution;

/// <summary>
/// A field's response path, allocated only when something needs it (a resolver, child values, an error), so
/// leaves read from their parent cost no path object.
/// </summary>
internal readonly struct LazyPath(ResponsePath? parent, string name, ResponsePath? path)
{
    private readonly ResponsePath? _parent = parent;
    private readonly string _name = name;
    private readonly ResponsePath? _path = path;

    public ResponsePath Value => _path ?? new ResponsePath(_parent, _name);

    public static LazyPath Of(ResponsePath path) => new(path.Parent, string.Empty, path);
}
