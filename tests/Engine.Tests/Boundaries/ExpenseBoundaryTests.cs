using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Outbox;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;
using LowCode.Engine.Webhooks;

namespace LowCode.Engine.Tests.Boundaries;

public abstract class ExpenseBoundaryTests(DatabaseProvider provider)
{
    private static async Task<string> ApprovedClaimAsync(BoundaryHarness b, double amount = 240)
    {
        var h = b.Runtime;
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.SubmitClaimAsync(id, amount);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "managerApproval"), RuntimeHarness.Manager, Claims.Review(), "approved");
        return id;
    }

    [Fact]
    public async Task AnApprovedClaimIsPaidThroughTheErpWebhookAndCompletes()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var id = await ApprovedClaimAsync(b);
        Assert.Equal(["payment"], (await b.Runtime.InstanceAsync(id)).Positions.ToArray());
        Assert.Empty(b.Server.Requests);

        await b.DispatchAllAsync();

        var request = Assert.Single(b.Server.Requests);
        Assert.Equal(("POST", "/api/v1/payments"), (request.Method, request.Path));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(("emma@example.com", 240d, "EUR"), ((string?)body["payee"], (double)body["amount"]!, (string?)body["currency"]));
        var message = Assert.Single(await b.OutboxAsync(id));
        Assert.Equal(message.IdempotencyKey, request.Headers[WebhookSender.IdempotencyHeader]);
        Assert.Equal("sha256=" + WebhookSender.Sign(BoundaryHarness.Secret, request.Headers[WebhookSender.TimestampHeader], request.Body), request.Headers[WebhookSender.SignatureHeader]);
        Assert.Equal("lowcode-expense-approval", request.Headers["X-Source"]);
        Assert.Equal((OutboxStatuses.Sent, 1), (message.Status, message.Attempts));

        var instance = await b.Runtime.InstanceAsync(id);
        Assert.Equal("completed", instance.Status);
        Assert.Equal("paid", (string?)instance.Data["status"]);
        Assert.Equal("ERP-42", (string?)instance.Data["steps"]!["payment"]!["response"]!["reference"]);
        Assert.Contains(await b.Engine.TimelineAsync(id), e => e.Type == EventTypes.WebhookSent && (int)e.Payload["status"]! == 200);
    }

    [Fact]
    public async Task AManagerWhoSitsOnAClaimFor48HoursIsEscalatedToTheFinanceLeadWithANotification()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var h = b.Runtime;
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        await h.SubmitClaimAsync(id, 240);
        Assert.Equal("max@example.com", (await h.OpenTaskAsync(id, "managerApproval")).AssigneeUser);

        h.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(0, await b.Timers.RunOnceAsync());
        h.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await b.Timers.RunOnceAsync());
        Assert.Equal(0, await b.Timers.RunOnceAsync());

        var task = await h.OpenTaskAsync(id, "managerApproval");
        Assert.Equal(("finance-lead", (string?)null), (task.AssigneeRole, task.AssigneeUser));
        var instance = await h.InstanceAsync(id);
        Assert.Contains(instance.Exceptions, e => e.Code == "MANAGER_SLA_BREACHED");
        var breach = Assert.Single(await b.Engine.TimelineAsync(id), e => e.Type == EventTypes.SlaBreached);
        Assert.Contains("late-manager-approval-escalates-to-finance-lead", breach.Payload["firedRules"]!.AsArray().Select(r => (string?)r));

        var lead = RuntimeHarness.User("lena@example.com", "finance-lead");
        var notification = Assert.Single(await b.Queries.ForAsync(lead));
        Assert.Contains("Emma Example", notification.Message, StringComparison.Ordinal);
        Assert.Contains("is now yours", notification.Message, StringComparison.Ordinal);
        Assert.Empty(await b.Queries.ForAsync(RuntimeHarness.Manager));

        await b.DispatchAllAsync();
        var mail = Assert.Single(await b.Queries.CapturedMailsAsync());
        Assert.Equal("finance.lead@example.com", mail.To);
        Assert.Equal(notification.Message, mail.Body);
        Assert.Equal("Expense approval: Manager approval", mail.Subject);

        await h.CompleteAsync(task, lead, Claims.Review(), "approved");
        Assert.DoesNotContain((await h.InstanceAsync(id)).Exceptions, e => e.Code == "MANAGER_SLA_BREACHED");
    }

    [Fact]
    public async Task AnSlaTimerOfACompletedTaskFiresWithoutEscalating()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var id = await ApprovedClaimAsync(b);

        b.Runtime.Clock.Advance(TimeSpan.FromDays(3));
        await b.Timers.RunOnceAsync();

        Assert.DoesNotContain(await b.Engine.TimelineAsync(id), e => e.Type == EventTypes.SlaBreached);
        Assert.Empty(await b.Queries.ForAsync(RuntimeHarness.User("lena@example.com", "finance-lead")));
    }

    [Fact]
    public async Task APaymentTheErpKeepsRefusingIsRetriedThenRaisesTheExceptionAndTakesTheFailedTransition()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        b.Server.Status = System.Net.HttpStatusCode.ServiceUnavailable;
        var id = await ApprovedClaimAsync(b);

        await b.DispatchAllAsync();

        Assert.Equal(6, b.Server.Requests.Count);
        Assert.Single(b.Server.Requests.Select(r => r.Headers[WebhookSender.IdempotencyHeader]).Distinct());
        var message = Assert.Single(await b.OutboxAsync(id), o => o.Kind == OutboxKinds.Webhook);
        Assert.Equal((OutboxStatuses.Failed, 6, 503), (message.Status, message.Attempts, message.ResponseStatus));
        Assert.Contains("503", message.LastError, StringComparison.Ordinal);

        var instance = await b.Runtime.InstanceAsync(id);
        Assert.Equal("running", instance.Status);
        Assert.Contains(instance.Exceptions, e => e.Code == "PAYMENT_FAILED");
        Assert.Contains(instance.Exceptions, e => e.Code == "WEBHOOK_FAILED" && e.Message.Contains("6 attempts", StringComparison.Ordinal));
        Assert.Equal("finance", (await b.Runtime.OpenTaskAsync(id, "payByHand")).AssigneeRole);
        var failed = Assert.Single(await b.Engine.TimelineAsync(id), e => e.Type == EventTypes.WebhookFailed);
        Assert.Contains("payment-failed", failed.Payload["firedRules"]!.AsArray().Select(r => (string?)r));
        var decision = (await b.Engine.DecisionsAsync(id)).Last(d => d.Step == "payment");
        Assert.Equal(("payByHand", "transition"), (decision.Target, decision.Source));
        Assert.Single(await b.Queries.ForAsync(RuntimeHarness.Finance));
    }

    [Fact]
    public async Task TheOutboundPolicyRefusesAWebhookToAPrivateAddressWithAClearException()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider, allowLoopback: false, baseUrl: "http://10.20.30.40:8080/");
        var id = await ApprovedClaimAsync(b);

        await b.DispatchAllAsync();

        var instance = await b.Runtime.InstanceAsync(id);
        var refused = Assert.Single(instance.Exceptions, e => e.Code == "WEBHOOK_REFUSED");
        Assert.Contains("10.20.30.40", refused.Message, StringComparison.Ordinal);
        Assert.Contains("private", refused.Message, StringComparison.Ordinal);
        Assert.Contains("LowCode:Outbound:AllowedHosts", refused.Message, StringComparison.Ordinal);
        Assert.Equal(OutboxStatuses.Failed, Assert.Single(await b.OutboxAsync(id), o => o.Kind == OutboxKinds.Webhook).Status);
        Assert.NotNull(await b.Runtime.OpenTaskAsync(id, "payByHand"));
    }

    [Fact]
    public async Task TheOutboundPolicyRefusesLoopbackUnlessItIsAllowListed()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider, allowLoopback: false);
        var id = await ApprovedClaimAsync(b);

        await b.DispatchAllAsync();

        Assert.Empty(b.Server.Requests);
        Assert.Contains((await b.Runtime.InstanceAsync(id)).Exceptions, e => e.Code == "WEBHOOK_REFUSED" && e.Message.Contains("loopback", StringComparison.Ordinal));
    }
}

public sealed class ExpenseBoundaryTestsOnSqlite() : ExpenseBoundaryTests(DatabaseProvider.Sqlite);

public sealed class ExpenseBoundaryTestsOnPostgreSQL() : ExpenseBoundaryTests(DatabaseProvider.PostgreSQL);
