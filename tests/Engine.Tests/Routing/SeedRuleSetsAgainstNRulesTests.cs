using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Tests.Seed;
using LowCode.Rules.Facts;
using LowCode.Rules.Tests.Differential;
using Xunit.Abstractions;

namespace LowCode.Engine.Tests.Routing;

/// <summary>
/// Every seed rule set, mapped by <see cref="RuleSetMapper"/>, decides like NRules 1.0.4 on a spread of inputs that
/// together fire every enabled rule: the same firings in the same salience order, the same outputs (routes,
/// exceptions, notifications) and the same data afterwards. Expressions run in the same sandbox on both sides; the
/// NRules side lays out their scope itself (the data's fields, then each bound fact by name).
/// </summary>
public sealed class SeedRuleSetsAgainstNRulesTests(ITestOutputHelper output, DifferentialReport report) : IClassFixture<DifferentialReport>
{
    private static readonly ExpressionEvaluator Sandbox = new();

    /// <summary>What every expression of a rule set reads (expressions on the data run whatever the event), under each input's data.</summary>
    private static readonly Dictionary<string, string> BaseData = new(StringComparer.Ordinal)
    {
        ["onboarding-risk"] = """{ "country": "NL", "riskRating": "low", "screeningHits": 0, "politicallyExposedOwner": false, "companyName": "Acme", "contactName": "Ada" }""",
        ["expense-routing"] = """{ "employeeName": "Ada", "total": 100, "currency": "EUR", "lines": [] }""",
        ["it-access-rules"] = """{ "system": "crm", "accessLevel": "read", "requesterName": "Ada" }""",
    };

    /// <summary>Rule set key, data, event type, step, outcome, open exception codes.</summary>
    private static readonly (string App, string Key, string Data, string Event, string? Step, string? Outcome, string[] Exceptions)[] Inputs =
    [
        ("customer-onboarding", "onboarding-risk", """{ "country": "AE", "riskRating": "low", "screeningHits": 0, "politicallyExposedOwner": false }""", "taskCompleted", "kycReview", "approved", []),
        ("customer-onboarding", "onboarding-risk", """{ "country": "NL", "riskRating": "high", "screeningHits": 0, "politicallyExposedOwner": false }""", "taskCompleted", "kycReview", "approved", []),
        ("customer-onboarding", "onboarding-risk", """{ "country": "NL", "riskRating": "low", "screeningHits": 0, "politicallyExposedOwner": true }""", "taskCompleted", "kycReview", "approved", []),
        ("customer-onboarding", "onboarding-risk", """{ "country": "KY", "riskRating": "high", "screeningHits": 3, "politicallyExposedOwner": true }""", "taskCompleted", "kycReview", "approved", []),
        ("customer-onboarding", "onboarding-risk", """{ "country": "NL", "riskRating": "low", "screeningHits": 0, "politicallyExposedOwner": false }""", "taskCompleted", "kycReview", "rejected", []),
        ("customer-onboarding", "onboarding-risk", """{ "country": "NL" }""", "taskCompleted", "kycReview", "approved", []),
        ("customer-onboarding", "onboarding-risk", """{ "companyName": "Acme", "contactName": "Ada" }""", "slaBreached", "uploadDocuments", null, []),
        ("customer-onboarding", "onboarding-risk", """{ "companyName": "Acme" }""", "webhookFailed", "syncCrm", null, []),
        ("customer-onboarding", "onboarding-risk", """{ "companyName": "Acme" }""", "signalReceived", "awaitCrmConfirmation", null, ["CRM_SYNC_FAILED"]),
        ("expense-approval", "expense-routing", """{ "total": 1500, "lines": [ { "amount": 1500 } ] }""", "taskCompleted", "managerApproval", "approved", []),
        ("expense-approval", "expense-routing", """{ "total": 1000, "lines": [ { "amount": 1000 } ] }""", "taskCompleted", "managerApproval", "approved", ["MANAGER_SLA_BREACHED"]),
        ("expense-approval", "expense-routing", """{ "total": 200 }""", "taskCompleted", "managerApproval", "rejected", ["MANAGER_SLA_BREACHED", "OTHER"]),
        ("expense-approval", "expense-routing", """{ "employeeName": "Ada", "total": 1500, "currency": "EUR" }""", "slaBreached", "managerApproval", null, []),
        ("expense-approval", "expense-routing", """{ "total": 7000, "lines": [ { "amount": 6000 }, { "amount": 1000 } ] }""", "taskCompleted", "submit", "submitted", []),
        ("expense-approval", "expense-routing", """{ "total": 100, "lines": [ { "amount": 100 } ] }""", "taskCompleted", "rework", "submitted", []),
        ("expense-approval", "expense-routing", """{ "total": 100 }""", "webhookFailed", "payment", null, []),
        ("it-access-request", "it-access-rules", """{ "system": "crm", "accessLevel": "read" }""", "taskCompleted", "managerApproval", "rejected", []),
        ("it-access-request", "it-access-rules", """{ "system": "crm", "accessLevel": "read", "rejectedBy": "manager" }""", "taskCompleted", "securityApproval", "rejected", []),
        ("it-access-request", "it-access-rules", """{ "system": "crm", "accessLevel": "read" }""", "taskCompleted", "securityApproval", "rejected", []),
        ("it-access-request", "it-access-rules", """{ "system": "prodServers", "accessLevel": "read", "rejectedBy": "security" }""", "taskCompleted", "approvalsDone", "done", []),
        ("it-access-request", "it-access-rules", """{ "system": "financeDb", "accessLevel": "admin" }""", "taskCompleted", "approvalsDone", "done", []),
        ("it-access-request", "it-access-rules", """{ "system": "crm", "accessLevel": "read" }""", "taskCompleted", "approvalsDone", "done", []),
        ("it-access-request", "it-access-rules", """{ "system": "prodServers", "accessLevel": "admin", "requesterName": "Ada" }""", "taskCompleted", "request", "submitted", []),
        ("it-access-request", "it-access-rules", """{ "neededUntil": "2026-12-31" }""", "taskCompleted", "recordGrant", "done", []),
        ("it-access-request", "it-access-rules", """{ "neededUntil": "" }""", "taskCompleted", "recordGrant", "done", []),
        ("it-access-request", "it-access-rules", """{ "system": "crm" }""", "slaBreached", "securityApproval", null, []),
        ("it-access-request", "it-access-rules", """{ "system": "crm" }""", "webhookFailed", "provision", null, []),
        ("it-access-request", "it-access-rules", """{ "system": "crm" }""", "webhookFailed", "revoke", null, []),
    ];

