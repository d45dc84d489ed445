using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Tests.Seed;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Tests.Validation.Common;

/// <summary>The seed apps read only names that exist where each expression runs, and a typo in them would be caught.</summary>
public sealed class ExpressionScopeSeedTests
{
    private static readonly SandboxExpressionChecker Sandbox = new(ExpressionCompiler.Default);

    public static TheoryData<string> Apps => [.. SeedFile.Apps];

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_ExpressionsReadOnlyNamesInTheirScope(string app)
    {
        var definitions = Load(app);
        var catalog = Definitions.Catalog([.. definitions]);

        var problems = definitions.SelectMany(d => RuleRunner.RunCommon(new ExpressionScopeRule(), d, catalog, Sandbox).Select(p => $"{d.Key}: {p}")).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_LoadedFormsThenRuleSetsThenProcesses_HasNoUnknownNames(string app)
    {
        var catalog = new DefinitionCatalog();
        var validator = new DefinitionValidator(Sandbox);
        var problems = new List<string>();
        foreach (var kind in new[] { DefinitionKind.Form, DefinitionKind.RuleSet, DefinitionKind.Process })
        {
            foreach (var definition in Load(app).Where(d => d.Kind == kind))
            {
                problems.AddRange(validator.Validate(definition, catalog).Select(p => $"{definition.Key}: {p}"));
                catalog.Add(definition);
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

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
