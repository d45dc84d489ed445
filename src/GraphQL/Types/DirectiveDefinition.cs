namespace LowCode.GraphQL.Types;

/// <summary>A directive a schema declares (spec §3.13), built in or from the SDL.</summary>
public sealed class DirectiveDefinition(string name)
{
    private readonly List<InputValue> _arguments = [];

    public string Name { get; } = name;

    public string? Description { get; internal set; }

    public bool IsRepeatable { get; internal set; }

    /// <summary>Locations as the spec spells them (e.g. <c>FIELD</c>, <c>FRAGMENT_SPREAD</c>).</summary>
    public IReadOnlyList<string> Locations { get; internal set; } = [];

    public IReadOnlyList<InputValue> Arguments => _arguments;

    public bool IsBuiltIn { get; internal set; }

    public Language.Ast.DirectiveDefinitionNode? Definition { get; internal set; }

    public InputValue? GetArgument(string name) => _arguments.Find(a => a.Name == name);

    internal bool AddArgument(InputValue argument)
    {
        if (_arguments.Exists(a => a.Name == argument.Name))
        {
            return false;
        }

        _arguments.Add(argument);
        return true;
    }
}
