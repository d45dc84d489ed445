using System.Globalization;
using System.Text;
using LowCode.Rules.Facts;

namespace LowCode.Rules.Model;

/// <summary>Renders rules as readable text (for error messages, logs and docs), one line per element.</summary>
public sealed class RuleModelPrinter : RuleModelVisitor
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Prints a whole rule set.</summary>
    public static string Print(RuleSetDefinition ruleSet)
    {
        var printer = new RuleModelPrinter();
        ruleSet.Accept(printer);
        return printer._text.ToString();
    }

    /// <summary>Prints one rule.</summary>
    public static string Print(RuleDefinition rule)
    {
        var printer = new RuleModelPrinter();
        rule.Accept(printer);
        return printer._text.ToString();
    }

    /// <summary>Prints one action on one line.</summary>
    public static string Print(ActionElement action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var printer = new RuleModelPrinter();
        action.Accept(printer);
        return printer._text.ToString().TrimEnd('\n');
    }

    /// <summary>Prints one condition on one line.</summary>
    public static string Print(ConditionElement condition) => condition switch
    {
        FieldCondition field => FormatField(field),
        ExpressionCondition expression => $"expr({expression.Expression})",
        AnyCondition any => "any(" + string.Join(" | ", any.Conditions.Select(Print)) + ")",
        AllCondition all => "all(" + string.Join(" & ", all.Conditions.Select(Print)) + ")",
        _ => condition.ToString() ?? string.Empty,
    };

    /// <summary>Prints one operand.</summary>
    public static string Print(Operand? operand) => operand switch
    {
        null => string.Empty,
        ConstantOperand constant => FactValue.ToJson(FactValue.Normalize(constant.Value)),
        ReferenceOperand reference => reference.Path.Length == 0 ? reference.Variable : $"{reference.Variable}.{reference.Path}",
        ExpressionOperand expression => $"expr({expression.Expression})",
        _ => operand.ToString() ?? string.Empty,
    };

    public override void VisitRuleSet(RuleSetDefinition ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        Line($"ruleset {ruleSet.Name} v{ruleSet.Version.ToString(CultureInfo.InvariantCulture)}");
        _indent++;
        base.VisitRuleSet(ruleSet);
        _indent--;
    }

    public override void VisitRule(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var group = rule.ExclusiveGroup is null ? string.Empty : $" exclusive({rule.ExclusiveGroup})";
        var agendaGroup = rule.AgendaGroup is null ? string.Empty : $" agenda-group({rule.AgendaGroup})";
        var tags = rule.Tags is not { Count: > 0 } ? string.Empty : $" tags({string.Join(", ", rule.Tags)})";
        Line($"rule \"{rule.Name}\" salience {rule.Salience.ToString(CultureInfo.InvariantCulture)}{group}{agendaGroup}{tags}");
        _indent++;
        Line("when");
        _indent++;
        foreach (var element in rule.Conditions)
        {
            element.Accept(this);
        }

        _indent--;
        if (rule.Filters is { Count: > 0 })
        {
            Line("filter");
            _indent++;
            foreach (var filter in rule.Filters)
            {
                filter.Accept(this);
            }

            _indent--;
        }

        Line("then");
        _indent++;
        foreach (var action in rule.Actions)
        {
            action.Accept(this);
        }

        _indent -= 2;
    }

    public override void VisitPattern(PatternElement pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Line(FormatPattern(pattern));
    }

    public override void VisitNot(NotElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Line("not " + FormatPattern(element.Pattern));
    }

    public override void VisitExists(ExistsElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Line("exists " + FormatPattern(element.Pattern));
    }

    public override void VisitAggregate(AggregateElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var path = element.Path is null ? string.Empty : $"({element.Path})";
        var filter = element.ResultConditions.Count == 0
            ? string.Empty
            : " where " + string.Join(", ", element.ResultConditions.Select(Print));
        Line($"{element.Variable} = {element.Kind.ToString().ToLowerInvariant()}{path} of {FormatPattern(element.Source)}{filter}");
    }

    public override void VisitInsert(InsertAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Line($"insert {action.FactType} {FormatArguments(action.Fields)}");
    }

    public override void VisitSet(SetAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Line($"set {action.Variable}.{action.Path} = {Print(action.Value)}");
    }

    public override void VisitRetract(RetractAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Line($"retract {action.Variable}");
    }

    public override void VisitEmit(EmitAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Line($"emit {action.Name} {FormatArguments(action.Arguments)}");
    }

    public override void VisitDelegate(DelegateAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Line($"call {action.Description}");
    }

    public override void VisitHalt(HaltAction action) => Line("halt");

    public override void VisitFocus(FocusAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Line($"focus {action.Group}");
    }

    public override void VisitPredicateFilter(PredicateFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Line($"where {filter.Name}");
    }

    public override void VisitExpressionFilter(ExpressionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Line($"where expr({filter.Expression})");
    }

    public override void VisitChangeFilter(ChangeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Line($"on change of {string.Join(", ", filter.Keys.Select(Print))}");
    }

    private static string FormatPattern(PatternElement pattern)
    {
        var binding = pattern.Variable is null ? string.Empty : pattern.Variable + ": ";
        var conditions = string.Join(", ", pattern.Conditions.Select(Print));
        return $"{binding}{pattern.FactType}({conditions})";
    }

    private static string FormatField(FieldCondition field) => ConditionOperators.OperandCount(field.Operator) switch
    {
        0 => $"{field.Path} {ConditionOperators.ToSymbol(field.Operator)}",
        2 => $"{field.Path} between {Print(field.Value)} and {Print(field.UpperValue)}",
        _ => $"{field.Path} {ConditionOperators.ToSymbol(field.Operator)} {Print(field.Value)}",
    };

    private static string FormatArguments(IReadOnlyDictionary<string, Operand> arguments) =>
        "{" + string.Join(", ", arguments.Select(pair => $"{pair.Key}: {Print(pair.Value)}")) + "}";

    private void Line(string text) => _text.Append(' ', _indent * 2).Append(text).Append('\n');
}
