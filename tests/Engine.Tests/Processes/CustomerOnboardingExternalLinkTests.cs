using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Forms;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tasks;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Processes;

public abstract class CustomerOnboardingExternalLinkTests(DatabaseProvider provider)
{
    [Fact]
    public async Task TheCustomerOpensTheLinkUploadsTheDocumentsAndCompletesTheTask()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (id, task, link) = await Onboarding.AtUploadAsync(h);
        Assert.Equal((Onboarding.CustomerEmail, task.Id, "uploadDocuments", false), (link.Email, link.TaskId, link.StepKey, link.Reissued));
        Assert.Equal(h.Clock.GetUtcNow().AddDays(14), link.ExpiresAt);
        Assert.Null(task.AssigneeUser);
        Assert.Null(task.AssigneeRole);

        var opened = await h.Runtime.GetTaskByLinkAsync(link.Token);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        Assert.Equal((task.Id, "customer-documents", Onboarding.CustomerEmail), (opened.Value!.Task.Id, opened.Value.Task.FormKey, opened.Value.Email));
        Assert.NotNull(opened.Value.Task.Prefill);

        var submission = await Onboarding.UploadDocumentsAsync(h, task, link.Token);
        var completed = await h.Runtime.CompleteTaskByLinkAsync(link.Token, submission, null, "customer-done");

        Assert.True(completed.Succeeded, completed.Error is { } e ? $"{e.Message} {string.Join("; ", e.Problems)}" : null);
        Assert.Equal(["notifyCrm"], completed.Value!.Positions.ToArray());
        var instance = await h.InstanceAsync(id);
        Assert.Equal((string?)submission["registrationCertificate"], (string?)instance.Data["registrationCertificate"]);
        Assert.Equal((string?)submission["beneficialOwners"]![0]!["identityDocument"], (string?)instance.Data["beneficialOwners"]![0]!["identityDocument"]);
        var done = await h.Runtime.GetTaskAsync(task.Id);
        Assert.Equal((WorkTaskStatus.Completed, Onboarding.CustomerEmail), (done!.Status, done.CompletedBy));
        var timeline = await h.Runtime.TimelineAsync(id);
        Assert.Equal(3, timeline.Count(e => e.Type == EventTypes.FileUploaded));
        Assert.Contains(timeline, e => e.Type == EventTypes.ExternalLinkIssued && e.TaskId == task.Id && (string?)e.Payload["email"] == Onboarding.CustomerEmail);
    }

    [Fact]
    public async Task TheTokenIsRandomAndOnlyItsHashIsStored()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (id, task, link) = await Onboarding.AtUploadAsync(h);
        var (_, _, other) = await Onboarding.AtUploadAsync(h, "cfo@other.example");

        Assert.Equal(43, link.Token.Length);
        Assert.NotEqual(link.Token, other.Token);
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        var record = await db.Tasks.SingleAsync(t => t.Id == task.Id);
        Assert.Equal(LinkToken.Hash(link.Token), record.ExternalTokenHash);
        Assert.Equal(Onboarding.CustomerEmail, record.ExternalEmail);
        var stored = await db.ExternalLinks.SingleAsync(l => l.TaskId == task.Id);
        Assert.Equal(record.ExternalTokenHash, stored.TokenHash);
        var events = await db.Events.Where(e => e.InstanceId == id).Select(e => e.Payload).ToListAsync();
        Assert.DoesNotContain(events, p => p.Contains(link.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(link.Token, link.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluatingTheFormThroughTheLinkChecksTheUploadsWhileTheCustomerTypes()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var submission = await Onboarding.UploadDocumentsAsync(h, task, link.Token);
        submission["proofOfAddress"] = "no-such-file";
        submission["registrationNumber"] = "x";

        var evaluated = await h.Runtime.EvaluateFormByLinkAsync(link.Token, submission);

        Assert.True(evaluated.Succeeded, evaluated.Error?.Message);
        var errors = evaluated.Value!.Errors;
        Assert.Contains(errors, e => e.Path == "proofOfAddress" && e.Code == FormErrorCodes.File);
        Assert.Contains(errors, e => e.Path == "registrationNumber" && e.Code == FormErrorCodes.MinLength);
        Assert.DoesNotContain(errors, e => e.Path == "registrationCertificate");
    }

    [Fact]
    public async Task TheMoreInformationLoopSendsANewLinkAndTheOldOneNoLongerOpensAnything()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        await Onboarding.PublishWithoutCrmWebhookAsync(h);
        var (id, task, first) = await Onboarding.AtUploadAsync(h);
        var submission = await Onboarding.UploadDocumentsAsync(h, task, first.Token);
        var completed = await h.Runtime.CompleteTaskByLinkAsync(first.Token, submission, null, null);
        Assert.True(completed.Succeeded, completed.Error?.Message);
        var review = await h.OpenTaskAsync(id, "kycReview");

        await h.CompleteAsync(review, Onboarding.Analyst, new JsonObject { ["riskRating"] = "low", ["sanctionsScreened"] = true }, "moreInformation");

        var again = await h.OpenTaskAsync(id, "uploadDocuments");
        Assert.NotEqual(task.Id, again.Id);
        var second = h.Links.LatestFor(again.Id);
        Assert.NotNull(second);
        Assert.True(second.Reissued);
        var old = await h.Runtime.GetTaskByLinkAsync(first.Token);
        Assert.Equal(LinkErrorCodes.Revoked, Onboarding.Code(old.Error));
        var reopened = await h.Runtime.GetTaskByLinkAsync(second.Token);
        Assert.Equal(again.Id, reopened.Value!.Task.Id);
        Assert.Equal((string?)submission["registrationCertificate"], (string?)reopened.Value.Task.Prefill!["registrationCertificate"]);

        // The files uploaded the first time belong to the instance, so the pre-filled answer can be sent again as it is.
        var resubmitted = await h.Runtime.CompleteTaskByLinkAsync(second.Token, reopened.Value.Task.Prefill, null, null);
        Assert.True(resubmitted.Succeeded, resubmitted.Error is { } e ? $"{e.Message} {string.Join("; ", e.Problems)}" : null);
        Assert.Equal(["kycReview"], resubmitted.Value!.Positions.ToArray());
    }
}

public sealed class CustomerOnboardingExternalLinkTestsOnSqlite() : CustomerOnboardingExternalLinkTests(DatabaseProvider.Sqlite);

public sealed class CustomerOnboardingExternalLinkTestsOnPostgreSQL() : CustomerOnboardingExternalLinkTests(DatabaseProvider.PostgreSQL);
