using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LowCode.Engine.Storage;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteLowCodeDbContext</c> build the context without the Api host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLowCodeDbContext>
{
    public SqliteLowCodeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLowCodeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
