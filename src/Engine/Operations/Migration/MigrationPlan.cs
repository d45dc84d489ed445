using System.Collections.Immutable;
using LowCode.Engine.Metadata;
using LowCode.Engine.Processes;
using LowCode.Engine.Storage;
using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Operations.Migration;

/// <summary>The two versions, the step mapping and the new form pins, and the checks one instance must pass to move.</summary>
internal sealed class MigrationPlan(ProcessDefinition from, ProcessDefinition to, ImmutableDictionary<string, string> mapping, ImmutableDictionary<string, int> pins)
{
    public ImmutableDictionary<string, int> Pins => pins;

    /// <summary>The new version's step for an old step: the mapping's, else the step of the same key, else none.</summary>
    public string? Map(string step) =>
        mapping.TryGetValue(step, out var mapped) ? mapped : to.Steps.Any(s => s.Key == step) ? step : null;

    public async Task<ImmutableArray<RuntimeProblem>> CheckAsync(
        LowCodeDbContext db,
        DefinitionCache definitions,
        InstanceRecord instance,
        int fromVersion,
        IReadOnlyList<TaskRecord> openTasks,
        CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<RuntimeProblem>();
        if (instance.ProcessVersion != fromVersion || instance.Status != InstanceStatuses.Running)
        {
            problems.Add(new RuntimeProblem("instance", "migration.notOnVersion", $"Instance '{instance.Id}' is {instance.Status} on version {instance.ProcessVersion}; only running instances of version {fromVersion} move."));
            return problems.ToImmutable();
        }

        var state = InstanceState.Read(instance);
        foreach (var position in state.Positions.Distinct(StringComparer.Ordinal))
        {
            if (Map(position) is not { } target)
            {
                problems.Add(new RuntimeProblem($"positions.{position}", "migration.unmappedStep", $"The instance waits at '{position}', which the new version has no step for; map '{position}' to one of its steps."));
                continue;
            }

            var oldStep = from.Steps.FirstOrDefault(s => s.Key == position);
            var newStep = to.Steps.FirstOrDefault(s => s.Key == target);
            if (oldStep is not null && newStep is not null && Kind(oldStep) != Kind(newStep))
            {
                problems.Add(new RuntimeProblem($"positions.{position}", "migration.stepTypeChanged", $"The instance waits at '{position}' ({oldStep.Type}), mapped to '{target}' ({newStep.Type}); a waiting step can only map to a step that waits the same way."));
            }
        }

        foreach (var task in openTasks)
        {
            if (Map(task.StepKey) is not { } target || to.Steps.FirstOrDefault(s => s.Key == target) is not { } newStep)
            {
                continue;
            }

            if (newStep.Form != task.FormKey)
            {
                problems.Add(new RuntimeProblem($"tasks.{task.Id}", "migration.formChanged", $"The open task at '{task.StepKey}' uses form '{task.FormKey ?? "(none)"}', but '{target}' uses '{newStep.Form ?? "(none)"}'; its entries would not fit. Map it to a step with the same form, or complete the task first."));
            }
            else if (task.FormKey is { } formKey && task.FormVersion is { } oldVersion && pins.TryGetValue(formKey, out var newVersion) && newVersion != oldVersion)
            {
                var oldForm = await definitions.GetAsync<FormDefinition>(db, DefinitionKind.Form, formKey, oldVersion, cancellationToken).ConfigureAwait(false);
                var newForm = await definitions.GetAsync<FormDefinition>(db, DefinitionKind.Form, formKey, newVersion, cancellationToken).ConfigureAwait(false);
                foreach (var change in TypeChanges(oldForm, newForm))
                {
                    problems.Add(new RuntimeProblem($"tasks.{task.Id}.{change.Path}", "migration.formChangedIncompatibly", $"Form '{formKey}' field '{change.Path}' was {change.Old} in version {oldVersion} and is {change.New} in version {newVersion}; the open task at '{task.StepKey}' cannot move to it. Complete the task first, or publish a form that keeps the type."));
                }
            }
        }

        foreach (var frame in state.Parallel)
        {
            var oldSplit = from.Steps.FirstOrDefault(s => s.Key == frame.Split);
            var newSplit = Map(frame.Split) is { } mapped ? to.Steps.FirstOrDefault(s => s.Key == mapped && s.ParsedType() == StepType.ParallelSplit) : null;
            if (newSplit is null)
            {
                problems.Add(new RuntimeProblem($"parallel.{frame.Split}", "migration.parallelSplitMissing", $"The instance is inside parallel split '{frame.Split}', which the new version has no parallel split for; map '{frame.Split}' to a parallel split of the new version."));
                continue;
            }

            foreach (var branch in oldSplit?.Branches ?? [])
            {
                if (Map(branch) is not { } target || !newSplit.Branches.Contains(target, StringComparer.Ordinal))
                {
                    problems.Add(new RuntimeProblem($"parallel.{frame.Split}.{branch}", "migration.parallelBranchMissing", $"Branch '{branch}' of the open parallel split '{frame.Split}' is not a branch of '{newSplit.Key}' in the new version; the instance would wait at a join for a branch that no longer exists."));
                }
            }

            if (newSplit.Branches.Length != frame.Expected)
            {
                problems.Add(new RuntimeProblem($"parallel.{frame.Split}", "migration.parallelBranchCount", $"Split '{frame.Split}' started {frame.Expected} branches; '{newSplit.Key}' in the new version has {newSplit.Branches.Length}, so its join would wait for the wrong number."));
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>Task steps, and each kind of parked step, only map to steps that wait the same way.</summary>
    private static string Kind(StepDefinition step) => step.ParsedType() is StepType.FormTask or StepType.Approval ? "task" : step.Type;

    private static IEnumerable<(string Path, string Old, string New)> TypeChanges(FormDefinition? oldForm, FormDefinition? newForm)
    {
        if (oldForm is null || newForm is null)
        {
            yield break;
        }

        var newTypes = Flatten(newForm.Fields, string.Empty).ToDictionary(f => f.Path, f => f.Type, StringComparer.Ordinal);
        foreach (var (path, type) in Flatten(oldForm.Fields, string.Empty))
        {
            if (newTypes.TryGetValue(path, out var newType) && newType != type)
            {
                yield return (path, type, newType);
            }
        }
    }

    private static IEnumerable<(string Path, string Type)> Flatten(IEnumerable<FieldDefinition> fields, string prefix)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Key;
            yield return (path, field.Type);
            foreach (var child in Flatten(field.Fields, path + "."))
            {
                yield return child;
            }
        }
    }
}
