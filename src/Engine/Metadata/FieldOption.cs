namespace LowCode.Engine.Metadata;

/// <summary>One choice of a select or multiselect: the stored value and the label shown.</summary>
public sealed record FieldOption
{
    public required string Value { get; init; }

    public string? Label { get; init; }
}
