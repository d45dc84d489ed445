using LowCode.Rules.Errors;
using LowCode.Rules.Model;

namespace LowCode.Rules.Compilation;

/// <summary>Compiles the rule model to a Rete network.</summary>
public static class RuleSetCompiler
{
    /// <summary>
    /// Validates and compiles a rule set; throws <see cref="RuleCompilationException"/> listing every problem
    /// (unknown variables, bad paths, missing operands, invalid expressions or regular expressions, …).
    /// </summary>
    public static CompiledRuleSet Compile(RuleSetDefinition ruleSet, RuleCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var builder = new NetworkBuilder(options ?? RuleCompilerOptions.Default);
        var network = builder.Build(ruleSet);
        if (builder.Errors.Count > 0)
        {
            throw new RuleCompilationException(builder.Errors);
        }

        return new CompiledRuleSet(ruleSet, network);
    }

    /// <summary>Compiles on the thread pool, off the request path (used by hot swap).</summary>
    public static Task<CompiledRuleSet> CompileAsync(
        RuleSetDefinition ruleSet, RuleCompilerOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Compile(ruleSet, options), cancellationToken);
}
