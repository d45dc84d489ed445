namespace LowCode.Rules.Errors;

/// <summary>
/// One problem found while compiling a rule set.
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="RuleIndex">The rule's position in the rule set (0-based).</param>
/// <param name="Location">Where in the rule, e.g. <c>conditions[1].conditions[0]</c> or <c>actions[0]</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RuleCompilationError(string Rule, int RuleIndex, string Location, string Message)
{
    public override string ToString() => $"rules[{RuleIndex}] ('{Rule}') {Location}: {Message}";
}
