namespace LowCode.Engine.Storage;

/// <summary>The databases the product runs on; each has its own migration set.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (WAL): the default, for one Api node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for several Api nodes sharing one database.</summary>
    PostgreSQL,
}
