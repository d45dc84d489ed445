namespace LowCode.Engine.Outbox;

/// <summary>Where an outbox row is: waiting (or between attempts), delivered, or given up on after its retries.</summary>
public static class OutboxStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
