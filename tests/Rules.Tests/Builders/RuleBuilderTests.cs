using LowCode.Rules.Builders;
using LowCode.Rules.Model;

namespace LowCode.Rules.Tests.Builders;

public sealed class RuleBuilderTests
{
    [Fact]
    public void Where_WithUnknownOperatorSymbol_ListsTheValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConditionsBuilder().Where("amount", "=>", 1));

        Assert.Contains("'=>'", error.Message, StringComparison.Ordinal);
        Assert.Contains(">=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_KeepsElementsActionsAndSettingsInOrder()
    {
        var rule = new RuleBuilder("R")
            .Salience(3).Exclusive("route").Description("why")
            .Match("o", "Order", w => w.Where("amount", ConditionOperator.GreaterThan, 5))
            .Not("Hold")
            .Emit("goTo", ("step", "finance"))
            .Build();

        Assert.Equal(3, rule.Salience);
        Assert.Equal("route", rule.ExclusiveGroup);
        Assert.Equal("why", rule.Description);
        Assert.IsType<PatternElement>(rule.Conditions[0]);
        Assert.IsType<NotElement>(rule.Conditions[1]);
        var emit = Assert.IsType<EmitAction>(Assert.Single(rule.Actions));
        Assert.Equal(new ConstantOperand("finance"), emit.Arguments["step"]);
    }

    [Fact]
    public void Where_WithIsEmpty_IgnoresAnyValue()
    {
        var condition = Assert.IsType<FieldCondition>(Assert.Single(new ConditionsBuilder().Where("note", "isEmpty", "ignored").Build()));

        Assert.Null(condition.Value);
    }
}
