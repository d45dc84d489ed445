using LowCode.Engine.Processes;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

public abstract class ExpenseApprovalScenarioTests(DatabaseProvider provider)
{
    [Fact]
    public async Task ASubmittedClaimGoesToTheManagerNamedInIt()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        Assert.Equal("employee", submit.AssigneeRole);

        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(40));

        var manager = await h.OpenTaskAsync(id, "managerApproval");
        Assert.Equal("max@example.com", manager.AssigneeUser);
        Assert.Equal(["approved", "rejected"], manager.Outcomes.ToArray());
        var instance = await h.InstanceAsync(id);
        Assert.Equal("Emma Example", (string?)instance.Data["employee"]!["employeeName"]);
        Assert.Equal("Emma Example", (string?)instance.Data["steps"]!["submit"]!["employee"]!["employeeName"]);
        var decision = Assert.Single(await h.Runtime.DecisionsAsync(id));
        Assert.Equal(("submit", "managerApproval", "next"), (decision.Step, decision.Target, decision.Source));
        Assert.Equal(("expense-routing", 1), (decision.RuleSetKey, decision.RuleSetVersion));
    }

    [Fact]
    public async Task AClaimUnderOneThousandApprovedByTheManagerGoesToPaymentAndWaitsAtItsWebhook()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));

        var result = await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");

        Assert.Equal(["payment"], result.Positions.ToArray());
        Assert.Empty(result.CreatedTaskIds);
        var instance = await h.InstanceAsync(id);
        Assert.Equal(InstanceStatuses.Running, instance.Status);
        Assert.Empty(instance.OpenTasks);
        Assert.Equal("manager", (string?)instance.Data["approvalLevel"]);
        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal(("managerApproval", "approved", "payment", "rule"), (decision.Step, decision.Outcome, decision.Target, decision.Source));
        Assert.Equal("other-claims-go-to-payment", decision.RoutedBy);
        Assert.Contains("other-claims-go-to-payment", decision.FiredRules);
        Assert.Equal("40", decision.Facts["data"]!["lines"]![0]!["amount"]!.ToJsonString());
        Assert.Equal("max@example.com", (string?)decision.Facts["data"]!["managerEmail"]);
        Assert.False(instance.Data.ContainsKey("managerEmail"));
        Assert.Equal("approved", (string?)decision.Facts["event"]!["outcome"]);
        var timeline = await h.Runtime.TimelineAsync(id);
        Assert.Equal("stepWaiting", timeline[^1].Type);
        Assert.Equal("payment", timeline[^1].StepKey);
    }

    [Fact]
    public async Task AClaimOverOneThousandApprovedByTheManagerGoesToFinance()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        var receipt = await h.UploadAsync(submit.Id, RuntimeHarness.Employee, "receipts");
        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(1500, receipt: receipt));

        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");

        var finance = await h.OpenTaskAsync(id, "financeReview");
        Assert.Equal("finance", finance.AssigneeRole);
        Assert.Null(finance.AssigneeUser);
        var decision = (await h.Runtime.DecisionsAsync(id))[^1];
        Assert.Equal(("financeReview", "large-claims-go-to-finance"), (decision.Target, decision.RoutedBy));
        Assert.Equal("finance", (string?)(await h.InstanceAsync(id)).Data["approvalLevel"]);

        await h.CompleteAsync(finance, RuntimeHarness.Finance, Claims.Review("Checked."), "approved");
        Assert.Equal(["payment"], ((await h.InstanceAsync(id)).Positions).ToArray());
        Assert.Equal(("transition", "payment"), ((await h.Runtime.DecisionsAsync(id))[^1].Source, (await h.Runtime.DecisionsAsync(id))[^1].Target));
    }

    [Fact]
    public async Task ARejectedClaimGoesBackToTheEmployeeWithTheClaimPrefilled()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));

        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review("Wrong cost center."), "rejected");

        var rework = await h.OpenTaskAsync(id, "rework");
        Assert.Equal("emma@example.com", rework.AssigneeUser);
        var opened = await h.Runtime.GetTaskAsync(rework.Id);
        Assert.NotNull(opened!.Prefill);
        Assert.Equal("Emma Example", (string?)opened.Prefill["employee"]!["employeeName"]);
        Assert.Equal("Customer dinner", (string?)opened.Prefill["lines"]![0]!["description"]);
        Assert.Equal("rejected", (string?)(await h.Runtime.DecisionsAsync(id))[^1].Outcome);
        Assert.Equal("transition", (await h.Runtime.DecisionsAsync(id))[^1].Source);

        var corrected = Claims.Expense(40);
        corrected["employee"]!["costCenter"] = "CC-9876";
        await h.CompleteAsync(rework, RuntimeHarness.Employee, corrected);
        var again = await h.OpenTaskAsync(id, "managerApproval");
        Assert.Equal("max@example.com", again.AssigneeUser);
        Assert.Equal("CC-9876", (string?)(await h.InstanceAsync(id)).Data["employee"]!["costCenter"]);
        Assert.Equal("CC-9876", (string?)(await h.InstanceAsync(id)).Data["steps"]!["rework"]!["employee"]!["costCenter"]);
    }

    [Fact]
    public async Task AFailingSubmissionReturnsEveryErrorAndChangesNothing()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        var eventsBefore = (await h.Runtime.TimelineAsync(id)).Count;
        var claim = Claims.Expense(40);
        claim["employee"]!.AsObject().Remove("employeeName");
        claim["employee"]!.AsObject().Remove("costCenter");

        var result = await h.Runtime.CompleteTaskAsync(submit.Id, claim, null, null, RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.Invalid, result.Error!.Kind);
        Assert.Contains(result.Error.Problems, p => p.Path.EndsWith("employeeName", StringComparison.Ordinal) && p.Code == "required");
        Assert.Contains(result.Error.Problems, p => p.Path.EndsWith("costCenter", StringComparison.Ordinal) && p.Code == "required");
        Assert.Equal(eventsBefore, (await h.Runtime.TimelineAsync(id)).Count);
        Assert.Equal(submit.ETag, (await h.OpenTaskAsync(id, "submit")).ETag);
    }

    [Fact]
    public async Task AnApprovalWithoutAKnownOutcomeIsInvalid()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));
        var manager = await h.OpenTaskAsync(id, "managerApproval");

        var missing = await h.Runtime.CompleteTaskAsync(manager.Id, Claims.Review(), null, null, RuntimeHarness.Manager);
        var unknown = await h.Runtime.CompleteTaskAsync(manager.Id, Claims.Review(), "maybe", null, RuntimeHarness.Manager);

        Assert.Equal(("outcome", "outcome.required"), (missing.Error!.Problems[0].Path, missing.Error.Problems[0].Code));
        Assert.Equal("outcome.unknown", unknown.Error!.Problems[0].Code);
        Assert.Contains("'approved'", unknown.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoIsNotTheAssigneeIsForbidden()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "submit"), RuntimeHarness.Employee, Claims.Expense(40));
        var manager = await h.OpenTaskAsync(id, "managerApproval");

        var result = await h.Runtime.CompleteTaskAsync(manager.Id, Claims.Review(), "approved", null, RuntimeHarness.Finance);

        Assert.Equal(RuntimeErrorKind.Forbidden, result.Error!.Kind);
        Assert.Contains("max@example.com", result.Error.Message, StringComparison.Ordinal);
    }
}

public sealed class ExpenseApprovalScenarioTestsOnSqlite() : ExpenseApprovalScenarioTests(DatabaseProvider.Sqlite);

public sealed class ExpenseApprovalScenarioTestsOnPostgreSQL() : ExpenseApprovalScenarioTests(DatabaseProvider.PostgreSQL);
