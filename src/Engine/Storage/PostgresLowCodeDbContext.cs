using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>The schema on PostgreSQL; its migrations are in Migrations/PostgreSQL.</summary>
public sealed class PostgresLowCodeDbContext(DbContextOptions<PostgresLowCodeDbContext> options) : LowCodeDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Byte order, as SQLite compares: keys list in the same order on both providers, whatever the server's locale.
        modelBuilder.Entity<DefinitionRecord>(e =>
        {
            e.Property(d => d.Kind).UseCollation("C");
            e.Property(d => d.Key).UseCollation("C");
        });
    }
}
