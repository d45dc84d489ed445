using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;
using LowCode.Rules.Diagnostics;

namespace LowCode.Api.GraphQL;

/// <summary>
/// The designer's Simulate (SDL in rule-simulation.graphql): one decision with sample data through a rule set, compiled
/// exactly as the runtime compiles it, answered with the full trace so a person sees which rules matched, fired and
/// lost on salience. Nothing is written; every expected failure is a problem in the payload.
/// </summary>
internal static class RuleSimulationSchema
{
    public static SchemaBuilder BindRuleSimulation(this SchemaBuilder builder) => builder
        .ResolveAsync("Query", "simulateRuleSet", SimulateAsync);

    private static async Task<RuleSimulation> SimulateAsync(ResolveContext ctx)
    {
        var key = ctx.GetArgument<string>("ruleSetKey")!;
        var candidate = ctx.GetArgument<object>("ruleSet");
        var version = candidate is null ? ctx.GetArgument<int?>("version") ?? 0 : 0;
        if (!TryReadData(ctx.GetArgument<object>("data"), out var data))
        {
            return RuleSimulation.Refused(version, new ValidationProblem("data", "Send the sample data as a JSON object of field to value, e.g. { \"total\": 1200 }.", "simulate.dataNotObject"));
        }

        string? body = candidate is null ? null : candidate as string ?? JsonSerializer.Serialize(candidate);
        if (body is null)
        {
            var stored = await ctx.GetRequiredService<IDefinitionStore>().GetAsync(DefinitionKind.RuleSet, key, version, ctx.CancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                var what = version == 0 ? "draft" : $"version {version}";
                return RuleSimulation.Refused(version, new ValidationProblem("version", $"Rule set '{key}' has no {what}; save a draft or name a version it has.", "simulate.ruleSetNotFound"));
            }

            body = stored.Json;
        }

        var parsed = DefinitionJson.Parse(DefinitionKind.RuleSet, body);
        if (parsed.Definition is not RuleSetDefinition definition)
        {
            return new RuleSimulation(version, null, null, [], [], [], [], null, parsed.Problems);
        }

        var compilation = ctx.GetRequiredService<RoutingRuleSetCompiler>().Compile(definition, version);
        if (compilation.RuleSet is not { } compiled)
        {
            return new RuleSimulation(version, null, null, [], [], [], [], null, compilation.Problems);
        }

        var routingEvent = new RoutingEvent(ctx.GetArgument<string>("event") ?? "taskCompleted", ctx.GetArgument<string>("step"), ctx.GetArgument<string>("outcome"));
        RoutingDecision decision;
        try
        {
            decision = RoutingDecider.Decide(compiled, data, routingEvent);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A rule that throws on this data (an expression reading a missing field, say) is what the person must see.
            return RuleSimulation.Refused(version, new ValidationProblem("data", $"The rules failed on this sample: {ex.Message}", "simulate.ruleFailed"));
        }

        var trace = DecisionTrace.FromJson(decision.TraceJson).Entries;
        return new RuleSimulation(
            version,
            decision.NextStep,
            decision.RoutedBy,
            Rules(trace, TraceEventKind.Matched),
            decision.FiredRules,
            // A routing rule whose own setData re-activates it is traced as losing to itself; only rules that never fired lost.
            [.. Rules(trace, TraceEventKind.LostToExclusiveGroup).Except(decision.FiredRules, StringComparer.Ordinal)],
            [.. trace.Select(e => new RuleTraceStep(Kind(e.Kind), e.Rule, e.Salience, e.Detail))],
            JsonSerializer.SerializeToElement(decision.Data),
            []);
    }

    private static bool TryReadData(object? argument, out JsonObject data)
    {
        data = [];
        var text = argument as string ?? JsonSerializer.Serialize(argument);
        try
        {
            if (JsonNode.Parse(text) is JsonObject parsed)
            {
                data = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private static ImmutableArray<string> Rules(IReadOnlyList<TraceEntry> trace, TraceEventKind kind) =>
        [.. trace.Where(e => e.Kind == kind).Select(e => e.Rule).Distinct(StringComparer.Ordinal)];

    /// <summary>FIRED, LOST_TO_EXCLUSIVE_GROUP: the trace kind as the SDL's other enum-like strings spell them.</summary>
    private static string Kind(TraceEventKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}

/// <summary>The answer of simulateRuleSet.</summary>
internal sealed record RuleSimulation(
    int RuleSetVersion,
    string? Target,
    string? RoutedBy,
    ImmutableArray<string> MatchedRules,
    ImmutableArray<string> FiredRules,
    ImmutableArray<string> LostRules,
    ImmutableArray<RuleTraceStep> Trace,
    JsonElement? Data,
    ImmutableArray<ValidationProblem> Problems)
{
    public static RuleSimulation Refused(int version, ValidationProblem problem) => new(version, null, null, [], [], [], [], null, [problem]);
}

/// <summary>One trace entry as RuleTraceEntry shows it.</summary>
internal sealed record RuleTraceStep(string Kind, string Rule, int Salience, string? Detail);
