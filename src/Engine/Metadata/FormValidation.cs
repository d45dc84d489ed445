using System.Collections.Immutable;

namespace LowCode.Engine.Metadata;

/// <summary>A cross-field check: when <see cref="Expression"/> is false, <see cref="Message"/> is shown on <see cref="Fields"/>.</summary>
public sealed record FormValidation
{
    public required string Key { get; init; }

    /// <summary>Must be true for the form to be valid, e.g. <c>endDate &gt;= startDate</c>.</summary>
    public required string Expression { get; init; }

    public required string Message { get; init; }

    /// <summary>Fields the message is attached to; empty attaches it to the form.</summary>
    public ImmutableArray<string> Fields { get; init; } = [];
}
