using LowCode.Rules.Compilation;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Differential;

/// <summary>
/// Measures what sharing beta nodes between rules with the same leading elements would save on the differential
/// corpus (docs/rules.md, "Beta-node sharing"): today every rule has its own chain of beta nodes, one per element
/// plus its terminal, and only alpha nodes are shared.
/// </summary>
public sealed class BetaSharingMeasurementTests(DifferentialReport report) : IClassFixture<DifferentialReport>
{
    [Fact]
    public void OnTheCorpus_SharingBetaNodes_WouldSaveFewNodes()
    {
        var generator = new CorpusGenerator(20261207);
        var (nodes, shareable, ruleSets) = (0, 0, 500);
        for (var i = 0; i < ruleSets; i++)
        {
            var (ruleSet, _) = generator.Next(i);
            var compiled = RuleSetCompiler.Compile(ruleSet);
            Assert.Equal(ruleSet.Rules.Sum(r => r.Conditions.Count + 1), compiled.BetaNodeCount);
            nodes += compiled.BetaNodeCount;
            var prefixes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in ruleSet.Rules)
            {
                for (var k = 1; k <= rule.Conditions.Count; k++)
                {
                    if (!prefixes.Add(RuleModelPrinter.Print(new RuleDefinition("prefix", 0, [.. rule.Conditions.Take(k)], [])).Split('\n', 2)[1]))
                    {
                        shareable++;
                    }
                }
            }
        }

        report.Print($"Beta-node sharing on the {ruleSets}-rule-set corpus: {nodes} beta nodes; sharing identical leading elements would save {shareable} ({100.0 * shareable / nodes:F1}%).");
        Assert.InRange(shareable, 0, nodes / 10);
    }
}
