namespace LowCode.Rules.Model;

/// <summary>
/// Walks the rule model. Every method visits the children by default, so a subclass overrides only what it
/// cares about (the compiler's validator and <see cref="RuleModelPrinter"/> are examples).
/// </summary>
public abstract class RuleModelVisitor
{
    public virtual void VisitRuleSet(RuleSetDefinition ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        foreach (var rule in ruleSet.Rules)
        {
            rule.Accept(this);
        }
    }

    public virtual void VisitRule(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        foreach (var element in rule.Conditions)
        {
            element.Accept(this);
        }

        foreach (var filter in rule.Filters)
        {
            filter.Accept(this);
        }

        foreach (var action in rule.Actions)
        {
            action.Accept(this);
        }
    }

    public virtual void VisitPattern(PatternElement pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        foreach (var condition in pattern.Conditions)
        {
            condition.Accept(this);
        }
    }

    public virtual void VisitNot(NotElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Pattern.Accept(this);
    }

    public virtual void VisitExists(ExistsElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Pattern.Accept(this);
    }

    public virtual void VisitAggregate(AggregateElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Source.Accept(this);
        foreach (var condition in element.ResultConditions)
        {
            condition.Accept(this);
        }
    }

    public virtual void VisitFieldCondition(FieldCondition condition)
    {
    }

    public virtual void VisitExpressionCondition(ExpressionCondition condition)
    {
    }

    public virtual void VisitAnyCondition(AnyCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        foreach (var inner in condition.Conditions)
        {
            inner.Accept(this);
        }
    }

    public virtual void VisitAllCondition(AllCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        foreach (var inner in condition.Conditions)
        {
            inner.Accept(this);
        }
    }

    public virtual void VisitInsert(InsertAction action)
    {
    }

    public virtual void VisitSet(SetAction action)
    {
    }

    public virtual void VisitRetract(RetractAction action)
    {
    }

    public virtual void VisitEmit(EmitAction action)
    {
    }

    public virtual void VisitDelegate(DelegateAction action)
    {
    }

    public virtual void VisitHalt(HaltAction action)
    {
    }

    public virtual void VisitFocus(FocusAction action)
    {
    }

    public virtual void VisitPredicateFilter(PredicateFilter filter)
    {
    }

    public virtual void VisitExpressionFilter(ExpressionFilter filter)
    {
    }

    public virtual void VisitChangeFilter(ChangeFilter filter)
    {
    }
}
