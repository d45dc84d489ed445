using System.Collections.Immutable;
using LowCode.Engine.Metadata;
using LowCode.Engine.Operations;
using LowCode.Engine.Operations.Migration;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;

namespace LowCode.Engine.Tests.Operations;

public abstract class MigrationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AValidMappingMovesEveryWaitingInstanceToTheNewVersionWhereItRunsOn()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var first = await WaitingForManagerAsync(h, 300);
        var second = await WaitingForManagerAsync(h, 700);
        await PublishExpenseV2Async(h);

        var report = await ops.Migrator.MigrateAsync(
            new MigrationRequest("expense-approval", 1, 2, Mapping(("managerApproval", "lineManagerApproval"))),
            OperationsHarness.Because("Version 2 renames the manager's step."));

        Assert.True(report.Valid, OperationsHarness.Json(report));
        Assert.Equal(2, report.MigratedCount);
        foreach (var id in new[] { first, second })
        {
            var instance = await h.InstanceAsync(id);
            Assert.Equal((2, "lineManagerApproval"), (instance.ProcessVersion, Assert.Single(instance.Positions)));
            Assert.Equal("lineManagerApproval", Assert.Single(instance.OpenTasks).StepKey);
            var migrated = Assert.Single(await ops.EventsAsync(id, OperationEventTypes.InstanceMigrated));
            Assert.Equal(("ada@example.com", 1, 2), (migrated.Actor, (int)migrated.Payload["fromVersion"]!, (int)migrated.Payload["toVersion"]!));
            Assert.Equal("lineManagerApproval", (string?)migrated.Payload["steps"]!["managerApproval"]);
        }

        // It routes by version 2's rule set from the renamed step.
        await h.CompleteAsync(await h.OpenTaskAsync(first, "lineManagerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");
        Assert.Equal(["payment"], (await h.InstanceAsync(first)).Positions.ToArray());
        Assert.Equal("expense-routing-2", (await h.Runtime.DecisionsAsync(first))[^1].RuleSetKey);
    }

    [Fact]
    public async Task AnInvalidMigrationMovesNothingAndListsEveryProblemPerInstance()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var atManager = await WaitingForManagerAsync(h, 300);
        var atFinance = await new OperationsHarness(h).ApprovedClaimAsync(1500);
        await PublishExpenseV2Async(h);

        // The review form's checkbox becomes a text field in version 2: the open reviews cannot keep their entries.
        await Definitions.PublishAsync(h, DefinitionKind.Form, OperationsHarness.SeedFile("expense-approval", "expense-review.form.json")
            .Replace("\"type\": \"boolean\"", "\"type\": \"text\"", StringComparison.Ordinal));

        var report = await ops.Migrator.MigrateAsync(
            new MigrationRequest("expense-approval", 1, 2, Mapping(("managerApproval", "lineManagerApproval"), ("rework", "nowhere"))),
            OperationsHarness.Because("Try version 2."));

        Assert.False(report.Valid);
        Assert.Equal(0, report.MigratedCount);
        Assert.Equal("migration.unknownTargetStep", Assert.Single(report.Problems).Code);
        var manager = Assert.Single(report.Instances, i => i.InstanceId == atManager);
        Assert.Equal("migration.formChangedIncompatibly", Assert.Single(manager.Problems).Code);
        Assert.Contains("policyException", manager.Problems[0].Message, StringComparison.Ordinal);
        var finance = Assert.Single(report.Instances, i => i.InstanceId == atFinance);
        Assert.Equal("migration.unmappedStep", Assert.Single(finance.Problems).Code);
        Assert.Equal("positions.financeReview", finance.Problems[0].Path);

        foreach (var id in new[] { atManager, atFinance })
        {
            Assert.Equal(1, (await h.InstanceAsync(id)).ProcessVersion);
            Assert.Empty(await ops.EventsAsync(id, OperationEventTypes.InstanceMigrated));
        }
    }

    [Fact]
    public async Task ValidateOnlyListsWhatWouldMoveAndMovesNothing()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await WaitingForManagerAsync(h, 300);
        await PublishExpenseV2Async(h);

        var report = await ops.Migrator.MigrateAsync(
            new MigrationRequest("expense-approval", 1, 2, Mapping(("managerApproval", "lineManagerApproval")), ValidateOnly: true),
            OperationsHarness.Because("Check first."));

        Assert.True(report.Valid);
        Assert.Equal((id, 0), (Assert.Single(report.Instances).InstanceId, report.MigratedCount));
        Assert.Equal(1, (await h.InstanceAsync(id)).ProcessVersion);
    }

    [Fact]
    public async Task AnInstanceMidParallelMovesWithItsOpenBranchAndJoinsOnTheNewVersion()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await HalfApprovedAccessRequestAsync(h);
        await PublishItAccessV2Async(h);

        var report = await ops.Migrator.MigrateAsync(
            new MigrationRequest("it-access-request", 1, 2, Mapping(("securityApproval", "securityReview"))),
            OperationsHarness.Because("Security's step is renamed."));

        Assert.True(report.Valid, OperationsHarness.Json(report));
        Assert.Equal(["securityReview"], (await h.InstanceAsync(id)).Positions.ToArray());
        await h.CompleteAsync(await h.OpenTaskAsync(id, "securityReview"), RuntimeHarness.Security, Claims.AccessDecision("Fine."), "approved");
        Assert.Equal(["provision"], (await h.InstanceAsync(id)).Positions.ToArray());
    }

    [Fact]
    public async Task AnInstanceMidParallelWhoseOpenBranchNoLongerExistsDoesNotMove()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var ops = new OperationsHarness(h);
        var id = await HalfApprovedAccessRequestAsync(h);
        await PublishItAccessV2Async(h);

        var report = await ops.Migrator.MigrateAsync(
            new MigrationRequest("it-access-request", 1, 2, ImmutableDictionary<string, string>.Empty),
            OperationsHarness.Because("Forgot the mapping."));

        var problems = Assert.Single(report.Instances).Problems.Select(p => (p.Path, p.Code)).ToList();
        Assert.Contains(("positions.securityApproval", "migration.unmappedStep"), problems);
        Assert.Contains(("parallel.approvals.securityApproval", "migration.parallelBranchMissing"), problems);
        Assert.Equal(1, (await h.InstanceAsync(id)).ProcessVersion);
    }

    private static ImmutableDictionary<string, string> Mapping(params (string From, string To)[] pairs) =>
        pairs.ToImmutableDictionary(p => p.From, p => p.To, StringComparer.Ordinal);

    private static async Task<string> WaitingForManagerAsync(RuntimeHarness h, double amount)
    {
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(amount));
        return id;
    }

    private static async Task<string> HalfApprovedAccessRequestAsync(RuntimeHarness h)
    {
        var id = await h.StartAsync("it-access-request", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "request"), RuntimeHarness.Employee, Claims.AccessRequest());
        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.AccessDecision("Yes."), "approved");
        Assert.Equal(["securityApproval"], (await h.InstanceAsync(id)).Positions.ToArray());
        return id;
    }

    /// <summary>Version 2 renames managerApproval and financeReview; its rules (a rule set of its own, since rules name steps) follow the new names.</summary>
    private static async Task PublishExpenseV2Async(RuntimeHarness h)
    {
        (string, string)[] renames = [("managerApproval", "lineManagerApproval"), ("financeReview", "financeApproval")];
        await Definitions.PublishRuleSetAsync(h, Rename(OperationsHarness.SeedFile("expense-approval", "expense-routing.ruleset.json"), "expense-routing", renames));
        Assert.Equal(2, await Definitions.PublishAsync(h, DefinitionKind.Process, Rename(OperationsHarness.SeedFile("expense-approval", "expense-approval.process.json"), "expense-routing", renames)));
    }

    /// <summary>Version 2 renames Security's branch of the parallel approvals.</summary>
    private static async Task PublishItAccessV2Async(RuntimeHarness h)
    {
        await Definitions.PublishRuleSetAsync(h, Rename(OperationsHarness.SeedFile("it-access-request", "it-access-rules.ruleset.json"), "it-access-rules", ("securityApproval", "securityReview")));
        Assert.Equal(2, await Definitions.PublishAsync(h, DefinitionKind.Process, Rename(OperationsHarness.SeedFile("it-access-request", "it-access-request.process.json"), "it-access-rules", ("securityApproval", "securityReview"))));
    }

    private static string Rename(string json, string ruleSet, params (string Step, string NewStep)[] renames) =>
        renames.Aggregate(
            json.Replace($"\"{ruleSet}\"", $"\"{ruleSet}-2\"", StringComparison.Ordinal),
            (text, rename) => text.Replace($"\"{rename.Step}\"", $"\"{rename.NewStep}\"", StringComparison.Ordinal));
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTestsOnPostgreSQL() : MigrationTests(DatabaseProvider.PostgreSQL);
