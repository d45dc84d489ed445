using LowCode.Engine.Forms;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;

namespace LowCode.Engine.Tests.Processes;

public abstract class ExternalLinkMisuseTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AnExpiredLinkOpensNothingAndCompletesNothing()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var submission = await Onboarding.UploadDocumentsAsync(h, task, link.Token);
        h.Clock.Advance(TimeSpan.FromDays(14));

        var opened = await h.Runtime.GetTaskByLinkAsync(link.Token);
        var completed = await h.Runtime.CompleteTaskByLinkAsync(link.Token, submission, null, null);
        var evaluated = await h.Runtime.EvaluateFormByLinkAsync(link.Token, submission);
        var holder = await h.Runtime.OpenLinkAsync(link.Token);

        Assert.All([opened.Error, completed.Error, evaluated.Error, holder.Error], e => Assert.Equal(LinkErrorCodes.Expired, Onboarding.Code(e)));
        Assert.Equal(RuntimeErrorKind.Forbidden, completed.Error!.Kind);
        Assert.Contains("expired", completed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(Engine.Tasks.WorkTaskStatus.Open, (await h.Runtime.GetTaskAsync(task.Id))!.Status);
    }

    [Fact]
    public async Task ALinkCompletesItsTaskOnceAndIsSpentAfterwards()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var submission = await Onboarding.UploadDocumentsAsync(h, task, link.Token);
        var first = await h.Runtime.CompleteTaskByLinkAsync(link.Token, submission, null, "once");
        Assert.True(first.Succeeded, first.Error?.Message);

        var repeat = await h.Runtime.CompleteTaskByLinkAsync(link.Token, submission, null, "once");
        var again = await h.Runtime.CompleteTaskByLinkAsync(link.Token, submission, null, "twice");
        var read = await h.Runtime.GetTaskByLinkAsync(link.Token);
        var holder = await h.Runtime.OpenLinkAsync(link.Token);

        Assert.True(repeat.Value!.Replayed);
        Assert.Equal(LinkErrorCodes.Used, Onboarding.Code(again.Error));
        Assert.Equal(RuntimeErrorKind.Conflict, again.Error!.Kind);
        Assert.Equal(LinkErrorCodes.Used, Onboarding.Code(read.Error));
        Assert.Equal(LinkErrorCodes.Used, Onboarding.Code(holder.Error));
    }

    [Fact]
    public async Task ALinkPresentedForAnotherTaskOpensNothingThere()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, mine, link) = await Onboarding.AtUploadAsync(h);
        var (_, theirs, theirLink) = await Onboarding.AtUploadAsync(h, "cfo@other.example");

        var read = await h.Runtime.GetTaskByLinkAsync(link.Token, theirs.Id);
        var completed = await h.Runtime.CompleteTaskByLinkAsync(link.Token, [], null, null, theirs.Id);
        var holder = (await h.Runtime.OpenLinkAsync(link.Token)).Value!;
        using var bytes = new MemoryStream(new byte[100]);
        var upload = await h.Files.UploadAsync(new Engine.Files.FileUpload(theirs.Id, "registrationCertificate", "c.pdf", "application/pdf", bytes), holder);

        Assert.Equal(LinkErrorCodes.WrongTask, Onboarding.Code(read.Error));
        Assert.Equal(LinkErrorCodes.WrongTask, Onboarding.Code(completed.Error));
        Assert.Equal(RuntimeErrorKind.Forbidden, upload.Error!.Kind);
        Assert.Equal(Engine.Files.FileErrorCodes.Forbidden, Onboarding.Code(upload.Error));

        // A file uploaded for the other customer's instance cannot be named in this customer's submission either.
        var theirFiles = await Onboarding.UploadDocumentsAsync(h, theirs, theirLink.Token);
        var submission = await Onboarding.UploadDocumentsAsync(h, mine, link.Token);
        submission["registrationCertificate"] = theirFiles["registrationCertificate"]!.DeepClone();
        var borrowed = await h.Runtime.CompleteTaskByLinkAsync(link.Token, submission, null, null);
        Assert.Equal(RuntimeErrorKind.Invalid, borrowed.Error!.Kind);
        Assert.Contains(borrowed.Error.Problems, p => p.Path == "registrationCertificate" && p.Code == FormErrorCodes.File);
    }

    [Fact]
    public async Task ALinkReplacedByAResendIsRevokedAndTheNewOneWorks()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (id, task, first) = await Onboarding.AtUploadAsync(h);
        h.Clock.Advance(TimeSpan.FromDays(10));

        var resent = await h.Runtime.ResendLinkAsync(task.Id, Onboarding.AccountManager);

        Assert.True(resent.Succeeded, resent.Error?.Message);
        Assert.Equal(h.Clock.GetUtcNow().AddDays(14), resent.Value!.ExpiresAt);
        var second = h.Links.LatestFor(task.Id)!;
        Assert.True(second.Reissued);
        Assert.NotEqual(first.Token, second.Token);
        var old = await h.Runtime.CompleteTaskByLinkAsync(first.Token, [], null, null);
        Assert.Equal(LinkErrorCodes.Revoked, Onboarding.Code(old.Error));
        Assert.Contains("newer", old.Error!.Message, StringComparison.Ordinal);
        var submission = await Onboarding.UploadDocumentsAsync(h, task, second.Token);
        var completed = await h.Runtime.CompleteTaskByLinkAsync(second.Token, submission, null, null);
        Assert.True(completed.Succeeded, completed.Error?.Message);
        Assert.Equal(2, (await h.Runtime.TimelineAsync(id)).Count(e => e.Type == Events.EventTypes.ExternalLinkIssued));
    }

    [Fact]
    public async Task OnlySomeoneWhoWorksOnTheInstanceMayResendALinkAndOnlyForAnExternalTask()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (id, task, link) = await Onboarding.AtUploadAsync(h);

        var byStranger = await h.Runtime.ResendLinkAsync(task.Id, Onboarding.Stranger);
        var byHolder = await h.Runtime.ResendLinkAsync(task.Id, (await h.Runtime.OpenLinkAsync(link.Token)).Value!);
        var expense = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var notExternal = await h.Runtime.ResendLinkAsync((await h.OpenTaskAsync(expense, "submit")).Id, RuntimeHarness.Employee);
        var missing = await h.Runtime.ResendLinkAsync("nope", Onboarding.AccountManager);

        Assert.Equal(RuntimeErrorKind.Forbidden, byStranger.Error!.Kind);
        Assert.Equal(RuntimeErrorKind.Forbidden, byHolder.Error!.Kind);
        Assert.Equal(LinkErrorCodes.NotExternal, Onboarding.Code(notExternal.Error));
        Assert.Equal(RuntimeErrorKind.NotFound, missing.Error!.Kind);
        Assert.Same(link, h.Links.LatestFor(task.Id));
        Assert.Equal(id, task.InstanceId);
    }

    [Fact]
    public async Task NobodyInsideCanCompleteOrClaimAnExternalParticipantsTask()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, _) = await Onboarding.AtUploadAsync(h);

        var completed = await h.Runtime.CompleteTaskAsync(task.Id, [], null, null, Onboarding.AccountManager);
        var claimed = await h.Runtime.ClaimTaskAsync(task.Id, Onboarding.AccountManager);

        Assert.Equal(RuntimeErrorKind.Forbidden, completed.Error!.Kind);
        Assert.Contains("external participant", completed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(RuntimeErrorKind.Forbidden, claimed.Error!.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task AnUnknownTokenIsNotFoundWithAClearMessage(string token)
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);

        var opened = await h.Runtime.GetTaskByLinkAsync(token);

        Assert.Equal(RuntimeErrorKind.NotFound, opened.Error!.Kind);
        Assert.Equal(LinkErrorCodes.Unknown, Onboarding.Code(opened.Error));
    }
}

public sealed class ExternalLinkMisuseTestsOnSqlite() : ExternalLinkMisuseTests(DatabaseProvider.Sqlite);

public sealed class ExternalLinkMisuseTestsOnPostgreSQL() : ExternalLinkMisuseTests(DatabaseProvider.PostgreSQL);
