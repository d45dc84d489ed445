using System.Text.Json;

namespace LowCode.Rules.Diagnostics;

/// <summary>
/// Explains a session's decisions: which rules matched which facts, which fired, and which lost (cancelled,
/// refracted, beaten in an exclusive group). Serialisable as JSON so a host can store it with each decision.
/// </summary>
public sealed class DecisionTrace
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly List<TraceEntry> _entries;

    public DecisionTrace(string ruleSet, long version, IReadOnlyList<TraceEntry>? entries = null)
    {
        RuleSet = ruleSet;
        Version = version;
        _entries = entries is null ? [] : [.. entries];
    }

    /// <summary>The rule set's name.</summary>
    public string RuleSet { get; }

    /// <summary>The rule set version the decision was made with.</summary>
    public long Version { get; }

    public IReadOnlyList<TraceEntry> Entries => _entries;

    /// <summary>The names of the rules whose activations an agenda filter rejected, in order (repeats kept).</summary>
    public IReadOnlyList<string> FilteredRules => [.. _entries.Where(e => e.Kind == TraceEventKind.Filtered).Select(e => e.Rule)];

    /// <summary>The names of the rules that fired, in firing order.</summary>
    public IReadOnlyList<string> FiredRules => [.. _entries.Where(e => e.Kind == TraceEventKind.Fired).Select(e => e.Rule)];

    public string ToJson() => JsonSerializer.Serialize(new TraceDocument(RuleSet, Version, _entries), JsonOptions);

    public static DecisionTrace FromJson(string json)
    {
        var document = JsonSerializer.Deserialize<TraceDocument>(json, JsonOptions)
            ?? throw new JsonException("The decision trace JSON is empty; expected an object with ruleSet, version and entries.");
        return new DecisionTrace(document.RuleSet, document.Version, document.Entries);
    }

    internal void Add(TraceEventKind kind, string rule, int salience, IReadOnlyList<TracedFact> facts, string? detail, string? filter) =>
        _entries.Add(new TraceEntry(_entries.Count, kind, rule, salience, facts, detail) { Filter = filter });

    private sealed record TraceDocument(string RuleSet, long Version, IReadOnlyList<TraceEntry> Entries);
}
