using LowCode.Engine.Storage.Records;

namespace LowCode.Engine.Tasks;

/// <summary>
/// Who may work on a task and who may see a task's or an instance's things (its files): the one place these
/// decisions are made, so that a change of the principal model (sign-in, permissions) changes them here only.
/// </summary>
public static class TaskAccess
{
    /// <summary>
    /// A link holder may work on its task while the task carries its token; anyone else on a task assigned to them,
    /// or, while nobody holds it, on a task of one of their groups. Nobody inside works on an external participant's task.
    /// </summary>
    public static bool MayWork(Principal principal, TaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(task);
        if (principal.Link is { } link)
        {
            return link.TaskId == task.Id && task.ExternalTokenHash == link.TokenHash;
        }

        return task.AssigneeUser is { } user ? user == principal.Id : principal.InGroup(task.AssigneeRole);
    }

    /// <summary>
    /// Whether <paramref name="principal"/> may see what belongs to task <paramref name="taskId"/> of an instance: a
    /// link holder its own task only; anyone else when they started the instance, or any of its tasks is or was theirs
    /// (assigned, claimed or completed by them) or offered to one of their groups.
    /// </summary>
    public static bool MaySee(Principal principal, string taskId, InstanceRecord instance, IEnumerable<TaskRecord> tasksOfInstance)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(tasksOfInstance);
        if (principal.Link is { } link)
        {
            return link.TaskId == taskId;
        }

        return instance.StartedBy == principal.Id
            || tasksOfInstance.Any(t => t.AssigneeUser == principal.Id || t.CompletedBy == principal.Id || principal.InGroup(t.AssigneeRole));
    }
}
