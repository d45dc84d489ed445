using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types;

/// <summary>A field of an object or interface (spec §3.6) with the resolver bound to it.</summary>
public sealed class FieldDefinition(string name, GraphQLType type)
{
    private Dictionary<string, InputValue>? _argumentsByName;
    private readonly List<InputValue> _arguments = [];

    public string Name { get; } = name;

    public GraphQLType Type { get; internal set; } = type;

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public IReadOnlyList<InputValue> Arguments => _arguments;

    /// <summary>Computes the field's value; null means the default resolver (a map entry or property of the parent).</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>For subscription root fields: creates the source stream (spec CreateSourceEventStream).</summary>
    public SubscriptionResolver? Subscriber { get; internal set; }

    public FieldDefinitionNode? Definition { get; internal set; }

    /// <summary>
    /// What selecting this field adds to an operation's estimated cost, before list multipliers; null means the
    /// default of 1. Set by <c>@cost(weight:)</c> in the SDL or by <see cref="SchemaBuilder.Cost"/>.
    /// </summary>
    public int? Cost { get; internal set; }

    public InputValue? GetArgument(string name)
    {
        if (_arguments.Count == 0)
        {
            return null;
        }

        if (_argumentsByName is null)
        {
            return _arguments.Find(a => a.Name == name);
        }

        return _argumentsByName.GetValueOrDefault(name);
    }

    internal bool AddArgument(InputValue argument)
    {
        if (_arguments.Exists(a => a.Name == argument.Name))
        {
            return false;
        }

        _arguments.Add(argument);
        if (_arguments.Count > 4)
        {
            _argumentsByName = _arguments.ToDictionary(a => a.Name, StringComparer.Ordinal);
        }

        return true;
    }
}
