using LowCode.Engine.Files;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Processes;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Files;

public abstract class FileStoreTests(DatabaseProvider provider)
{
    [Fact]
    public async Task AFileOfATypeTheFieldDoesNotAcceptIsRefused()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var holder = (await h.Runtime.OpenLinkAsync(link.Token)).Value!;
        using var bytes = new MemoryStream(new byte[10]);

        var refused = await h.Files.UploadAsync(new FileUpload(task.Id, "registrationCertificate", "certificate.png", "image/png", bytes), holder);

        Assert.Equal(RuntimeErrorKind.Invalid, refused.Error!.Kind);
        Assert.Equal(FileErrorCodes.Accept, Onboarding.Code(refused.Error));
        Assert.Contains("accepted: application/pdf", refused.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheFieldsMaximumSizeIsRefusedWithoutStoringAnything()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var holder = (await h.Runtime.OpenLinkAsync(link.Token)).Value!;
        using var bytes = new MemoryStream(new byte[(5 * 1024 * 1024) + 1]);

        var refused = await h.Files.UploadAsync(new FileUpload(task.Id, "proofOfAddress", "bill.pdf", "application/pdf", bytes), holder);

        Assert.Equal(FileErrorCodes.TooLarge, Onboarding.Code(refused.Error));
        Assert.Contains("5 MiB", refused.Error!.Message, StringComparison.Ordinal);
        await using var db = await h.Database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Files.CountAsync());
    }

    [Fact]
    public async Task TheServersLimitCapsFieldsWithoutAMaximum()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        h.FileOptions.MaxUploadBytes = 1000;
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var holder = (await h.Runtime.OpenLinkAsync(link.Token)).Value!;
        using var bytes = new MemoryStream(new byte[1001]);

        var refused = await h.Files.UploadAsync(new FileUpload(task.Id, "registrationCertificate", "c.pdf", "application/pdf", bytes), holder);

        Assert.Equal(FileErrorCodes.TooLarge, Onboarding.Code(refused.Error));
    }

    [Theory]
    [InlineData("registrationNumber")]
    [InlineData("passport")]
    [InlineData("")]
    public async Task AnUploadForAFieldThatIsNotAFileFieldOfTheTaskFormIsRefusedNamingTheFileFields(string field)
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var holder = (await h.Runtime.OpenLinkAsync(link.Token)).Value!;
        using var bytes = new MemoryStream(new byte[10]);

        var refused = await h.Files.UploadAsync(new FileUpload(task.Id, field, "c.pdf", "application/pdf", bytes), holder);

        Assert.Equal(FileErrorCodes.Field, Onboarding.Code(refused.Error));
        Assert.Contains("registrationCertificate, proofOfAddress, beneficialOwners.identityDocument", refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownloadIsRefusedToAPrincipalWhoCannotSeeTheTaskAndGivenToThoseWhoCan()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var (_, task, link) = await Onboarding.AtUploadAsync(h);
        var (_, _, otherLink) = await Onboarding.AtUploadAsync(h, "cfo@other.example");
        var holder = (await h.Runtime.OpenLinkAsync(link.Token)).Value!;
        var fileId = await h.UploadAsync(task.Id, holder, "registrationCertificate", "certificate.pdf", "application/pdf", 1234);

        var stranger = await h.Files.OpenAsync(fileId, Onboarding.Stranger);
        var otherCustomer = await h.Files.OpenAsync(fileId, (await h.Runtime.OpenLinkAsync(otherLink.Token)).Value!);
        var missing = await h.Files.OpenAsync("nope", Onboarding.AccountManager);

        Assert.Equal((RuntimeErrorKind.Forbidden, FileErrorCodes.Forbidden), (stranger.Error!.Kind, Onboarding.Code(stranger.Error)));
        Assert.Equal(RuntimeErrorKind.Forbidden, otherCustomer.Error!.Kind);
        Assert.Equal(RuntimeErrorKind.NotFound, missing.Error!.Kind);
        foreach (var allowed in new[] { Onboarding.AccountManager, holder })
        {
            var download = await h.Files.OpenAsync(fileId, allowed);
            Assert.True(download.Succeeded, download.Error?.Message);
            await using var content = download.Value!.Content;
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(1234, copy.Length);
            Assert.Equal(("certificate.pdf", "application/pdf", 1234L), (download.Value.File.Name, download.Value.File.ContentType, download.Value.File.Size));
        }
    }

    [Fact]
    public async Task WithADirectoryConfiguredTheBytesGoThereAndNotIntoTheDatabase()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var directory = Directory.CreateTempSubdirectory("lowcode-files-");
        try
        {
            h.FileOptions.Directory = directory.FullName;
            var (_, task, link) = await Onboarding.AtUploadAsync(h);
            var holder = (await h.Runtime.OpenLinkAsync(link.Token)).Value!;

            var fileId = await h.UploadAsync(task.Id, holder, "proofOfAddress", "bill.jpg", "image/jpeg", 777);

            Assert.Equal(777, new FileInfo(Path.Combine(directory.FullName, fileId)).Length);
            await using (var db = await h.Database.Contexts.CreateDbContextAsync())
            {
                Assert.Equal(0, await db.FileContents.CountAsync());
                Assert.Equal(FileStore.InDirectory, (await db.Files.SingleAsync()).Storage);
            }

            var download = await h.Files.OpenAsync(fileId, Onboarding.AccountManager);
            await using var content = download.Value!.Content;
            Assert.Equal(777, content.Length);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnInsideUserUploadsOnlyForATaskTheyMayCompleteAndNotAfterItIsCompleted()
    {
        await using var h = await RuntimeHarness.CreateAsync(provider);
        var id = await h.StartAsync("expense-approval", RuntimeHarness.Employee);
        var submit = await h.OpenTaskAsync(id, "submit");
        using var bytes = new MemoryStream(new byte[10]);

        var byOutsider = await h.Files.UploadAsync(new FileUpload(submit.Id, "receipts", "r.pdf", "application/pdf", bytes), RuntimeHarness.User("olga@contractor.example", "contractor"));
        var receipt = await h.UploadAsync(submit.Id, RuntimeHarness.Employee, "receipts");
        await h.CompleteAsync(submit, RuntimeHarness.Employee, Claims.Expense(120, receipt: receipt));
        var late = await h.Files.UploadAsync(new FileUpload(submit.Id, "receipts", "r.pdf", "application/pdf", new MemoryStream(new byte[10])), RuntimeHarness.Employee);

        Assert.Equal(RuntimeErrorKind.Forbidden, byOutsider.Error!.Kind);
        Assert.Equal(FileErrorCodes.TaskCompleted, Onboarding.Code(late.Error));
        Assert.Equal(receipt, (string?)(await h.InstanceAsync(id)).Data["receipts"]![0]);
    }
}

public sealed class FileStoreTestsOnSqlite() : FileStoreTests(DatabaseProvider.Sqlite);

public sealed class FileStoreTestsOnPostgreSQL() : FileStoreTests(DatabaseProvider.PostgreSQL);
