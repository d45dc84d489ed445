namespace LowCode.Engine.Storage;

/// <summary>Which database the engine uses and how it reaches it (configuration section <c>LowCode:Database</c>).</summary>
/// <param name="Provider">The database kind; SQLite unless configured.</param>
/// <param name="ConnectionString">An ADO.NET connection string for <paramref name="Provider"/>.</param>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// On PostgreSQL, whether this node listens for the changes other nodes publish (LISTEN/NOTIFY). Off, a node sees
    /// only its own writes, as on SQLite; only tests and single-node set-ups that want no listening connection turn it off.
    /// </summary>
    public bool ListenForChanges { get; init; } = true;

    /// <summary>
    /// On SQLite, how long start-up waits for another process that is migrating the same file before it gives up with
    /// a message saying what to do.
    /// </summary>
    public TimeSpan MigrationWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>EF Core interceptors added to every context (tests count SQL commands with one).</summary>
    public IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> Interceptors { get; init; } = [];

    /// <summary>A short name for logs and /health: <c>sqlite</c> or <c>postgresql</c>.</summary>
    public string ProviderName => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";
}
