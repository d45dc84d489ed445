using System.Text.RegularExpressions;
using LowCode.Rules.Compilation;
using Xunit.Abstractions;

namespace LowCode.Rules.Tests.Differential;

/// <summary>
/// LowCode.Rules held to NRules 1.0.4 over a seeded, reproducible corpus of rule sets (see <see cref="CorpusGenerator"/>).
/// Every rule set must agree on what fired, in salience order, with the same outputs and final facts. The corpus must
/// also do real work, or agreement would prove nothing: its minimums are asserted and printed.
/// </summary>
public sealed partial class NRulesDifferentialTests(ITestOutputHelper output, DifferentialReport report) : IClassFixture<DifferentialReport>
{
    private const int CorpusSize = 500;
    private const int Seed = 20261207;

    /// <summary>The entries under "Differences from NRules" in docs/rules.md.</summary>
    private const int DocumentedDifferences = 4;

    [Fact]
    public void GeneratedCorpus_AgreesWithNRules_AndDoesRealWork()
    {
        var result = RunCorpus(OracleSemantics.Documented, CorpusSize);

        var summary = $"NRules differential corpus: {CorpusSize} rule sets (seed {Seed}), {result.Firings} firings; "
            + $"{result.Competing} with >= 2 competing activations, {result.Joins} with matching joins, {result.Chains} with chains >= 2 deep, "
            + $"{result.Aggregates} with aggregates over > 1 fact; documented differences: {DocumentedDifferences} (docs/rules.md, Differences from NRules), of which tie order changed the firing order of {result.TieOrder} rule sets; "
            + $"disagreements: {result.Disagreements.Count}.";
        output.WriteLine(summary);
        report.Print(summary);
        Assert.True(result.Disagreements.Count == 0, string.Join(Environment.NewLine, result.Disagreements.Take(10)));
        Assert.True(result.Competing >= 250, summary);
        Assert.True(result.Joins >= 100, summary);
        Assert.True(result.Chains >= 100, summary);
        Assert.True(result.Aggregates >= 50, summary);
    }

    [Fact]
    public void ABrokenGreaterThanInTheOracle_MakesTheDifferentialSuiteFail()
    {
        var result = RunCorpus(OracleSemantics.WithBrokenGreaterThan, 200);

        var summary = $"With '>' broken in the NRules mapping, {result.Disagreements.Count} of 200 rule sets disagree.";
        output.WriteLine(summary);
        report.Print(summary);
        Assert.True(result.Disagreements.Count >= 10, $"Only {result.Disagreements.Count} rule sets noticed the broken operator.");
    }

    private static CorpusResult RunCorpus(OracleSemantics semantics, int size)
    {
        var generator = new CorpusGenerator(Seed);
        var mapper = new NRulesMapper(semantics);
        var result = new CorpusResult();
        for (var i = 0; i < size; i++)
        {
            var (ruleSet, facts) = generator.Next(i);
            var compiled = RuleSetCompiler.Compile(ruleSet);
            var probe = compiled.CreateSession();
            probe.InsertAll(facts.Select(Differential.NRulesRuleSet.Copy));
            var ours = DifferentialRunner.RunOurs(compiled, facts);
            var theirs = mapper.Map(ruleSet).Run(facts);
            var comparison = DifferentialRunner.Compare(ours, theirs, chains: ruleSet.Rules.Any(r => r.Actions.Any(a => a is LowCode.Rules.Model.SetAction)));
            if (!comparison.Agrees)
            {
                result.Disagreements.Add($"{ruleSet.Name}: {string.Join(" | ", comparison.Problems)}{Environment.NewLine}{LowCode.Rules.Model.RuleModelPrinter.Print(ruleSet)}{Environment.NewLine}facts: {string.Join(", ", facts)}");
            }

            result.Firings += ours.Firings.Count;
            result.TieOrder += comparison.TieOrderDiffers ? 1 : 0;
            result.Competing += probe.PendingActivations >= 2 ? 1 : 0;
            result.Joins += ours.Outputs.Any(o => o.Contains(": join ", StringComparison.Ordinal)) ? 1 : 0;
            result.Chains += ours.FinalFacts.Values.Any(json => StageTwoOrMore().IsMatch(json)) ? 1 : 0;
            result.Aggregates += ours.Outputs.Any(o => o.Contains(": aggregate ", StringComparison.Ordinal) && CountOverOne().IsMatch(o)) ? 1 : 0;
        }

        return result;
    }

    [GeneratedRegex("\"stage\":[2-9]")]
    private static partial Regex StageTwoOrMore();

    [GeneratedRegex("\"count\":([2-9]|[1-9][0-9])")]
    private static partial Regex CountOverOne();

    private sealed class CorpusResult
    {
        public List<string> Disagreements { get; } = [];

        public int Firings { get; set; }

        public int TieOrder { get; set; }

        public int Competing { get; set; }

        public int Joins { get; set; }

        public int Chains { get; set; }

        public int Aggregates { get; set; }
    }
}
