using LowCode.Engine.Processes;
using LowCode.Engine.Tests.Processes;
using LowCode.Engine.Tests.Seed;

namespace LowCode.Engine.Tests.Analytics;

/// <summary>
/// A history built through the real runtime on a fake clock, with what the test itself wrote down while building it
/// (start and end of each instance, each task's creation, claim and completion, the steps in the order they finished),
/// so every expected figure is computed from this bookkeeping, never read back from the log.
/// </summary>
internal sealed class KnownHistory
{
    public static readonly DateTimeOffset Day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public List<Case> ItAccess { get; } = [];

    public List<Case> Expense { get; } = [];

    /// <summary>The expense claim routed by the workaround rule of rule-set version 2.</summary>
    public string WorkaroundInstance { get; private set; } = string.Empty;

    public const string WorkaroundRule = "large-claims-skip-the-manager";

    public sealed class Case(string id, DateTimeOffset started)
    {
        public string Id { get; } = id;

        public DateTimeOffset Started { get; } = started;

        public DateTimeOffset? Completed { get; set; }

        public List<string> Finished { get; } = [];

        public List<TaskTimes> Tasks { get; } = [];

        public TaskTimes Task(string step) => Tasks.Last(t => t.Step == step);
    }

    public sealed class TaskTimes(string step, DateTimeOffset created)
    {
        public string Step { get; } = step;

        public DateTimeOffset Created { get; } = created;

        public DateTimeOffset? Claimed { get; set; }

        public DateTimeOffset? Done { get; set; }
    }

    /// <summary>One IT access request: times are offsets from its start; a null completion leaves that approval open.</summary>
    private sealed record ItPlan(
        TimeSpan Start,
        TimeSpan? SecurityClaim,
        TimeSpan? SecurityDone,
        string SecurityOutcome,
        TimeSpan? ManagerDone,
        string ManagerOutcome,
        string System = "crm");

    public static async Task<KnownHistory> BuildAsync(RuntimeHarness h)
    {
        var history = new KnownHistory();
        var hour = TimeSpan.FromHours(1);
        ItPlan[] plans =
        [
            // Cycle times 2 h, 5 h, 5 h, 5 h, 9 h: a tie at the median. The first ends at 23:30 UTC, 00:30 in Berlin.
            new(TimeSpan.FromHours(21.5), null, 1.5 * hour, "rejected", 2 * hour, "approved"),
            new(TimeSpan.FromDays(1) + (9 * hour), 2 * hour, 3 * hour, "rejected", 5 * hour, "approved"),
            new(TimeSpan.FromDays(2) + (9 * hour), 4 * hour, 5 * hour, "rejected", 2 * hour, "approved"),
            new(TimeSpan.FromDays(3) + (9 * hour), 2 * hour, 3 * hour, "rejected", 5 * hour, "approved"),
            new(TimeSpan.FromDays(8) + (9 * hour), 7 * hour, 8 * hour, "rejected", 9 * hour, "approved", "prodServers"),

            // Still open at the window's end: one waiting at both approvals (Security claimed), one parked at provisioning.
            new(TimeSpan.FromDays(9) + (9 * hour), 3 * hour, null, "approved", null, "approved"),
            new(TimeSpan.FromDays(10) + (9 * hour), null, 2 * hour, "approved", 3 * hour, "approved"),
        ];
        foreach (var plan in plans)
        {
            history.ItAccess.Add(await RunItAsync(h, plan));
        }

        await RunExpensesAsync(h, history);
        return history;
    }

