using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using LowCode.Engine.Tests.Seed;
using LowCode.Engine.Tests.Storage;

namespace LowCode.Engine.Tests.Seeding;

/// <summary>Runs on SQLite and on PostgreSQL through the subclasses at the end of the file.</summary>
public abstract class SeedLoaderTests(DatabaseProvider provider)
{
    private static string SeedFolder => RepositoryRoot.Combine("seed");

    [Fact]
    public async Task Load_RealSeedApps_PublishesEveryDefinitionWithoutFailures()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.Seeds.LoadAsync(SeedFolder);

        Assert.Empty(report.Failed);
        var files = Directory.GetFiles(SeedFolder, "*.json", SearchOption.AllDirectories);
        Assert.Equal(files.Length, report.Published);
        var published = await db.Store.ListAsync(status: DefinitionStatus.Published);
        Assert.Equal(files.Length, published.Count);
        Assert.Contains(published, d => d.Kind == DefinitionKind.Process);
    }

    [Fact]
    public async Task Load_Twice_AddsNothingTheSecondTime()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await db.Seeds.LoadAsync(SeedFolder);

        var second = await db.Seeds.LoadAsync(SeedFolder);

        Assert.Equal(0, second.Published);
        Assert.Equal(first.Published, second.Skipped);
        Assert.Equal(first.Published, (await db.Store.ListAsync()).Count);
    }

    [Fact]
    public async Task Load_KeepsWhatUsersChanged()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Seeds.LoadAsync(SeedFolder);
        var form = (await db.Store.ListAsync(DefinitionKind.Form))[0];
        var edited = DefinitionJson.Serialize((FormDefinition)form.Definition with { Name = "Renamed by a user" });
        await db.Store.SaveDraftAsync(DefinitionKind.Form, edited, null, "ada");

        await db.Seeds.LoadAsync(SeedFolder);

        Assert.Equal("Renamed by a user", (await db.Store.GetDraftAsync(DefinitionKind.Form, form.Key))!.Name);
    }

    [Fact]
    public async Task Load_WithBrokenFile_ReportsItAndLoadsTheRest()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), "lowcode-seed-" + Guid.NewGuid().ToString("N"));
        var app = Directory.CreateDirectory(Path.Combine(folder, "leave"));
        await File.WriteAllTextAsync(Path.Combine(app.FullName, "leave-request.form.json"), Samples.Form());
        await File.WriteAllTextAsync(Path.Combine(app.FullName, "broken.form.json"), "{ \"key\": \"broken\", \"name\": \"B\", \"fields\": [ { \"key\": \"x\", \"type\": \"nope\" } ] }");
        try
        {
            var report = await db.Seeds.LoadAsync(folder);

            Assert.Equal(1, report.Published);
            var failure = Assert.Single(report.Failed);
            Assert.Contains("broken.form.json", failure, StringComparison.Ordinal);
            Assert.Contains("$.fields[0].type", failure, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Load_WithoutFolder_DoesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.Seeds.LoadAsync(Path.Combine(Path.GetTempPath(), "no-such-seed-folder"));

        Assert.Equal(0, report.Published);
        Assert.Empty(report.Failed);
    }
}

public sealed class SeedLoaderTestsOnSqlite() : SeedLoaderTests(DatabaseProvider.Sqlite);

public sealed class SeedLoaderTestsOnPostgreSQL() : SeedLoaderTests(DatabaseProvider.PostgreSQL);
