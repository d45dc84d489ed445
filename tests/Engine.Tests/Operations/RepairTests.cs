using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Operations;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tasks;
using LowCode.Engine.Tests.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Operations;

public abstract class RepairTests(DatabaseProvider provider)
{
    [Fact]
    public async Task RetryingTheFailedPaymentResolvesPaymentFailedAndSendsThePaymentStepAgain()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await ops.ApprovedClaimAsync(300);
        await ops.RaisePaymentFailedAsync(id);

        var retried = await ops.Repair.RetryStepAsync(id, null, OperationsHarness.Because("The ERP is back up."));

        OperationsHarness.Succeeded(retried);
        Assert.Equal(["payment"], retried.Value!.Positions.ToArray());
        Assert.Empty(retried.Value.OpenExceptions);
        var retry = Assert.Single(await ops.EventsAsync(id, OperationEventTypes.StepRetried));
        Assert.Equal(("ada@example.com", "payment", "enter", "The ERP is back up."), (retry.Actor, retry.StepKey, (string?)retry.Payload["how"], (string?)retry.Payload["reason"]));
        var resolved = Assert.Single(await ops.EventsAsync(id, EventTypes.ExceptionResolved));
        Assert.Equal(("PAYMENT_FAILED", "ada@example.com"), ((string?)resolved.Payload["code"], resolved.Actor));
        Assert.Equal(2, (await ops.EventsAsync(id, EventTypes.StepWaiting)).Count(e => e.StepKey == "payment"));
    }

    [Fact]
    public async Task APaymentPaidByHandIsResolvedAndMovedOnToRecordThePayment()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await ops.ApprovedClaimAsync(300);
        await ops.RaisePaymentFailedAsync(id);

        var resolved = await ops.Repair.ResolveExceptionAsync(id, "PAYMENT_FAILED", OperationsHarness.Because("Paid by hand, transfer 2026-03-02."));
        var moved = await ops.Repair.MoveToStepAsync(id, "recordPayment", OperationsHarness.Because("Paid by hand."));

        OperationsHarness.Succeeded(resolved);
        Assert.Equal(["payment"], resolved.Value!.Positions.ToArray());
        OperationsHarness.Succeeded(moved);
        var instance = await h.InstanceAsync(id);
        Assert.Equal((InstanceStatuses.Completed, "paid"), (instance.Status, (string?)instance.Data["status"]));
        var move = Assert.Single(await ops.EventsAsync(id, OperationEventTypes.InstanceMoved));
        Assert.Equal(("ada@example.com", "recordPayment", "Paid by hand."), (move.Actor, (string?)move.Payload["to"], (string?)move.Payload["reason"]));
        Assert.Equal("payment", (string?)move.Payload["from"]![0]);
    }

    [Fact]
    public async Task RerouteAfterARuleFixSendsAnInstanceStoppedAtNoRouteOnAndRefusesWhileTheRulesStillFindNone()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        await ops.PublishRoutingWithoutRoutesAsync();
        var id = await ops.ApprovedClaimAsync(300);
        Assert.Contains((await h.InstanceAsync(id)).Exceptions, e => e.Code == "NO_ROUTE");
        var eventsBefore = (await h.Runtime.TimelineAsync(id)).Count;

        var tooEarly = await ops.Repair.RerouteAsync(id, OperationsHarness.Because("Rules fixed?"));

        Assert.Equal(("reroute.stillStopped", eventsBefore), (Assert.Single(tooEarly.Error!.Problems).Code, (await h.Runtime.TimelineAsync(id)).Count));
        Assert.Contains((await h.InstanceAsync(id)).Exceptions, e => e.Code == "NO_ROUTE");

        Assert.Equal(3, await Definitions.PublishRuleSetAsync(h, OperationsHarness.SeedFile("expense-approval", "expense-routing.ruleset.json")));
        var rerouted = await ops.Repair.RerouteAsync(id, OperationsHarness.Because("Routes restored in version 3."));

        OperationsHarness.Succeeded(rerouted);
        Assert.Equal(["payment"], rerouted.Value!.Positions.ToArray());
        Assert.DoesNotContain("NO_ROUTE", rerouted.Value.OpenExceptions);
        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal(("managerApproval", "approved", "payment", 3), (decision.Step, decision.Outcome, decision.Target, decision.RuleSetVersion));
        var reroute = Assert.Single(await ops.EventsAsync(id, OperationEventTypes.InstanceRerouted));
        Assert.Equal(("ada@example.com", "NO_ROUTE", "Routes restored in version 3."), (reroute.Actor, (string?)reroute.Payload["stopped"], (string?)reroute.Payload["reason"]));
    }

    [Fact]
    public async Task RetryingAStepStoppedAtNoRouteDecidesAgainOnTheRecordedOutcome()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        await ops.PublishRoutingWithoutRoutesAsync();
        var id = await ops.ApprovedClaimAsync(1500);
        await Definitions.PublishRuleSetAsync(h, OperationsHarness.SeedFile("expense-approval", "expense-routing.ruleset.json"));

        var retried = await ops.Repair.RetryStepAsync(id, "managerApproval", OperationsHarness.Because("Routes restored."));

        OperationsHarness.Succeeded(retried);
        Assert.Equal("financeReview", (await h.OpenTaskAsync(id, "financeReview")).StepKey);
        Assert.Equal("route", (string?)Assert.Single(await ops.EventsAsync(id, OperationEventTypes.StepRetried)).Payload["how"]);
    }

    [Fact]
    public async Task MovingAnInstanceStoppedAtNoRouteCreatesTheTaskOfTheStepAndResolvesTheStop()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        await ops.PublishRoutingWithoutRoutesAsync();
        var id = await ops.ApprovedClaimAsync(300);

        var moved = await ops.Repair.MoveToStepAsync(id, "financeReview", OperationsHarness.Because("Finance should look at it."));

        OperationsHarness.Succeeded(moved);
        var task = await h.OpenTaskAsync(id, "financeReview");
        Assert.Equal([task.Id], moved.Value!.CreatedTaskIds.ToArray());
        Assert.Equal("finance", task.AssigneeRole);
        Assert.Empty(moved.Value.OpenExceptions);
        await h.CompleteAsync(task, RuntimeHarness.Finance, Claims.Review(), "approved");
        Assert.Equal(["payment"], (await h.InstanceAsync(id)).Positions.ToArray());
    }

    [Fact]
    public async Task CancellingStopsTheInstancesWebhooksThatHaveNotLeftYet()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        string waiting;
        await using (var db = await h.Database.Contexts.CreateDbContextAsync())
        {
            waiting = LowCode.Engine.Outbox.Outbox.Enqueue(db, LowCode.Engine.Outbox.OutboxMessage.Webhook("erp", "POST", "/payments", new JsonObject { ["amount"] = 300 }, id, "payment"), h.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        OperationsHarness.Succeeded(await ops.Repair.CancelAsync(id, OperationsHarness.Because("Paid by hand already.")));

        await using var check = await h.Database.Contexts.CreateDbContextAsync();
        var row = await check.Outbox.SingleAsync(o => o.Id == waiting);
        Assert.Equal(LowCode.Engine.Outbox.OutboxStatuses.Failed, row.Status);
        Assert.Contains("cancelled by ada@example.com", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingClosesTheOpenTaskEndsTheInstanceAndTheLogSaysWhoAndWhy()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(300));
        var waiting = await h.OpenTaskAsync(id, "managerApproval");

        var cancelled = await ops.Repair.CancelAsync(id, OperationsHarness.Because("Submitted twice by mistake."));

        OperationsHarness.Succeeded(cancelled);
        var instance = await h.InstanceAsync(id);
        Assert.Equal((InstanceStatuses.Cancelled, 0), (instance.Status, instance.OpenTasks.Length));
        Assert.NotNull(instance.CompletedAt);
        Assert.Equal(WorkTaskStatus.Cancelled, (await h.Runtime.GetTaskAsync(waiting.Id))!.Status);
        Assert.DoesNotContain(await h.Runtime.InboxAsync(RuntimeHarness.Manager), t => t.Id == waiting.Id);
        var late = await h.Runtime.CompleteTaskAsync(waiting.Id, Claims.Review(), "approved", null, RuntimeHarness.Manager);
        Assert.Equal(RuntimeErrorKind.Conflict, late.Error!.Kind);
        Assert.Equal(RuntimeErrorKind.Conflict, (await ops.Repair.CancelAsync(id, OperationsHarness.Because("Again.")))!.Error!.Kind);

        var timeline = await h.Runtime.TimelineAsync(id);
        var cancel = Assert.Single(timeline, e => e.Type == OperationEventTypes.InstanceCancelled);
        Assert.Equal(("ada@example.com", "Submitted twice by mistake."), (cancel.Actor, (string?)cancel.Payload["reason"]));
        var taskCancelled = Assert.Single(timeline, e => e.Type == OperationEventTypes.TaskCancelled);
        Assert.Equal((waiting.Id, "ada@example.com"), (taskCancelled.TaskId, taskCancelled.Actor));
    }

    [Fact]
    public async Task AnOperationWithoutAReasonOrOnAnUnknownStepOrExceptionChangesNothing()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await ops.ApprovedClaimAsync(300);
        var before = (await h.Runtime.TimelineAsync(id)).Count;

        var noReason = await ops.Repair.CancelAsync(id, new OperationRequest(OperationsHarness.Admin, " "));
        var unknownStep = await ops.Repair.MoveToStepAsync(id, "nowhere", OperationsHarness.Because("Test."));
        var unknownException = await ops.Repair.ResolveExceptionAsync(id, "PAYMENT_FAILED", OperationsHarness.Because("Test."));
        var nothingToRetry = await ops.Repair.RetryStepAsync(id, null, OperationsHarness.Because("Test."));
        var notStopped = await ops.Repair.RerouteAsync(id, OperationsHarness.Because("Test."));
        var noInstance = await ops.Repair.CancelAsync("missing", OperationsHarness.Because("Test."));

        Assert.Equal("reason.required", Assert.Single(noReason.Error!.Problems).Code);
        Assert.Equal("move.unknownStep", Assert.Single(unknownStep.Error!.Problems).Code);
        Assert.Equal(RuntimeErrorKind.NotFound, unknownException.Error!.Kind);
        Assert.Equal("retry.nothingFailed", Assert.Single(nothingToRetry.Error!.Problems).Code);
        Assert.Equal("reroute.notStopped", Assert.Single(notStopped.Error!.Problems).Code);
        Assert.Equal(RuntimeErrorKind.NotFound, noInstance.Error!.Kind);
        Assert.Equal((InstanceStatuses.Running, before), ((await h.InstanceAsync(id)).Status, (await h.Runtime.TimelineAsync(id)).Count));
    }
}

public sealed class RepairTestsOnSqlite() : RepairTests(DatabaseProvider.Sqlite);

public sealed class RepairTestsOnPostgreSQL() : RepairTests(DatabaseProvider.PostgreSQL);
