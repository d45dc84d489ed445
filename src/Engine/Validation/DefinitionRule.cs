using FluentValidation;
using FluentValidation.Results;

namespace LowCode.Engine.Validation;

/// <summary>
/// Base of every metadata rule: one concern per class. Rules report problems at JSON paths they compute themselves,
/// because the paths users see must match their JSON, not the C# property names FluentValidation would use.
/// </summary>
internal abstract class DefinitionRule<T> : AbstractValidator<T>
    where T : class
{
    internal const string CatalogKey = "catalog";
    internal const string ExpressionCheckerKey = "expressions";

    protected DefinitionRule()
    {
        RuleFor(definition => definition).Custom((definition, context) =>
        {
            var catalog = context.RootContextData.TryGetValue(CatalogKey, out var c) ? (IDefinitionCatalog)c : DefinitionCatalog.Empty;
            var checker = context.RootContextData.TryGetValue(ExpressionCheckerKey, out var e) ? e as IExpressionSyntaxChecker : null;
            Check(definition, new RuleContext(context, catalog, checker));
        });
    }

    protected abstract void Check(T definition, RuleContext context);

    /// <summary>What a rule can see and where it reports.</summary>
    protected internal sealed class RuleContext(ValidationContext<T> context, IDefinitionCatalog catalog, IExpressionSyntaxChecker? expressions)
    {
        public IDefinitionCatalog Catalog { get; } = catalog;

        public IExpressionSyntaxChecker? Expressions { get; } = expressions;

        public void Report(string path, string code, string message) =>
            context.AddFailure(new ValidationFailure(path, message) { ErrorCode = code });

        /// <summary>Reports something legal but likely unintended: it is shown to the author and never blocks a save.</summary>
        public void Warn(string path, string code, string message) =>
            context.AddFailure(new ValidationFailure(path, message) { ErrorCode = code, Severity = Severity.Warning });
    }
}
