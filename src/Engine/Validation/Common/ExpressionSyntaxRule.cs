using LowCode.Engine.Metadata;

namespace LowCode.Engine.Validation.Common;

/// <summary>Every expression must parse and use only the JavaScript the sandbox runs; checked at save time.</summary>
internal sealed class ExpressionSyntaxRule : DefinitionRule<IDefinition>
{
    protected override void Check(IDefinition definition, RuleContext context)
    {
        foreach (var (path, source) in ExpressionLocations.Of(definition))
        {
            if (string.IsNullOrWhiteSpace(source))
            {
                context.Report(path, "expression.empty", "The expression is empty. Write one, e.g. 'amount > 500', or remove the property.");
                continue;
            }

            if (context.Expressions is null)
            {
                continue;
            }

            foreach (var error in context.Expressions.Check(source))
            {
                context.Report(path, "expression.syntax", $"Line {error.Line}, column {error.Column} of the expression: {error.Message}");
            }
        }
    }
}
