using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Processes;

/// <summary>
/// Moves one instance through its steps inside one transaction: enters steps (creating tasks, running scripts,
/// splitting and joining), routes after each finished step, and appends an event for everything it does. Nothing
/// here saves: the caller commits the instance, the tasks and the events together.
/// </summary>
internal sealed partial class StepExecution(
    LowCodeDbContext db,
    InstanceRecord instance,
    ProcessDefinition process,
    InstanceState state,
    DateTimeOffset now,
    string actor,
    StepServices services)
{
    private readonly List<TaskRecord> _createdTasks = [];
    private readonly Dictionary<string, int?> _ruleSetsRead = new(StringComparer.Ordinal);
    private int _automaticSteps;
    private HashSet<string>? _groupKeys;

    public IReadOnlyList<TaskRecord> CreatedTasks => _createdTasks;

    public ProcessDefinition Process => process;

    public InstanceState State => state;

    /// <summary>
    /// True when the caller's commit checks <see cref="RuleSetsRead"/> (starts and completions): the rule set versions
    /// this node last read may then be decided on without reading them again.
    /// </summary>
    public bool RuleSetsCheckedAtCommit { get; init; }

    /// <summary>The rule set versions this step decided on; a commit that checks them refuses the step if one is no longer the latest published.</summary>
    public IReadOnlyCollection<DefinitionRead> RuleSetsRead => [.. _ruleSetsRead.Select(r => new DefinitionRead(DefinitionKind.RuleSet, r.Key, r.Value))];

    /// <summary>The clock as expressions see it: now, in the product's time zone (so <c>today()</c> is that zone's day).</summary>
    private DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(now, services.Options.TimeZone);

    public async Task EnterAsync(string stepKey, CancellationToken cancellationToken)
    {
        if (++_automaticSteps > services.Options.MaxAutomaticSteps)
        {
            Raise("STEP_LIMIT", $"The instance passed through more than {services.Options.MaxAutomaticSteps} steps in one go and was stopped at '{stepKey}'; check the routing rules for a loop.", "error", stepKey, null);
            return;
        }

        await LoadGroupKeysAsync(cancellationToken).ConfigureAwait(false);
        var step = process.Steps.FirstOrDefault(s => s.Key == stepKey);
        if (step is null || step.ParsedType() is not { } type)
        {
            Raise("NO_ROUTE", $"The route leads to step '{stepKey}', which process '{process.Key}' does not have.", "error", stepKey, null);
            return;
        }

        switch (type)
        {
            case StepType.FormTask:
            case StepType.Approval:
                CreateTask(step);
                break;
            case StepType.Script:
                if (RunScript(step))
                {
                    await RouteAsync(step, null, cancellationToken).ConfigureAwait(false);
                }

                break;
            case StepType.ParallelSplit:
                state.Parallel.Add(new ParallelFrame(step.Key, step.Branches.Length, 0));
                Append(EventTypes.ParallelSplit, new JsonObject { ["branches"] = new JsonArray([.. step.Branches.Select(b => (JsonNode?)b)]) }, step.Key);
                foreach (var branch in step.Branches)
                {
                    await EnterAsync(branch, cancellationToken).ConfigureAwait(false);
                }

                break;
            case StepType.ParallelJoin:
                await JoinAsync(step, cancellationToken).ConfigureAwait(false);
                break;
            case StepType.Webhook:
            case StepType.Timer:
            case StepType.Signal:
                // Parked until the outbox dispatcher, the timer poller or a signal resumes it (StepExecution.Boundaries).
                Park(step, type);
                break;
            case StepType.End:
                End(step);
                break;
        }
    }

    /// <summary>Routes on from a finished step: the rule set's goTo, else transitions[outcome], else next, else NO_ROUTE.</summary>
    public async Task RouteAsync(StepDefinition step, string? outcome, CancellationToken cancellationToken)
    {
        var routed = await DecideAsync(step, outcome, cancellationToken).ConfigureAwait(false);
        if (routed is { } target)
        {
            await EnterAsync(target, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task JoinAsync(StepDefinition step, CancellationToken cancellationToken)
    {
        if (state.Parallel.Count == 0)
        {
            // A join reached outside any split (a rework loop back into a branch, say) waits for nothing.
            Append(EventTypes.BranchJoined, new JsonObject { ["arrived"] = 1, ["expected"] = 1 }, step.Key);
            await RouteAsync(step, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var frame = state.Parallel[^1];
        frame = frame with { Arrived = frame.Arrived + 1 };
        Append(EventTypes.BranchJoined, new JsonObject { ["split"] = frame.Split, ["arrived"] = frame.Arrived, ["expected"] = frame.Expected }, step.Key);
        if (frame.Arrived < frame.Expected)
        {
            state.Parallel[^1] = frame;
            return;
        }

        state.Parallel.RemoveAt(state.Parallel.Count - 1);
        await RouteAsync(step, null, cancellationToken).ConfigureAwait(false);
    }

    private void End(StepDefinition step)
    {
        if (state.Positions.Count > 0 || state.Parallel.Count > 0)
        {
            Append(EventTypes.StepWaiting, new JsonObject { ["stepType"] = step.Type, ["reason"] = "other branches are still open" }, step.Key);
            return;
        }

        instance.Status = InstanceStatuses.Completed;
        instance.CompletedAt = now.UtcDateTime;
        Append(EventTypes.InstanceCompleted, new JsonObject { ["endStep"] = step.Key }, step.Key);
    }

    private bool RunScript(StepDefinition step)
    {
        var changes = new JsonObject();
        for (var i = 0; i < step.Set.Length; i++)
        {
            var assignment = step.Set[i];
            var scope = ExpressionScope.FromJson(View(), LocalNow, services.Options.TimeZone);
            var result = services.Expressions.Evaluate(assignment.Expression, scope, ExpectedType.Any, $"steps.{step.Key}.set[{i}]");
            if (result.Error is { } error)
            {
                Raise("SCRIPT_FAILED", $"Step '{step.Key}' could not set '{assignment.Path}': {error.Message}", "error", step.Key, null);
                return false;
            }

            var value = result.Value.ToJsonNode();
            DataPaths.Set(state.Data, assignment.Path, value);
            changes[assignment.Path] = value?.DeepClone();
        }

        Append(EventTypes.ScriptRan, new JsonObject { ["set"] = changes }, step.Key);
        return true;
    }

    /// <summary>The instance data as expressions read it (see <see cref="DataView"/>).</summary>
    private JsonObject View() => DataView.Of(state.Data, _groupKeys ?? []);

    private async Task LoadGroupKeysAsync(CancellationToken cancellationToken)
    {
        if (_groupKeys is not null)
        {
            return;
        }

        var forms = new List<FormDefinition>();
        foreach (var (key, version) in InstanceState.ReadPinnedForms(instance))
        {
            if (await services.Definitions.GetAsync<FormDefinition>(db, DefinitionKind.Form, key, version, cancellationToken).ConfigureAwait(false) is { } form)
            {
                forms.Add(form);
            }
        }

        _groupKeys = DataView.GroupKeys(forms);
    }

    public void Raise(string code, string message, string severity, string? stepKey, string? rule)
    {
        if (state.Exceptions.Any(e => e.Code == code))
        {
            return;
        }

        state.Exceptions.Add(new ExceptionEntry(code, message, severity, stepKey, rule, now));
        Append(EventTypes.ExceptionRaised, new JsonObject { ["code"] = code, ["message"] = message, ["severity"] = severity, ["rule"] = rule }, stepKey);
    }

    private void Resolve(string code, string? stepKey, string? rule)
    {
        if (state.Exceptions.RemoveAll(e => e.Code == code) > 0)
        {
            Append(EventTypes.ExceptionResolved, new JsonObject { ["code"] = code, ["rule"] = rule }, stepKey);
        }
    }

    public void Append(string type, JsonObject payload, string? stepKey, string? taskId = null)
    {
        Decisions += type == EventTypes.RouteDecided ? 1 : 0;
        EventLog.Append(db, type, instance, now, actor, payload, stepKey, taskId);
    }

    /// <summary>Routing decisions appended so far, for the metrics recorded after the step commits.</summary>
    public int Decisions { get; private set; }

    public static ImmutableArray<string> Outcomes(StepDefinition step) => step.Outcomes.IsDefault ? [] : step.Outcomes;
}
