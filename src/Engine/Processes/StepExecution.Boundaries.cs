using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Routing;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using LowCode.Rules.Facts;
using LowCode.Rules.Runtime;
using Microsoft.EntityFrameworkCore;
using OutboxQueue = LowCode.Engine.Outbox.Outbox;
using OutboxMessage = LowCode.Engine.Outbox.OutboxMessage;

namespace LowCode.Engine.Processes;

/// <summary>
/// The step at the boundaries: parking at webhook, timer and signal steps (writing the timer rows, outbox messages and
/// resume tokens they need into the step's transaction), reacting to events from outside (SLA breached, webhook
/// failed, signal received) with the exception rules, and carrying out notify, assign and callWebhook.
/// </summary>
internal sealed partial class StepExecution
{
    public const string SlaTimer = "sla";
    public const string WaitTimer = "wait";
    public const string ResumeUrlName = "resumeUrl";

    private readonly List<RuleOutput> _assignments = [];
    private bool _reacting;

    private BoundaryOptions Boundaries => services.Options.Boundaries;

    public InstanceRecord Instance => instance;

    private void Park(StepDefinition step, StepType type)
    {
        state.Positions.Add(step.Key);
        var payload = new JsonObject { ["stepType"] = step.Type };
        switch (type)
        {
            case StepType.Webhook:
                payload["outboxId"] = QueueStepWebhook(step);
                break;
            case StepType.Timer:
                if (TimerDue(step) is { } due)
                {
                    AddTimer(WaitTimer, step.Key, null, due);
                    payload["dueAt"] = due;
                }

                break;
            case StepType.Signal:
                payload["signal"] = step.Signal;
                break;
        }

        if (step.Sla is { } sla && IsoDuration.TryParse(sla, out var duration, out _))
        {
            AddTimer(SlaTimer, step.Key, null, now + duration);
        }

        Append(EventTypes.StepWaiting, payload, step.Key);
    }

    /// <summary>A task's SLA: a timer that raises slaBreached at its due date unless the task is completed first.</summary>
    private void ScheduleSla(string stepKey, string taskId, DateTimeOffset? due)
    {
        if (due is { } at)
        {
            AddTimer(SlaTimer, stepKey, taskId, at);
        }
    }

    private void AddTimer(string kind, string stepKey, string? taskId, DateTimeOffset due) => db.Timers.Add(new TimerRecord
    {
        Id = NewId(),
        Kind = kind,
        InstanceId = instance.Id,
        TaskId = taskId,
        StepKey = stepKey,
        DueAt = due.UtcDateTime,
        Payload = "{}",
    });

    /// <summary>
    /// When a timer step fires: <c>duration</c> after now, or the instant <c>until</c> gives; a date-only value means
    /// that day's midnight in the product's time zone.
    /// </summary>
    private DateTimeOffset? TimerDue(StepDefinition step)
    {
        if (step.Duration is { } text)
        {
            if (IsoDuration.TryParse(text, out var duration, out var error))
            {
                return now + duration;
            }

            Raise("TIMER_INVALID", $"Timer step '{step.Key}' has duration '{text}': {error}", "error", step.Key, null);
            return null;
        }

        if (step.Until is not { } until)
        {
            Raise("TIMER_INVALID", $"Timer step '{step.Key}' has neither 'duration' nor 'until'; give one.", "error", step.Key, null);
            return null;
        }

        var result = services.Expressions.Evaluate(until, ExpressionScope.FromJson(View(), LocalNow, services.Options.TimeZone), ExpectedType.Any, $"steps.{step.Key}.until");
        if (result.Error is null && result.Value.Kind == ExpressionValueKind.Text && ParseInstant(result.Value.AsText(), services.Options.TimeZone) is { } at)
        {
            return at;
        }

        var why = result.Error?.Message ?? $"it gave {result.Value}, not a date ('2027-01-31') or a date and time with an offset";
        Raise("TIMER_INVALID", $"The 'until' expression '{until}' of timer step '{step.Key}' did not give a date ({why}).", "error", step.Key, null);
        return null;
    }

