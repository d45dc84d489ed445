using System.Collections.Immutable;
using System.Data.Common;
using System.Runtime.CompilerServices;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LowCode.Engine.Changes;

/// <summary>
/// Sees every write of the runtime and hands what subscribers follow to <see cref="IRuntimeChangeNotifier"/> once it is
/// committed: at once for a save outside a transaction, at the commit for a save inside one, never for a transaction
/// rolled back. Watching the context's writes, rather than each code path that writes, keeps a path added later from
/// being forgotten.
/// </summary>
public sealed class RuntimeChangeInterceptor(IRuntimeChangeNotifier notifier, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor, IStepWriteListener
{
    private static readonly string[] LiveTaskStatuses = ["Open", "Claimed"];

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IStepWriteListener.Writing(DbContext context) => Collect(context);

    void IStepWriteListener.Written(DbContext context) => Saved(context);

    void IStepWriteListener.WriteFailed(DbContext context) => Discard(context, saving: true, saved: false);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData.Context, saving: true, saved: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context, saving: true, saved: false);
        return Task.CompletedTask;
    }

    // A new transaction starts clean: what an abandoned one saved was never committed.
    // (The save under way, if any, is kept: SaveChanges starts a transaction of its own when none is open.)
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Discard(eventData.Context, saving: false, saved: true);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context, saving: false, saved: true);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context, saving: true, saved: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context, saving: true, saved: true);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(eventData.Context, saving: true, saved: true);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context, saving: true, saved: true);
        return Task.CompletedTask;
    }

    /// <summary>Before the save: which tasks are offered or assigned anew, which events and notifications are added, which keys revoked.</summary>
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var saving = new Saving();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case TaskRecord task when LiveTaskStatuses.Contains(task.Status)
                    && (entry.State == EntityState.Added
                        || (entry.State == EntityState.Modified && (entry.Property(nameof(TaskRecord.AssigneeUser)).IsModified || entry.Property(nameof(TaskRecord.AssigneeRole)).IsModified))):
                    saving.Tasks.Add((task.Id, task.InstanceId, task.AssigneeUser, task.AssigneeRole));
                    break;
                case EventRecord { InstanceId: not null } e when entry.State == EntityState.Added:
                    saving.Events.Add(e);
                    break;
                case NotificationRecord n when entry.State == EntityState.Added:
                    saving.Notifications.Add((n.Id, n.InstanceId, n.RecipientUser, n.RecipientRole));
                    break;
                case ApiKeyRecord { RevokedAt: not null } key when entry.State == EntityState.Modified && entry.Property(nameof(ApiKeyRecord.RevokedAt)).IsModified:
                    saving.RevokedKeys.Add(key.Id);
                    break;
            }
        }

        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.Saving = saving.IsEmpty ? null : saving;
        }
    }

    /// <summary>After the save: the changes wait for the commit, or go now when no transaction is open any more.</summary>
    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        lock (pending)
        {
            if (pending.Saving is { } saving)
            {
                var at = clock.GetUtcNow().UtcDateTime;
                pending.Changes.AddRange(saving.Tasks.Select(t => new RuntimeChange(RuntimeChangeKind.TaskAssigned, t.Id, t.InstanceId, t.User, t.Role, [], at)));
                pending.Changes.AddRange(saving.Events
                    .GroupBy(e => e.InstanceId!, StringComparer.Ordinal)
                    .Select(g => new RuntimeChange(RuntimeChangeKind.InstanceChanged, g.Key, g.Key, null, null, [.. g.OrderBy(e => e.Id).Select(e => e.Type)], at)));
                pending.Changes.AddRange(saving.Notifications.Select(n => new RuntimeChange(RuntimeChangeKind.NotificationReceived, n.Id, n.InstanceId, n.User, n.Role, [], at)));
                pending.Changes.AddRange(saving.RevokedKeys.Select(id => new RuntimeChange(RuntimeChangeKind.ApiKeyRevoked, id, null, null, null, [], at)));
                pending.Saving = null;
            }
        }

        if (context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        ImmutableArray<RuntimeChange> changes;
        lock (pending)
        {
            changes = [.. pending.Changes];
            pending.Changes.Clear();
        }

        if (!changes.IsEmpty)
        {
            notifier.Publish(changes);
        }
    }

    private void Discard(DbContext? context, bool saving, bool saved)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        lock (pending)
        {
            if (saving)
            {
                pending.Saving = null;
            }

            if (saved)
            {
                pending.Changes.Clear();
            }
        }
    }

    private sealed class Pending
    {
        public Saving? Saving { get; set; }

        public List<RuntimeChange> Changes { get; } = [];
    }

    private sealed class Saving
    {
        public List<(string Id, string InstanceId, string? User, string? Role)> Tasks { get; } = [];

        public List<EventRecord> Events { get; } = [];

        public List<(string Id, string? InstanceId, string? User, string? Role)> Notifications { get; } = [];

        public List<string> RevokedKeys { get; } = [];

        public bool IsEmpty => Tasks.Count == 0 && Events.Count == 0 && Notifications.Count == 0 && RevokedKeys.Count == 0;
    }
}
