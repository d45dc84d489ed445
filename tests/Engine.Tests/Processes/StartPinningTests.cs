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

    [Fact]
    public async Task AProcessAndBothItsFormsRepublishedTogether_TheNextStartRunsAgainOnceAndPinsThemAll()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var commits = 0;
        var node = h.CreateRuntime(new Engine.Processes.RuntimeHooks { BeforeCommitAsync = (_, _) => Task.FromResult(Interlocked.Increment(ref commits)) });
        Assert.True((await node.StartAsync("expense-approval", null, null, null, RuntimeHarness.Employee)).Succeeded);
        await Definitions.PublishAsync(h, DefinitionKind.Process, Renamed(Seeded("expense-approval.process.json")));
        await Definitions.PublishAsync(h, DefinitionKind.Form, Renamed(Seeded("expense-claim.form.json")));
        await Definitions.PublishAsync(h, DefinitionKind.Form, Renamed(Seeded("expense-review.form.json")));
        commits = 0;

        var started = await node.StartAsync("expense-approval", null, null, null, RuntimeHarness.Employee);

        Assert.True(started.Succeeded, started.Error?.Message);
        Assert.Equal(2, commits);
        var instance = await h.InstanceAsync(started.Value!.InstanceId);
        Assert.Equal((2, 2, 2), (instance.ProcessVersion, instance.PinnedForms["expense-claim"], instance.PinnedForms["expense-review"]));
    }

    [Fact]
    public async Task AStartRefusedOnARememberedVersionThatWasSinceRetired_RunsAgainOnTheVersionNowInForce()
    {
        // Version 2's first form is retired, so a start on version 2 is refused (and this node remembers version 2);
        // then version 2 is retired too. Answering "form not published" again from the remembered version would never
        // be corrected, since a refused start commits nothing.
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var note = System.Text.Json.Nodes.JsonNode.Parse(Seeded("expense-claim.form.json"))!.AsObject();
        note["key"] = "expense-note";
        await Definitions.PublishAsync(h, DefinitionKind.Form, note.ToJsonString());
        var process = System.Text.Json.Nodes.JsonNode.Parse(Seeded("expense-approval.process.json"))!.AsObject();
        foreach (var step in process["steps"]!.AsArray())
        {
            if (step!["form"]?.GetValue<string>() == "expense-claim")
            {
                step["form"] = "expense-note";
            }
        }

        Assert.Equal(2, await Definitions.PublishAsync(h, DefinitionKind.Process, process.ToJsonString()));
        Assert.True((await h.Database.Store.RetireAsync(DefinitionKind.Form, "expense-note", 1, "admin")).Succeeded);
        var refused = await h.Runtime.StartAsync("expense-approval", null, null, null, RuntimeHarness.Employee);
        Assert.All(refused.Error!.Problems, p => Assert.Equal("form.notPublished", p.Code));
        Assert.True((await h.Database.Store.RetireAsync(DefinitionKind.Process, "expense-approval", 2, "admin")).Succeeded);

        var started = await h.Runtime.StartAsync("expense-approval", null, null, null, RuntimeHarness.Employee);

        Assert.True(started.Succeeded, started.Error?.Message);
        Assert.Equal(1, (await h.InstanceAsync(started.Value!.InstanceId)).ProcessVersion);
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
