namespace LowCode.Engine.Processes;

/// <summary>Why a runtime call changed nothing.</summary>
public enum RuntimeErrorKind
{
    /// <summary>The input is wrong (a failing submission, an unknown outcome); every problem is listed.</summary>
    Invalid,

    /// <summary>Someone else changed it first (the task was completed or claimed); read it again.</summary>
    Conflict,

    NotFound,

    /// <summary>The principal may not do this to this task.</summary>
    Forbidden,
}
