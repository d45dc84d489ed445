namespace LowCode.Engine.Tasks;

/// <summary>Where a task is in its life: open to its role or user, claimed by one person, completed, or cancelled by an operator (with the instance, or when it was moved to another step).</summary>
public enum WorkTaskStatus
{
    Open,
    Claimed,
    Completed,
    Cancelled,
}
