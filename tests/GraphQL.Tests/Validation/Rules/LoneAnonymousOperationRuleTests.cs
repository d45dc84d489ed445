using LowCode.GraphQL.Validation.Rules;

namespace LowCode.GraphQL.Tests.Validation.Rules;

public sealed class LoneAnonymousOperationRuleTests
{
    [Fact]
    public void SingleAnonymous_IsValid() =>
        RuleAssert.Valid<LoneAnonymousOperationRule>("{ hero { name } }");

    [Fact]
    public void AnonymousWithAnother_IsReportedAtItsLocation() =>
        RuleAssert.Invalid<LoneAnonymousOperationRule>(
            "{ hero { name } }\nquery B { hero { id } }",
            ("This anonymous operation must be the only defined operation.", [(1, 1)]));
}
