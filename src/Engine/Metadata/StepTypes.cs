using System.Collections.Frozen;

namespace LowCode.Engine.Metadata;

/// <summary>The step type names authors write, and what each kind allows.</summary>
public static class StepTypes
{
    private static readonly FrozenDictionary<string, StepType> ByName = new Dictionary<string, StepType>(StringComparer.Ordinal)
    {
        ["formTask"] = StepType.FormTask,
        ["approval"] = StepType.Approval,
        ["script"] = StepType.Script,
        ["webhook"] = StepType.Webhook,
        ["timer"] = StepType.Timer,
        ["signal"] = StepType.Signal,
        ["parallelSplit"] = StepType.ParallelSplit,
        ["parallelJoin"] = StepType.ParallelJoin,
        ["end"] = StepType.End,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = [.. ByName.OrderBy(p => p.Value).Select(p => p.Key)];

    public static bool TryParse(string? name, out StepType type) => ByName.TryGetValue(name ?? string.Empty, out type);

    /// <summary>Steps a person works on.</summary>
    public static bool IsHuman(StepType type) => type is StepType.FormTask or StepType.Approval;
}
