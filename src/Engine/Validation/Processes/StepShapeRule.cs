using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Processes;

/// <summary>Each step type needs its own properties (a form task its form, a timer its duration, …) and no others.</summary>
internal sealed class StepShapeRule : DefinitionRule<ProcessDefinition>
{
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

        void NotHere(bool present, string property)
        {
            if (present)
            {
                context.Report(at.Property(property), "step.propertyNotApplicable", $"'{property}' does not apply to a {step.Type} step. Remove it or change the step type.");
            }
        }

        var human = StepTypes.IsHuman(type);
        Needs(type != StepType.FormTask || step.Form is not null, "form", "\"form\": \"expense-claim\"");
        Needs(!human || step.Assignee is not null, "assignee", "\"assignee\": { \"role\": \"manager\" }");
        NotHere(!human && step.Form is not null, "form");
        NotHere(!human && step.Assignee is not null, "assignee");
        NotHere(type != StepType.Approval && !step.Outcomes.IsDefaultOrEmpty, "outcomes");
        Needs(type != StepType.Script || !step.Set.IsDefaultOrEmpty, "set", "\"set\": [{ \"path\": \"total\", \"expression\": \"amount * 1.2\" }]");
        NotHere(type != StepType.Script && !step.Set.IsDefaultOrEmpty, "set");
        Needs(type != StepType.Webhook || step.Webhook is not null, "webhook", "\"webhook\": { \"url\": \"https://crm.example.com/hooks\" }");
        NotHere(type != StepType.Webhook && step.Webhook is not null, "webhook");
        Needs(type != StepType.Signal || !string.IsNullOrWhiteSpace(step.Signal), "signal", "\"signal\": \"payment-received\"");
        NotHere(type != StepType.Signal && step.Signal is not null, "signal");
        NotHere(type != StepType.Timer && step.Duration is not null, "duration");
        NotHere(type != StepType.Timer && step.Until is not null, "until");
        NotHere(type is StepType.End or StepType.ParallelSplit && step.Sla is not null, "sla");

        if (type == StepType.Timer && (step.Duration is null) == (step.Until is null))
        {
            context.Report(at.Property("duration"), "step.timerShape", "A timer step needs exactly one of 'duration' (e.g. \"P2D\") or 'until' (an expression giving a date).");
        }

        if (type == StepType.ParallelSplit)
        {
            if (step.Branches.Length < 2)
            {
                context.Report(at.Property("branches"), "step.branchesMissing", "A parallelSplit needs at least two 'branches': the first step of each branch.");
            }

            NotHere(step.Next is not null, "next");
        }
        else
        {
            NotHere(!step.Branches.IsDefaultOrEmpty, "branches");
        }

        if (type == StepType.End)
        {
            NotHere(step.Next is not null, "next");
            NotHere(!step.Transitions.IsEmpty, "transitions");
        }
        else if (type != StepType.ParallelSplit && step.Next is null && step.Transitions.IsEmpty && process.RuleSet is null)
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
}
