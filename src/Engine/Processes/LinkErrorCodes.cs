namespace LowCode.Engine.Processes;

/// <summary>Why a link token opens nothing; each comes as a problem at path <c>token</c> of a typed runtime error.</summary>
public static class LinkErrorCodes
{
    /// <summary>No link has this token (mistyped, cut off, or never issued).</summary>
    public const string Unknown = "link.unknown";

    /// <summary>The link is valid but opens another task than the one asked for.</summary>
    public const string WrongTask = "link.wrongTask";

    /// <summary>A newer link for the same step replaced it (a rework loop or a resend).</summary>
    public const string Revoked = "link.revoked";

    /// <summary>The task was completed; a link completes its task once.</summary>
    public const string Used = "link.used";

    /// <summary>Past its <c>linkValidFor</c>.</summary>
    public const string Expired = "link.expired";

    /// <summary>A resend asked for a task that is not an external participant's.</summary>
    public const string NotExternal = "link.notExternal";
}
