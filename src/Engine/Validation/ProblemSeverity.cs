namespace LowCode.Engine.Validation;

/// <summary>Whether a problem stops a definition from being saved and published.</summary>
public enum ProblemSeverity
{
    /// <summary>The definition cannot be saved or published until it is fixed.</summary>
    Error,

    /// <summary>Worth the author's attention, but legal: saving and publishing go ahead.</summary>
    Warning,
}
