namespace LowCode.Rules.Model;

/// <summary>What an <see cref="AggregateElement"/> computes over the facts its source pattern matches.</summary>
public enum AggregateKind
{
    /// <summary>The number of matching facts (0 when none).</summary>
    Count,

    /// <summary>The sum of a numeric path (0 when none; non-numbers are skipped).</summary>
    Sum,

    /// <summary>The smallest value at a path (null when none).</summary>
    Min,

    /// <summary>The largest value at a path (null when none).</summary>
    Max,

    /// <summary>The matching facts themselves, as a list in insertion order.</summary>
    Collect,
}
