using System.Globalization;
using System.Runtime.CompilerServices;

namespace LowCode.Engine.Expressions;

/// <summary>
/// The recursion budget for calls Jint's call counter does not see (<see cref="ExpressionLimits.MaxStackBytes"/>):
/// a built-in that calls back into the expression (a bound function, <c>valueOf</c>/<c>toString</c> run by an
/// operator) enters a script function without a call expression, so only Jint's stack guard stopped it, after
/// thousands of frames. This measures the thread's stack used since the evaluation started, at every statement,
/// from public information only: the position of a local, which depends on the code that ran and never on time or
/// load.
/// </summary>
internal sealed class StackBudgetConstraint(long maxBytes) : Jint.Constraint
{
    private nint _start;

    public override bool IsAmortizable => false;

    /// <summary>Starts measuring from the caller's frame; until then (engine setup) nothing is checked.</summary>
    public void Begin() => _start = Position();

    /// <summary>Stops measuring: the engine is idle between evaluations.</summary>
    public void End() => _start = 0;

    public override void Check()
    {
        // The stack grows down: what an evaluation used is where it started minus where it is now.
        if (_start != 0 && _start - Position() > maxBytes)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.RecursionLimit,
                string.Create(CultureInfo.InvariantCulture, $"Calls are nested too deeply (more than {maxBytes / 1024} KB of stack): runaway recursion, perhaps through bind, valueOf or toString?"),
                "Make sure a function that calls itself has a condition that stops it.");
        }
    }

    public override void Reset()
    {
    }

    /// <summary>The address of a local of this frame, as a number (no unsafe code: the byte offset from address zero).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Position()
    {
        byte marker = 0;
        return Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref marker);
    }
}
