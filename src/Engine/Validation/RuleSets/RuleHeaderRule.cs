using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;

namespace LowCode.Engine.Validation.RuleSets;

/// <summary>Rules need unique names, a known event, and at least one action.</summary>
internal sealed class RuleHeaderRule : DefinitionRule<RuleSetDefinition>
{
    protected override void Check(RuleSetDefinition definition, RuleContext context)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Rules.Length; i++)
        {
            var rule = definition.Rules[i];
            var at = JsonPath.Root.Property("rules").Index(i);
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                context.Report(at.Property("name"), "rule.nameMissing", "The rule has no name. Name it so decisions can say which rule fired.");
            }
            else if (!seen.TryAdd(rule.Name, i))
            {
                context.Report(at.Property("name"), "rule.duplicateName", $"The name '{rule.Name}' is already used by the rule at $.rules[{seen[rule.Name]}]. Rule names must be unique.");
            }

            if (rule.On is { } on && !ActionTypes.Events.Contains(on, StringComparer.Ordinal))
            {
                context.Report(at.Property("on"), "rule.unknownEvent", $"'{on}' is not an event rules can react to.{KeyFormat.DidYouMean(on, ActionTypes.Events)} Known events: {string.Join(", ", ActionTypes.Events)}.");
            }

            if (rule.Salience is < -10000 or > 10000)
            {
                context.Report(at.Property("salience"), "rule.salienceRange", "salience must be between -10000 and 10000.");
            }

            if (rule.Then.IsDefaultOrEmpty)
            {
                context.Report(at.Property("then"), "rule.noActions", "The rule has no actions in 'then', so it could never do anything. Add one, e.g. { \"type\": \"goTo\", \"step\": \"review\" }.");
            }
        }
    }
}
