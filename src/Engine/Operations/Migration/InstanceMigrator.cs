using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Metadata;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Operations.Migration;

/// <summary>
/// Moves running instances from one process version to another with an explicit step mapping. Every instance is
/// validated before anything moves (an active step without a counterpart, an open task whose form changed
/// incompatibly, an open parallel split or branch the new version no longer has); if any instance is invalid,
/// nothing moves and every problem is listed per instance. Each instance then moves in its own transaction, all of it
/// or nothing (validated again inside it), with an <c>instanceMigrated</c> event.
/// </summary>
public sealed class InstanceMigrator(IDbContextFactory<LowCodeDbContext> contexts, DefinitionCache definitions, TimeProvider clock)
{
    public async Task<MigrationReport> MigrateAsync(MigrationRequest request, OperationRequest operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        var mapping = request.StepMapping ?? ImmutableDictionary<string, string>.Empty;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var from = await definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, request.ProcessKey, request.FromVersion, cancellationToken).ConfigureAwait(false);
        var to = await definitions.GetAsync<ProcessDefinition>(db, DefinitionKind.Process, request.ProcessKey, request.ToVersion, cancellationToken).ConfigureAwait(false);
        var problems = RequestProblems(request, operation, from, to, mapping);
        if (from is null || to is null)
        {
            return Report(request, problems, []);
        }

        var plan = new MigrationPlan(from, to, mapping, await PinsAsync(db, to, cancellationToken).ConfigureAwait(false));
        var ids = request.InstanceIds.IsDefault ? [] : request.InstanceIds;
        var query = db.Instances.AsNoTracking().Where(i => i.ProcessKey == request.ProcessKey);
        query = ids.IsEmpty
            ? query.Where(i => i.ProcessVersion == request.FromVersion && i.Status == InstanceStatuses.Running)
            : query.Where(i => ids.Contains(i.Id));
        var instances = await query.OrderBy(i => i.StartedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var missing in ids.Except(instances.Select(i => i.Id), StringComparer.Ordinal))
        {
            problems.Add(new RuntimeProblem($"instanceIds[{ids.IndexOf(missing)}]", "migration.instanceNotFound", $"Process '{request.ProcessKey}' has no instance '{missing}'."));
        }

        var checks = new List<InstanceMigration>();
        foreach (var instance in instances)
        {
            var tasks = await OpenTasksAsync(db, instance.Id, tracked: false, cancellationToken).ConfigureAwait(false);
            checks.Add(new InstanceMigration(instance.Id, await plan.CheckAsync(db, definitions, instance, request.FromVersion, tasks, cancellationToken).ConfigureAwait(false), false, InstanceState.ReadPositions(instance)));
        }

        if (request.ValidateOnly || problems.Count > 0 || checks.Any(c => !c.Problems.IsEmpty))
        {
            return Report(request, problems, checks);
        }

        var results = new List<InstanceMigration>(checks.Count);
        foreach (var check in checks)
        {
            results.Add(await MoveAsync(check.InstanceId, request, plan, operation, cancellationToken).ConfigureAwait(false));
        }

