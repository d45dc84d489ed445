namespace LowCode.Engine.Metadata;

/// <summary>Sets the instance data at <see cref="Path"/> to the value of <see cref="Expression"/>.</summary>
public sealed record DataAssignment
{
    /// <summary>A dotted data path, e.g. <c>approval.level</c>.</summary>
    public required string Path { get; init; }

    public required string Expression { get; init; }
}
