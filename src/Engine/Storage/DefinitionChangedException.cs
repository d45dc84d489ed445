using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// A step's commit found that a rule set it decided on is no longer the latest published version: the step is run
/// again, deciding on the version now in force.
/// </summary>
public sealed class RuleSetChangedException : DbUpdateConcurrencyException
{
    public RuleSetChangedException()
    {
    }

    public RuleSetChangedException(string message)
        : base(message)
    {
    }

    public RuleSetChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuleSetChangedException(string key, string message)
        : base(message) => Key = key;

    /// <summary>The rule set that was published again.</summary>
    public string? Key { get; }
}
