using System.Text.Json.Nodes;
using LowCode.Engine.Metadata;
using LowCode.Engine.Processes;
using LowCode.Engine.Tasks;
using LowCode.Engine.Tests.Seed;

namespace LowCode.Engine.Tests.Processes;

/// <summary>The customer onboarding seed driven up to its external participant's task, and the customer's submission.</summary>
internal static class Onboarding
{
    public const string CustomerEmail = "ceo@acme.example";

    public static Principal AccountManager { get; } = new("alice@bank.example", ["employee", "account-manager"]);

    public static Principal Analyst { get; } = new("carl@bank.example", ["employee", "compliance-analyst"]);

    public static Principal Stranger { get; } = new("eve@bank.example", ["employee"]);

    public static JsonObject Request(string email = CustomerEmail) => new()
    {
        ["companyName"] = "Acme GmbH",
        ["legalForm"] = "llc",
        ["country"] = "DE",
        ["contactName"] = "Carla Customer",
        ["customerEmail"] = email,
        ["products"] = new JsonArray("payments"),
        ["expectedAnnualVolume"] = 250000,
    };

    public static JsonObject Documents(string certificate, string proofOfAddress, string identity) => new()
    {
        ["registrationNumber"] = "HRB 12345",
        ["registrationCertificate"] = certificate,
        ["proofOfAddress"] = proofOfAddress,
        ["beneficialOwners"] = new JsonArray(new JsonObject
        {
            ["fullName"] = "Carla Customer",
            ["dateOfBirth"] = "1975-04-01",
            ["ownershipPercent"] = 100,
            ["identityDocument"] = identity,
        }),
        ["termsAccepted"] = true,
    };

    /// <summary>Starts an onboarding and registers the customer: the instance then waits for the customer's documents.</summary>
    public static async Task<(string InstanceId, WorkTask Task, ExternalLinkMessage Link)> AtUploadAsync(RuntimeHarness h, string email = CustomerEmail)
    {
        var id = await h.StartAsync("customer-onboarding", AccountManager);
        await h.CompleteAsync(await h.OpenTaskAsync(id, "register"), AccountManager, Request(email));
        var waiting = await h.InstanceAsync(id);
        Assert.True(waiting.Exceptions.IsEmpty, string.Join("; ", waiting.Exceptions.Select(e => $"{e.Code}: {e.Message}")));
        var task = await h.OpenTaskAsync(id, "uploadDocuments");
        var link = h.Links.LatestFor(task.Id);
        Assert.NotNull(link);
        return (id, task, link);
    }

    /// <summary>Uploads the three documents the customer form needs, through the link, and returns the submission naming them.</summary>
    public static async Task<JsonObject> UploadDocumentsAsync(RuntimeHarness h, WorkTask task, string token)
    {
        var holder = await h.Runtime.OpenLinkAsync(token);
        Assert.True(holder.Succeeded, holder.Error?.Message);
        var certificate = await h.UploadAsync(task.Id, holder.Value!, "registrationCertificate", "certificate.pdf", "application/pdf", 4096);
        var address = await h.UploadAsync(task.Id, holder.Value!, "proofOfAddress", "bill.png", "image/png", 2048);
        var identity = await h.UploadAsync(task.Id, holder.Value!, "beneficialOwners.identityDocument", "passport.jpg", "image/jpeg", 3072);
        return Documents(certificate, address, identity);
    }

    /// <summary>
    /// Publishes a version of the onboarding process whose upload step leads straight to the KYC review (the seed's
    /// CRM webhook in between is the outbox's to send), so that a test reaches the review's moreInformation loop.
    /// </summary>
    public static async Task PublishWithoutCrmWebhookAsync(RuntimeHarness h)
    {
        var process = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("seed", "customer-onboarding", "customer-onboarding.process.json")))!.AsObject();
        process.Remove("$schema");
        var steps = process["steps"]!.AsArray();
        steps.Single(s => (string?)s!["key"] == "uploadDocuments")!["next"] = "kycReview";
        steps.Remove(steps.Single(s => (string?)s!["key"] == "notifyCrm"));
        await Definitions.PublishAsync(h, DefinitionKind.Process, process.ToJsonString());
    }

    public static string? Code(RuntimeError? error) => error?.Problems.FirstOrDefault()?.Code;
}
