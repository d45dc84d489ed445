using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;

namespace LowCode.Engine.Tests.Tasks;

public abstract class InboxTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AnInboxHoldsThePrincipalsOwnTasksAndItsGroupsUnclaimedTasks()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        var other = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(other, "submit"), RuntimeHarness.Employee, Claims.Expense(40));

        var emma = await h.Runtime.InboxAsync(RuntimeHarness.Employee);
        var max = await h.Runtime.InboxAsync(RuntimeHarness.Manager);
        var outsider = await h.Runtime.InboxAsync(RuntimeHarness.User("olga@example.com", "contractor"));

        Assert.Equal([submit.Id], emma.Select(t => t.Id));
        Assert.Equal(2, max.Count);
        Assert.Contains(max, t => t.StepKey == "managerApproval" && t.AssigneeUser == "max@example.com");
        Assert.Empty(outsider);
    }

    [Fact]
    public async Task AClaimedTaskLeavesTheOtherGroupMembersInboxes()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");

        var claimed = await h.Runtime.ClaimTaskAsync(submit.Id, RuntimeHarness.Manager);

        Assert.True(claimed.Succeeded);
        Assert.Empty(await h.Runtime.InboxAsync(RuntimeHarness.Employee));
        Assert.Equal([submit.Id], (await h.Runtime.InboxAsync(RuntimeHarness.Manager)).Select(t => t.Id));
    }
}

public sealed class InboxTestsOnSqlite() : InboxTests(DatabaseProvider.Sqlite);

public sealed class InboxTestsOnPostgreSQL() : InboxTests(DatabaseProvider.PostgreSQL);
