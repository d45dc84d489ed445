namespace LowCode.GraphQL.Types;

/// <summary>One value of an enum: its GraphQL name and the CLR value resolvers see (the name, unless bound).</summary>
public sealed class EnumValueDefinition(string name)
{
    public string Name { get; } = name;

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    /// <summary>The CLR value arguments receive and resolvers return; defaults to <see cref="Name"/>.</summary>
    public object Value { get; internal set; } = name;

    public Language.Ast.EnumValueDefinitionNode? Definition { get; internal set; }
}
