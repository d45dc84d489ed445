using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// The one writer of a node's steps on SQLite. Steps are decided in parallel, each on its own pooled connection
/// without a transaction of its own; their writes come here, and the writer commits every step that is waiting in one
/// transaction (group commit), each inside a savepoint so that a step refused (a changed row, a key already taken, a
/// rule set republished) is rolled back alone and the others commit. It keeps one connection open for the node's life
/// and the statements it runs prepared on it: a step's statements come in a few dozen shapes, and preparing them anew
/// on every step cost more than running them.
/// </summary>
/// <remarks>
/// SQLite admits one writer at a time. The steps that still write through EF Core on their own connection take the
/// same <see cref="WriterGate"/> this writer holds for each batch, so the node's writers queue here instead of making
/// SQLite sleep and retry. A step's result is handed back only after its batch committed, so an acknowledged step is
/// stored; a batch that fails to commit fails every step in it, and each runs again from fresh reads.
/// </remarks>
internal sealed class SqliteStepCommitter : IDisposable
{
    private const int MaxBatch = 64;
    // Far more shapes than a node's steps write: past it, something other than the runtime's steps is writing.
    private const int MaxPrepared = 512;

    // Often enough to keep the WAL small (SQLite's own trigger is at 1,000 pages), rarely enough that one checkpoint
    // copies the pages of many commits at once.
    private const int CommitsPerCheckpoint = 16;

    private readonly Channel<WriteSet> _queue = Channel.CreateUnbounded<WriteSet>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly Task _loop;
    private readonly Channel<bool> _checkpoints = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Task _checkpointer;
    private int _sinceCheckpoint;
    private SqliteStatements? _statements;
    private long _commits;

    public SqliteStepCommitter(string connectionString, SemaphoreSlim writerGate)
    {
        _connectionString = connectionString;
        WriterGate = writerGate;
        _loop = Task.Run(RunAsync);
        _checkpointer = Task.Run(CheckpointAsync);
    }

    /// <summary>The transactions this writer committed.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Raised on the checkpointer's thread after each checkpoint it ran.</summary>
    public event Action? Checkpointed;

    /// <summary>Held by this writer for each batch and by every other writer of the node for its transaction.</summary>
    public SemaphoreSlim WriterGate { get; }

    /// <summary>Commits <paramref name="statements"/> with the steps waiting beside them; returns what each returned.</summary>
    /// <exception cref="DbUpdateException">The step was refused (a <see cref="DbUpdateConcurrencyException"/> when a row or rule set changed) or its batch did not commit.</exception>
    public Task<object?[]> CommitAsync(IReadOnlyList<StepWriter.Statement> statements)
    {
        var set = new WriteSet(statements);
        if (!_queue.Writer.TryWrite(set))
        {
            throw new ObjectDisposedException(nameof(SqliteStepCommitter), "The runtime is shutting down; the step was not written.");
        }

        return set.Result.Task;
    }

    /// <summary>Runs <paramref name="write"/> (a step EF Core saves on its own connection) between this writer's batches.</summary>
    public async Task ExclusiveAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await WriterGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            WriterGate.Release();
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();

