using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tasks;
using LowCode.Engine.Tests.Processes;

namespace LowCode.Engine.Tests.Tasks;

public abstract class TaskAssignmentTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AGroupMemberClaimsReleasesAndAnotherClaims()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");

        var claimed = await h.Runtime.ClaimTaskAsync(submit.Id, RuntimeHarness.Employee);
        var stolen = await h.Runtime.ClaimTaskAsync(submit.Id, RuntimeHarness.Manager);
        var othersCompletion = await h.Runtime.CompleteTaskAsync(submit.Id, Claims.Expense(40), null, null, RuntimeHarness.Manager);
        var released = await h.Runtime.ReleaseTaskAsync(submit.Id, RuntimeHarness.Employee);
        var reclaimed = await h.Runtime.ClaimTaskAsync(submit.Id, RuntimeHarness.Manager);

        Assert.Equal((WorkTaskStatus.Claimed, "emma@example.com"), (claimed.Value!.Status, claimed.Value.AssigneeUser));
        Assert.Equal(RuntimeErrorKind.Conflict, stolen.Error!.Kind);
        Assert.Equal(RuntimeErrorKind.Forbidden, othersCompletion.Error!.Kind);
        Assert.Equal((WorkTaskStatus.Open, null), (released.Value!.Status, released.Value.AssigneeUser));
        Assert.Equal("max@example.com", reclaimed.Value!.AssigneeUser);
        var types = (await h.Runtime.TimelineAsync(id)).Select(e => e.Type).ToList();
        Assert.Equal(2, types.Count(t => t == EventTypes.TaskClaimed));
        Assert.Single(types, t => t == EventTypes.TaskReleased);
    }

    [Fact]
    public async Task AnOutsiderCannotClaimAndOnlyTheHolderCanRelease()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        await h.Runtime.ClaimTaskAsync(submit.Id, RuntimeHarness.Employee);

        var outsider = await h.Runtime.ClaimTaskAsync(submit.Id, RuntimeHarness.User("olga@example.com", "contractor"));
        var notHolder = await h.Runtime.ReleaseTaskAsync(submit.Id, RuntimeHarness.Manager);
        var missing = await h.Runtime.ClaimTaskAsync("no-such-task", RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.Conflict, outsider.Error!.Kind);
        Assert.Equal(RuntimeErrorKind.Forbidden, notHolder.Error!.Kind);
        Assert.Equal(RuntimeErrorKind.NotFound, missing.Error!.Kind);
    }

    [Fact]
    public async Task TheHolderReassignsATaskAndTheNewAssigneeCompletesIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));
        var manager = await h.OpenTaskAsync(id, "managerApproval");
        var deputy = RuntimeHarness.User("dora@example.com", "employee");

        var byStranger = await h.Runtime.ReassignTaskAsync(manager.Id, "olga@example.com", deputy);
        var reassigned = await h.Runtime.ReassignTaskAsync(manager.Id, deputy.Id, RuntimeHarness.Manager);
        var byOldHolder = await h.Runtime.CompleteTaskAsync(manager.Id, Claims.Review(), "approved", null, RuntimeHarness.Manager);

        Assert.Equal(RuntimeErrorKind.Forbidden, byStranger.Error!.Kind);
        Assert.Equal("dora@example.com", reassigned.Value!.AssigneeUser);
        Assert.Equal(RuntimeErrorKind.Forbidden, byOldHolder.Error!.Kind);
        await h.CompleteAsync(manager, deputy, Claims.Review(), "approved");
        var reassignedEvent = Assert.Single(await h.Runtime.TimelineAsync(id), e => e.Type == EventTypes.TaskReassigned);
        Assert.Equal(("max@example.com", "dora@example.com"), ((string?)reassignedEvent.Payload["from"], (string?)reassignedEvent.Payload["to"]));
    }
}

public sealed class TaskAssignmentTestsOnSqlite() : TaskAssignmentTests(DatabaseProvider.Sqlite);

public sealed class TaskAssignmentTestsOnPostgreSQL() : TaskAssignmentTests(DatabaseProvider.PostgreSQL);
