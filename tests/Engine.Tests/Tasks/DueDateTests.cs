using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;

namespace LowCode.Engine.Tests.Tasks;

public abstract class DueDateTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ATaskIsDueItsStepsSlaAfterItWasCreatedByTheInjectedClock()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        h.Clock.Advance(TimeSpan.FromHours(5));

        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(40));

        var manager = await h.OpenTaskAsync(id, "managerApproval");
        var created = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal(created, manager.CreatedAt);
        Assert.Equal(created.AddHours(48), manager.DueAt);
        Assert.Null(submit.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero), (await h.InstanceAsync(id)).DueAt);
    }

    [Fact]
    public async Task TodayInAScriptIsTheDayInTheConfiguredTimeZone()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider, seed: false);
        await Definitions.PublishAsync(h, Engine.Metadata.DefinitionKind.Process, """
            { "key": "stamp", "name": "Stamp", "steps": [
              { "key": "stamp", "type": "script", "set": [ { "path": "day", "expression": "today()" }, { "path": "audit.by", "expression": "'robot'" } ], "next": "done" },
              { "key": "done", "type": "end" } ] }
            """);
        h.Options.TimeZone = TimeZoneInfo.CreateCustomTimeZone("UTC+10", TimeSpan.FromHours(10), "UTC+10", "UTC+10");
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero));

        var id = await h.StartAsync("stamp", RuntimeHarness.Employee);

        var instance = await h.InstanceAsync(id);
        Assert.Equal("completed", instance.Status);
        Assert.Equal("2026-03-03", (string?)instance.Data["day"]);
        Assert.Equal("robot", (string?)instance.Data["audit"]!["by"]);
    }
}

public sealed class DueDateTestsOnSqlite() : DueDateTests(DatabaseProvider.Sqlite);

public sealed class DueDateTestsOnPostgreSQL() : DueDateTests(DatabaseProvider.PostgreSQL);