        // The batch under way finishes: a step already handed over is committed or refused, never dropped.
        _loop.GetAwaiter().GetResult();
        _checkpoints.Writer.TryComplete();
        _checkpointer.GetAwaiter().GetResult();
        _statements?.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteSet>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await WriterGate.WaitAsync().ConfigureAwait(false);
            try
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var set))
                {
                    batch.Add(set);
                }

                Commit(batch);
            }
            finally
            {
                WriterGate.Release();
            }

            foreach (var set in batch)
            {
                set.Complete();
            }

            batch.Clear();
        }
    }

    private void Commit(List<WriteSet> batch)
    {
        try
        {
            // BEGIN and COMMIT run as statements kept prepared like the steps' own: SqliteTransaction prepares both
            // anew on every batch.
            Run("BEGIN IMMEDIATE");
            foreach (var set in batch)
            {
                Run("SAVEPOINT step");
                try
                {
                    set.Returned = Execute(set.Statements);
                }
                catch (Exception ex)
                {
                    // Only this step is undone. A database error becomes the DbUpdateException SaveChanges would throw;
                    // anything else is a fault in the step's rows and reaches its caller as it is.
                    Run("ROLLBACK TO step");
                    set.Error = ex is SqliteException ? new DbUpdateException($"The step's changes were refused by the database: {ex.Message}", ex) : ex;
                }

                Run("RELEASE step");
            }

            Run("COMMIT");
            Interlocked.Increment(ref _commits);
            Telemetry.LowCodeMetrics.StepsPerCommit.Record(batch.Count);
            if (++_sinceCheckpoint >= CommitsPerCheckpoint)
            {
                _sinceCheckpoint = 0;
                _checkpoints.Writer.TryWrite(true);
            }
        }
        catch (Exception ex)
        {
            // The transaction is gone (the disk, a lock held past the timeout, SQLite rolling back on its own): nothing
            // of this batch is stored. The connection is opened afresh for the next batch.
            foreach (var set in batch.Where(s => s.Error is null))
            {
                set.Error = new DbUpdateException($"The step's batch could not be committed: {ex.Message}", ex);
            }

            ResetConnection();
        }
    }

    private object?[] Execute(IReadOnlyList<StepWriter.Statement> statements)
    {
        var returned = new object?[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var command = Prepared(statement.Sql);
            command.Parameters.Clear();
            foreach (var parameter in statement.Parameters)
            {
                command.Parameters.Add((SqliteParameter)parameter);
            }

            returned[i] = command.ExecuteScalar();
            statement.Verify(returned[i]);
        }

        return returned;
    }

    private void Run(string sql) => Prepared(sql).ExecuteNonQuery();

    private SqliteCommand Prepared(string sql) => Statements().For(sql);

    private SqliteStatements Statements()
    {
        if (_statements is null)
        {
            _statements = new SqliteStatements(_connectionString, MaxPrepared);
            using var pragma = _statements.Connection.CreateCommand();
            // temp_store=MEMORY keeps each savepoint's sub-journal in memory: on disk, every page a step first changed
            // was copied to a temporary file before the change (6 % of the Api's CPU under load).
            pragma.CommandText = SqliteSynchronousInterceptor.Pragma + "PRAGMA wal_autocheckpoint=0; PRAGMA temp_store=MEMORY;";
            pragma.ExecuteNonQuery();
        }

        return _statements;
    }

    /// <summary>
    /// Copies the WAL back into the database on a connection of its own, beside the writer: left to SQLite, the commit
    /// that crosses the WAL's size limit runs the checkpoint itself (reading the WAL, writing the database, two fsyncs),
    /// and every step waiting behind that commit waits for it. A passive checkpoint takes no write lock, so the writer
    /// goes on committing meanwhile.
    /// </summary>
    private async Task CheckpointAsync()
    {
        SqliteConnection? connection = null;
        while (await _checkpoints.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _checkpoints.Reader.TryRead(out _);
            try
            {
                if (connection is null)
                {
                    connection = new SqliteConnection(_connectionString);
                    connection.Open();
                }

                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                checkpoint.ExecuteNonQuery();
                Checkpointed?.Invoke();
            }
            catch (SqliteException)
            {
                // The next signal tries again on a fresh connection; until then the WAL only grows.
                connection?.Dispose();
                connection = null;
            }
        }

        connection?.Dispose();
    }

    private void ResetConnection()
    {
        // The transaction was begun by a statement, not a SqliteTransaction, so nothing rolls it back on dispose: a
        // pooled connection must not go back to the pool inside it (holding the write lock).
        if (_statements?.Connection is { State: System.Data.ConnectionState.Open } open && SQLitePCL.raw.sqlite3_get_autocommit(open.Handle) == 0)
        {
            try
            {
                using var rollback = open.CreateCommand();
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Not back to the pool inside the transaction: clearing the pool closes this connection when it is
                // disposed below, and SQLite rolls back a transaction whose connection closes.
                SqliteConnection.ClearPool(open);
            }
        }

        _statements?.Dispose();
        _statements = null;
    }

    private sealed class WriteSet(IReadOnlyList<StepWriter.Statement> statements)
    {
        public IReadOnlyList<StepWriter.Statement> Statements => statements;

        public TaskCompletionSource<object?[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public object?[]? Returned { get; set; }

        public Exception? Error { get; set; }

        public void Complete()
        {
            if (Error is null)
            {
                Result.SetResult(Returned!);
            }
            else
            {
                Result.SetException(Error);
            }
        }
    }
}