    /// <summary>A date-only value is midnight at the start of that day in <paramref name="zone"/>; anything else must carry its offset.</summary>
    public static DateTimeOffset? ParseInstant(string text, TimeZoneInfo zone)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            // A zone that skips midnight (a DST jump at 00:00) starts the day at the first valid minute after it.
            while (zone.IsInvalidTime(midnight))
            {
                midnight = midnight.AddMinutes(1);
            }

            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant.ToUniversalTime() : null;
    }

    private string? QueueStepWebhook(StepDefinition step)
    {
        if (step.Webhook is not { } webhook)
        {
            Raise("WEBHOOK_INVALID", $"Webhook step '{step.Key}' has no 'webhook' to call.", "error", step.Key, null);
            return null;
        }

        var view = View();
        if (webhook.Body?.Contains(ResumeUrlName, StringComparison.Ordinal) == true)
        {
            view[ResumeUrlName] = ResumeUrl(step);
        }

        return QueueWebhook(webhook.Connection, webhook.Url, webhook.Method, webhook.Body, webhook.Headers, webhook.Retries, webhook.Timeout, view, step.Key, $"steps.{step.Key}.webhook", resumesStep: true);
    }

    private string? QueueWebhook(
        string? connection,
        string? url,
        string? method,
        string? body,
        System.Collections.Immutable.ImmutableDictionary<string, string> headers,
        int? retries,
        string? timeout,
        JsonObject view,
        string stepKey,
        string where,
        bool resumesStep)
    {
        if (connection is null)
        {
            Raise(
                "WEBHOOK_NO_CONNECTION",
                $"The webhook at {where} calls the literal address '{url}'; base URLs and secrets belong in configuration. Add LowCode:Connections:<name> with its BaseUrl, then write \"connection\": \"<name>\" and the path as 'url'.",
                "error",
                stepKey,
                null);
            return null;
        }

        JsonNode? json = view;
        if (body is not null)
        {
            // A field nobody filled in (an optional form field, e.g. the IT request's neededUntil for a system that
            // needs no end date) reads as null in the body, as it does in rule conditions, instead of failing the call.
            var compiled = services.Expressions.Compile(body);
            var scope = ExpressionScope.FromJson(view, LocalNow, services.Options.TimeZone);
            foreach (var name in compiled.Variables.Where(v => !view.ContainsKey(v) && v != ResumeUrlName))
            {
                scope.Set(name, (JsonNode?)null);
            }

            var result = services.Expressions.Evaluate(compiled, scope, ExpectedType.Any, $"{where}.body");
            if (result.Error is { } error)
            {
                Raise("WEBHOOK_BODY_FAILED", $"The body of the webhook at {where} could not be built: {error.Message}", "error", stepKey, null);
                return null;
            }

            json = result.Value.ToJsonNode();
        }

        return OutboxQueue.Enqueue(
            db,
            OutboxMessage.Webhook(connection, method ?? "POST", url, json, instance.Id, stepKey, resumesStep) with
            {
                Headers = headers,
                Retries = retries,
                Timeout = timeout is { } t && IsoDuration.TryParse(t, out var span, out _) ? span : null,
            },
            now);
    }

    /// <summary>A URL the receiver of this webhook may call (once, without an account) to send the signal the process waits for next.</summary>
    private string? ResumeUrl(StepDefinition step)
    {
        var signalStep = process.Steps.FirstOrDefault(s => s.Key == step.Next && s.ParsedType() == StepType.Signal)
            ?? process.Steps.FirstOrDefault(s => s.ParsedType() == StepType.Signal);
        if (signalStep?.Signal is not { } signal)
        {
            return null;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.SignalTokens.Add(new SignalTokenRecord
        {
            TokenHash = HashToken(token),
            InstanceId = instance.Id,
            Signal = signal,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (now + Boundaries.SignalTokenValidFor).UtcDateTime,
        });
        return $"{Boundaries.PublicBaseUrl.TrimEnd('/')}/signals/{token}";
    }

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Leaves a waiting step (a timer fired, a webhook answered, a signal arrived) and routes on from it.</summary>
    public async Task ResumeAsync(StepDefinition step, string? outcome, CancellationToken cancellationToken)
    {
        state.Positions.Remove(step.Key);
        await RouteAsync(step, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records <paramref name="eventType"/> (slaBreached, webhookFailed, signalReceived) at <paramref name="step"/> and
    /// lets the rule set's rules for that event act: raise and resolve exceptions, set data, assign, notify, call
    /// webhooks. Routing rules (goTo) are not followed here; the caller decides whether the instance moves.
    /// </summary>
    public async Task ReactAsync(string eventType, StepDefinition step, JsonObject payload, CancellationToken cancellationToken)
    {
        await LoadGroupKeysAsync(cancellationToken).ConfigureAwait(false);
        RoutingDecision? decision = null;
        string? failure = null;
        if (process.RuleSet is { } ruleSetKey)
        {
            var current = await CurrentRuleSetAsync(ruleSetKey, cancellationToken).ConfigureAwait(false);
            payload["ruleSetKey"] = ruleSetKey;
            payload["ruleSetVersion"] = current?.Version;
            if (current?.RuleSet is { } compiled)
            {
                try
                {
                    decision = RoutingDecider.Decide(compiled, View(), new RoutingEvent(eventType, step.Key), [.. ExtraFacts()]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failure = $"Rule set '{ruleSetKey}' version {current.Version} failed on {eventType} at '{step.Key}': {ex.Message}";
                }
            }
        }

        if (decision is not null)
        {
            DataView.ApplyChanges(state.Data, decision.DataChanges);
            payload["firedRules"] = new JsonArray([.. decision.FiredRules.Select(r => (JsonNode?)r)]);
        }

        Append(eventType, payload, step.Key);
        if (failure is not null)
        {
            Raise("RULE_FAILED", failure, "error", step.Key, null);
        }

        if (decision is null)
        {
            return;
        }

        _reacting = true;
        try
        {
            Carry(decision, step.Key);
        }
        finally
        {
            _reacting = false;
        }

        await ApplyAssignmentsAsync(step.Key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Carries out the actions that reach outside the instance; called for every action besides raise/resolve.</summary>
    private void CarryAtBoundary(RuleOutput action, string stepKey)
    {
        switch (action.Name)
        {
            case ActionTypes.Notify:
                Notify(action, stepKey);
                break;
            case ActionTypes.CallWebhook:
                var body = Argument(action, "body");
                QueueWebhook(
                    Argument(action, "connection"),
                    Argument(action, "url"),
                    Argument(action, "method"),
                    body,
                    System.Collections.Immutable.ImmutableDictionary<string, string>.Empty,
                    int.TryParse(Argument(action, "retries"), CultureInfo.InvariantCulture, out var retries) ? retries : null,
                    Argument(action, "timeout"),
                    View(),
                    stepKey,
                    $"rule '{action.Rule}'",
                    resumesStep: false);
                break;
            case ActionTypes.Assign when _reacting:
                _assignments.Add(action);
                break;
        }
    }

    private void Notify(RuleOutput action, string stepKey)
    {
        var text = action.Arguments.TryGetValue("value", out var value) && value is not null ? FactText(value) : Argument(action, "message");
        var stepName = process.Steps.FirstOrDefault(s => s.Key == stepKey)?.Name ?? stepKey;
        var subject = $"{process.Name}: {stepName}";
        text ??= $"{subject} needs your attention.";
        var user = Argument(action, "user") ?? EvaluateRecipient(Argument(action, "assigneeExpression"), stepKey) ?? EvaluateRecipient(Argument(action, "externalEmail"), stepKey);
        var role = user is null ? Argument(action, "role") : null;
        if (user is null && role is null)
        {
            Raise("NOTIFY_NO_RECIPIENT", $"Rule '{action.Rule}' asked to notify, but its assignee gave nobody to notify.", "warning", stepKey, action.Rule);
            return;
        }

        OutboxQueue.Enqueue(db, OutboxMessage.Notification(user, role, subject, text, instance.Id, stepKey, action.Rule), now);
        var addresses = user is not null
            ? (user.Contains('@', StringComparison.Ordinal) ? [user] : [])
            : Boundaries.RoleAddresses.GetValueOrDefault(role!) ?? [];
        var emails = new JsonArray();
        foreach (var address in addresses)
        {
            emails.Add((JsonNode?)OutboxQueue.Enqueue(db, OutboxMessage.Email(address, subject, text, instance.Id, stepKey), now));
        }

        Append(
            EventTypes.NotificationQueued,
            new JsonObject { ["rule"] = action.Rule, ["user"] = user, ["role"] = role, ["message"] = text, ["emails"] = new JsonArray([.. addresses.Select(a => (JsonNode?)a)]), ["outboxIds"] = emails },
            stepKey);
    }

    private string? EvaluateRecipient(string? expression, string stepKey)
    {
        if (expression is null)
        {
            return null;
        }

        var result = services.Expressions.Evaluate(expression, ExpressionScope.FromJson(View(), LocalNow, services.Options.TimeZone), ExpectedType.Text, $"steps.{stepKey}.notify");
        return result.Error is null && result.Value.Kind == ExpressionValueKind.Text && result.Value.AsText().Trim() is { Length: > 0 } id ? id : null;
    }

    private static string FactText(object value) => value as string ?? FactValue.ToJson(value);

    /// <summary>An assign action on an event: the step's open tasks go to the named role or user (and out of anyone's hands).</summary>
    private async Task ApplyAssignmentsAsync(string stepKey, CancellationToken cancellationToken)
    {
        if (_assignments.Count == 0)
        {
            return;
        }

        var tasks = await db.Tasks.Where(t => t.InstanceId == instance.Id && t.StepKey == stepKey && t.CompletedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var action in _assignments)
        {
            var user = Argument(action, "user") ?? EvaluateRecipient(Argument(action, "assigneeExpression"), stepKey);
            var role = Argument(action, "role");
            foreach (var task in tasks)
            {
                var from = task.AssigneeUser;
                task.AssigneeRole = role ?? task.AssigneeRole;
                task.AssigneeUser = user;
                task.ClaimedAt = null;
                task.Status = nameof(WorkTaskStatus.Open);
                task.ETag = NewId();
                Append(EventTypes.TaskReassigned, new JsonObject { ["from"] = from, ["to"] = user, ["role"] = task.AssigneeRole, ["rule"] = action.Rule }, stepKey, task.Id);
            }
        }

        _assignments.Clear();
    }
}
