namespace LowCode.Engine.Operations.DryRun;

/// <summary>
/// The clock a replayed decision's expressions read: set to each decision's recorded instant before it runs, so
/// <c>now()</c> and <c>today()</c> give what they gave then and a dry run is the same whenever it runs.
/// </summary>
internal sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
