using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Tests.Storage;

/// <summary>
/// Opens a database written by the last EF Core 6 release (commit e909658, see Fixtures/make-ef6-fixture.py) with this
/// build and checks that migrating it keeps every row its manifest lists.
/// </summary>
public sealed class Ef6UpgradeTests
{
    private const string Fixture = "ef6-e909658";

    [Fact]
    public async Task Migrate_DatabaseFromTheEf6Release_KeepsEveryDefinitionVersionETagAndEvent()
    {
        await using var db = await TestDatabase.FromSqliteFileAsync(FixturePath(".db"));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(FixturePath(".manifest.json")));

        await db.Initializer.MigrateAsync();

        var expectedDefinitions = manifest.RootElement.GetProperty("definitions").EnumerateArray().ToList();
        var rows = await ReadRowsAsync(db.File!, "SELECT * FROM definitions ORDER BY Id");
        Assert.Equal(expectedDefinitions.Count, rows.Count);
        foreach (var (expected, row) in expectedDefinitions.Zip(rows))
        {
            foreach (var column in expected.EnumerateObject().Where(c => c.Name != "BodySha256"))
            {
                Assert.True(Equals(Scalar(column.Value), row[column.Name]), $"definitions row {row["Id"]}: {column.Name} was {Scalar(column.Value)}, is {row[column.Name]}");
            }

            Assert.Equal(expected.GetProperty("BodySha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((string)row["Body"]!))));
        }

        var expectedEvents = manifest.RootElement.GetProperty("events").EnumerateArray().ToList();
        var events = await ReadRowsAsync(db.File!, "SELECT * FROM events ORDER BY Id");
        Assert.Equal(expectedEvents.Count, events.Count);
        foreach (var (expected, row) in expectedEvents.Zip(events))
        {
            foreach (var column in expected.EnumerateObject())
            {
                Assert.True(Equals(Scalar(column.Value), row[column.Name]), $"events row {row["Id"]}: {column.Name} was {Scalar(column.Value)}, is {row[column.Name]}");
            }
        }

        var history = await ReadRowsAsync(db.File!, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");
        Assert.Equal("20261121091605_InitialSchema", history[0]["MigrationId"]);
        await using var context = await db.Contexts.CreateDbContextAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Store_OverTheUpgradedEf6Database_ReadsEveryStateAndKeepsWorking()
    {
        await using var db = await TestDatabase.FromSqliteFileAsync(FixturePath(".db"));
        await db.Initializer.MigrateAsync();

        var claim = await db.Store.GetHistoryAsync(DefinitionKind.Form, "expense-claim");
        Assert.Equal([(2, DefinitionStatus.Published), (1, DefinitionStatus.Retired)], claim.Select(v => (v.Version, v.Status)));
        Assert.Equal("bob@example.com", claim[0].UpdatedBy);
        Assert.Equal(DateTimeKind.Utc, claim[0].PublishedAt!.Value.Kind);

        var routing = await db.Store.GetHistoryAsync(DefinitionKind.RuleSet, "expense-routing");
        Assert.Equal([0, 3, 2, 1], routing.Select(v => v.Version));
        var draftOnly = await db.Store.GetDraftAsync(DefinitionKind.Form, "fixture-draft-only");
        Assert.Equal("erin@example.com", draftOnly!.CreatedBy);
        Assert.Null(await db.Store.GetAsync(DefinitionKind.Form, "fixture-retired"));
        Assert.Empty(await db.Store.GetHistoryAsync(DefinitionKind.Form, "fixture-discarded"));

        var access = (await db.Store.GetDraftAsync(DefinitionKind.Form, "access-request"))!;
        var published = await db.Store.PublishAsync(DefinitionKind.Form, "access-request", access.ETag, "upgrade-test");
        Assert.True(published.Succeeded, published.Error?.Message);
        Assert.Equal(2, published.Value!.Version);
    }

    private static string FixturePath(string extension) => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", Fixture + extension);

    /// <summary>Manifest values are JSON; SQLite gives back long, string or null.</summary>
    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetInt64(),
        _ => value.GetString(),
    };

    private static async Task<List<Dictionary<string, object?>>> ReadRowsAsync(string file, string sql)
    {
        var rows = new List<Dictionary<string, object?>>();
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i) is var v && v is double d ? d.ToString(CultureInfo.InvariantCulture) : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