        return Report(request, problems, results);
    }

    private static MigrationReport Report(MigrationRequest request, List<RuntimeProblem> problems, List<InstanceMigration> instances) =>
        new(request.ProcessKey, request.FromVersion, request.ToVersion, request.ValidateOnly, [.. problems], [.. instances]);

    private static List<RuntimeProblem> RequestProblems(MigrationRequest request, OperationRequest operation, ProcessDefinition? from, ProcessDefinition? to, ImmutableDictionary<string, string> mapping)
    {
        var problems = new List<RuntimeProblem>();
        if (operation.Check() is { } reason)
        {
            problems.AddRange(reason.Problems);
        }

        if (from is null)
        {
            problems.Add(new RuntimeProblem("fromVersion", "migration.versionNotFound", $"Process '{request.ProcessKey}' has no published version {request.FromVersion}."));
        }

        if (to is null)
        {
            problems.Add(new RuntimeProblem("toVersion", "migration.versionNotFound", $"Process '{request.ProcessKey}' has no published version {request.ToVersion}; publish it first."));
        }

        if (request.FromVersion == request.ToVersion)
        {
            problems.Add(new RuntimeProblem("toVersion", "migration.sameVersion", "Migrate to another version than the instances are on."));
        }

        foreach (var (source, target) in mapping)
        {
            if (from is not null && from.Steps.All(s => s.Key != source))
            {
                problems.Add(new RuntimeProblem($"stepMapping.{source}", "migration.unknownSourceStep", $"Version {request.FromVersion} has no step '{source}' to map from."));
            }

            if (to is not null && to.Steps.All(s => s.Key != target))
            {
                problems.Add(new RuntimeProblem($"stepMapping.{source}", "migration.unknownTargetStep", $"Version {request.ToVersion} has no step '{target}' to map '{source}' to; choose one of: {string.Join(", ", to.Steps.Select(s => s.Key))}."));
            }
        }

        return problems;
    }

    /// <summary>The form versions a migrated instance pins: the latest published version of every form the new version uses, as a start would.</summary>
    private static async Task<ImmutableDictionary<string, int>> PinsAsync(LowCodeDbContext db, ProcessDefinition to, CancellationToken cancellationToken)
    {
        var pins = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var form in to.Steps.Select(s => s.Form).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await DefinitionCache.LatestPublishedAsync(db, DefinitionKind.Form, form, cancellationToken).ConfigureAwait(false) is { } version)
            {
                pins[form] = version;
            }
        }

        return pins.ToImmutable();
    }

    private static Task<List<TaskRecord>> OpenTasksAsync(LowCodeDbContext db, string instanceId, bool tracked, CancellationToken cancellationToken)
    {
        var tasks = tracked ? db.Tasks : db.Tasks.AsNoTracking();
        return tasks.Where(t => t.InstanceId == instanceId && t.CompletedAt == null).ToListAsync(cancellationToken);
    }

    private async Task<InstanceMigration> MoveAsync(string instanceId, MigrationRequest request, MigrationPlan plan, OperationRequest operation, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var instance = await db.Instances.FirstAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
        var tasks = await OpenTasksAsync(db, instanceId, tracked: true, cancellationToken).ConfigureAwait(false);

        // The instance may have moved since it was checked: what is checked again here is what moves.
        var problems = await plan.CheckAsync(db, definitions, instance, request.FromVersion, tasks, cancellationToken).ConfigureAwait(false);
        if (!problems.IsEmpty)
        {
            return new InstanceMigration(instanceId, problems, false, InstanceState.ReadPositions(instance));
        }

        var state = InstanceState.Read(instance);
        var moved = new JsonObject();
        for (var i = 0; i < state.Positions.Count; i++)
        {
            var target = plan.Map(state.Positions[i])!;
            moved[state.Positions[i]] = target;
            state.Positions[i] = target;
        }

        for (var i = 0; i < state.Parallel.Count; i++)
        {
            state.Parallel[i] = state.Parallel[i] with { Split = plan.Map(state.Parallel[i].Split)! };
        }

        foreach (var task in tasks)
        {
            task.StepKey = plan.Map(task.StepKey)!;
            task.FormVersion = task.FormKey is { } form && plan.Pins.TryGetValue(form, out var version) ? version : task.FormVersion;
            task.ETag = Processes.StepExecution.NewId();
        }

        instance.ProcessVersion = request.ToVersion;
        instance.PinnedForms = InstanceState.WritePinnedForms(plan.Pins);
        instance.ETag = Processes.StepExecution.NewId();
        state.WriteTo(instance);
        EventLog.Append(
            db,
            OperationEventTypes.InstanceMigrated,
            instance,
            clock.GetUtcNow(),
            operation.Principal.Id,
            new JsonObject
            {
                ["fromVersion"] = request.FromVersion,
                ["toVersion"] = request.ToVersion,
                ["steps"] = moved,
                ["pinnedForms"] = JsonNode.Parse(instance.PinnedForms),
                ["reason"] = operation.Reason!.Trim(),
            });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return new InstanceMigration(instanceId, [new RuntimeProblem("instance", "migration.conflict", $"Instance '{instanceId}' changed while it was being migrated; nothing of it moved. Migrate it again.")], false, InstanceState.ReadPositions(instance));
        }

        return new InstanceMigration(instanceId, [], true, [.. state.Positions]);
    }
}
