using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using LowCode.Engine.Storage.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LowCode.Engine.Storage;

/// <summary>
/// Writes what one step added and changed in its context as plain SQL: an <c>INSERT</c> per added row and an
/// <c>UPDATE</c> of the changed columns per changed row, guarded by the row's concurrency token, after a check that
/// every rule set version the step decided on is still the latest published. On PostgreSQL the statements go as one
/// command inside the step's open transaction; on SQLite they go to the <see cref="SqliteStepCommitter"/>, which
/// commits them with other steps' in one transaction (group commit) on statements it keeps prepared. It replaces
/// <c>SaveChanges</c> on the steps that run most (a profile put EF Core's command building, batching and result
/// propagation at a sixth of a completion); the rows are still built as entities and tracked, so the model, the
/// migrations and every other path keep using EF Core.
/// </summary>
/// <remarks>
/// The outcome is the one <c>SaveChanges</c> gives: a row whose token no longer matches throws
/// <see cref="DbUpdateConcurrencyException"/>, a database error (a key already taken) throws
/// <see cref="DbUpdateException"/>, the generated keys are read back (<c>RETURNING</c>, which SQLite and PostgreSQL
/// both have), the tracker accepts the changes, and the <see cref="IStepWriteListener"/> interceptors (subscriptions
/// published after the commit) are told as they are of a save. A step with a change this writer does not handle
/// (a deleted row, an entity with relationships, inheritance or store-computed columns) is saved by EF Core, after
/// the same rule set check.
/// </remarks>
internal static class StepWriter
{
    private static readonly ConcurrentDictionary<IEntityType, Table?> Tables = new();
    private static readonly SqliteCommand SqliteParameters = new();

    /// <summary>Writes the step's changes inside the context's open transaction (or by <c>SaveChanges</c> when none is open).</summary>
    public static Task SaveAsync(LowCodeDbContext db, CancellationToken cancellationToken = default) =>
        SaveAsync(db, null, [], cancellationToken);

    /// <summary>
    /// Writes the step's changes after checking <paramref name="reads"/>: through <paramref name="committer"/> when one
    /// is given (SQLite: the step has no transaction of its own), else inside the context's open transaction.
    /// </summary>
    public static async Task SaveAsync(LowCodeDbContext db, SqliteStepCommitter? committer, IReadOnlyCollection<DefinitionRead> reads, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var rows = new List<(EntityEntry Entry, Table Table)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if ((transaction is null && committer is null) || entry.State == EntityState.Deleted || Tables.GetOrAdd(entry.Metadata, Table.For, db) is not { } table)
            {
                await SaveChangesAsync(db, committer, reads, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (entry.State == EntityState.Added || entry.Properties.Any(p => p.IsModified))
            {
                rows.Add((entry, table));
            }
        }

        if (rows.Count == 0 && reads.Count == 0)
        {
            return;
        }

        var statements = new List<Statement>(reads.Count + rows.Count);
        var factory = committer is null ? transaction!.Connection!.CreateCommand() : SqliteParameters;
        statements.AddRange(reads.Select(read => Check(db, factory, read)));
        foreach (var (entry, table) in rows)
        {
            statements.Add(entry.State == EntityState.Added ? Insert(factory, entry, table) : Update(factory, entry, table));
        }

        var listeners = Listeners(db);
        foreach (var listener in listeners)
        {
            listener.Writing(db);
        }

        object?[] results;
        try
        {
            results = committer is null
                ? await WriteAsync(db, transaction!, factory, statements, cancellationToken).ConfigureAwait(false)
                : await committer.CommitAsync(Rendered(statements)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            foreach (var listener in listeners)
            {
                listener.WriteFailed(db);
            }

            if (ex is DbException database)
            {
                throw new DbUpdateException($"The step's changes were refused by the database: {database.Message}", database);
            }

            throw;
        }
        finally
        {
            if (committer is null)
            {
                await factory.DisposeAsync().ConfigureAwait(false);
            }
        }

        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].Generated is { } key)
            {
                statements[i].Entry!.Property(key).CurrentValue = Convert.ChangeType(results[i], key.ClrType, CultureInfo.InvariantCulture);
            }
        }

