namespace LowCode.Engine.Files;

/// <summary>Why an upload or a download was refused; each comes as a problem of a typed runtime error.</summary>
public static class FileErrorCodes
{
    public const string TaskNotFound = "file.taskNotFound";
    public const string TaskCompleted = "file.taskCompleted";
    public const string Forbidden = "file.forbidden";
    public const string NotFound = "file.notFound";

    /// <summary>The task's form has no file field at the given path.</summary>
    public const string Field = "file.field";

    public const string Name = "file.name";
    public const string Empty = "file.empty";

    /// <summary>Not one of the field's <c>accept</c> types or extensions.</summary>
    public const string Accept = "file.accept";

    /// <summary>Over the field's <c>maxSizeBytes</c> (or the server's limit).</summary>
    public const string TooLarge = "file.tooLarge";
}
