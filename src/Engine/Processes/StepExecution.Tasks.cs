using System.Text.Json.Nodes;
using LowCode.Engine.Events;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;
using LowCode.Engine.Storage.Records;
using LowCode.Engine.Tasks;

namespace LowCode.Engine.Processes;

internal sealed partial class StepExecution
{
    private void CreateTask(StepDefinition step)
    {
        var pinned = InstanceState.ReadPinnedForms(instance);
        int? formVersion = step.Form is { } form && pinned.TryGetValue(form, out var version) ? version : null;
        var (role, user) = ResolveAssignee(step);
        DateTimeOffset? due = step.Sla is { } sla && IsoDuration.TryParse(sla, out var duration, out _) ? now + duration : null;
        var task = new TaskRecord
        {
            Id = NewId(),
            InstanceId = instance.Id,
            StepKey = step.Key,
            FormKey = step.Form,
            FormVersion = formVersion,
            Status = nameof(WorkTaskStatus.Open),
            AssigneeRole = role,
            AssigneeUser = user,
            CreatedAt = now.UtcDateTime,
            DueAt = due?.UtcDateTime,
            ETag = NewId(),
        };
        db.Tasks.Add(task);
        ScheduleSla(step.Key, task.Id, due);
        _createdTasks.Add(task);
        state.Positions.Add(step.Key);
        Append(
            EventTypes.TaskCreated,
            new JsonObject
            {
                ["formKey"] = step.Form,
                ["formVersion"] = formVersion,
                ["assigneeRole"] = role,
                ["assigneeUser"] = user,
                ["dueAt"] = due,
            },
            step.Key,
            task.Id);
        IssueLinkIfExternal(step, task);
    }

    private (string? Role, string? User) ResolveAssignee(StepDefinition step)
    {
        if (step.Assignee is not { } assignee)
        {
            return (null, null);
        }

        if (assignee.Expression is not { } expression)
        {
            return (assignee.Role, assignee.User);
        }

        var result = services.Expressions.Evaluate(expression, ExpressionScope.FromJson(View(), LocalNow, services.Options.TimeZone), ExpectedType.Text, $"steps.{step.Key}.assignee.expression");
        if (result.Error is null && result.Value.Kind == ExpressionValueKind.Text && result.Value.AsText().Trim() is { Length: > 0 } id)
        {
            return (assignee.Role, id);
        }

        var why = result.Error?.Message ?? "it gave no user id";
        Raise("ASSIGNEE_UNRESOLVED", $"The assignee expression '{expression}' of step '{step.Key}' did not give a user ({why}); reassign the task.", "error", step.Key, null);
        return (assignee.Role, null);
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
