using System.Text.Json;

namespace LowCode.Api.Tests.GraphQL;

public sealed class RuleSimulationTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private const string Simulate = """
        query($ruleSet: JSON, $data: JSON!) {
          simulateRuleSet(ruleSetKey: "expense-routing", version: 1, ruleSet: $ruleSet, step: "managerApproval", outcome: "approved", data: $data) {
            ruleSetVersion target routedBy matchedRules firedRules lostRules
            trace { kind rule salience detail }
            data
            problems { path code message }
          }
        }
        """;

    [Fact]
    public async Task SimulateNamesTheWinningRoutingRuleAndTheRuleThatLostOnSalience()
    {
        using var client = factory.CreateClient();
        var routing = File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot, "seed", "expense-approval", "expense-routing.ruleset.json"));
        var overlapping = routing.Replace("\"op\": \"<=\", \"value\": 1000", "\"op\": \"<=\", \"value\": 5000", StringComparison.Ordinal);

        var published = Data(await GraphQLClient.PostAsync(client, Simulate, new { data = new { total = 1200 } }));
        var candidate = Data(await GraphQLClient.PostAsync(client, Simulate, new { ruleSet = overlapping, data = new { total = 1200 } }));

        Assert.Equal((1, "financeReview", "large-claims-go-to-finance"), (published.GetProperty("ruleSetVersion").GetInt32(), published.GetProperty("target").GetString(), published.GetProperty("routedBy").GetString()));
        Assert.Equal("finance", published.GetProperty("data").GetProperty("approvalLevel").GetString());
        Assert.Empty(published.GetProperty("lostRules").EnumerateArray());
        Assert.Equal(0, candidate.GetProperty("ruleSetVersion").GetInt32());
        Assert.Equal("financeReview", candidate.GetProperty("target").GetString());
        Assert.Contains("other-claims-go-to-payment", candidate.GetProperty("matchedRules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["other-claims-go-to-payment"], candidate.GetProperty("lostRules").EnumerateArray().Select(r => r.GetString()!));
        // The winner's own setData activates it again, and that activation loses to its firing: a rule that fired is not one that lost.
        var fired = candidate.GetProperty("firedRules").EnumerateArray().Select(r => r.GetString()).ToHashSet();
        var lost = candidate.GetProperty("trace").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "LOST_TO_EXCLUSIVE_GROUP" && !fired.Contains(e.GetProperty("rule").GetString()))
            .ToList();
        Assert.NotEmpty(lost);
        Assert.All(lost, e => Assert.Equal(("other-claims-go-to-payment", 50), (e.GetProperty("rule").GetString(), e.GetProperty("salience").GetInt32())));
    }

    [Fact]
    public async Task SimulateAnswersABrokenCandidateAndDataThatIsNotAnObjectWithProblems()
    {
        using var client = factory.CreateClient();
        var routing = File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot, "seed", "expense-approval", "expense-routing.ruleset.json"));

        var broken = Data(await GraphQLClient.PostAsync(client, Simulate, new { ruleSet = routing.Replace("> 5000", ">", StringComparison.Ordinal), data = new { total = 1 } }));
        var notObject = Data(await GraphQLClient.PostAsync(client, Simulate, new { data = "[1, 2]" }));

        Assert.Equal("$.rules[4]", broken.GetProperty("problems")[0].GetProperty("path").GetString());
        Assert.Equal("simulate.dataNotObject", notObject.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, notObject.GetProperty("target").ValueKind);
    }

    private static JsonElement Data(JsonElement result)
    {
        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        return result.GetProperty("data").GetProperty("simulateRuleSet");
    }
}
