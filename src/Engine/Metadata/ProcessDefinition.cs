using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace LowCode.Engine.Metadata;

/// <summary>A process: steps, who does them, their SLAs, and the rule set that routes between them.</summary>
public sealed record ProcessDefinition : IDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string Key { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The step an instance starts at; the first step when omitted.</summary>
    public string? Start { get; init; }

    public ImmutableArray<StepDefinition> Steps { get; init; } = [];

    /// <summary>Key of the rule set that routes and raises exceptions; bound to its latest published version.</summary>
    public string? RuleSet { get; init; }

    /// <summary>SLA for the whole instance, as an ISO-8601 duration (e.g. <c>P5D</c>).</summary>
    public string? Sla { get; init; }

    DefinitionKind IDefinition.Kind => DefinitionKind.Process;
}
