using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LowCode.Engine.Telemetry;

/// <summary>
/// The engine's OpenTelemetry instruments, on the meter and activity source named <see cref="Name"/> (the Api exports
/// both; docs/operations.md, "Telemetry"). Record after the change commits, so a rolled-back step counts nothing.
/// Outbox, timer and webhook code records into <see cref="OutboxBacklog"/>, <see cref="TimerLag"/> and
/// <see cref="WebhookFailures"/>; nothing else is needed to have them exported.
/// </summary>
public static class LowCodeMetrics
{
    public const string Name = "LowCode";

    private static readonly Meter Meter = new(Name, "1.0");

    public static ActivitySource Activities { get; } = new(Name, "1.0");

    /// <summary>Process instances started (tag <c>process</c>).</summary>
    public static Counter<long> InstancesStarted { get; } = Meter.CreateCounter<long>("lowcode.instances.started", "{instance}", "Process instances started.");

    /// <summary>Tasks completed (tag <c>process</c>).</summary>
    public static Counter<long> TaskCompletions { get; } = Meter.CreateCounter<long>("lowcode.tasks.completed", "{task}", "Tasks completed.");

    /// <summary>Routing decisions made (tag <c>process</c>).</summary>
    public static Counter<long> Decisions { get; } = Meter.CreateCounter<long>("lowcode.routing.decisions", "{decision}", "Routing decisions made.");

    /// <summary>Outbox messages waiting to be sent: add when a message is queued, subtract when it is sent or given up.</summary>
    public static UpDownCounter<long> OutboxBacklog { get; } = Meter.CreateUpDownCounter<long>("lowcode.outbox.backlog", "{message}", "Outbox messages waiting to be sent.");

    /// <summary>How late a timer fired, in seconds past its due time (tag <c>kind</c>).</summary>
    public static Histogram<double> TimerLag { get; } = Meter.CreateHistogram<double>("lowcode.timers.lag", "s", "How long after its due time a timer fired.");

    /// <summary>Webhook calls that failed (tags <c>webhook</c>, <c>final</c>: true once retries are exhausted).</summary>
    public static Counter<long> WebhookFailures { get; } = Meter.CreateCounter<long>("lowcode.webhooks.failures", "{call}", "Webhook calls that failed.");

    /// <summary>On SQLite, how many steps each commit of the node's writer carried (group commit).</summary>
    public static Histogram<int> StepsPerCommit { get; } = Meter.CreateHistogram<int>("lowcode.sqlite.steps_per_commit", "{step}", "Steps committed together in one SQLite transaction.");
}
