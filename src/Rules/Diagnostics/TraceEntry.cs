using System.Text.Json.Serialization;

namespace LowCode.Rules.Diagnostics;

/// <summary>One event of a decision.</summary>
/// <param name="Sequence">Position in the trace.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Rule">The rule concerned.</param>
/// <param name="Salience">Its salience.</param>
/// <param name="Facts">The facts of the activation, in binding order.</param>
/// <param name="Detail">Why, for losses and cancellations (e.g. the winning rule).</param>
public sealed record TraceEntry(
    int Sequence,
    TraceEventKind Kind,
    string Rule,
    int Salience,
    IReadOnlyList<TracedFact> Facts,
    string? Detail)
{
    /// <summary>For <see cref="TraceEventKind.Filtered"/>, the name of the filter that rejected the activation.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Filter { get; init; }
}
