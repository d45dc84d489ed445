namespace LowCode.Api.GraphQL;

/// <summary>Where an expression lives, which decides how <c>evaluateExpression</c> lays out its data (see the SDL).</summary>
internal enum ExpressionPlace
{
    FormField,
    TableRow,
    RuleCondition,
    RuleAction,
    StepSet,
}
