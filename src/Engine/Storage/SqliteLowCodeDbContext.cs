using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>The schema on SQLite; its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteLowCodeDbContext(DbContextOptions<SqliteLowCodeDbContext> options) : LowCodeDbContext(options);