    [Fact]
    public void EverySeedRuleSet_DecidesLikeNRules_AndEveryRuleFires()
    {
        var mapper = new NRulesMapper(OracleSemantics.Documented, Evaluate);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var ruleSets = Directory.GetFiles(RepositoryRoot.Combine("seed"), "*.ruleset.json", SearchOption.AllDirectories);
        var ties = 0;
        foreach (var input in Inputs)
        {
            var definition = RoutingTestSupport.SeedRuleSet(input.App, input.Key);
            var mapping = RuleSetMapper.Map(definition, 1);
            var ours = DifferentialRunner.RunOurs(RoutingTestSupport.Compile(definition), Facts(input));
            var theirs = mapper.Map(mapping.Model).Run(Facts(input));
            var comparison = DifferentialRunner.Compare(ours, theirs, chains: false);
            problems.AddRange(comparison.Problems.Select(p => $"{input.Key} on {input.Event} at {input.Step} with {input.Data}: {p}"));
            ties += comparison.TieOrderDiffers ? 1 : 0;
            fired.UnionWith(ours.Firings.Select(f => $"{input.Key}/{f.Rule}"));
        }

        var every = ruleSets
            .Select(path => DefinitionJson.Parse<RuleSetDefinition>(File.ReadAllText(path))!)
            .SelectMany(r => r.Rules.Where(rule => !rule.Disabled).Select(rule => $"{r.Key}/{rule.Name}"))
            .ToList();
        var summary = $"NRules differential over the seed: {ruleSets.Length} rule sets, {every.Count} rules, {Inputs.Length} inputs; {fired.Count} rules fired; tie order differed on {ties}; disagreements: {problems.Count}.";
        output.WriteLine(summary);
        report.Print(summary);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(every.Except(fired));
    }

    private static List<Fact> Facts((string App, string Key, string Data, string Event, string? Step, string? Outcome, string[] Exceptions) input)
    {
        var facts = new List<Fact>
        {
            Fact.Parse(RoutingFacts.Data, Merge(BaseData[input.Key], input.Data), id: RoutingFacts.Data),
            new(RoutingFacts.Event, [new("type", input.Event), new("step", input.Step), new("outcome", input.Outcome)], id: RoutingFacts.Event),
        };
        if (input.Step is not null)
        {
            facts.Add(new Fact(RoutingFacts.Task, [new("step", input.Step), new("outcome", input.Outcome)], id: RoutingFacts.Task));
        }

        facts.AddRange(input.Exceptions.Select((code, i) => new Fact(RoutingFacts.Exception, [new("code", code)], id: $"exception-{i}")));
        return facts;
    }

    private static string Merge(string baseJson, string json)
    {
        var merged = JsonNode.Parse(baseJson)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(json)!.AsObject())
        {
            merged[name] = value?.DeepClone();
        }

        return merged.ToJsonString();
    }

    /// <summary>The documented scope of a rule expression: the data's fields, the tested fact's fields, and every bound fact by name.</summary>
    private static object? Evaluate(string expression, Fact? candidate, IReadOnlyList<(string Name, Fact Fact)> bound)
    {
        var scope = new ExpressionScope(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        foreach (var fact in bound.Where(b => b.Name == RoutingFacts.Data).Select(b => b.Fact).Append(candidate).OfType<Fact>())
        {
            foreach (var (field, value) in fact.Fields.Where(f => ExpressionScope.IsValidName(f.Key)))
            {
                scope.Set(field, JsonElementOf(value));
            }
        }

        foreach (var (name, fact) in bound.Where(b => ExpressionScope.IsValidName(b.Name)))
        {
            scope.Set(name, JsonElementOf(fact.Fields));
        }

        var result = Sandbox.Evaluate(expression, scope, ExpectedType.Any, "rule");
        if (result.Error is { } error)
        {
            throw new InvalidOperationException(error.ToString());
        }

        return result.Value.Kind switch
        {
            ExpressionValueKind.Boolean => result.Value.AsBoolean(),
            ExpressionValueKind.Number => result.Value.AsNumber(),
            ExpressionValueKind.Text => result.Value.AsText(),
            _ => null,
        };
    }

    private static JsonElement JsonElementOf(object? value)
    {
        using var document = JsonDocument.Parse(FactValue.ToJson(value));
        return document.RootElement.Clone();
    }
}
