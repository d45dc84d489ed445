using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LowCode.Engine.Storage;

/// <summary>
/// Runs EF Core's queries on SQLite, outside a transaction, on statements kept prepared: EF Core creates a new command
/// for every query and Microsoft.Data.Sqlite prepares every new command again, so a task opened with its instance (a
/// 40-column join) cost more to prepare than to run; under load, preparing was 12 % of the Api's CPU. This keeps a few
/// connections of its own open, each with the statements it has run prepared on it, and hands EF Core the reader of
/// the statement with the query's text and parameters.
/// </summary>
/// <remarks>
/// Only a query outside any transaction is taken, on a file database: such a query sees the latest commit on whichever
/// connection it runs, so running it on another changes nothing it can see. A query inside a transaction (the steps that
/// read and write in one, the migrations) stays on its own connection, as does everything on an in-memory database.
/// </remarks>
internal sealed class SqlitePreparedReads : DbCommandInterceptor, IDisposable
{
    private const int MaxIdle = 16;
    private const int MaxPrepared = 128;

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteStatements> _idle = [];
    private readonly ConcurrentDictionary<string, bool> _leftToEf = new(StringComparer.Ordinal);
    private int _idleCount;
    private long _prepared;
    private long _opened;
    private long _taken;
    private volatile bool _disposed;

    public SqlitePreparedReads(string connectionString)
    {
        _connectionString = connectionString;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // Another connection to an in-memory database opens another database (or, shared, one it may not see whole).
        Enabled = builder.Mode != SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(builder.DataSource)
            && !builder.DataSource.Contains(":memory:", StringComparison.OrdinalIgnoreCase)
            && !builder.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>False for an in-memory database: its queries stay on EF Core's connection.</summary>
    public bool Enabled { get; }

    /// <summary>Statements prepared so far, on all of its connections.</summary>
    public long Prepared => Interlocked.Read(ref _prepared);

    /// <summary>Connections opened so far.</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>Queries run on its statements so far.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Takes(command) is { } sqlite && Run(sqlite, CancellationToken.None) is { } reader ? InterceptionResult<DbDataReader>.SuppressWithResult(reader) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Takes(command) is { } sqlite && Run(sqlite, cancellationToken) is { } reader ? InterceptionResult<DbDataReader>.SuppressWithResult(reader) : result);

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var lease))
        {
            lease.Dispose();
        }
    }

    /// <summary>The query as a SQLite command when it runs here: a SELECT outside any transaction on this database.</summary>
    private SqliteCommand? Takes(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Enabled
            || _disposed
            || command is not SqliteCommand { Transaction: null, Connection: { State: ConnectionState.Open } connection } sqlite
            || !string.Equals(connection.ConnectionString, _connectionString, StringComparison.Ordinal)
            || !command.CommandText.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || _leftToEf.ContainsKey(command.CommandText)
            || SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
        {
            // A transaction begun by a statement rather than by EF Core still shows on the connection (autocommit off).
            return null;
        }

        return sqlite;
    }

    /// <summary>The query's reader on a kept statement; null when it does not prepare here (EF Core then runs it).</summary>
    private LeasedReader? Run(SqliteCommand sqlite, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = Rent();
        SqliteCommand prepared;
        try
        {
            var prepares = lease.Prepares;
            prepared = lease.For(sqlite.CommandText);
            Interlocked.Add(ref _prepared, lease.Prepares - prepares);
        }
        catch (SqliteException)
        {
            // EF Core's own connections carry functions and collations of its own (ef_compare, regexp, EF_DECIMAL) that
            // these do not: a query that needs them is left to EF Core, from now on without trying here first.
            _leftToEf.TryAdd(sqlite.CommandText, true);
            Return(lease, broken: false);
            return null;
        }

        try
        {
            prepared.CommandTimeout = sqlite.CommandTimeout;
            prepared.Parameters.Clear();
            foreach (SqliteParameter parameter in sqlite.Parameters)
            {
                prepared.Parameters.Add(parameter);
            }

            // A caller that gives up (a request aborted) interrupts the statement, as it would on EF Core's own command.
            SqliteDataReader inner;
            using (cancellationToken.Register(static state => ((SqliteCommand)state!).Cancel(), prepared))
            {
                inner = prepared.ExecuteReader();
            }

            var reader = new LeasedReader(inner, prepared, lease, this);
            Interlocked.Increment(ref _taken);
            return reader;
        }
        catch
        {
            Return(lease, broken: true);
            throw;
        }
    }

    private SqliteStatements Rent()
    {
        if (_idle.TryTake(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            return lease;
        }

        Interlocked.Increment(ref _opened);
        return new SqliteStatements(_connectionString, MaxPrepared);
    }

    private void Return(SqliteStatements lease, bool broken)
    {
        if (broken || _disposed)
        {
            lease.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            lease.Dispose();
            return;
        }

        _idle.Add(lease);
        if (_disposed)
        {
            // Disposed meanwhile: what Dispose drained before this lease came back is drained again here.
            while (_idle.TryTake(out var late))
            {
                late.Dispose();
            }
        }
    }

    /// <summary>The prepared statement's reader; disposing it hands the connection back to the pool.</summary>
    private sealed class LeasedReader(SqliteDataReader inner, SqliteCommand command, SqliteStatements lease, SqlitePreparedReads pool) : DbDataReader
    {
        private bool _returned;

        public override int Depth => inner.Depth;

        public override int FieldCount => inner.FieldCount;

        public override bool HasRows => inner.HasRows;

        public override bool IsClosed => inner.IsClosed;

        public override int RecordsAffected => inner.RecordsAffected;

        public override int VisibleFieldCount => inner.VisibleFieldCount;

        public override object this[int ordinal] => inner[ordinal];

        public override object this[string name] => inner[name];

        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);

        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

        public override char GetChar(int ordinal) => inner.GetChar(ordinal);

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);

        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);

        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);

        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);

        public override IEnumerator GetEnumerator() => inner.GetEnumerator();

        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);

        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);

        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);

        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);

        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);

        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);

        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);

        public override string GetName(int ordinal) => inner.GetName(ordinal);

        public override int GetOrdinal(string name) => inner.GetOrdinal(name);

        public override DataTable? GetSchemaTable() => inner.GetSchemaTable();

        public override Stream GetStream(int ordinal) => inner.GetStream(ordinal);

        public override string GetString(int ordinal) => inner.GetString(ordinal);

        public override TextReader GetTextReader(int ordinal) => inner.GetTextReader(ordinal);

        public override object GetValue(int ordinal) => inner.GetValue(ordinal);

        public override int GetValues(object[] values) => inner.GetValues(values);

        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);

        public override bool NextResult() => inner.NextResult();

        public override bool Read() => inner.Read();

        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);

        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);

        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);

        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => inner.GetFieldValueAsync<T>(ordinal, cancellationToken);

        public override void Close() => Release();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Release();
            }

            base.Dispose(disposing);
        }

        private void Release()
        {
            if (_returned)
            {
                return;
            }

            _returned = true;
            var broken = true;
            try
            {
                inner.Dispose();
                broken = false;
            }
            finally
            {
                // Whatever disposing the reader threw, the connection goes back (closed when it may be in a bad state).
                command.Parameters.Clear();
                pool.Return(lease, broken);
            }
        }
    }
}
