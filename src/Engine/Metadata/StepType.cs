namespace LowCode.Engine.Metadata;

/// <summary>Every kind of process step.</summary>
public enum StepType
{
    /// <summary>A person fills in a form.</summary>
    FormTask,

    /// <summary>A person approves or rejects, optionally with a form.</summary>
    Approval,

    /// <summary>Expressions set data, then the process moves on.</summary>
    Script,

    /// <summary>An HTTP call to another system, with retries.</summary>
    Webhook,

    /// <summary>Waits for a duration or until a date.</summary>
    Timer,

    /// <summary>Waits for an external system to send a named signal.</summary>
    Signal,

    /// <summary>Starts several branches at once.</summary>
    ParallelSplit,

    /// <summary>Waits for every branch of its split.</summary>
    ParallelJoin,

    /// <summary>Completes the instance.</summary>
    End,
}
