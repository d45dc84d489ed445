using System.Text.Json;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Rules.Compilation;
using LowCode.Rules.Facts;
using MetaRuleSet = LowCode.Engine.Metadata.RuleSetDefinition;
using RuleSetDefinition = LowCode.Rules.Model.RuleSetDefinition;

namespace LowCode.Rules.Benchmarks.Peers;

/// <summary>
/// The seed's onboarding-risk rule set, whose rule <c>high-risk-rating-needs-edd</c> tests the JavaScript condition
/// <c>riskRating === 'high' || screeningHits &gt; 0</c>: mapped by the Engine's RuleSetMapper and compiled with the
/// real Jint sandbox for us; for NRules the same model through <see cref="NRulesPeer"/>, whose expression
/// conditions call the same sandbox with the same scope (the data's fields and <c>data</c>).
/// </summary>
internal sealed class ScriptedDecision
{
    private static readonly ExpressionEvaluator Sandbox = new();

    private ScriptedDecision(CompiledRuleSet ours, RuleSetDefinition model)
    {
        Ours = ours;
        Model = model;
    }

    public CompiledRuleSet Ours { get; }

    public RuleSetDefinition Model { get; }

    public static ScriptedDecision Load()
    {
        var definition = DefinitionJson.Parse<MetaRuleSet>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "onboarding-risk.ruleset.json")))!;
        var compilation = new RoutingRuleSetCompiler(new SandboxRuleExpressions(Sandbox, TimeProvider.System)).Compile(definition, 1);
        NRulesPeer.Expressions = Holds;
        return new ScriptedDecision(compilation.RuleSet ?? throw new InvalidOperationException(string.Join("; ", compilation.Problems)), RuleSetMapper.Map(definition, 1).Model);
    }

    /// <summary>A KYC review approved for a high-risk customer: the JavaScript rule wins the route.</summary>
    public static Fact[] Facts() =>
    [
        Fact.Parse(RoutingFacts.Data, """{ "country": "NL", "riskRating": "high", "screeningHits": 0, "politicallyExposedOwner": false, "companyName": "Acme" }""", id: RoutingFacts.Data),
        new Fact(RoutingFacts.Event, [new("type", "taskCompleted"), new("step", "kycReview"), new("outcome", "approved")], id: RoutingFacts.Event),
        new Fact(RoutingFacts.Task, [new("step", "kycReview"), new("outcome", "approved")], id: RoutingFacts.Task),
    ];

    private static bool Holds(Fact data, string expression)
    {
        var scope = new ExpressionScope(TimeProvider.System.GetUtcNow());
        foreach (var (field, value) in data.Fields)
        {
            if (ExpressionScope.IsValidName(field))
            {
                scope.Set(field, Json(value));
            }
        }

        scope.Set(RoutingFacts.Data, Json(data.Fields));
        var result = Sandbox.Evaluate(expression, scope, ExpectedType.Any, "rule");
        return result.Error is null && result.Value.Kind == ExpressionValueKind.Boolean && result.Value.AsBoolean();
    }

    private static JsonElement Json(object? value)
    {
        using var document = JsonDocument.Parse(FactValue.ToJson(value));
        return document.RootElement.Clone();
    }
}
