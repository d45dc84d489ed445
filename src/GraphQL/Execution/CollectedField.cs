using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>One entry of a grouped field set (spec CollectFields): the field nodes sharing a response name.</summary>
internal sealed class CollectedField(string responseName, FieldDefinition? definition)
{
    public string ResponseName { get; } = responseName;

    public List<FieldNode> Nodes { get; } = new(1);

    /// <summary>The field's definition on the object type; null for a field the type lacks (skipped).</summary>
    public FieldDefinition? Definition { get; } = definition;

    /// <summary>Coerced arguments, computed once when they use no variables.</summary>
    public IReadOnlyDictionary<string, object?>? ConstantArguments { get; set; }

    public bool ArgumentsUseVariables { get; set; }
}
