using System.Collections.Immutable;
using LowCode.Engine.Events;
using LowCode.Engine.Operations;
using LowCode.Engine.Operations.DryRun;
using LowCode.Engine.Operations.Erasure;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Operations;

public abstract class ErasureTests(DatabaseProvider provider)
{
    private static readonly string[] PersonalValues = ["Erika Mustermann", "erika.private@example.org", "Dinner with Dr. Quentin Blake", "EXP-ERIKA-4711"];

    [Fact]
    public async Task AfterErasureNoPersonalValueIsInAnyTableAndTheInstanceStillCountsInCycleTime()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var started = h.Clock.GetUtcNow();
        var id = await PaidClaimAsync(h, ops);
        var cycle = h.Clock.GetUtcNow() - started;
        foreach (var value in PersonalValues)
        {
            Assert.NotEmpty(await TableScan.FindAsync(h.Database.Contexts, provider, value));
        }

        var erased = await ops.Erasure.EraseAsync(id, OperationsHarness.Because("Erasure request of the employee, ticket 99."));

        OperationsHarness.Succeeded(erased);
        foreach (var value in PersonalValues)
        {
            Assert.Empty(await TableScan.FindAsync(h.Database.Contexts, provider, value));
        }

        Assert.Equal([(id, cycle)], await CycleTimesAsync(h));
        var timeline = await h.Runtime.TimelineAsync(id);
        Assert.Equal(
            ["submit", "managerApproval", "payment", "recordPayment", "done"],
            timeline.Where(e => e.Type is EventTypes.TaskCreated or EventTypes.StepWaiting or EventTypes.ScriptRan or EventTypes.InstanceCompleted).Select(e => e.StepKey!).ToArray());
        var decision = (await h.Runtime.DecisionsAsync(id)).Single(d => d.Step == "managerApproval");
        Assert.Equal(("payment", "other-claims-go-to-payment", 1), (decision.Target, decision.RoutedBy, decision.RuleSetVersion));
        Assert.Empty(decision.Facts["data"]!.AsObject());
        var record = Assert.Single(timeline, e => e.Type == OperationEventTypes.InstanceErased);
        Assert.Equal(("ada@example.com", "Erasure request of the employee, ticket 99."), (record.Actor, (string?)record.Payload["reason"]));
    }

    [Fact]
    public async Task ADryRunSkipsTheDecisionsOfAnErasedInstance()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await PaidClaimAsync(h, ops);
        await ops.ApprovedClaimAsync(600);
        var erasedDecisions = (await h.Runtime.DecisionsAsync(id)).Count;
        OperationsHarness.Succeeded(await ops.Erasure.EraseAsync(id, OperationsHarness.Because("Erasure request.")));

        var report = await ops.DryRun.RunAsync(new DryRunRequest("expense-approval", "expense-routing", RuleSetJson: DryRunTests.Lowered(500)));

        Assert.Equal((2, erasedDecisions, 1), (report.Replayed, report.Skipped, report.Changed));
    }

    [Fact]
    public async Task ARunningInstanceOrAnErasedOneIsNotErasedAgain()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var running = await ops.ApprovedClaimAsync(300);
        var paid = await PaidClaimAsync(h, ops);
        OperationsHarness.Succeeded(await ops.Erasure.EraseAsync(paid, OperationsHarness.Because("Erasure request.")));

        var notEnded = await ops.Erasure.EraseAsync(running, OperationsHarness.Because("Erasure request."));
        var again = await ops.Erasure.EraseAsync(paid, OperationsHarness.Because("Erasure request."));

        Assert.Equal(RuntimeErrorKind.Conflict, notEnded.Error!.Kind);
        Assert.Contains("cancel it first", notEnded.Error.Message, StringComparison.Ordinal);
        Assert.Equal(RuntimeErrorKind.Conflict, again.Error!.Kind);
        Assert.NotEmpty((await h.InstanceAsync(running)).Data);
    }

    [Fact]
    public async Task TheRetentionSweepErasesEndedInstancesOnceTheirProcessPeriodHasPassed()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var retention = new RetentionOptions { Periods = ImmutableDictionary<string, TimeSpan>.Empty.Add("expense-approval", TimeSpan.FromDays(30)) };
        var ops = new OperationsHarness(h, retention);
        var paid = await PaidClaimAsync(h, ops);
        var running = await ops.ApprovedClaimAsync(300);
        var access = await h.StartAsync("it-access-request", RuntimeHarness.Employee);
        OperationsHarness.Succeeded(await ops.Repair.CancelAsync(access, OperationsHarness.Because("Not needed.")));

        h.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await ops.Retention.RunOnceAsync());
        h.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await ops.Retention.RunOnceAsync());
        Assert.Equal(0, await ops.Retention.RunOnceAsync());

        Assert.Empty((await h.InstanceAsync(paid)).Data);
        var erased = Assert.Single(await ops.EventsAsync(paid, OperationEventTypes.InstanceErased));
        Assert.Equal(RetentionSweep.Principal.Id, erased.Actor);
        Assert.NotEmpty((await h.InstanceAsync(running)).Data);
        Assert.Empty(await ops.EventsAsync(access, OperationEventTypes.InstanceErased));
    }

    /// <summary>A claim full of personal values, approved, paid by hand after the ERP failed, and so completed.</summary>
    private static async Task<string> PaidClaimAsync(RuntimeHarness h, OperationsHarness ops)
    {
        var claim = Claims.Expense(300, employee: "erika.private@example.org");
        claim["employee"]!["employeeName"] = "Erika Mustermann";
        claim["lines"]![0]!["description"] = "Dinner with Dr. Quentin Blake";
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee, businessKey: "EXP-ERIKA-4711");
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, claim);
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review("Approved for Erika Mustermann."), "approved");
        await ops.RaisePaymentFailedAsync(id);
        OperationsHarness.Succeeded(await ops.Repair.ResolveExceptionAsync(id, "PAYMENT_FAILED", OperationsHarness.Because("Paid by hand.")));
        h.Clock.Advance(TimeSpan.FromHours(2));
        OperationsHarness.Succeeded(await ops.Repair.MoveToStepAsync(id, "recordPayment", OperationsHarness.Because("Paid by hand.")));
        Assert.Equal(InstanceStatuses.Completed, (await h.InstanceAsync(id)).Status);
        return id;
    }

    /// <summary>Cycle time as an analytics query computes it: from the event log's start and completion of each instance.</summary>
    private static async Task<List<(string Id, TimeSpan CycleTime)>> CycleTimesAsync(RuntimeHarness h)
    {
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.Type == EventTypes.InstanceStarted || e.Type == EventTypes.InstanceCompleted)
            .GroupBy(e => e.InstanceId)
            .Where(g => g.Any(e => e.Type == EventTypes.InstanceCompleted))
            .Select(g => new { Id = g.Key!, Start = g.Min(e => e.OccurredAt), End = g.Max(e => e.OccurredAt) })
            .ToListAsync();
        return [.. rows.Select(r => (r.Id, r.End - r.Start))];
    }
}

public sealed class ErasureTestsOnSqlite() : ErasureTests(DatabaseProvider.Sqlite);

public sealed class ErasureTestsOnPostgreSQL() : ErasureTests(DatabaseProvider.PostgreSQL);
