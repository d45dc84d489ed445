using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Seed;

/// <summary>The seed apps are complete, consistent, and load in the order the seeder uses: forms, rule sets, processes.</summary>
public sealed class SeedAppsTests
{
    /// <summary>Configured as the product configures it: expressions are compiled and their names checked against their scope.</summary>
    private static readonly DefinitionValidator Validator = new(new SandboxExpressionChecker(ExpressionCompiler.Default));

    public static TheoryData<string> Apps => [.. SeedFile.Apps];

    /// <summary>
    /// The warnings a seed app is expected to carry. The IT access request's two approvers fill in the same decision
    /// form in parallel on purpose: it shows the "last completion wins, the event log keeps both" rule.
    /// </summary>
    private static readonly Dictionary<string, string[]> ExpectedWarnings = new(StringComparer.Ordinal)
    {
        ["it-access-request"] =
        [
            "it-access-request: process.parallelWriteConflict at $.steps[1].branches[1] (decisionNote)",
            "it-access-request: process.parallelWriteConflict at $.steps[1].branches[1] (leastPrivilegeChecked)",
        ],
    };

    [Fact]
    public void Seed_HoldsTheThreeExampleApps()
    {
        Assert.Superset(new HashSet<string>(["expense-approval", "customer-onboarding", "it-access-request"]), SeedFile.Apps.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_HasFormsAProcessAndARuleSet(string app)
    {
        var kinds = SeedFile.All.Where(f => f.App == app).Select(f => f.Kind).ToList();

        Assert.Contains(DefinitionKind.Form, kinds);
        Assert.Contains(DefinitionKind.Process, kinds);
        Assert.Contains(DefinitionKind.RuleSet, kinds);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_ValidatesWithoutProblemsAgainstACatalogOfItsOwnDefinitions(string app)
    {
        var definitions = Load(app);
        var catalog = new DefinitionCatalog();
        foreach (var definition in definitions)
        {
            catalog.Add(definition);
        }

        var problems = definitions.SelectMany(d => Validator.Validate(d, catalog).Select(p => (d.Key, Problem: p))).ToList();

        AssertOnlyTheExpectedWarnings(app, problems);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_LoadsInOrderFormsThenRuleSetsThenProcesses(string app)
    {
        var catalog = new DefinitionCatalog();
        var problems = new List<(string Key, ValidationProblem Problem)>();
        foreach (var kind in new[] { DefinitionKind.Form, DefinitionKind.RuleSet, DefinitionKind.Process })
        {
            foreach (var definition in Load(app).Where(d => d.Kind == kind))
            {
                problems.AddRange(Validator.Validate(definition, catalog).Select(p => (definition.Key, p)));
                catalog.Add(definition);
            }
        }

        AssertOnlyTheExpectedWarnings(app, problems);
    }

    [Fact]
    public void SeedApps_UseEachKeyOncePerKindAcrossApps()
    {
        var duplicates = SeedFile.All.GroupBy(f => (f.Kind, f.Key)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void SeedApp_ProcessesRouteWithTheAppsOwnRuleSetAndForms(string app)
    {
        var definitions = Load(app);
        var forms = definitions.OfType<FormDefinition>().Select(f => f.Key).ToHashSet();
        var ruleSets = definitions.OfType<RuleSetDefinition>().Select(r => r.Key).ToHashSet();

        foreach (var process in definitions.OfType<ProcessDefinition>())
        {
            Assert.Contains(process.RuleSet!, ruleSets);
            Assert.All(process.Steps.Where(s => s.Form is not null), s => Assert.Contains(s.Form!, forms));
        }
    }

    private static List<IDefinition> Load(string app) =>
        [.. SeedFile.All.Where(f => f.App == app).Select(f => DefinitionJson.Parse(f.Kind, f.Text).Definition!)];

    private static void AssertOnlyTheExpectedWarnings(string app, List<(string Key, ValidationProblem Problem)> problems)
    {
        var errors = problems.Where(p => p.Problem.Severity == ProblemSeverity.Error).Select(p => $"{p.Key}: {p.Problem}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var warnings = problems
            .Where(p => p.Problem.Severity == ProblemSeverity.Warning)
            .Select(p => $"{p.Key}: {p.Problem.Code} at {p.Problem.Path} ({p.Problem.Message.Split('\'')[7]})")
            .Order(StringComparer.Ordinal);
        Assert.Equal(ExpectedWarnings.GetValueOrDefault(app, []), warnings);
    }
}
