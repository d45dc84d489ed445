using System.Collections.Immutable;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Operations.DryRun;

/// <summary>
/// What a candidate rule set would have decided over recorded history. <see cref="Problems"/> is not empty when the
/// candidate could not be replayed at all (it does not parse or compile); nothing is counted then.
/// </summary>
/// <param name="RuleSetKey">The candidate's key.</param>
/// <param name="RuleSetVersion">The candidate's version; 0 for a draft or unsaved text.</param>
/// <param name="Replayed">Decisions run through the candidate.</param>
/// <param name="Changed">Of those, decisions whose target step or fired rules differ from what was recorded.</param>
/// <param name="Failed">Decisions the candidate failed on at run time (a rule that throws); each is also an example.</param>
/// <param name="Skipped">Decisions in the window that cannot be replayed: their facts were erased.</param>
/// <param name="Examples">The first changed or failed decisions, newest first, up to the request's maximum.</param>
/// <param name="Problems">Why the candidate could not be replayed, by JSON path in the rule set.</param>
public sealed record DryRunReport(
    string RuleSetKey,
    int RuleSetVersion,
    int Replayed,
    int Changed,
    int Failed,
    int Skipped,
    ImmutableArray<DryRunExample> Examples,
    ImmutableArray<ValidationProblem> Problems)
{
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>The etag of the stored draft or version that was replayed; null for unsaved text or when nothing ran.</summary>
    public string? CandidateETag { get; init; }

    /// <summary>The id a live publish names, once the run is recorded (<see cref="LiveRules.LiveRuleSets"/>); null otherwise.</summary>
    public string? DryRunId { get; init; }
}

/// <summary>One recorded decision the candidate decides differently: where it went and why, against where it would go.</summary>
public sealed record DryRunExample(
    long Sequence,
    string InstanceId,
    string Step,
    string? Outcome,
    DateTimeOffset DecidedAt,
    string? OldTarget,
    ImmutableArray<string> OldRules,
    int? OldRuleSetVersion,
    string? NewTarget,
    ImmutableArray<string> NewRules,
    string? Error);
