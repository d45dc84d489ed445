using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LowCode.Engine.Storage;

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgresLowCodeDbContext</c> build the context without the Api host;
/// adding a migration never connects, so the connection string only has to parse.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLowCodeDbContext>
{
    public PostgresLowCodeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLowCodeDbContext>().UseNpgsql("Host=localhost;Database=lowcode_design_time").Options);
}