        db.ChangeTracker.AcceptAllChanges();
        foreach (var listener in listeners)
        {
            listener.Written(db);
        }
    }

    /// <summary>
    /// What every statement returned: one row each (its generated key, or 1), else the step is refused. The
    /// statements run as one command whose parameters are numbered across all of them.
    /// </summary>
    private static async Task<object?[]> WriteAsync(LowCodeDbContext db, DbTransaction transaction, DbCommand command, List<Statement> statements, CancellationToken cancellationToken)
    {
        command.Transaction = transaction;
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        var sql = new StringBuilder(256 * statements.Count);
        foreach (var statement in statements)
        {
            sql.Append(statement.Render(command.Parameters.Count)).Append(";\n");
            command.Parameters.AddRange(statement.Parameters.ToArray());
        }

        command.CommandText = sql.ToString();
        var results = new object?[statements.Count];
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var returned = (i == 0 || await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                    && await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                results[i] = returned ? reader.GetValue(0) : null;
                statements[i].Verify(results[i]);
            }
        }

        return results;
    }

    /// <summary>Renders the statements here, on the step's thread, so the node's one SQLite writer only runs them.</summary>
    private static List<Statement> Rendered(List<Statement> statements)
    {
        foreach (var statement in statements)
        {
            _ = statement.Sql;
        }

        return statements;
    }

    /// <summary>The path for a change this writer does not handle: EF Core saves it, after the same definition check.</summary>
    private static async Task SaveChangesAsync(LowCodeDbContext db, SqliteStepCommitter? committer, IReadOnlyCollection<DefinitionRead> reads, CancellationToken cancellationToken)
    {
        if (committer is null)
        {
            await VerifyAsync(db, reads, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await committer.ExclusiveAsync(
            async () =>
            {
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await VerifyAsync(db, reads, cancellationToken).ConfigureAwait(false);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task VerifyAsync(LowCodeDbContext db, IReadOnlyCollection<DefinitionRead> reads, CancellationToken cancellationToken)
    {
        if (reads.Count == 0)
        {
            return;
        }

        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var read in reads)
            {
                var check = Check(db, command, read);
                command.Parameters.Clear();
                command.CommandText = check.Render(0);
                command.Parameters.AddRange(check.Parameters.ToArray());
                check.Verify(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private static Statement Check(LowCodeDbContext db, DbCommand factory, DefinitionRead read)
    {
        var table = Tables.GetOrAdd(db.Model.FindEntityType(typeof(DefinitionRecord))!, Table.For, db)
            ?? throw new InvalidOperationException("The definitions table cannot be read by the step writer.");
        string Name(string property) => table.Columns.First(c => c.Property.Name == property).Name;
        Column Of(string property) => table.Columns.First(c => c.Property.Name == property);
        var what = read.Kind switch
        {
            Metadata.DefinitionKind.RuleSet => "rule set",
            Metadata.DefinitionKind.Process => "process",
            Metadata.DefinitionKind.Form => "form",
            _ => read.Kind.ToString().ToLowerInvariant(),
        };
        var statement = new Statement(
            Kind.Check,
            null,
            null,
            read,
            $"The {what} '{read.Key}' was published again (the step was decided on {(read.Version is { } v ? $"version {v}" : "no published version")}) while the step was being decided; the step is run again on the latest version.");
        statement.Text($"SELECT 1 WHERE COALESCE((SELECT MAX({Name(nameof(DefinitionRecord.Version))}) FROM {table.Name} WHERE {Name(nameof(DefinitionRecord.Kind))} = ");
        statement.Value(factory, Of(nameof(DefinitionRecord.Kind)), read.Kind.ToString());
        statement.Text($" AND {Name(nameof(DefinitionRecord.Key))} = ");
        statement.Value(factory, Of(nameof(DefinitionRecord.Key)), read.Key);
        statement.Text($" AND {Name(nameof(DefinitionRecord.Status))} = ");
        statement.Value(factory, Of(nameof(DefinitionRecord.Status)), nameof(DefinitionStatus.Published));
        statement.Text("), 0) = ");
        statement.Value(factory, Of(nameof(DefinitionRecord.Version)), read.Version ?? 0);
        return statement;
    }

    private static Statement Insert(DbCommand factory, EntityEntry entry, Table table)
    {
        var generated = table.Generated is { } key && entry.Property(key).IsTemporary ? key : null;
        var statement = new Statement(Kind.Insert, entry, generated, null, $"Inserting a {table.Name} row returned nothing.");
        statement.Text($"INSERT INTO {table.Name} (");
        var first = true;
        foreach (var column in table.Columns)
        {
            if (column.Property == generated)
            {
                continue;
            }

            statement.Text(first ? column.Name : ", " + column.Name);
            first = false;
        }

        statement.Text(") VALUES (");
        first = true;
        foreach (var column in table.Columns)
        {
            if (column.Property == generated)
            {
                continue;
            }

            statement.Text(first ? string.Empty : ", ");
            statement.Value(factory, column, entry.Property(column.Property).CurrentValue);
            first = false;
        }

        statement.Text($") RETURNING {(generated is null ? "1" : table.GeneratedName)}");
        return statement;
    }

    private static Statement Update(DbCommand factory, EntityEntry entry, Table table)
    {
        var statement = new Statement(Kind.Update, entry, null, null, $"A {table.Name} row was changed by another transaction after this step read it; the step is run again from fresh reads.");
        statement.Text($"UPDATE {table.Name} SET ");
        var first = true;
        foreach (var column in table.Columns)
        {
            var property = entry.Property(column.Property);
            if (!property.IsModified)
            {
                continue;
            }

            statement.Text((first ? string.Empty : ", ") + column.Name + " = ");
            statement.Value(factory, column, property.CurrentValue);
            first = false;
        }

        statement.Text(" WHERE ");
        first = true;
        foreach (var column in table.Guards)
        {
            statement.Text((first ? string.Empty : " AND ") + column.Name);
            if (entry.Property(column.Property).OriginalValue is { } original)
            {
                statement.Text(" = ");
                statement.Value(factory, column, original);
            }
            else
            {
                statement.Text(" IS NULL");
            }

            first = false;
        }

        statement.Text(" RETURNING 1");
        return statement;
    }

    private static List<IStepWriteListener> Listeners(LowCodeDbContext db) =>
        [.. db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IStepWriteListener>() ?? []];

    internal enum Kind
    {
        Check,
        Insert,
        Update,
    }

    /// <summary>
    /// One statement of a step's write: SQL text with a parameter between its parts, so it can be numbered from 0 (a
    /// statement kept prepared on its own) or from wherever it falls in a command of several. Every statement returns
    /// one row when it did what it should (its generated key, or 1) and none when it did not.
    /// </summary>
    internal sealed class Statement(Kind kind, EntityEntry? entry, IProperty? generated, DefinitionRead? read, string refusal)
    {
        private readonly List<string> _parts = [string.Empty];
        private string? _sql;

        public List<DbParameter> Parameters { get; } = [];

        public EntityEntry? Entry => entry;

        public IProperty? Generated => generated;

        public void Text(string text) => _parts[^1] += text;

        public void Value(DbCommand factory, Column column, object? value)
        {
            Parameters.Add(column.Mapping.CreateParameter(factory, string.Empty, value, column.Property.IsNullable));
            _parts.Add(string.Empty);
        }

        /// <summary>The SQL with its parameters numbered from 0, as it is kept prepared; names the parameters to match.</summary>
        public string Sql => _sql ??= Render(0);

        /// <summary>The SQL with its parameters named <c>@p{first}</c>, <c>@p{first + 1}</c>, ...; names the parameters to match.</summary>
        public string Render(int first)
        {
            var sql = new StringBuilder(_parts[0]);
            for (var i = 0; i < Parameters.Count; i++)
            {
                var name = "@p" + (first + i).ToString(CultureInfo.InvariantCulture);
                Parameters[i].ParameterName = name;
                sql.Append(name).Append(_parts[i + 1]);
            }

            return sql.ToString();
        }

        /// <summary>Throws what <c>SaveChanges</c> would when the statement returned nothing.</summary>
        public void Verify(object? returned)
        {
            if (returned is not null and not DBNull)
            {
                return;
            }

            throw kind switch
            {
                Kind.Check => new DefinitionChangedException(read!.Kind, read.Key, refusal),
                Kind.Update => new DbUpdateConcurrencyException(refusal),
                _ => new DbUpdateException(refusal),
            };
        }
    }

    internal sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    /// <summary>
    /// How one entity type is written: its delimited table and column names, the columns an update is guarded by
    /// (the key and the concurrency tokens), and the key the database generates. Null for a type this writer leaves to
    /// EF Core.
    /// </summary>
    private sealed record Table(string Name, List<Column> Columns, List<Column> Guards, IProperty? Generated, string? GeneratedName)
    {
        public static Table? For(IEntityType type, LowCodeDbContext db)
        {
            if (type.GetTableName() is not { } tableName
                || type.BaseType is not null
                || type.GetDerivedTypes().Any()
                || type.IsOwned()
                || type.GetComplexProperties().Any()
                || type.GetForeignKeys().Any()
                || type.GetReferencingForeignKeys().Any()
                || type.FindPrimaryKey() is not { } key)
            {
                return null;
            }

            var helper = db.GetService<ISqlGenerationHelper>();
            var store = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            var columns = new List<Column>();
            IProperty? generated = null;
            foreach (var property in type.GetProperties())
            {
                if (property.GetColumnName(store) is not { } columnName || property.GetRelationalTypeMapping() is not { } mapping)
                {
                    return null;
                }

                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    // Only a key the database numbers on insert is read back; anything computed on update is EF Core's.
                    if (property.ValueGenerated != ValueGenerated.OnAdd || key.Properties.Count != 1 || key.Properties[0] != property || generated is not null)
                    {
                        return null;
                    }

                    generated = property;
                }

                columns.Add(new Column(property, helper.DelimitIdentifier(columnName), mapping));
            }

            var guards = columns.Where(c => c.Property.IsPrimaryKey() || c.Property.IsConcurrencyToken).ToList();
            return new Table(
                helper.DelimitIdentifier(tableName, type.GetSchema()),
                columns,
                guards,
                generated,
                generated is null ? null : columns.First(c => c.Property == generated).Name);
        }
    }
}
