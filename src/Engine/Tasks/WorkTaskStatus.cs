namespace LowCode.Engine.Tasks;

/// <summary>Where a task is in its life: open to its role or user, claimed by one person, or completed.</summary>
public enum WorkTaskStatus
{
    Open,
    Claimed,
    Completed,
}