    private static async Task<Case> RunItAsync(RuntimeHarness h, ItPlan plan)
    {
        var start = Day0 + plan.Start;
        h.Clock.SetUtcNow(start);
        var id = await h.StartAsync("it-access-request", RuntimeHarness.Employee);
        var item = new Case(id, start);
        item.Tasks.Add(new TaskTimes("request", start));

        var requested = start + TimeSpan.FromHours(1);
        h.Clock.SetUtcNow(requested);
        var request = Claims.AccessRequest(plan.System, plan.System == "crm" ? "read" : "write");
        if (plan.System != "crm")
        {
            request["neededUntil"] = "2026-04-30";
        }

        await h.CompleteAsync(await h.OpenTaskAsync(id, "request"), RuntimeHarness.Employee, request);
        item.Task("request").Done = requested;
        item.Finished.AddRange(["request", "approvals"]);
        item.Tasks.Add(new TaskTimes("managerApproval", requested));
        item.Tasks.Add(new TaskTimes("securityApproval", requested));

        var actions = new List<(TimeSpan At, Func<Task> Act)>();
        if (plan.SecurityClaim is { } claim)
        {
            actions.Add((claim, async () =>
            {
                var task = await h.OpenTaskAsync(id, "securityApproval");
                Assert.True((await h.Runtime.ClaimTaskAsync(task.Id, RuntimeHarness.Security)).Succeeded);
                item.Task("securityApproval").Claimed = start + claim;
            }));
        }

        if (plan.SecurityDone is { } securityDone)
        {
            actions.Add((securityDone, async () =>
            {
                await h.CompleteAsync(await h.OpenTaskAsync(id, "securityApproval"), RuntimeHarness.Security, Claims.AccessDecision("Security."), plan.SecurityOutcome);
                item.Task("securityApproval").Done = start + securityDone;
                item.Finished.Add("securityApproval");
            }));
        }

        if (plan.ManagerDone is { } managerDone)
        {
            actions.Add((managerDone, async () =>
            {
                await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.AccessDecision("Manager."), plan.ManagerOutcome);
                item.Task("managerApproval").Done = start + managerDone;
                item.Finished.Add("managerApproval");
            }));
        }

        foreach (var (at, act) in actions.OrderBy(a => a.At))
        {
            h.Clock.SetUtcNow(start + at);
            await act();
        }

        var instance = await h.InstanceAsync(id);
        if (instance.Status == InstanceStatuses.Completed)
        {
            item.Completed = h.Clock.GetUtcNow();
            item.Finished.AddRange(["approvalsDone", "recordRejection", "rejected"]);
        }

        return item;
    }

    /// <summary>
    /// Three expense claims: a rework loop under rule-set version 1; a large claim routed past the manager by a workaround
    /// rule republished as version 2; a large claim under version 3, which restores the seed rules.
    /// </summary>
    private static async Task RunExpensesAsync(RuntimeHarness h, KnownHistory history)
    {
        var start = Day0 + TimeSpan.FromDays(11) + TimeSpan.FromHours(9);
        h.Clock.SetUtcNow(start);
        var rework = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        history.Expense.Add(new Case(rework, start));
        await h.CompleteAsync(await h.OpenTaskAsync(rework, "submit"), RuntimeHarness.Employee, Claims.Expense(800));
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(await h.OpenTaskAsync(rework, "managerApproval"), RuntimeHarness.Manager, Claims.Review("Receipt missing."), "rejected");
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(await h.OpenTaskAsync(rework, "rework"), RuntimeHarness.Employee, Claims.Expense(800));
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(await h.OpenTaskAsync(rework, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");

        var seed = File.ReadAllText(RepositoryRoot.Combine("seed", "expense-approval", "expense-routing.ruleset.json"));
        var workaround = seed.Replace(
            "\"rules\": [",
            $$"""
            "rules": [
                {
                  "name": "{{WorkaroundRule}}",
                  "salience": 300,
                  "steps": [ "submit" ],
                  "when": [ { "path": "total", "op": ">", "value": 1000 } ],
                  "then": [ { "type": "goTo", "step": "financeReview" } ]
                },
            """,
            StringComparison.Ordinal);
        Assert.Equal(2, await Definitions.PublishRuleSetAsync(h, workaround));
        h.Clock.Advance(TimeSpan.FromHours(1));
        var skipped = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        history.Expense.Add(new Case(skipped, h.Clock.GetUtcNow()));
        history.WorkaroundInstance = skipped;
        await h.CompleteAsync(await h.OpenTaskAsync(skipped, "submit"), RuntimeHarness.Employee, Claims.Expense(1500));
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(await h.OpenTaskAsync(skipped, "financeReview"), RuntimeHarness.Finance, Claims.Review(), "approved");

        Assert.Equal(3, await Definitions.PublishRuleSetAsync(h, seed));
        h.Clock.Advance(TimeSpan.FromHours(1));
        var large = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        history.Expense.Add(new Case(large, h.Clock.GetUtcNow()));
        await h.CompleteAsync(await h.OpenTaskAsync(large, "submit"), RuntimeHarness.Employee, Claims.Expense(1500));
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(await h.OpenTaskAsync(large, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(await h.OpenTaskAsync(large, "financeReview"), RuntimeHarness.Finance, Claims.Review(), "approved");
    }
}
