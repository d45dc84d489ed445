using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types;

/// <summary>An argument or input field definition (spec §3.6.1, §3.10).</summary>
public sealed class InputValue(string name, GraphQLType type)
{
    public string Name { get; } = name;

    public GraphQLType Type { get; internal set; } = type;

    public string? Description { get; internal set; }

    /// <summary>The default value as written in the SDL, or null when there is none.</summary>
    public ValueNode? DefaultValueLiteral { get; internal set; }

    /// <summary>True when <see cref="DefaultValueLiteral"/> is set (a default of <c>null</c> is a default too).</summary>
    public bool HasDefaultValue => DefaultValueLiteral is not null;

    /// <summary>The coerced default value (computed once when the schema is built).</summary>
    public object? DefaultValue { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public InputValueDefinitionNode? Definition { get; internal set; }
}
