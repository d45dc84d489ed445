using LowCode.Rules.Compilation;
using LowCode.Rules.Model;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Hosting;

/// <summary>
/// Holds the live version of a rule set and swaps in new versions atomically (hot swap). A new version compiles
/// off the request path; sessions already created keep the version they started with, new sessions get the new
/// one. Versions only move forward: publishing an older version than the live one is ignored.
/// </summary>
public sealed class RuleSetContainer
{
    private readonly RuleCompilerOptions _options;
    private CompiledRuleSet _current;

    public RuleSetContainer(CompiledRuleSet initial, RuleCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
        _options = options ?? RuleCompilerOptions.Default;
    }

    /// <summary>Raised after a swap, with the new live version.</summary>
    public event EventHandler<CompiledRuleSet>? Swapped;

    /// <summary>The live compiled rule set.</summary>
    public CompiledRuleSet Current => Volatile.Read(ref _current);

    /// <summary>Starts a session on the live version; the session keeps that version even if a swap happens.</summary>
    public RuleSession CreateSession(SessionOptions? options = null) => Current.CreateSession(options);

    /// <summary>
    /// Compiles <paramref name="definition"/> on the thread pool and, if it compiles and is newer than the live
    /// version, makes it live. A compilation error leaves the live version untouched and is thrown to the caller.
    /// </summary>
    /// <returns>True when the new version became live.</returns>
    public async Task<bool> PublishAsync(RuleSetDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var compiled = await RuleSetCompiler.CompileAsync(definition, _options, cancellationToken).ConfigureAwait(false);
        return TrySwap(compiled);
    }

    /// <summary>Makes an already compiled version live if it is newer than the live one.</summary>
    public bool TrySwap(CompiledRuleSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        while (true)
        {
            var live = Volatile.Read(ref _current);
            if (next.Version <= live.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _current, next, live) == live)
            {
                Swapped?.Invoke(this, next);
                return true;
            }
        }
    }
}
