namespace LowCode.GraphQL.Validation;

/// <summary>
/// Stops the walk: when the error limit is reached (the notice is already in the list), or when a rule runs out of
/// its work budget (then <see cref="Notice"/> is added, as graphql-js adds "Validation aborted.").
/// </summary>
public sealed class ValidationAbortedException : Exception
{
    public ValidationAbortedException()
        : this(null)
    {
    }

    public ValidationAbortedException(string? notice)
        : base(notice ?? "Validation aborted.")
    {
        Notice = notice;
    }

    public ValidationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Notice = message;
    }

    /// <summary>The error to append to the result, if any.</summary>
    public string? Notice { get; }
}
