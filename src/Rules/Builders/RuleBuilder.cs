using LowCode.Rules.Model;
using LowCode.Rules.Runtime;

namespace LowCode.Rules.Builders;

/// <summary>
/// Builds a <see cref="RuleDefinition"/> fluently: elements in order (<see cref="Match"/>, <see cref="Not"/>,
/// <see cref="Exists"/>, aggregates), then actions. See docs/rules.md for a worked example.
/// </summary>
public sealed class RuleBuilder(string name)
{
    private readonly List<RuleElement> _conditions = [];
    private readonly List<ActionElement> _actions = [];
    private readonly List<FilterElement> _filters = [];
    private readonly List<string> _tags = [];
    private string? _agendaGroup;
    private int _salience;
    private string? _exclusiveGroup;
    private string? _description;

    public RuleBuilder Salience(int salience)
    {
        _salience = salience;
        return this;
    }

    /// <summary>Puts the rule in an exclusive group: only the first of the group's activations to fire fires.</summary>
    public RuleBuilder Exclusive(string group)
    {
        _exclusiveGroup = group;
        return this;
    }

    /// <summary>Puts the rule in an agenda group: its activations fire only while the group has the focus.</summary>
    public RuleBuilder AgendaGroup(string group)
    {
        _agendaGroup = group;
        return this;
    }

    /// <summary>Adds tags (labels that agenda filters such as <see cref="AgendaFilters.WithTags"/> select on).</summary>
    public RuleBuilder Tags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags.AddRange(tags);
        return this;
    }

    /// <summary>Adds an agenda filter of host code: an activation goes on the agenda only when it returns true.</summary>
    public RuleBuilder Filter(string name, Func<AgendaActivation, bool> predicate)
    {
        _filters.Add(new PredicateFilter(name, predicate));
        return this;
    }

    /// <summary>Adds an agenda filter written as an expression over the rule's variables (must return a boolean).</summary>
    public RuleBuilder FilterWhere(string expression)
    {
        _filters.Add(new ExpressionFilter(expression));
        return this;
    }

    /// <summary>
    /// Fires again for the same facts only when a key changed since the rule last fired for them (NRules'
    /// <c>OnChange</c>). Keys are references such as <c>order.status</c>, or <see cref="Operand"/>s.
    /// </summary>
    public RuleBuilder OnChange(params object[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _filters.Add(new ChangeFilter([.. keys.Select(key => key as Operand ?? Operand.Ref(key as string ?? throw new ArgumentException(
            $"A change key must be a reference such as 'order.status' or an Operand, not {key?.GetType().Name ?? "null"}.", nameof(keys))))]));
        return this;
    }

    /// <summary>Adds a filter built elsewhere.</summary>
    public RuleBuilder Add(FilterElement filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _filters.Add(filter);
        return this;
    }

    public RuleBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Matches a fact of <paramref name="factType"/> and binds it to <paramref name="variable"/>.</summary>
    public RuleBuilder Match(string variable, string factType, Action<ConditionsBuilder>? conditions = null)
    {
        _conditions.Add(Pattern(variable, factType, conditions));
        return this;
    }

    /// <summary>Holds while no fact of <paramref name="factType"/> meets the conditions.</summary>
    public RuleBuilder Not(string factType, Action<ConditionsBuilder>? conditions = null, string? variable = null)
    {
        _conditions.Add(new NotElement(Pattern(variable, factType, conditions)));
        return this;
    }

    /// <summary>Holds while at least one fact of <paramref name="factType"/> meets the conditions.</summary>
    public RuleBuilder Exists(string factType, Action<ConditionsBuilder>? conditions = null, string? variable = null)
    {
        _conditions.Add(new ExistsElement(Pattern(variable, factType, conditions)));
        return this;
    }

    /// <summary>
    /// Binds <paramref name="variable"/> to an aggregate over the facts of <paramref name="factType"/> meeting
    /// <paramref name="source"/>; <paramref name="result"/> filters on the result's <c>value</c> and <c>count</c>.
    /// </summary>
    public RuleBuilder Aggregate(
        string variable,
        AggregateKind kind,
        string factType,
        string? path = null,
        Action<ConditionsBuilder>? source = null,
        Action<ConditionsBuilder>? result = null,
        string? sourceVariable = null)
    {
        var resultConditions = new ConditionsBuilder();
        result?.Invoke(resultConditions);
        _conditions.Add(new AggregateElement(variable, kind, Pattern(sourceVariable, factType, source), path, resultConditions.Build()));
        return this;
    }

    /// <summary>Adds an element built elsewhere.</summary>
    public RuleBuilder Add(RuleElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _conditions.Add(element);
        return this;
    }

    /// <summary>Emits a named output; argument values that are not <see cref="Operand"/>s are literals.</summary>
    public RuleBuilder Emit(string outputName, params (string Name, object? Value)[] arguments)
    {
        _actions.Add(new EmitAction(outputName, ToOperands(arguments)));
        return this;
    }

    /// <summary>Inserts a new fact (forward chaining).</summary>
    public RuleBuilder Insert(string factType, params (string Name, object? Value)[] fields)
    {
        _actions.Add(new InsertAction(factType, ToOperands(fields)));
        return this;
    }

    /// <summary>Sets a field of a bound fact and updates it.</summary>
    public RuleBuilder Set(string variable, string path, object? value)
    {
        _actions.Add(new SetAction(variable, path, ConditionsBuilder.ToOperand(value)));
        return this;
    }

    public RuleBuilder Retract(string variable)
    {
        _actions.Add(new RetractAction(variable));
        return this;
    }

    /// <summary>Runs host code when the rule fires.</summary>
    public RuleBuilder Do(string description, Action<IActionContext> body)
    {
        _actions.Add(new DelegateAction(description, body));
        return this;
    }

    /// <summary>Gives an agenda group the focus when the rule fires.</summary>
    public RuleBuilder Focus(string group)
    {
        _actions.Add(new FocusAction(group));
        return this;
    }

    public RuleBuilder Halt()
    {
        _actions.Add(new HaltAction());
        return this;
    }

    /// <summary>Adds an action built elsewhere.</summary>
    public RuleBuilder Add(ActionElement action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Add(action);
        return this;
    }

    public RuleDefinition Build() => new(name, _salience, [.. _conditions], [.. _actions])
    {
        ExclusiveGroup = _exclusiveGroup,
        AgendaGroup = _agendaGroup,
        Tags = [.. _tags],
        Filters = [.. _filters],
        Description = _description,
    };

    private static PatternElement Pattern(string? variable, string factType, Action<ConditionsBuilder>? conditions)
    {
        var builder = new ConditionsBuilder();
        conditions?.Invoke(builder);
        return new PatternElement(variable, factType, builder.Build());
    }

    private static Dictionary<string, Operand> ToOperands((string Name, object? Value)[] pairs)
    {
        var operands = new Dictionary<string, Operand>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            operands[key] = ConditionsBuilder.ToOperand(value);
        }

        return operands;
    }
}
