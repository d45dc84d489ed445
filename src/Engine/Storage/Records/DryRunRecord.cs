namespace LowCode.Engine.Storage.Records;

/// <summary>
/// One dry run of a stored rule set candidate: what was replayed, by whom, and what it showed. A live publish names one
/// (the server's proof that the change was seen first); the row then also says which version it became and who
/// published it, so the summary the publisher saw stays with the version.
/// </summary>
public sealed class DryRunRecord
{
    /// <summary>An opaque id (a GUID without dashes).</summary>
    public required string Id { get; set; }

    public required string RuleSetKey { get; set; }

    public required string ProcessKey { get; set; }

    /// <summary>The candidate: 0 for the draft, else the published or retired version replayed.</summary>
    public int CandidateVersion { get; set; }

    /// <summary>For a draft candidate, the etag of the exact draft replayed; null for a stored version.</summary>
    public string? CandidateETag { get; set; }

    public required string RunBy { get; set; }

    public DateTime RunAt { get; set; }

    public int Replayed { get; set; }

    public int Changed { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }

    /// <summary>The version a publish or rollback made from this dry run; null until then.</summary>
    public int? PublishedVersion { get; set; }

    public string? PublishedBy { get; set; }

    public DateTime? PublishedAt { get; set; }
}
