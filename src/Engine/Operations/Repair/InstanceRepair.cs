using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Operations.Repair;

/// <summary>
/// Gets stuck instances moving again: cancel, retry a failed step, resolve an exception, move to a step, re-route
/// after a rule fix. Each is one transaction with a reason and the acting principal, and leaves events that say who
/// did what (docs/runtime.md, Operations). A refused operation changes nothing and says why.
/// </summary>
public sealed class InstanceRepair
{
    /// <summary>The exceptions that mean "the instance stopped where it decides where to go".</summary>
    private static readonly HashSet<string> RoutingStops = new(StringComparer.Ordinal) { "NO_ROUTE", "RULE_FAILED", "RULE_SET_INVALID", "STEP_LIMIT" };

    private readonly InstanceOperationFrame _frame;

    internal InstanceRepair(InstanceOperationFrame frame) => _frame = frame;

    /// <summary>Stops an instance for good: its open tasks are cancelled, its open exceptions resolved, and it ends as <c>cancelled</c>.</summary>
    public Task<RuntimeResult<OperationResult>> CancelAsync(string instanceId, OperationRequest request, CancellationToken cancellationToken = default) =>
        _frame.RunAsync(instanceId, request, async scope =>
        {
            if (!scope.IsRunning)
            {
                return scope.NotRunning("cancelled");
            }

            var positions = new JsonArray([.. scope.State.Positions.Select(p => (JsonNode?)p)]);
            foreach (var task in await scope.OpenTasksAsync(cancellationToken).ConfigureAwait(false))
            {
                scope.CancelTask(task);
            }

            scope.ResolveExceptions(_ => true);
            scope.State.Positions.Clear();
            scope.State.Parallel.Clear();

            // A webhook or mail still waiting in the outbox must not leave for an instance that no longer exists (a
            // payment for a cancelled claim); one already being sent cannot be recalled, and its answer changes
            // nothing because the instance is no longer running. Timers need nothing: firing checks the instance.
            var reason = $"Not sent: the instance was cancelled by {scope.Request.Principal.Id}.";
            var now = scope.Now.UtcDateTime;
            await scope.Db.Outbox.Where(o => o.InstanceId == instanceId && o.Status == Outbox.OutboxStatuses.Pending && (o.LeaseUntil == null || o.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, Outbox.OutboxStatuses.Failed).SetProperty(o => o.LastError, reason), cancellationToken)
                .ConfigureAwait(false);
            scope.Instance.Status = InstanceStatuses.Cancelled;
            scope.Instance.CompletedAt = scope.Now.UtcDateTime;
            scope.Append(OperationEventTypes.InstanceCancelled, new JsonObject { ["positions"] = positions }, null);
            return null;
        }, cancellationToken);

    /// <summary>Closes one open exception by its code; the instance stays where it is.</summary>
    public Task<RuntimeResult<OperationResult>> ResolveExceptionAsync(string instanceId, string code, OperationRequest request, CancellationToken cancellationToken = default) =>
        _frame.RunAsync(instanceId, request, scope =>
        {
            if (scope.ResolveExceptions(e => e.Code == code).Count == 0)
            {
                return Task.FromResult<RuntimeError?>(RuntimeError.NotFound(
                    $"Instance '{instanceId}' has no open exception '{code}' (open: {Open(scope)})."));
            }

            return Task.FromResult<RuntimeError?>(null);
        }, cancellationToken);

