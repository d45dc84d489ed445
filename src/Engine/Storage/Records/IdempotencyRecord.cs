namespace LowCode.Engine.Storage.Records;

/// <summary>
/// The first result of a call made with an idempotency key, written in the same transaction as the call's changes,
/// so a repeated call finds either nothing (the first never committed) or the committed result.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The operation the key belongs to (<c>startProcess</c>, <c>completeTask</c>); keys are unique per operation.</summary>
    public required string Operation { get; set; }

    public required string Key { get; set; }

    /// <summary>The first call's result as JSON.</summary>
    public required string Result { get; set; }

    public DateTime CreatedAt { get; set; }
}
