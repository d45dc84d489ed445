using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LowCode.Engine.Storage;

/// <summary>
/// Writes what one step added and changed in its context as one command of plain SQL: an <c>INSERT</c> per added row
/// and an <c>UPDATE</c> of the changed columns per changed row, guarded by the row's concurrency token, inside the
/// step's open transaction. It replaces <c>SaveChanges</c> on the steps that run most (a profile put EF Core's
/// command building, batching and result propagation at a sixth of a completion); the rows are still built as
/// entities and tracked, so the model, the migrations and every other path keep using EF Core.
/// </summary>
/// <remarks>
/// The outcome is the one <c>SaveChanges</c> gives: a row whose token no longer matches throws
/// <see cref="DbUpdateConcurrencyException"/>, a database error (a key already taken) throws
/// <see cref="DbUpdateException"/>, the generated keys are read back (<c>RETURNING</c>, which SQLite and PostgreSQL
/// both have), the tracker accepts the changes, and the <see cref="IStepWriteListener"/> interceptors (subscriptions
/// published after the commit) are told as they are of a save. A step with a change this writer does not handle
/// (a deleted row, an entity with relationships, inheritance or store-computed columns) is saved by EF Core.
/// </remarks>
internal static class StepWriter
{
    private static readonly ConcurrentDictionary<IEntityType, Table?> Tables = new();

    public static async Task SaveAsync(LowCodeDbContext db, CancellationToken cancellationToken = default)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var rows = new List<(EntityEntry Entry, Table Table)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (transaction is null || entry.State == EntityState.Deleted || Tables.GetOrAdd(entry.Metadata, Table.For, db) is not { } table)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            if (entry.State == EntityState.Added || entry.Properties.Any(p => p.IsModified))
            {
                rows.Add((entry, table));
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        var listeners = Listeners(db);
        foreach (var listener in listeners)
        {
            listener.Writing(db);
        }

        List<(EntityEntry Entry, IProperty Key, object Value)> generated;
        try
        {
            generated = await WriteAsync(db, transaction!, rows, cancellationToken).ConfigureAwait(false);
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

        foreach (var (entry, key, value) in generated)
        {
            entry.Property(key).CurrentValue = value;
        }

        db.ChangeTracker.AcceptAllChanges();
        foreach (var listener in listeners)
        {
            listener.Written(db);
        }
    }

    private static async Task<List<(EntityEntry Entry, IProperty Key, object Value)>> WriteAsync(
        LowCodeDbContext db,
        DbTransaction transaction,
        List<(EntityEntry Entry, Table Table)> rows,
        CancellationToken cancellationToken)
    {
        var command = transaction.Connection!.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            if (db.Database.GetCommandTimeout() is { } timeout)
            {
                command.CommandTimeout = timeout;
            }

            var sql = new StringBuilder(256 * rows.Count);
            foreach (var (entry, table) in rows)
            {
                if (entry.State == EntityState.Added)
                {
                    AppendInsert(sql, command, entry, table);
                }
                else
                {
                    AppendUpdate(sql, command, entry, table);
                }
            }

            command.CommandText = sql.ToString();
            var generated = new List<(EntityEntry Entry, IProperty Key, object Value)>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                // Every statement returns one row (its generated key, or 1), so each result set tells whether the
                // statement touched its row; an update that matched nothing met a token changed by another step.
                for (var i = 0; i < rows.Count; i++)
                {
                    var (entry, table) = rows[i];
                    if ((i > 0 && !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                        || !await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (entry.State == EntityState.Modified)
                        {
                            throw new DbUpdateConcurrencyException(
                                $"A {table.Name} row was changed by another transaction after this step read it; the step is run again from fresh reads.");
                        }

                        throw new DbUpdateException($"Inserting a {table.Name} row returned nothing.");
                    }

                    if (entry.State == EntityState.Added && table.Generated is { } key)
                    {
                        generated.Add((entry, key, Convert.ChangeType(reader.GetValue(0), key.ClrType, CultureInfo.InvariantCulture)));
                    }
                }
            }

            return generated;
        }
    }

    private static void AppendInsert(StringBuilder sql, DbCommand command, EntityEntry entry, Table table)
    {
        sql.Append("INSERT INTO ").Append(table.Name).Append(" (");
        var values = new StringBuilder();
        var first = true;
        foreach (var column in table.Columns)
        {
            if (column.Property == table.Generated && entry.Property(column.Property).IsTemporary)
            {
                continue;
            }

            sql.Append(first ? string.Empty : ", ").Append(column.Name);
            values.Append(first ? string.Empty : ", ");
            Parameter(values, command, column, entry.Property(column.Property).CurrentValue);
            first = false;
        }

        sql.Append(") VALUES (").Append(values).Append(") RETURNING ").Append(table.GeneratedName ?? "1").Append(";\n");
    }

    private static void AppendUpdate(StringBuilder sql, DbCommand command, EntityEntry entry, Table table)
    {
        sql.Append("UPDATE ").Append(table.Name).Append(" SET ");
        var first = true;
        foreach (var column in table.Columns)
        {
            var property = entry.Property(column.Property);
            if (!property.IsModified)
            {
                continue;
            }

            sql.Append(first ? string.Empty : ", ").Append(column.Name).Append(" = ");
            Parameter(sql, command, column, property.CurrentValue);
            first = false;
        }

        sql.Append(" WHERE ");
        first = true;
        foreach (var column in table.Guards)
        {
            sql.Append(first ? string.Empty : " AND ").Append(column.Name);
            if (entry.Property(column.Property).OriginalValue is { } original)
            {
                sql.Append(" = ");
                Parameter(sql, command, column, original);
            }
            else
            {
                sql.Append(" IS NULL");
            }

            first = false;
        }

        sql.Append(" RETURNING 1;\n");
    }

    private static void Parameter(StringBuilder sql, DbCommand command, Column column, object? value)
    {
        var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        command.Parameters.Add(column.Mapping.CreateParameter(command, name, value, column.Property.IsNullable));
        sql.Append(name);
    }

    private static List<IStepWriteListener> Listeners(LowCodeDbContext db) =>
        [.. db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IStepWriteListener>() ?? []];

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

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