    /// <summary>
    /// Does again what failed at a step, as the open error exceptions at that step say: a step whose routing failed
    /// (NO_ROUTE, RULE_FAILED, ...) decides again on its recorded outcome; any other step (a script, a webhook whose
    /// call failed, a task whose assignee did not resolve) is entered again, so a webhook step is sent again the way
    /// entering it sends it and a task is created afresh. Without <paramref name="stepKey"/>, the one step with an
    /// open error is retried.
    /// </summary>
    public Task<RuntimeResult<OperationResult>> RetryStepAsync(string instanceId, string? stepKey, OperationRequest request, CancellationToken cancellationToken = default) =>
        _frame.RunAsync(instanceId, request, async scope =>
        {
            if (!scope.IsRunning)
            {
                return scope.NotRunning("retried");
            }

            var failed = scope.State.Exceptions.Where(e => e.Severity == "error" && e.Step is not null).Select(e => e.Step!).Distinct(StringComparer.Ordinal).ToList();
            var target = stepKey ?? (failed.Count == 1 ? failed[0] : null);
            if (target is null || !failed.Contains(target, StringComparer.Ordinal))
            {
                var which = failed.Count == 0 ? "no step has an open error" : $"steps with an open error: {string.Join(", ", failed.Select(f => $"'{f}'"))}";
                return RuntimeError.Invalid(
                    $"Instance '{instanceId}' has nothing to retry{(stepKey is null ? string.Empty : $" at step '{stepKey}'")} ({which}).",
                    new RuntimeProblem("step", "retry.nothingFailed", failed.Count == 0 ? "Only a step with an open error exception can be retried; use moveInstanceToStep to send it elsewhere." : "Name one of the steps with an open error."));
            }

            if (scope.Process.Steps.FirstOrDefault(s => s.Key == target) is not { } step)
            {
                return RuntimeError.Invalid(
                    $"Step '{target}' is not in process '{scope.Process.Key}' version {scope.Instance.ProcessVersion}; move the instance to a step it has instead.",
                    new RuntimeProblem("step", "retry.unknownStep", "Use moveInstanceToStep with one of the process's steps."));
            }

            var resolved = scope.ResolveExceptions(e => e.Step == target && e.Severity == "error");
            var routing = resolved.Any(e => RoutingStops.Contains(e.Code)) && await LastDecisionAsync(scope, target, cancellationToken).ConfigureAwait(false) is not null;
            scope.Append(OperationEventTypes.StepRetried, new JsonObject
            {
                ["resolved"] = new JsonArray([.. resolved.Select(e => (JsonNode?)e.Code)]),
                ["how"] = routing ? "route" : "enter",
            }, target);
            if (routing)
            {
                var outcome = (string?)(await LastDecisionAsync(scope, target, cancellationToken).ConfigureAwait(false))!["outcome"];
                await scope.Execution.RouteAsync(step, outcome, cancellationToken).ConfigureAwait(false);
                return null;
            }

            foreach (var task in (await scope.OpenTasksAsync(cancellationToken).ConfigureAwait(false)).Where(t => t.StepKey == target))
            {
                scope.CancelTask(task);
            }

            scope.State.Positions.Remove(target);
            await scope.Execution.EnterAsync(target, cancellationToken).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Moves a running instance to a step: its open tasks are cancelled, it leaves every position and open parallel
    /// split, the exceptions that stopped its routing are resolved, and the step is entered (a task step gets a new task).
    /// </summary>
    public Task<RuntimeResult<OperationResult>> MoveToStepAsync(string instanceId, string stepKey, OperationRequest request, CancellationToken cancellationToken = default) =>
        _frame.RunAsync(instanceId, request, async scope =>
        {
            if (!scope.IsRunning)
            {
                return scope.NotRunning("moved");
            }

            if (scope.Process.Steps.All(s => s.Key != stepKey))
            {
                var steps = string.Join(", ", scope.Process.Steps.Select(s => $"'{s.Key}'"));
                return RuntimeError.Invalid(
                    $"Process '{scope.Process.Key}' version {scope.Instance.ProcessVersion} has no step '{stepKey}'.",
                    new RuntimeProblem("step", "move.unknownStep", $"Choose one of its steps: {steps}."));
            }

            var from = new JsonArray([.. scope.State.Positions.Select(p => (JsonNode?)p)]);
            foreach (var task in await scope.OpenTasksAsync(cancellationToken).ConfigureAwait(false))
            {
                scope.CancelTask(task);
            }

            scope.State.Positions.Clear();
            scope.State.Parallel.Clear();
            scope.ResolveExceptions(e => RoutingStops.Contains(e.Code));
            scope.Append(OperationEventTypes.InstanceMoved, new JsonObject { ["from"] = from, ["to"] = stepKey }, stepKey);
            await scope.Execution.EnterAsync(stepKey, cancellationToken).ConfigureAwait(false);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Decides again where an instance stopped at <c>NO_ROUTE</c> (or a failing rule set) goes, with the rule set now
    /// published and the outcome recorded at the stop. If it still finds no route, nothing changes and the answer says so.
    /// </summary>
    public Task<RuntimeResult<OperationResult>> RerouteAsync(string instanceId, OperationRequest request, CancellationToken cancellationToken = default) =>
        _frame.RunAsync(instanceId, request, async scope =>
        {
            if (!scope.IsRunning)
            {
                return scope.NotRunning("re-routed");
            }

            var stop = scope.State.Exceptions.LastOrDefault(e => RoutingStops.Contains(e.Code) && e.Code != "STEP_LIMIT" && e.Step is not null);
            var step = stop is null ? null : scope.Process.Steps.FirstOrDefault(s => s.Key == stop.Step);
            var decision = step is null ? null : await LastDecisionAsync(scope, step.Key, cancellationToken).ConfigureAwait(false);
            if (stop is null || step is null || decision is null)
            {
                return RuntimeError.Invalid(
                    $"Instance '{instanceId}' is not stopped at a routing decision (open: {Open(scope)}).",
                    new RuntimeProblem("instance", "reroute.notStopped", "Re-routing decides again after NO_ROUTE, RULE_FAILED or RULE_SET_INVALID at a step; use moveInstanceToStep or retryStep otherwise."));
            }

            scope.ResolveExceptions(e => e == stop);
            scope.Append(OperationEventTypes.InstanceRerouted, new JsonObject { ["stopped"] = stop.Code }, step.Key);
            await scope.Execution.RouteAsync(step, (string?)decision["outcome"], cancellationToken).ConfigureAwait(false);
            if (scope.State.Exceptions.FirstOrDefault(e => RoutingStops.Contains(e.Code) && e.Step == step.Key) is { } again)
            {
                return RuntimeError.Invalid(
                    $"Re-routing from '{step.Key}' stopped again: {again.Message} Nothing was changed.",
                    new RuntimeProblem("instance", "reroute.stillStopped", "Fix and publish the rule set first (a dry run shows what it would decide), then re-route."));
            }

            return null;
        }, cancellationToken);

    private static async Task<JsonObject?> LastDecisionAsync(InstanceScope scope, string stepKey, CancellationToken cancellationToken)
    {
        var payload = await scope.Db.Events.AsNoTracking()
            .Where(e => e.InstanceId == scope.Instance.Id && e.Type == EventTypes.RouteDecided && e.StepKey == stepKey)
            .OrderByDescending(e => e.Id)
            .Select(e => e.Payload)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return payload is null ? null : JsonNode.Parse(payload)?.AsObject();
    }

    private static string Open(InstanceScope scope) =>
        scope.State.Exceptions.Count == 0 ? "none" : string.Join(", ", scope.State.Exceptions.Select(e => e.Code));
}
