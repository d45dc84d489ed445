using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Files;
using LowCode.Engine.Forms;
using LowCode.Engine.Metadata;
using LowCode.Engine.Notifications;
using LowCode.Engine.Outbox;
using LowCode.Engine.Processes;
using LowCode.Engine.Routing;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;
using LowCode.Engine.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.HistoryGenerator;

/// <summary>
/// Produces a realistic history for the seed apps through the real runtime: a discrete-event simulation whose clock
/// jumps from one action to the next (so months pass in minutes), driving <see cref="ProcessRuntime"/> start, claim and
/// complete exactly as front ends do. Expense claims go through rework loops and Finance; IT access requests through
/// parallel approvals, the security lead and rejections; privileged requests and large receipts raise exceptions; a
/// rule-set republish a third of the way in routes large claims past the manager (a workaround conformance finds) and a
/// second one restores the seed rules. The systems behind the webhook steps answer through the real outbox dispatcher,
/// minutes to hours after the step is reached (the ERP refuses a few payments, which Finance then pays by hand; the
/// identity system fails a few grants), and temporary access expires when its wait timer fires, so most instances end.
/// Linked into the Api for <c>--demo-history</c>; also runs on its own.
/// </summary>
public sealed class DemoHistory(IServiceProvider services) : IDisposable
{
    public const string WorkaroundRule = "large-claims-skip-the-manager";

    // StepExecution.WaitTimer; the runtime's step internals are not public.
    private const string WaitTimerKind = "wait";

    private static readonly string[] Managers = ["max@example.com", "mia@example.com", "mo@example.com"];
    private static readonly string[] Systems = ["crm", "erp", "hr", "sourceControl", "financeDb", "prodServers"];
    private static readonly Principal Finance = new("fiona@example.com", ["employee", "finance"]);
    private static readonly Principal Security = new("sam@example.com", ["employee", "security-officer"]);
    private static readonly Principal SecurityLead = new("lena@example.com", ["employee", "security-lead"]);

