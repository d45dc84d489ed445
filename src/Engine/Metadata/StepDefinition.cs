using System.Collections.Immutable;

namespace LowCode.Engine.Metadata;

/// <summary>
/// One process step. The shape is flat: which properties apply depends on <see cref="Type"/>, and the validators
/// say so by JSON path when a property is missing or does not belong.
/// </summary>
public sealed record StepDefinition
{
    public required string Key { get; init; }

    public required string Type { get; init; }

    public string? Name { get; init; }

    /// <summary>Form key for a form task or approval; pinned to its latest published version when the instance starts.</summary>
    public string? Form { get; init; }

    public AssigneeDefinition? Assignee { get; init; }

    /// <summary>How long the step may take, as an ISO-8601 duration (e.g. <c>PT48H</c>, <c>P2D</c>).</summary>
    public string? Sla { get; init; }

    /// <summary>The step that follows when no routing rule decides otherwise.</summary>
    public string? Next { get; init; }

    /// <summary>Outcome → next step (an approval's <c>approved</c>/<c>rejected</c>, a webhook's <c>failed</c>).</summary>
    public ImmutableDictionary<string, string> Transitions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The outcomes a person may choose at an approval step.</summary>
    public ImmutableArray<string> Outcomes { get; init; } = [];

    /// <summary>The first step of each branch of a parallel split.</summary>
    public ImmutableArray<string> Branches { get; init; } = [];

    /// <summary>Data path → expression, evaluated in order by a script step.</summary>
    public ImmutableArray<DataAssignment> Set { get; init; } = [];

    public WebhookDefinition? Webhook { get; init; }

    /// <summary>How long a timer step waits, as an ISO-8601 duration.</summary>
    public string? Duration { get; init; }

    /// <summary>An expression giving the date and time a timer step waits until.</summary>
    public string? Until { get; init; }

    /// <summary>The signal name a signal step waits for.</summary>
    public string? Signal { get; init; }
}
