namespace LowCode.Engine.Metadata;

/// <summary>
/// What the model derives from what authors wrote. These are extension methods rather than properties of the
/// records so the JSON serializer never sees them: a property it ignores would still swallow a JSON property of
/// the same name instead of reporting it as unknown.
/// </summary>
public static class MetadataExtensions
{
    /// <summary>The parsed field type, or null when <see cref="FieldDefinition.Type"/> names none.</summary>
    public static FieldType? ParsedType(this FieldDefinition field) =>
        FieldTypes.TryParse(field?.Type, out var type) ? type : null;

    /// <summary>The parsed step type, or null when <see cref="StepDefinition.Type"/> names none.</summary>
    public static StepType? ParsedType(this StepDefinition step) =>
        StepTypes.TryParse(step?.Type, out var type) ? type : null;

    /// <summary>Every step this one can lead to by its own definition (rules may add more).</summary>
    public static IEnumerable<string> Targets(this StepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return (step.Next is null ? [] : new[] { step.Next }).Concat(step.Transitions.Values).Concat(step.Branches);
    }

    /// <summary>The key of the step instances start at: <see cref="ProcessDefinition.Start"/>, or the first step.</summary>
    public static string? StartStep(this ProcessDefinition process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Start ?? (process.Steps.IsDefaultOrEmpty ? null : process.Steps[0].Key);
    }
}
