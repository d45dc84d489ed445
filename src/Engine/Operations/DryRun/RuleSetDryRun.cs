using System.Collections.Immutable;
using System.Text.Json;
using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Storage;
using LowCode.Engine.Validation;
using LowCode.Rules.Compilation;
using LowCode.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Operations.DryRun;

/// <summary>
/// Replays recorded routing decisions against a candidate rule set: each <c>routeDecided</c> event's facts go through
/// the candidate exactly as the runtime would have sent them, on the clock the decision was made at, and the target
/// and fired rules are compared with what was recorded. The candidate is compiled once per dry run; the decisions are
/// streamed from the event log, never loaded all at once. Nothing is written.
/// </summary>
public sealed class RuleSetDryRun(IDbContextFactory<LowCodeDbContext> contexts, IExpressionEvaluator expressions)
{
    public async Task<DryRunReport> RunAsync(DryRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = request.RuleSetJson is null ? request.RuleSetVersion ?? 0 : 0;
        if (RequestProblems(request) is { IsEmpty: false } invalid)
        {
            return Refused(request, version, invalid);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var processes = await ProcessVersionsAsync(db, request.ProcessKey, cancellationToken).ConfigureAwait(false);
        if (processes.Count == 0)
        {
            // A rule set no published process routes with decides nothing yet: its dry run has nothing to replay, and
            // still yields a stored candidate's dry run (the first version of a new rule set goes live this way).
            if (await ProcessRoutingWithAsync(db, request.RuleSetKey, cancellationToken).ConfigureAwait(false) is { } user)
            {
                return Refused(request, version, [new ValidationProblem("processKey", $"There is no published process '{request.ProcessKey}'; a dry run replays a published process's decisions. Process '{user}' routes with rule set '{request.RuleSetKey}': dry-run against it.", "dryRun.processNotFound")]);
            }
        }
        else if (processes[processes.Keys.Max()].RuleSet is var routing && routing != request.RuleSetKey)
        {
            var uses = routing is null ? "no rule set" : $"rule set '{routing}'";
            return Refused(request, version, [new ValidationProblem("ruleSetKey", $"Process '{request.ProcessKey}' routes with {uses}, not '{request.RuleSetKey}'; choose the rule set the process uses.", "dryRun.ruleSetMismatch")]);
        }

        var clock = new ReplayClock();
        var (candidate, etag) = await CompileCandidateAsync(db, request, version, clock, cancellationToken).ConfigureAwait(false);
        if (candidate.RuleSet is not { } compiled)
        {
            return Refused(request, version, candidate.Problems);
        }

        var tally = new Tally(request.MaxExamples);
        if (processes.Count > 0)
        {
            await foreach (var row in Decisions(db, request).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                Replay(row, compiled, processes, clock, tally);
            }
        }

        return new DryRunReport(request.RuleSetKey, version, tally.Replayed, tally.Changed, tally.Failed, tally.Skipped, [.. tally.Examples], [])
        {
            CandidateETag = etag,
        };
    }

    private static ImmutableArray<ValidationProblem> RequestProblems(DryRunRequest request)
    {
        var problems = ImmutableArray.CreateBuilder<ValidationProblem>();
        if (request.Last is < 1)
        {
            problems.Add(new ValidationProblem("last", $"'last' is {request.Last}; give how many of the most recent decisions to replay (1 or more).", "dryRun.window"));
        }

        if (request.Last is not null && (request.From is not null || request.To is not null))
        {
            problems.Add(new ValidationProblem("last", "Give either 'last' or a time range ('from', 'to'), not both.", "dryRun.window"));
        }

        if (request.From is { } from && request.To is { } to && to <= from)
        {
            problems.Add(new ValidationProblem("to", $"'to' ({to:u}) must be after 'from' ({from:u}).", "dryRun.window"));
        }

        if (request.MaxExamples < 0)
        {
            problems.Add(new ValidationProblem("maxExamples", "'maxExamples' cannot be negative.", "dryRun.maxExamples"));
        }

        return problems.ToImmutable();
    }

    private static DryRunReport Refused(DryRunRequest request, int version, ImmutableArray<ValidationProblem> problems) =>
        new(request.RuleSetKey, version, 0, 0, 0, 0, [], problems);

    private static async Task<Dictionary<int, ProcessDefinition>> ProcessVersionsAsync(LowCodeDbContext db, string processKey, CancellationToken cancellationToken)
    {
        var kind = nameof(DefinitionKind.Process);
        var bodies = await db.Definitions.AsNoTracking()
            .Where(d => d.Kind == kind && d.Key == processKey && d.Version > 0)
            .Select(d => new { d.Version, d.Body })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var versions = new Dictionary<int, ProcessDefinition>();
        foreach (var body in bodies)
        {
            if (DefinitionJson.Parse(DefinitionKind.Process, body.Body).Definition is ProcessDefinition process)
            {
                versions[body.Version] = process;
            }
        }

        return versions;
    }

    /// <summary>The candidate compiled, with the etag of the stored row it was read from (null for unsaved text).</summary>
    /// <summary>The key of a published process, any version of which routes with <paramref name="ruleSetKey"/>; null when none does.</summary>
    private static async Task<string?> ProcessRoutingWithAsync(LowCodeDbContext db, string ruleSetKey, CancellationToken cancellationToken)
    {
        var kind = nameof(DefinitionKind.Process);
        var bodies = await db.Definitions.AsNoTracking()
            .Where(d => d.Kind == kind && d.Version > 0)
            .Select(d => new { d.Key, d.Body })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return bodies.FirstOrDefault(b => DefinitionJson.Parse(DefinitionKind.Process, b.Body).Definition is ProcessDefinition { RuleSet: var key } && key == ruleSetKey)?.Key;
    }

    private async Task<(RoutingCompilation Compilation, string? ETag)> CompileCandidateAsync(LowCodeDbContext db, DryRunRequest request, int version, ReplayClock clock, CancellationToken cancellationToken)
    {
        var key = request.RuleSetKey;
        var body = request.RuleSetJson;
        string? etag = null;
        if (body is null)
        {
            var kind = nameof(DefinitionKind.RuleSet);
            var stored = await db.Definitions.AsNoTracking()
                .Where(d => d.Kind == kind && d.Key == key && d.Version == version)
                .Select(d => new { d.Body, d.ETag })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            (body, etag) = (stored?.Body, stored?.ETag);
        }

        if (body is null)
        {
            var what = version == 0 ? "draft" : $"version {version}";
            return (new RoutingCompilation(null, [new ValidationProblem("ruleSetVersion", $"Rule set '{key}' has no {what}; save a draft or name a version it has.", "dryRun.candidateNotFound")]), null);
        }

        var parsed = DefinitionJson.Parse(DefinitionKind.RuleSet, body);
        if (parsed.Definition is not RuleSetDefinition definition)
        {
            return (new RoutingCompilation(null, parsed.Problems), null);
        }

        if (definition.Key != key)
        {
            return (new RoutingCompilation(null, [new ValidationProblem("$.key", $"The candidate is rule set '{definition.Key}', but the dry run is for '{key}'; give the key of the rule set the process uses.", "dryRun.ruleSetMismatch")]), null);
        }

        // The candidate's expressions read the replay clock, so each decision sees the instant it was made at.
        var compiler = new RoutingRuleSetCompiler(new SandboxRuleExpressions(expressions, clock));
        return (compiler.Compile(definition, version), etag);
    }

    private static IQueryable<DecisionRow> Decisions(LowCodeDbContext db, DryRunRequest request)
    {
        var query = from e in db.Events.AsNoTracking()
                    join i in db.Instances.AsNoTracking() on e.InstanceId equals i.Id
                    where e.Type == EventTypes.RouteDecided && i.ProcessKey == request.ProcessKey
                    select e;
        if (request.From is { } from)
        {
            var start = from.UtcDateTime;
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (request.To is { } to)
        {
            var end = to.UtcDateTime;
            query = query.Where(e => e.OccurredAt < end);
        }

        var rows = query.OrderByDescending(e => e.Id)
            .Select(e => new DecisionRow(e.Id, e.InstanceId!, e.StepKey, e.OccurredAt, e.Payload));
        return request.From is null && request.To is null ? rows.Take(request.Last ?? DryRunRequest.DefaultLast) : rows;
    }

    private static void Replay(DecisionRow row, CompiledRuleSet compiled, Dictionary<int, ProcessDefinition> processes, ReplayClock clock, Tally tally)
    {
        // Only the facts and the recorded route are read; the trace, the largest part of a payload, is never materialised.
        using var document = JsonDocument.Parse(row.Payload);
        var payload = document.RootElement;
        if (payload.TryGetProperty("erased", out _)
            || !payload.TryGetProperty("facts", out var facts)
            || !facts.TryGetProperty(RoutingFacts.Data, out var data)
            || data.ValueKind != JsonValueKind.Object)
        {
            tally.Skipped++;
            return;
        }

        var step = row.StepKey ?? string.Empty;
        var outcome = Text(payload, "outcome");
        var eventFact = facts.TryGetProperty(RoutingFacts.Event, out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var routingEvent = new RoutingEvent(Text(eventFact, "type") ?? RoutingFacts.DefaultEvent, Text(eventFact, "step") ?? step, Text(eventFact, "outcome") ?? outcome);
        var decidedAt = new DateTimeOffset(DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc));
        var oldTarget = Text(payload, "target");
        ImmutableArray<string> oldRules = payload.TryGetProperty("firedRules", out var fired) && fired.ValueKind == JsonValueKind.Array
            ? [.. fired.EnumerateArray().Select(r => r.GetString()!)]
            : [];
        int? oldVersion = payload.TryGetProperty("ruleSetVersion", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        tally.Replayed++;

        clock.Now = decidedAt;
        (string? NextStep, ImmutableArray<string> FiredRules) decision;
        try
        {
            decision = RoutingDecider.DecideRoute(compiled, data.GetRawText(), routingEvent, ExtraFacts(facts));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            tally.Failed++;
            tally.Add(new DryRunExample(row.Id, row.InstanceId, step, outcome, decidedAt, oldTarget, oldRules, oldVersion, null, [], ex.Message));
            return;
        }

        var processVersion = payload.TryGetProperty("processVersion", out var pv) && pv.ValueKind == JsonValueKind.Number ? pv.GetInt32() : 0;
        processes.TryGetValue(processVersion, out var process);
        var stepDefinition = process?.Steps.FirstOrDefault(s => s.Key == step);
        var newTarget = decision.NextStep;
        if (newTarget is null && outcome is not null && stepDefinition is not null && stepDefinition.Transitions.TryGetValue(outcome, out var transition))
        {
            newTarget = transition;
        }

        newTarget ??= stepDefinition?.Next;
        if (newTarget == oldTarget && decision.FiredRules.SequenceEqual(oldRules, StringComparer.Ordinal))
        {
            return;
        }

        tally.Changed++;
        tally.Add(new DryRunExample(row.Id, row.InstanceId, step, outcome, decidedAt, oldTarget, oldRules, oldVersion, newTarget, decision.FiredRules, null));
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>The instance and open-exception facts as the decision recorded them.</summary>
    private static List<Fact> ExtraFacts(JsonElement facts)
    {
        var extra = new List<Fact>();
        if (facts.TryGetProperty(RoutingFacts.Instance, out var instance) && instance.ValueKind == JsonValueKind.Object)
        {
            extra.Add(new Fact(
                RoutingFacts.Instance,
                [new("id", Text(instance, "id")), new("processKey", Text(instance, "processKey")), new("processVersion", Number(instance, "processVersion")), new("businessKey", Text(instance, "businessKey"))],
                id: RoutingFacts.Instance));
        }

        if (facts.TryGetProperty("exceptions", out var exceptions) && exceptions.ValueKind == JsonValueKind.Array)
        {
            foreach (var exception in exceptions.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object))
            {
                extra.Add(new Fact(
                    RoutingFacts.Exception,
                    [new("code", Text(exception, "code")), new("message", Text(exception, "message")), new("severity", Text(exception, "severity")), new("step", Text(exception, "step"))]));
            }
        }

        return extra;
    }

    private sealed record DecisionRow(long Id, string InstanceId, string? StepKey, DateTime OccurredAt, string Payload);

    private sealed class Tally(int maxExamples)
    {
        public int Replayed { get; set; }

        public int Changed { get; set; }

        public int Failed { get; set; }

        public int Skipped { get; set; }

        public List<DryRunExample> Examples { get; } = [];

        public void Add(DryRunExample example)
        {
            if (Examples.Count < maxExamples)
            {
                Examples.Add(example);
            }
        }
    }
}
