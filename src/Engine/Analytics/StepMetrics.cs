namespace LowCode.Engine.Analytics;

/// <summary>
/// One step of the process. Task figures cover the tasks created at the step in the window. Waiting is from the task's
/// creation to its first claim (to its completion when nobody claimed it); working is from the first claim to the
/// completion, for claimed tasks only. Work in progress is the tasks open at the window's end, whenever created.
/// Rework counts the times an instance started in the window finished this step again after the first time.
/// </summary>
public sealed record StepMetrics(
    string StepKey,
    int TasksCreated,
    int TasksCompleted,
    int WorkInProgress,
    DurationStats Waiting,
    DurationStats Working,
    int SlaBreaches,
    int Rework);
