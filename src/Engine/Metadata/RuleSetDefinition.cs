using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace LowCode.Engine.Metadata;

/// <summary>Named rules that route a process and react to exceptions; bound live to processes by key.</summary>
public sealed record RuleSetDefinition : IDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string Key { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public ImmutableArray<RuleDefinition> Rules { get; init; } = [];

    DefinitionKind IDefinition.Kind => DefinitionKind.RuleSet;
}
