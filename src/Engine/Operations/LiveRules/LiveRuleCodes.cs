namespace LowCode.Engine.Operations.LiveRules;

/// <summary>The stable codes of a refused live rule publish, as the payload's problems carry them.</summary>
public static class LiveRuleCodes
{
    /// <summary>No dry run was named, or no dry run has that id.</summary>
    public const string DryRunRequired = "DRY_RUN_REQUIRED";

    /// <summary>The dry run replayed another rule set, or another candidate (a version instead of the draft, another version).</summary>
    public const string DryRunMismatch = "DRY_RUN_MISMATCH";

    /// <summary>The draft changed since the dry run, or the dry run was already used for a publish.</summary>
    public const string DryRunStale = "DRY_RUN_STALE";

    /// <summary>The generic publish was asked to publish a rule set, which only goes live through publishRuleSet.</summary>
    public const string LivePublishRequired = "LIVE_PUBLISH_REQUIRED";
}
