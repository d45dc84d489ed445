using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Tests.Seed;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Tests.Validation.Common;

/// <summary>
/// A typo in a seed expression is caught from the rule set and from the process that uses it. That the seed apps
/// read only names in scope is checked by <see cref="SeedAppsTests"/>, whose validator runs every rule.
/// </summary>
public sealed class ExpressionScopeSeedTests
{
    private static readonly SandboxExpressionChecker Sandbox = new(ExpressionCompiler.Default);

    [Fact]
    public void SeedRuleSet_WithATypo_IsReportedAgainstTheSeedForms()
    {
        var definitions = Load("expense-approval");
        var routing = definitions.OfType<RuleSetDefinition>().Single();
        var rule = routing.Rules.Select((r, i) => (r, i)).First(x => x.r.When.Any(c => c.Expression is not null));
        var condition = rule.r.When.Select((c, j) => (c, j)).First(x => x.c.Expression is not null);
        var typo = routing with
        {
            Rules = routing.Rules.SetItem(rule.i, rule.r with { When = rule.r.When.SetItem(condition.j, condition.c with { Expression = "max(lines, 'amount') > 5000 && totl > 0" }) }),
        };
        var catalog = Definitions.Catalog([.. definitions.Where(d => d is not RuleSetDefinition), typo]);

        var problem = ProblemAssert.Single(
            RuleRunner.RunCommon(new ExpressionScopeRule(), typo, catalog, Sandbox), $"$.rules[{rule.i}].when[{condition.j}].expression", "expression.unknownName");

        Assert.Contains("Did you mean 'total'?", problem.Message, StringComparison.Ordinal);
        var process = definitions.OfType<ProcessDefinition>().Single();
        var fromProcess = ProblemAssert.Single(RuleRunner.RunCommon(new ExpressionScopeRule(), process, catalog, Sandbox), "$.ruleSet", "expression.unknownName");
        Assert.Contains("'totl'", fromProcess.Message, StringComparison.Ordinal);
    }

    private static List<IDefinition> Load(string app) =>
        [.. SeedFile.All.Where(f => f.App == app).Select(f => DefinitionJson.Parse(f.Kind, f.Text).Definition!)];
}
