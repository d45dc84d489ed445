using System.Collections.Immutable;
using FluentValidation;
using LowCode.Engine.Metadata;
using LowCode.Engine.Validation.Common;
using LowCode.Engine.Validation.Forms;
using LowCode.Engine.Validation.Processes;
using LowCode.Engine.Validation.RuleSets;

namespace LowCode.Engine.Validation;

/// <summary>
/// Runs every metadata rule that applies to a definition and returns every problem, ordered by JSON path, so an
/// author fixes them all in one go. Stateless and thread-safe.
/// </summary>
public sealed class DefinitionValidator(IExpressionSyntaxChecker? expressions = null)
{
    private static readonly IValidator<IDefinition>[] Common =
        [new DefinitionHeaderRule(), new ExpressionSyntaxRule(), new ExpressionScopeRule(), new ConditionPathRule(), new DurationRule(), new AssigneeAndWebhookRule(), new RoutingTargetsRule()];

    private static readonly IValidator<FormDefinition>[] Forms =
        [new FieldKeysRule(), new FieldTypeRule(), new FieldConstraintsRule(), new FieldDefaultRule(), new FormValidationsRule(), new ComputedCycleRule()];

    private static readonly IValidator<ProcessDefinition>[] Processes =
        [new StepKeysRule(), new StepShapeRule(), new StepTargetsRule(), new ReachabilityRule(), new CompletionRule(), new ParallelWriteRule()];

    private static readonly IValidator<RuleSetDefinition>[] RuleSets =
        [new RuleHeaderRule(), new ConditionShapeRule(), new ActionShapeRule()];

    /// <summary>Every problem, errors and warnings alike; only errors (<see cref="ProblemSeverity.Error"/>) block a save.</summary>
    public ImmutableArray<ValidationProblem> Validate(IDefinition definition, IDefinitionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<ValidationProblem>();
        problems.AddRange(Run(Common, definition, catalog));
        problems.AddRange(definition switch
        {
            FormDefinition form => Run(Forms, form, catalog),
            ProcessDefinition process => Run(Processes, process, catalog),
            RuleSetDefinition ruleSet => Run(RuleSets, ruleSet, catalog),
            _ => [],
        });
        return [.. problems.Distinct().OrderBy(p => p.Path, DocumentOrder.Instance)];
    }

    private IEnumerable<ValidationProblem> Run<T>(IEnumerable<IValidator<T>> rules, T definition, IDefinitionCatalog? catalog)
        where T : class
    {
        foreach (var rule in rules)
        {
            var context = new ValidationContext<T>(definition);
            context.RootContextData[DefinitionRule<T>.CatalogKey] = catalog ?? DefinitionCatalog.Empty;
            if (expressions is not null)
            {
                context.RootContextData[DefinitionRule<T>.ExpressionCheckerKey] = expressions;
            }

            foreach (var failure in rule.Validate(context).Errors)
            {
                yield return new ValidationProblem(failure.PropertyName, failure.ErrorMessage, failure.ErrorCode)
                {
                    Severity = failure.Severity == Severity.Warning ? ProblemSeverity.Warning : ProblemSeverity.Error,
                };
            }
        }
    }
}
