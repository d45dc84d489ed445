using System.Collections.Immutable;
using LowCode.Engine.Validation;
using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using MetaRuleSet = LowCode.Engine.Metadata.RuleSetDefinition;

namespace LowCode.Engine.Routing;

/// <summary>
/// Compiles a published rule set for routing: maps it to the rules model and builds the Rete network with the
/// expression sandbox plugged in. Problems come back by JSON path in the rule set, never as exceptions.
/// </summary>
public sealed class RoutingRuleSetCompiler(SandboxRuleExpressions expressions)
{
    public RoutingCompilation Compile(MetaRuleSet definition, long version)
    {
        var mapping = RuleSetMapper.Map(definition, version);
        if (!mapping.Problems.IsEmpty)
        {
            return new RoutingCompilation(null, mapping.Problems);
        }

        try
        {
            var compiled = RuleSetCompiler.Compile(mapping.Model, new RuleCompilerOptions { ExpressionEvaluator = expressions });
            return new RoutingCompilation(compiled, []);
        }
        catch (RuleCompilationException ex)
        {
            var problems = ex.Errors.Select(e =>
            {
                var index = e.RuleIndex >= 0 && e.RuleIndex < mapping.SourceRuleIndex.Length ? mapping.SourceRuleIndex[e.RuleIndex] : e.RuleIndex;
                return new ValidationProblem($"$.rules[{index}]", $"Rule '{e.Rule}' does not compile ({e.Location}): {e.Message}", "rule.compile");
            });
            return new RoutingCompilation(null, [.. problems]);
        }
    }
}

/// <summary>A compiled rule set, or why there is none.</summary>
public sealed record RoutingCompilation(CompiledRuleSet? RuleSet, ImmutableArray<ValidationProblem> Problems)
{
    public bool Succeeded => RuleSet is not null;
}
