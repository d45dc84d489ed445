using LowCode.Engine.Events;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

public abstract class ItAccessScenarioTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ARequestSplitsToManagerAndSecurityAndJoinsWhenBothApprove()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("it-access-request", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "request"), RuntimeHarness.Employee, Claims.AccessRequest());

        var instance = await h.InstanceAsync(id);
        Assert.Equal(["managerApproval", "securityApproval"], (RuntimeHarness.Steps(instance).Order(StringComparer.Ordinal)).ToArray());
        var security = await h.OpenTaskAsync(id, "securityApproval");
        Assert.Equal("security-officer", security.AssigneeRole);

        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.AccessDecision("From the manager."), "approved");
        Assert.Equal(["securityApproval"], ((await h.InstanceAsync(id)).Positions).ToArray());

        var last = await h.CompleteAsync(security, RuntimeHarness.Security, Claims.AccessDecision("From Security."), "approved");

        Assert.Equal(["provision"], last.Positions.ToArray());
        var joined = (await h.Runtime.TimelineAsync(id)).Where(e => e.Type == EventTypes.BranchJoined).ToList();
        Assert.Equal([1, 2], joined.Select(e => (int)e.Payload["arrived"]!));
        var fromJoin = (await h.Runtime.DecisionsAsync(id)).Single(d => d.Step == "approvalsDone");
        Assert.Equal(("provision", "next"), (fromJoin.Target, fromJoin.Source));
        var data = (await h.InstanceAsync(id)).Data;
        Assert.Equal("From Security.", (string?)data["decisionNote"]);
        Assert.Equal("From the manager.", (string?)data["steps"]!["managerApproval"]!["decisionNote"]);
        var completions = (await h.Runtime.TimelineAsync(id)).Where(e => e.Type == EventTypes.TaskCompleted).Select(e => (string?)e.Payload["data"]!["decisionNote"]).ToList();
        Assert.Contains("From the manager.", completions);
        Assert.Contains("From Security.", completions);
    }

    [Fact]
    public async Task ARejectionOnOneBranchStopsTheRequestAtTheJoin()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("it-access-request", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "request"), RuntimeHarness.Employee, Claims.AccessRequest());

        await h.CompleteAsync(await h.OpenTaskAsync(id, "securityApproval"), RuntimeHarness.Security, Claims.AccessDecision("No."), "rejected");
        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.AccessDecision("Yes."), "approved");

        var instance = await h.InstanceAsync(id);
        Assert.Equal("completed", instance.Status);
        Assert.Equal(("rejected", "security"), ((string?)instance.Data["status"], (string?)instance.Data["rejectedBy"]));
        var fromJoin = (await h.Runtime.DecisionsAsync(id)).Single(d => d.Step == "approvalsDone");
        Assert.Equal(("recordRejection", "any-rejection-stops-the-request"), (fromJoin.Target, fromJoin.RoutedBy));
    }
}

public sealed class ItAccessScenarioTestsOnSqlite() : ItAccessScenarioTests(DatabaseProvider.Sqlite);

public sealed class ItAccessScenarioTestsOnPostgreSQL() : ItAccessScenarioTests(DatabaseProvider.PostgreSQL);
