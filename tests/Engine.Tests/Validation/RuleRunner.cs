using FluentValidation;
using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Validation;

/// <summary>Runs one metadata rule on its own, the way <see cref="DefinitionValidator"/> runs it, so each rule's tests see only its problems.</summary>
internal static class RuleRunner
{
    public static IReadOnlyList<ValidationProblem> Run<T>(DefinitionRule<T> rule, T definition, IDefinitionCatalog? catalog = null, IExpressionSyntaxChecker? expressions = null)
        where T : class
    {
        var context = new ValidationContext<T>(definition);
        context.RootContextData[DefinitionRule<T>.CatalogKey] = catalog ?? DefinitionCatalog.Empty;
        if (expressions is not null)
        {
            context.RootContextData[DefinitionRule<T>.ExpressionCheckerKey] = expressions;
        }

        return [.. rule.Validate(context).Errors.Select(f => new ValidationProblem(f.PropertyName, f.ErrorMessage, f.ErrorCode)
        {
            Severity = f.Severity == Severity.Warning ? ProblemSeverity.Warning : ProblemSeverity.Error,
        })];
    }

    /// <summary>For the rules that apply to every kind of definition.</summary>
    public static IReadOnlyList<ValidationProblem> RunCommon(DefinitionRule<IDefinition> rule, IDefinition definition, IDefinitionCatalog? catalog = null, IExpressionSyntaxChecker? expressions = null) =>
        Run(rule, definition, catalog, expressions);
}
