using LowCode.Rules.Compilation;
using LowCode.Rules.Model;

namespace LowCode.Rules.Builders;

/// <summary>Builds a <see cref="RuleSetDefinition"/>; rules keep the order they are added in.</summary>
public sealed class RuleSetBuilder(string name, long version = 1)
{
    private readonly List<RuleDefinition> _rules = [];

    public RuleSetBuilder Add(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rules.Add(rule);
        return this;
    }

    /// <summary>Adds a rule described by <paramref name="build"/>.</summary>
    public RuleSetBuilder Rule(string ruleName, Action<RuleBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var builder = new RuleBuilder(ruleName);
        build(builder);
        _rules.Add(builder.Build());
        return this;
    }

    public RuleSetDefinition Build() => new(name, version, [.. _rules]);

    /// <summary>Builds and compiles in one go.</summary>
    public CompiledRuleSet Compile(RuleCompilerOptions? options = null) => RuleSetCompiler.Compile(Build(), options);
}
