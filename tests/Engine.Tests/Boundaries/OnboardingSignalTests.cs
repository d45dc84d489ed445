using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;

namespace LowCode.Engine.Tests.Boundaries;

public abstract class OnboardingSignalTests(DatabaseProvider provider)
{
    private static readonly LowCode.Engine.Tasks.Principal AccountManager = RuntimeHarness.User("amy@example.com", "account-manager");
    private static readonly LowCode.Engine.Tasks.Principal Analyst = RuntimeHarness.User("cleo@example.com", "compliance-analyst");
    private static readonly LowCode.Engine.Tasks.Principal Integration = RuntimeHarness.User("crm-bridge", "integration");

    /// <summary>Runs an onboarding to the step where it waits for the CRM's signal; returns the instance id.</summary>
    private static async Task<string> OpenedAccountAsync(BoundaryHarness b, string businessKey)
    {
        var h = b.Runtime;
        // The seed rule set's expression conditions read riskRating and screeningHits on every routing, not only at
        // kycReview (the step filter does not guard them), so they must exist from the start.
        var id = await h.StartAsync("customer-onboarding", AccountManager, new JsonObject { ["riskRating"] = null, ["screeningHits"] = 0 }, businessKey);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "register"), AccountManager, new JsonObject
        {
            ["companyName"] = "Acme GmbH",
            ["legalForm"] = "llc",
            ["country"] = "DE",
            ["contactName"] = "Anna Acme",
            ["customerEmail"] = "anna@acme.example",
            ["products"] = new JsonArray("payments"),
            ["expectedAnnualVolume"] = 250000,
        });
        var upload = await h.OpenTaskAsync(id, "uploadDocuments");
        var link = h.Links.LatestFor(upload.Id)!;
        var documents = await Onboarding.UploadDocumentsAsync(h, upload, link.Token);
        var uploaded = await h.Runtime.CompleteTaskByLinkAsync(link.Token, documents, null, null);
        Assert.True(uploaded.Succeeded, uploaded.Error?.Message);
        Assert.Equal(["notifyCrm"], (await h.InstanceAsync(id)).Positions.ToArray());
        await b.DispatchAllAsync();
        await h.CompleteAsync(await h.OpenTaskAsync(id, "kycReview"), Analyst, new JsonObject { ["riskRating"] = "low", ["sanctionsScreened"] = true, ["screeningHits"] = 0, ["politicallyExposedOwner"] = false }, "approved");
        Assert.Equal(["openAccount"], (await h.InstanceAsync(id)).Positions.ToArray());
        await b.DispatchAllAsync();
        Assert.Equal(["awaitCrmConfirmation"], (await h.InstanceAsync(id)).Positions.ToArray());
        return id;
    }

    [Fact]
    public async Task TheCrmHearsOfTheDocumentsAndTheNewAccountAndItsSignalByBusinessKeyFinishesTheOnboarding()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var id = await OpenedAccountAsync(b, "ACME-1");
        var requests = b.Server.Requests.ToArray();
        Assert.Equal(["POST /api/hooks/onboarding", "PUT /api/accounts"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("documents-received", (string?)JsonNode.Parse(requests[0].Body)!["stage"]);

        var signalled = await b.Engine.SignalAsync("crm-account-opened", null, "customer-onboarding", "ACME-1", new JsonObject { ["crmAccountId"] = "CRM-7" }, Integration);

        Assert.True(signalled.Succeeded, signalled.Error?.Message);
        var instance = await b.Runtime.InstanceAsync(id);
        Assert.Equal("completed", instance.Status);
        Assert.Equal("CRM-7", (string?)instance.Data["signals"]!["crm-account-opened"]!["crmAccountId"]);
        Assert.Contains(await b.Engine.TimelineAsync(id), e => e.Type == EventTypes.SignalReceived && e.Actor == "crm-bridge");
    }

    [Fact]
    public async Task TheCrmAnswersThroughTheResumeUrlItReceivedOnceWithoutAnAccount()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var id = await OpenedAccountAsync(b, "ACME-2");
        var confirmUrl = (string?)JsonNode.Parse(b.Server.Requests.Last().Body)!["confirmUrl"];
        Assert.NotNull(confirmUrl);
        Assert.StartsWith("https://lowcode.example.com/signals/", confirmUrl, StringComparison.Ordinal);
        var token = confirmUrl[(confirmUrl.LastIndexOf('/') + 1)..];

        var first = await b.Engine.SignalWithTokenAsync(token, new JsonObject { ["crmAccountId"] = "CRM-8" });
        var again = await b.Engine.SignalWithTokenAsync(token, null);
        var forged = await b.Engine.SignalWithTokenAsync(token + "x", null);

        Assert.True(first.Succeeded, first.Error?.Message);
        Assert.Equal("completed", (await b.Runtime.InstanceAsync(id)).Status);
        Assert.Equal(RuntimeErrorKind.Conflict, again.Error!.Kind);
        Assert.Contains("already used", again.Error.Message, StringComparison.Ordinal);
        Assert.Equal(RuntimeErrorKind.NotFound, forged.Error!.Kind);
    }

    [Fact]
    public async Task AnExpiredResumeUrlIsRefused()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var id = await OpenedAccountAsync(b, "ACME-3");
        var confirmUrl = (string)JsonNode.Parse(b.Server.Requests.Last().Body)!["confirmUrl"]!;

        b.Runtime.Clock.Advance(TimeSpan.FromDays(15));
        var late = await b.Engine.SignalWithTokenAsync(confirmUrl[(confirmUrl.LastIndexOf('/') + 1)..], null);

        Assert.Equal(RuntimeErrorKind.Forbidden, late.Error!.Kind);
        Assert.Contains("expired", late.Error.Message, StringComparison.Ordinal);
        Assert.Equal("running", (await b.Runtime.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task ASignalFromSomeoneOutsideTheSignalGroupsOrForAStepNotWaitingIsRefused()
    {
        await using var b = await BoundaryHarness.CreateAsync(provider);
        var id = await OpenedAccountAsync(b, "ACME-4");

        var stranger = await b.Engine.SignalAsync("crm-account-opened", id, null, null, null, AccountManager);
        var wrongName = await b.Engine.SignalAsync("payment-received", id, null, null, null, Integration);

        Assert.Equal(RuntimeErrorKind.Forbidden, stranger.Error!.Kind);
        Assert.Equal(RuntimeErrorKind.Conflict, wrongName.Error!.Kind);
        Assert.Contains("awaitCrmConfirmation", wrongName.Error.Message, StringComparison.Ordinal);
        Assert.Equal("running", (await b.Runtime.InstanceAsync(id)).Status);
    }
}

public sealed class OnboardingSignalTestsOnSqlite() : OnboardingSignalTests(DatabaseProvider.Sqlite);

public sealed class OnboardingSignalTestsOnPostgreSQL() : OnboardingSignalTests(DatabaseProvider.PostgreSQL);
