using Microsoft.Data.Sqlite;

namespace LowCode.Engine.Storage;

/// <summary>
/// One open SQLite connection with the statements run on it kept prepared, by SQL text: Microsoft.Data.Sqlite prepares
/// a command again whenever it is new, and the runtime's hot statements (a step's rows, a task opened with its
/// instance) cost more to prepare than to run. The node's writer and its pooled read connections each hold one.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public SqliteStatements(string connectionString, int capacity)
    {
        _capacity = capacity;
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
    }

    public SqliteConnection Connection { get; }

    /// <summary>How many statements were prepared on this connection so far.</summary>
    public int Prepares { get; private set; }

    /// <summary>The command for <paramref name="sql"/>, prepared on first use; throws what preparing it throws.</summary>
    public SqliteCommand For(string sql)
    {
        if (_prepared.TryGetValue(sql, out var command))
        {
            return command;
        }

        if (_prepared.Count >= _capacity)
        {
            // More shapes than the hot statements: start over rather than hold statements for ever.
            DisposeCommands();
        }

        command = Connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            command.Prepare();
        }
        catch
        {
            command.Dispose();
            throw;
        }

        _prepared[sql] = command;
        Prepares++;
        return command;
    }

    public void Dispose()
    {
        DisposeCommands();
        Connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _prepared.Clear();
    }
}
