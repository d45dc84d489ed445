namespace LowCode.Engine.Storage;

/// <summary>The database cannot be made ready; the message says why and what to do, for the operator reading the log.</summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException()
    {
    }

    public DatabaseStartupException(string message)
        : base(message)
    {
    }

    public DatabaseStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
