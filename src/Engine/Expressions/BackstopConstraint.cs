using System.Globalization;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The wall-clock backstop (<see cref="ExpressionLimits.Timeout"/>): read from the host's <see cref="TimeProvider"/>
/// so a test can freeze it and show that every hostile expression is still stopped by a deterministic budget.
/// Checked where Jint checks its constraints (statements, and the elements built-ins visit), amortised.
/// </summary>
internal sealed class BackstopConstraint(TimeProvider clock, TimeSpan timeout) : Jint.Constraint
{
    private DateTimeOffset _started;
    private bool _running;

    public override bool IsAmortizable => true;

    /// <summary>Off while the engine itself is being prepared: the backstop times expressions, not setup.</summary>
    public bool Armed { get; set; }

    public override void Check()
    {
        if (!Armed)
        {
            return;
        }

        // The clock starts at the first check rather than at the reset: Jint resets constraints on entry and on exit of
        // every evaluation, and an expression with no statements (most conditions) then never reads the clock at all.
        if (!_running)
        {
            _started = clock.GetUtcNow();
            _running = true;
            return;
        }

        if (clock.GetUtcNow() - _started > timeout)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.Timeout,
                string.Create(CultureInfo.InvariantCulture, $"The expression ran longer than the {timeout.TotalSeconds:0.###} s backstop."),
                "Work on fewer rows; a valid expression is normally stopped long before this by its statement and size budgets.");
        }
    }

    public override void Reset() => _running = false;
}
