using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

/// <summary>
/// A start pins the latest published process and form versions as the database says when the start commits: a node
/// starts on the versions it read last, and the commit checks them.
/// </summary>
public abstract class StartPinningTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AProcessVersionPublishedAfterThisNodeLastStartedOne_IsWhatTheNextStartPins()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var before = await h.InstanceAsync(await h.StartAsync("expense-approval", RuntimeHarness.Employee));

        Assert.Equal(2, await Definitions.PublishAsync(h, DefinitionKind.Process, Renamed(Seeded("expense-approval.process.json"))));
        var after = await h.InstanceAsync(await h.StartAsync("expense-approval", RuntimeHarness.Employee));

        Assert.Equal((1, 2), (before.ProcessVersion, after.ProcessVersion));
    }

    [Fact]
    public async Task AFormVersionPublishedAfterThisNodeLastStartedOne_IsWhatTheNextStartPins()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var before = await h.InstanceAsync(await h.StartAsync("expense-approval", RuntimeHarness.Employee));

        Assert.Equal(2, await Definitions.PublishAsync(h, DefinitionKind.Form, Renamed(Seeded("expense-claim.form.json"))));
        var after = await h.InstanceAsync(await h.StartAsync("expense-approval", RuntimeHarness.Employee));

        Assert.Equal((1, 2), (before.PinnedForms["expense-claim"], after.PinnedForms["expense-claim"]));
        Assert.Equal(before.PinnedForms["expense-review"], after.PinnedForms["expense-review"]);
    }

    [Fact]
    public async Task AProcessVersionPublishedAfterTheStartDecidedButBeforeItCommitted_RefusesThatCommit_AndTheStartRunsAgainOnIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var commits = 0;
        var node = h.CreateRuntime(new Engine.Processes.RuntimeHooks
        {
            BeforeCommitAsync = async (_, _) =>
            {
                if (Interlocked.Increment(ref commits) == 1)
                {
                    Assert.Equal(2, await Definitions.PublishAsync(h, DefinitionKind.Process, Renamed(Seeded("expense-approval.process.json"))));
                }
            },
        });

        var started = await node.StartAsync("expense-approval", null, "claim-7", "start-key-7", RuntimeHarness.Employee);

        Assert.True(started.Succeeded, started.Error?.Message);
        Assert.Equal(2, commits);
        var instance = await h.InstanceAsync(started.Value!.InstanceId);
        Assert.Equal((2, "claim-7"), (instance.ProcessVersion, instance.BusinessKey));
        var again = await node.StartAsync("expense-approval", null, "claim-7", "start-key-7", RuntimeHarness.Employee);
        Assert.True(again.Value!.Replayed);
        Assert.Equal(started.Value.InstanceId, again.Value.InstanceId);
    }

    [Fact]
    public async Task RetiringTheLatestProcessVersion_TheNextStartPinsTheOneBeforeIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        await Definitions.PublishAsync(h, DefinitionKind.Process, Renamed(Seeded("expense-approval.process.json")));
        Assert.Equal(2, (await h.InstanceAsync(await h.StartAsync("expense-approval", RuntimeHarness.Employee))).ProcessVersion);

        var retired = await h.Database.Store.RetireAsync(DefinitionKind.Process, "expense-approval", 2, "admin");
        Assert.True(retired.Succeeded, retired.Error?.Message);

        Assert.Equal(1, (await h.InstanceAsync(await h.StartAsync("expense-approval", RuntimeHarness.Employee))).ProcessVersion);
    }

    private static string Seeded(string file) => File.ReadAllText(Seed.RepositoryRoot.Combine("seed", "expense-approval", file));

    private static string Renamed(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["name"] = node["name"]!.GetValue<string>() + " (revised)";
        return node.ToJsonString();
    }
}

public sealed class StartPinningTestsOnSqlite() : StartPinningTests(DatabaseProvider.Sqlite);

public sealed class StartPinningTestsOnPostgreSQL() : StartPinningTests(DatabaseProvider.PostgreSQL);
