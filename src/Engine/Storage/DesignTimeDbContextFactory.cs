using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LowCode.Engine.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the Api host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LowCodeDbContext>
{
    public LowCodeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LowCodeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
