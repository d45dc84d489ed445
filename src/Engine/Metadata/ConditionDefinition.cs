using System.Collections.Immutable;
using System.Text.Json;

namespace LowCode.Engine.Metadata;

/// <summary>
/// One condition, in one of three shapes: structured (<see cref="Path"/> <see cref="Op"/> <see cref="Value"/>, over
/// <see cref="Fact"/>), an expression, or <see cref="Not"/>/<see cref="Exists"/> over other facts.
/// </summary>
public sealed record ConditionDefinition
{
    /// <summary>
    /// The fact the path reads: <c>data</c> (the instance data, the default), <c>task</c>, <c>instance</c>,
    /// <c>event</c> or <c>exception</c>.
    /// </summary>
    public string? Fact { get; init; }

    public string? Path { get; init; }

    /// <summary>==, !=, &lt;, &lt;=, &gt;, &gt;=, in, notIn, contains, startsWith, matches, isEmpty, isNotEmpty, between.</summary>
    public string? Op { get; init; }

    public JsonElement? Value { get; init; }

    /// <summary>A JavaScript expression over the data that must be true, e.g. <c>amount &gt; 1000 &amp;&amp; region === "EU"</c>.</summary>
    public string? Expression { get; init; }

    /// <summary>Holds when no fact of <see cref="FactPattern.Fact"/> matches all its conditions.</summary>
    public FactPattern? Not { get; init; }

    /// <summary>Holds when at least one fact of <see cref="FactPattern.Fact"/> matches all its conditions.</summary>
    public FactPattern? Exists { get; init; }
}

/// <summary>A fact type and the conditions one fact of it must meet.</summary>
public sealed record FactPattern
{
    public required string Fact { get; init; }

    public ImmutableArray<ConditionDefinition> Where { get; init; } = [];
}
