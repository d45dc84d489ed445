namespace LowCode.Engine.Storage.Records;

/// <summary>
/// One stored definition version. A key has at most one draft (version 0) and any number of published or
/// retired versions numbered from 1; published bodies are never updated.
/// </summary>
public sealed class DefinitionRecord
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    public required string Name { get; set; }

    public required string Body { get; set; }

    /// <summary>Changes on every write; the optimistic concurrency token clients echo back.</summary>
    public required string ETag { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? RetiredAt { get; set; }
}