    private readonly PriorityQueue<Func<Task>, DateTimeOffset> _agenda = new();
    private readonly Random _random = new(17);
    private readonly HashSet<string> _scheduled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Step, Func<Task> Then)> _awaitingAnswer = new(StringComparer.Ordinal);
    private SteppingClock _clock = null!;
    private ProcessRuntime? _runtime;
    private FileStore? _files;
    private WebhookSender? _webhooks;
    private OutboxDispatcher? _outbox;

    /// <summary>How long the simulation runs on after the last arrival.</summary>
    public static TimeSpan Tail { get; } = TimeSpan.FromDays(3);

    public int Started { get; private set; }

    public int Completions { get; private set; }

    /// <summary>
    /// Runs <paramref name="instances"/> instances (60 % expense claims, 40 % IT access requests) arriving over
    /// <paramref name="days"/> days from <paramref name="start"/>, and stops <see cref="Tail"/> after the last arrival:
    /// what is still open then (recent claims, temporary access not yet expired) is the work in progress. Callers start
    /// <c>days</c> + <see cref="Tail"/> ago so that nothing happens in the future.
    /// </summary>
    public async Task GenerateAsync(int instances, DateTimeOffset start, int days, string seedDirectory, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        _clock = new SteppingClock(start);
        var expressions = Service<IExpressionEvaluator>();
        _runtime = new ProcessRuntime(
            Service<IDbContextFactory<LowCodeDbContext>>(),
            Service<FormEvaluator>(),
            expressions,
            new RuleSetCache(new RoutingRuleSetCompiler(new SandboxRuleExpressions(expressions, _clock))),
            new DefinitionCache(),
            _clock,
            Service<RuntimeOptions>(),
            new RuntimeHooks());
        _files = new FileStore(Service<IDbContextFactory<LowCodeDbContext>>(), new DefinitionCache(), Service<FileStorageOptions>(), _clock);
        var external = SimulatedConnections(Service<RuntimeOptions>());
        _webhooks = new WebhookSender(external, _clock, new SimulatedSystems(_random));
        _outbox = new OutboxDispatcher(Service<IDbContextFactory<LowCodeDbContext>>(), _runtime, _webhooks, new SimulatedMailServer(), Service<MailOptions>(), external, _clock);
        var span = TimeSpan.FromDays(days);
        for (var i = 0; i < instances; i++)
        {
            var at = start + (span * ((i + _random.NextDouble()) / instances));
            var expense = _random.NextDouble() < 0.6;
            var employee = new Principal($"employee{i % 40}@example.com", ["employee"]);
            Schedule(at, expense ? () => ExpenseAsync(employee, cancellationToken) : () => AccessAsync(employee, cancellationToken));
        }

        var seed = await File.ReadAllTextAsync(Path.Combine(seedDirectory, "expense-approval", "expense-routing.ruleset.json"), cancellationToken).ConfigureAwait(false);
        Schedule(start + (span / 3), () => PublishAsync(Workaround(seed), cancellationToken));
        Schedule(start + (span * 2 / 3), () => PublishAsync(seed, cancellationToken));

        var done = 0;
        var end = start + span + Tail;
        while (_agenda.TryDequeue(out var action, out var when) && when <= end)
        {
            _clock.MoveTo(when);
            await action().ConfigureAwait(false);
            if (++done % 500 == 0)
            {
                progress?.Invoke($"demo history: {done} actions, {Started} instances started, simulated time {when:yyyy-MM-dd}");
            }
        }

    }

    public void Dispose()
    {
        _webhooks?.Dispose();
        _runtime?.Dispose();
    }

    // IServiceProvider.GetService, not the DI extensions: this file also compiles into the Api, whose implicit usings differ.
    private T Service<T>()
        where T : notnull =>
        (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered; AddLowCodeEngine registers it."));

    private ProcessRuntime Runtime => _runtime ?? throw new InvalidOperationException("GenerateAsync sets up the runtime first.");

    private void Schedule(DateTimeOffset at, Func<Task> action) => _agenda.Enqueue(action, at);

    private TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + (_random.NextDouble() * (max - min)));

    /// <summary>
    /// The instance waits at <paramref name="step"/> for an outside system: the dispatcher delivers its webhook a few
    /// minutes to hours later (with whatever else is due then), and <paramref name="then"/> runs once it has moved on.
    /// </summary>
    private void AwaitAnswer(string instanceId, string step, Func<Task> then)
    {
        if (_awaitingAnswer.TryAdd(instanceId, (step, then)))
        {
            Schedule(_clock.GetUtcNow() + Hours(0.05, 3), DeliverOutboxAsync);
        }
    }

    private async Task DeliverOutboxAsync()
    {
        var outbox = _outbox ?? throw new InvalidOperationException("GenerateAsync sets up the outbox first.");
        int settled;
        do
        {
            settled = await outbox.RunOnceAsync().ConfigureAwait(false);
        }
        while (settled > 0);

        foreach (var (id, (step, then)) in _awaitingAnswer.ToList())
        {
            var instance = await Runtime.GetInstanceAsync(id).ConfigureAwait(false);
            if (instance is null || !instance.Positions.Contains(step))
            {
                _awaitingAnswer.Remove(id);
                await then().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Fires the instance's wait timer at its due time, as the timer poller would, then acts on where it went.</summary>
    private async Task AwaitTimerAsync(string instanceId, Func<Task> then)
    {
        var contexts = Service<IDbContextFactory<LowCodeDbContext>>();
        await using var db = await contexts.CreateDbContextAsync().ConfigureAwait(false);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Kind == WaitTimerKind && t.FiredAt == null)
            .Select(t => new { t.Id, t.DueAt }).ToListAsync().ConfigureAwait(false);
        foreach (var timer in timers.Where(t => _scheduled.Add(t.Id)))
        {
            Schedule(new DateTimeOffset(DateTime.SpecifyKind(timer.DueAt, DateTimeKind.Utc)), async () =>
            {
                if (await Runtime.FireTimerAsync(timer.Id).ConfigureAwait(false))
                {
                    await then().ConfigureAwait(false);
                }
            });
        }
    }

    private async Task ExpenseAsync(Principal employee, CancellationToken cancellationToken)
    {
        var started = await Runtime.StartAsync("expense-approval", null, null, null, employee, cancellationToken).ConfigureAwait(false);
        if (started.Value is not { } step)
        {
            return;
        }

        Started++;
        var manager = new Principal(Managers[_random.Next(Managers.Length)], ["employee", "manager"]);
        var roll = _random.NextDouble();
        var amount = roll < 0.03 ? 5200 + _random.Next(0, 3000) : roll < 0.3 ? 1001 + _random.Next(0, 3000) : 20 + _random.Next(0, 950);
        var claim = Claim(employee.Id, manager.Id, amount);
        var state = new Case(step.InstanceId, 0);
        Schedule(_clock.GetUtcNow() + Hours(0.1, 4), () => CompleteAsync(state, "submit", employee, claim, null, () => AfterSubmitAsync(state, employee, manager, claim, amount), cancellationToken));
    }

    private Task AfterSubmitAsync(Case state, Principal employee, Principal manager, JsonObject claim, double amount) =>
        NextExpenseStepAsync(state, employee, manager, claim, amount);

    /// <summary>Acts on whatever task the instance now waits at, as the person it belongs to would.</summary>
    private async Task NextExpenseStepAsync(Case state, Principal employee, Principal manager, JsonObject claim, double amount)
    {
        var instance = await Runtime.GetInstanceAsync(state.Id).ConfigureAwait(false);
        var task = instance?.OpenTasks.FirstOrDefault();
        if (task is null)
        {
            if (instance?.Positions.Contains("payment") == true)
            {
                AwaitAnswer(state.Id, "payment", () => NextExpenseStepAsync(state, employee, manager, claim, amount));
            }

            return;
        }

        var now = _clock.GetUtcNow();
        switch (task.StepKey)
        {
            case "managerApproval":
                var rejects = state.Loops < 2 && _random.NextDouble() < 0.12;
                if (_random.NextDouble() < 0.5)
                {
                    Schedule(now + Hours(1, 30), () => ClaimAsync(task.Id, manager));
                    now += Hours(30, 31);
                }
                else
                {
                    now += Hours(1, 60);
                }

                Schedule(now, () => CompleteAsync(state, task.StepKey, manager, Review(rejects), rejects ? "rejected" : "approved", () => NextExpenseStepAsync(rejects ? state with { Loops = state.Loops + 1 } : state, employee, manager, claim, amount), default));
                break;
            case "financeReview":
                var financeRejects = state.Loops < 2 && _random.NextDouble() < 0.08;
                Schedule(now + Hours(2, 20), () => ClaimAsync(task.Id, Finance));
                Schedule(now + Hours(20, 72), () => CompleteAsync(state, task.StepKey, Finance, Review(financeRejects), financeRejects ? "rejected" : "approved", () => NextExpenseStepAsync(financeRejects ? state with { Loops = state.Loops + 1 } : state, employee, manager, claim, amount), default));
                break;
            case "rework":
                Schedule(now + Hours(2, 48), () => CompleteAsync(state, task.StepKey, employee, claim, null, () => NextExpenseStepAsync(state, employee, manager, claim, amount), default));
                break;
            case "payByHand":
                Schedule(now + Hours(1, 8), () => ClaimAsync(task.Id, Finance));
                Schedule(now + Hours(8, 96), () => CompleteAsync(state, task.StepKey, Finance, PaidByHand(), null, () => NextExpenseStepAsync(state, employee, manager, claim, amount), default));
                break;
        }
    }

    private async Task AccessAsync(Principal employee, CancellationToken cancellationToken)
    {
        var started = await Runtime.StartAsync("it-access-request", null, null, null, employee, cancellationToken).ConfigureAwait(false);
        if (started.Value is not { } step)
        {
            return;
        }

        Started++;
        var manager = new Principal(Managers[_random.Next(Managers.Length)], ["employee", "manager"]);
        var system = Systems[_random.Next(Systems.Length)];
        var request = new JsonObject
        {
            ["requesterName"] = "Requester " + employee.Id,
            ["requesterEmail"] = employee.Id,
            ["managerEmail"] = manager.Id,
            ["system"] = system,
            ["accessLevel"] = _random.NextDouble() < 0.1 ? "admin" : "read",
            ["justification"] = "Needed for the quarter's work.",
            ["neededFrom"] = _clock.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (system is "financeDb" or "prodServers" || (string?)request["accessLevel"] == "admin")
        {
            request["neededUntil"] = _clock.GetUtcNow().AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        var state = new Case(step.InstanceId, 0);
        Schedule(_clock.GetUtcNow() + Hours(0.1, 2), () => CompleteAsync(state, "request", employee, request, null, () => ApprovalsAsync(state, manager), cancellationToken));
    }

    private async Task ApprovalsAsync(Case state, Principal manager)
    {
        var instance = await Runtime.GetInstanceAsync(state.Id).ConfigureAwait(false);
        if (instance is { OpenTasks.Length: 0 })
        {
            if (instance.Positions.FirstOrDefault(p => p is "provision" or "revoke") is { } webhookStep)
            {
                AwaitAnswer(state.Id, webhookStep, () => ApprovalsAsync(state, manager));
            }
            else if (instance.Positions.Contains("waitForExpiry"))
            {
                await AwaitTimerAsync(state.Id, () => ApprovalsAsync(state, manager)).ConfigureAwait(false);
            }

            return;
        }

        var now = _clock.GetUtcNow();
        foreach (var task in (instance?.OpenTasks ?? []).Where(t => _scheduled.Add(t.Id)))
        {
            switch (task.StepKey)
            {
                case "managerApproval":
                    var managerRejects = _random.NextDouble() < 0.1;
                    Schedule(now + Hours(1, 40), () => CompleteAsync(state, task.StepKey, manager, Decision(), managerRejects ? "rejected" : "approved", () => ApprovalsAsync(state, manager), default));
                    break;
                case "securityApproval":
                    var securityRejects = _random.NextDouble() < 0.15;
                    var claimAt = now + Hours(1, 20);
                    Schedule(claimAt, () => ClaimAsync(task.Id, Security));
                    Schedule(claimAt + Hours(0.2, 10), () => CompleteAsync(state, task.StepKey, Security, Decision(), securityRejects ? "rejected" : "approved", () => ApprovalsAsync(state, manager), default));
                    break;
                case "securityLeadReview":
                    var leadRejects = _random.NextDouble() < 0.1;
                    Schedule(now + Hours(0.5, 6), () => ClaimAsync(task.Id, SecurityLead));
                    Schedule(now + Hours(6, 24), () => CompleteAsync(state, task.StepKey, SecurityLead, Decision(), leadRejects ? "rejected" : "approved", () => ApprovalsAsync(state, manager), default));
                    break;
            }
        }
    }

    private async Task ClaimAsync(string taskId, Principal principal) =>
        await Runtime.ClaimTaskAsync(taskId, principal).ConfigureAwait(false);

    private async Task CompleteAsync(Case state, string step, Principal principal, JsonObject data, string? outcome, Func<Task> next, CancellationToken cancellationToken)
    {
        var instance = await Runtime.GetInstanceAsync(state.Id, cancellationToken).ConfigureAwait(false);
        var task = instance?.OpenTasks.FirstOrDefault(t => t.StepKey == step);
        if (task is null)
        {
            return;
        }

        var submission = (JsonObject)data.DeepClone();
        if (submission["receipts"] is JsonArray { Count: > 0 })
        {
            // A receipt is a file uploaded for the task's file field, as the front end uploads it before submitting.
            using var content = new MemoryStream(new byte[2048]);
            var uploaded = await _files!.UploadAsync(new FileUpload(task.Id, "receipts", "receipt.pdf", "application/pdf", content), principal, cancellationToken).ConfigureAwait(false);
            if (uploaded.Value is not { } receipt)
            {
                return;
            }

            submission["receipts"] = new JsonArray(receipt.Id);
        }

        var completed = await Runtime.CompleteTaskAsync(task.Id, submission, outcome, null, principal, cancellationToken).ConfigureAwait(false);
        if (completed.Succeeded)
        {
            Completions++;
            await next().ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(string json, CancellationToken cancellationToken)
    {
        var store = Service<IDefinitionStore>();
        var draft = await store.SaveDraftAsync(DefinitionKind.RuleSet, json, null, "demo-history", cancellationToken).ConfigureAwait(false);
        if (draft.Value is { } saved)
        {
            await store.PublishAsync(DefinitionKind.RuleSet, saved.Key, saved.ETag, "demo-history", cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Workaround(string seed) => seed.Replace(
        "\"rules\": [",
        $$"""
        "rules": [
            {
              "name": "{{WorkaroundRule}}",
              "description": "Month-end workaround: large claims go straight to Finance.",
              "salience": 300,
              "steps": [ "submit", "rework" ],
              "when": [ { "path": "total", "op": ">", "value": 1000 } ],
              "then": [ { "type": "goTo", "step": "financeReview" } ]
            },
        """,
        StringComparison.Ordinal);

    private static JsonObject Claim(string employee, string manager, double amount)
    {
        var claim = new JsonObject
        {
            ["employee"] = new JsonObject
            {
                ["employeeName"] = "Employee " + employee,
                ["employeeEmail"] = employee,
                ["managerEmail"] = manager,
                ["department"] = "sales",
                ["costCenter"] = "CC-1234",
            },
            ["isTravel"] = false,
            ["currency"] = "EUR",
            ["lines"] = new JsonArray(new JsonObject { ["date"] = "2026-02-20", ["category"] = "meals", ["description"] = "Customer dinner", ["amount"] = amount }),
        };
        if (amount > 50)
        {
            claim["receipts"] = new JsonArray("to upload");
        }

        if (amount > 1000)
        {
            claim["justification"] = "A customer workshop with the whole buying team.";
        }

        return claim;
    }

    private static JsonObject Review(bool rejects) => new() { ["reviewComment"] = rejects ? "Please attach the itemised receipt." : "Fine.", ["policyException"] = false };

    private static JsonObject PaidByHand() => new() { ["reviewComment"] = "Paid by bank transfer; the ERP booking follows.", ["policyException"] = false };

    private static JsonObject Decision() => new() { ["decisionNote"] = "Checked.", ["leastPrivilegeChecked"] = true };

    /// <summary>The generator's own connections: the seed apps' systems, answered in-process by <see cref="SimulatedSystems"/>.</summary>
    private static RuntimeOptions SimulatedConnections(RuntimeOptions options) => new()
    {
        TimeZone = options.TimeZone,
        MaxAutomaticSteps = options.MaxAutomaticSteps,
        Boundaries = new BoundaryOptions
        {
            Connections = new Dictionary<string, WebhookConnection>(StringComparer.Ordinal)
            {
                ["erp"] = new() { BaseUrl = "https://erp.example.com" },
                ["iam"] = new() { BaseUrl = "https://iam.example.com" },
            },
            BatchSize = 100,
        },
    };

    private sealed record Case(string Id, int Loops);

    /// <summary>
    /// The ERP and the identity system: they accept almost everything; the ERP refuses about one payment in fifteen
    /// (a closed cost centre), the identity system one change in thirty. Refusals are 422, which is not retried.
    /// </summary>
    private sealed class SimulatedSystems(Random random) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var payment = request.RequestUri?.AbsolutePath.Contains("/payments", StringComparison.Ordinal) == true;
            var refused = random.NextDouble() < (payment ? 0.07 : 0.03);
            var body = refused
                ? new JsonObject { ["error"] = payment ? "Cost centre CC-1234 is closed for postings." : "The directory did not accept the change." }
                : new JsonObject { ["id"] = random.Next(100_000, 999_999) };
            return Task.FromResult(new HttpResponseMessage(refused ? System.Net.HttpStatusCode.UnprocessableEntity : System.Net.HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }

    /// <summary>The mail server of the simulation: it takes every e-mail the notifications send.</summary>
    private sealed class SimulatedMailServer : IMailTransport
    {
        public Task SendAsync(OutboxRecord mail, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The simulation's clock: it stands still while an action runs and jumps to the next action's time.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void MoveTo(DateTimeOffset at) => _now = at > _now ? at : _now;
    }
}
