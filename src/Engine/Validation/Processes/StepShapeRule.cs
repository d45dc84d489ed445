using System.Collections.Frozen;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Processes;

/// <summary>Each step type needs its own properties (a form task its form, a timer its duration, …) and no others.</summary>
internal sealed class StepShapeRule : DefinitionRule<ProcessDefinition>
{
    /// <summary>
    /// The properties each step type uses besides 'key', 'type' and 'name'; docs/metadata.md shows the same table.
    /// 'sla' applies to steps that wait for people or systems (a script finishes at once, a timer's wait is its
    /// definition); 'transitions' to steps with outcomes (an approval's choices, a webhook's 'failed').
    /// </summary>
    internal static readonly FrozenDictionary<StepType, string[]> Applicable = new Dictionary<StepType, string[]>
    {
        [StepType.FormTask] = ["form", "assignee", "sla", "next"],
        [StepType.Approval] = ["form", "assignee", "outcomes", "sla", "next", "transitions"],
        [StepType.Script] = ["set", "next"],
        [StepType.Webhook] = ["webhook", "sla", "next", "transitions"],
        [StepType.Timer] = ["duration", "until", "next"],
        [StepType.Signal] = ["signal", "sla", "next"],
        [StepType.ParallelSplit] = ["branches"],
        [StepType.ParallelJoin] = ["sla", "next"],
        [StepType.End] = [],
    }.ToFrozenDictionary();

    protected override void Check(ProcessDefinition definition, RuleContext context)
    {
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            if (step.ParsedType() is { } type)
            {
                CheckStep(definition, step, type, JsonPath.Root.Property("steps").Index(i), context);
            }
        }
    }

    private static void CheckStep(ProcessDefinition process, StepDefinition step, StepType type, string at, RuleContext context)
    {
        void Needs(bool present, string property, string example)
        {
            if (!present)
            {
                context.Report(at.Property(property), "step.missingProperty", $"A {step.Type} step needs '{property}', e.g. {example}.");
            }
        }

        var human = StepTypes.IsHuman(type);
        Needs(type != StepType.FormTask || step.Form is not null, "form", "\"form\": \"expense-claim\"");
        Needs(!human || step.Assignee is not null, "assignee", "\"assignee\": { \"role\": \"manager\" }");
        Needs(type != StepType.Script || !step.Set.IsDefaultOrEmpty, "set", "\"set\": [{ \"path\": \"total\", \"expression\": \"amount * 1.2\" }]");
        Needs(type != StepType.Webhook || step.Webhook is not null, "webhook", "\"webhook\": { \"url\": \"https://crm.example.com/hooks\" }");
        Needs(type != StepType.Signal || !string.IsNullOrWhiteSpace(step.Signal), "signal", "\"signal\": \"payment-received\"");
        ReportStrayProperties(step, type, at, context);

        if (type == StepType.Timer && (step.Duration is null) == (step.Until is null))
        {
            context.Report(at.Property("duration"), "step.timerShape", "A timer step needs exactly one of 'duration' (e.g. \"P2D\") or 'until' (an expression giving a date).");
        }

        if (type == StepType.ParallelSplit && step.Branches.Length < 2)
        {
            context.Report(at.Property("branches"), "step.branchesMissing", "A parallelSplit needs at least two 'branches': the first step of each branch.");
        }

        if (type is not (StepType.End or StepType.ParallelSplit) && step.Next is null && step.Transitions.IsEmpty && process.RuleSet is null)
        {
            context.Report(at.Property("next"), "step.noWayOut", $"Step '{step.Key}' has no 'next' step, no 'transitions' and the process has no rule set to route it, so instances would stop here. Add \"next\".");
        }

        if (type == StepType.Approval && !step.Outcomes.IsDefaultOrEmpty)
        {
            foreach (var outcome in step.Transitions.Keys.Where(k => !step.Outcomes.Contains(k)))
            {
                context.Report(at.Property("transitions").Property(outcome), "step.unknownOutcome", $"'{outcome}' is not one of this approval's outcomes ({string.Join(", ", step.Outcomes)}).");
            }
        }
    }

    private static void ReportStrayProperties(StepDefinition step, StepType type, string at, RuleContext context)
    {
        var applicable = Applicable[type];
        foreach (var property in Present(step).Where(p => !applicable.Contains(p, StringComparer.Ordinal)))
        {
            var owners = StepTypes.Names.Where(n => StepTypes.TryParse(n, out var t) && Applicable[t].Contains(property, StringComparer.Ordinal));
            var uses = applicable.Length == 0 ? "uses none besides 'key', 'type' and 'name'" : $"uses only {string.Join(", ", applicable.Select(p => $"'{p}'"))}";
            context.Report(
                at.Property(property),
                "step.propertyNotApplicable",
                $"'{property}' does not apply to a {step.Type} step, which {uses}; '{property}' belongs to {string.Join(", ", owners)} steps. Remove it, or change the step type.");
        }
    }

    /// <summary>The JSON names of the properties a step sets besides 'key', 'type' and 'name'.</summary>
    private static IEnumerable<string> Present(StepDefinition step)
    {
        var properties = new (string Name, bool Present)[]
        {
            ("form", step.Form is not null),
            ("assignee", step.Assignee is not null),
            ("outcomes", !step.Outcomes.IsDefaultOrEmpty),
            ("set", !step.Set.IsDefaultOrEmpty),
            ("webhook", step.Webhook is not null),
            ("duration", step.Duration is not null),
            ("until", step.Until is not null),
            ("signal", step.Signal is not null),
            ("branches", !step.Branches.IsDefaultOrEmpty),
            ("sla", step.Sla is not null),
            ("next", step.Next is not null),
            ("transitions", !step.Transitions.IsEmpty),
        };
        return properties.Where(p => p.Present).Select(p => p.Name);
    }
}
