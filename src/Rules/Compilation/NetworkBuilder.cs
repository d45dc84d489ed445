using LowCode.Rules.Errors;
using LowCode.Rules.Facts;
using LowCode.Rules.Model;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Compilation;

/// <summary>
/// Builds the Rete network rule by rule: each pattern's single-fact conditions become a chain of alpha nodes
/// (shared with any rule that has the same chain), the rest become the tests of one beta node per element.
/// </summary>
internal sealed class NetworkBuilder(RuleCompilerOptions options)
{
    private readonly Dictionary<string, TypeNode> _typeNodes = new(StringComparer.Ordinal);
    private readonly List<CompiledRule> _rules = [];
    private readonly List<RightInputNode> _firstNodes = [];
    private readonly List<AlphaMemoryNode> _alphaMemories = [];
    private readonly List<AlphaNode> _alphaNodes = [];
    private readonly ErrorSink _errors = new();
    private readonly Dictionary<string, int> _agendaGroups = new(StringComparer.Ordinal) { [AgendaGroups.Main] = 0 };
    private int _betaCount;
    private int _alphaNodeCount;

    public IReadOnlyList<RuleCompilationError> Errors => _errors.Errors;

    public ReteNetwork Build(RuleSetDefinition ruleSet)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (ruleSet.Rules is null)
        {
            _errors.Add("rules", "The rule set has no rule list.");
            return Finish();
        }

        // Groups are numbered first so that focus actions may name a group whose rules come later.
        foreach (var rule in ruleSet.Rules)
        {
            if (rule?.AgendaGroup is { } group && !string.IsNullOrWhiteSpace(group))
            {
                _agendaGroups.TryAdd(group, _agendaGroups.Count);
            }
        }

        for (var i = 0; i < ruleSet.Rules.Count; i++)
        {
            var rule = ruleSet.Rules[i];
            _errors.Rule = rule?.Name ?? string.Empty;
            _errors.RuleIndex = i;
            if (rule is null)
            {
                _errors.Add(string.Empty, "The rule is missing.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                _errors.Add("name", "Every rule needs a name; traces and decisions refer to it.");
            }
            else if (!names.Add(rule.Name))
            {
                _errors.Add("name", $"Another rule is already named '{rule.Name}'; rule names must be unique.");
            }

            CompileRule(rule, i);
        }

        return Finish();
    }

    private ReteNetwork Finish()
    {
        // Deepest successors first: a fact that joins with itself must meet its own partial match exactly once.
        foreach (var memory in _alphaMemories)
        {
            var ordered = memory.Successors.OrderByDescending(node => node.Depth).ToList();
            memory.Successors.Clear();
            memory.Successors.AddRange(ordered);
            memory.StoresFacts = ordered.Exists(node => !node.IsIndexed && !node.IsFirst);
            memory.TracksMembers = memory.StoresFacts || ordered.Exists(node => !(node is JoinNode && node.IsFirst));
        }

        foreach (var typeNode in _typeNodes.Values)
        {
            typeNode.Dispatch = AlphaDispatch.Build(typeNode.Children);
        }

        foreach (var alphaNode in _alphaNodes)
        {
            alphaNode.Dispatch = AlphaDispatch.Build(alphaNode.Children);
        }

        var groups = new string[_agendaGroups.Count];
        foreach (var (name, index) in _agendaGroups)
        {
            groups[index] = name;
        }

        return new ReteNetwork(_typeNodes, _alphaMemories.Count, _betaCount, _rules, _firstNodes, _alphaNodeCount, groups);
    }

    private void CompileRule(RuleDefinition definition, int order)
    {
        var elements = definition.Conditions ?? [];
        if (elements.Count == 0)
        {
            _errors.Add("conditions", "A rule needs at least one condition element (a pattern, not, exists or an aggregate).");
            return;
        }

        var slotNames = new string?[elements.Count];
        var isPattern = new bool[elements.Count];
        var visible = new Dictionary<string, int>(StringComparer.Ordinal);
        var rule = new CompiledRule(definition, order, slotNames);
        BetaNode? previous = null;
        for (var k = 0; k < elements.Count; k++)
        {
            var location = $"conditions[{k}]";
            var node = elements[k] switch
            {
                PatternElement pattern => CompilePattern(pattern, k, rule, visible, location),
                NotElement not => CompileQuantifier(not.Pattern, k, rule, visible, location, exists: false),
                ExistsElement exists => CompileQuantifier(exists.Pattern, k, rule, visible, location, exists: true),
                AggregateElement aggregate => CompileAggregate(aggregate, k, rule, visible, location),
                _ => Fail(location, "The condition element is missing or of an unknown kind."),
            };

            if (elements[k] is PatternElement { Variable: { } variable })
            {
                slotNames[k] = variable;
                visible[variable] = k;
                isPattern[k] = true;
            }
            else if (elements[k] is AggregateElement { Variable: { } result })
            {
                slotNames[k] = result;
                visible[result] = k;
            }

            if (node is null)
            {
                continue;
            }

            if (previous is null)
            {
                _firstNodes.Add(node);
            }
            else
            {
                previous.Child = node;
            }

            previous = node;
        }

        if (previous is not null)
        {
            previous.Child = new TerminalNode(_betaCount++, elements.Count, rule);
        }

        var actionScope = new CompilationScope((string?[])slotNames.Clone(), visible, hasCandidate: false, options.ExpressionEvaluator);
        rule.Actions = ActionCompiler.Compile(definition.Actions ?? [], actionScope, isPattern, _agendaGroups, _errors);
        rule.Filters = FilterCompiler.Compile(definition.Filters ?? [], actionScope, _errors);
        rule.HasChangeFilter = Array.Exists(rule.Filters, filter => filter.IsChangeFilter);
        CompileAgendaAttributes(definition, rule);
        _rules.Add(rule);
    }

    private void CompileAgendaAttributes(RuleDefinition definition, CompiledRule rule)
    {
        if (definition.AgendaGroup is { } group)
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                _errors.Add("agendaGroup", $"The agenda group name is blank; name a group, or leave it unset for the main group ('{AgendaGroups.Main}').");
            }
            else
            {
                rule.AgendaGroup = _agendaGroups[group];
            }
        }

        var tags = definition.Tags ?? [];
        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]))
            {
                _errors.Add($"tags[{i}]", "A tag is blank; remove it or give it a name such as 'audit'.");
            }
        }
    }

    private RightInputNode? Fail(string location, string message)
    {
        _errors.Add(location, message);
        return null;
    }

    private RightInputNode? CompilePattern(
        PatternElement pattern, int k, CompiledRule rule, Dictionary<string, int> visible, string location)
    {
        if (string.IsNullOrWhiteSpace(pattern.Variable))
        {
            return Fail($"{location}.variable", "A pattern needs a variable to bind its fact to, e.g. 'order'.");
        }

        if (visible.ContainsKey(pattern.Variable))
        {
            return Fail($"{location}.variable", $"The variable '{pattern.Variable}' is already bound by an earlier element; choose another name.");
        }

        var input = CompileInput(pattern, k, rule.Name, visible, rule.SlotNames, location);
        if (input is null)
        {
            return null;
        }

        var node = new JoinNode(_betaCount++, k, rule, input.Value.Memory, input.Value.Join);
        input.Value.Memory.Successors.Add(node);
        return node;
    }

    private RightInputNode? CompileQuantifier(
        PatternElement? pattern, int k, CompiledRule rule, Dictionary<string, int> visible, string location, bool exists)
    {
        if (pattern is null)
        {
            return Fail($"{location}.pattern", $"'{(exists ? "exists" : "not")}' needs a pattern: a fact type and its conditions.");
        }

        if (pattern.Variable is not null && visible.ContainsKey(pattern.Variable))
        {
            return Fail($"{location}.variable", $"The variable '{pattern.Variable}' is already bound by an earlier element; choose another name.");
        }

        var input = CompileInput(pattern, k, rule.Name, visible, rule.SlotNames, location);
        if (input is null)
        {
            return null;
        }

        RightInputNode node = exists
            ? new ExistsNode(_betaCount++, k, rule, input.Value.Memory, input.Value.Join)
            : new NotNode(_betaCount++, k, rule, input.Value.Memory, input.Value.Join);
        input.Value.Memory.Successors.Add(node);
        return node;
    }

    private RightInputNode? CompileAggregate(
        AggregateElement aggregate, int k, CompiledRule rule, Dictionary<string, int> visible, string location)
    {
        if (string.IsNullOrWhiteSpace(aggregate.Variable))
        {
            return Fail($"{location}.variable", "An aggregate needs a variable to bind its result to, e.g. 'total'.");
        }

        if (visible.ContainsKey(aggregate.Variable))
        {
            return Fail($"{location}.variable", $"The variable '{aggregate.Variable}' is already bound by an earlier element; choose another name.");
        }

        if (aggregate.Source is null)
        {
            return Fail($"{location}.source", "An aggregate needs a source pattern: the facts to aggregate.");
        }

        FieldPath? path = null;
        if (aggregate.Kind is AggregateKind.Sum or AggregateKind.Min or AggregateKind.Max)
        {
            if (string.IsNullOrEmpty(aggregate.Path) || !FieldPath.TryParse(aggregate.Path, out path, out _))
            {
                return Fail($"{location}.path", $"A {aggregate.Kind.ToString().ToLowerInvariant()} aggregate needs the path of the value to aggregate, e.g. 'amount'.");
            }
        }

        var input = CompileInput(aggregate.Source, k, rule.Name, visible, rule.SlotNames, $"{location}.source");
        var resultScope = new CompilationScope(SlotsWithOwn(rule.SlotNames, k, aggregate.Variable), visible, hasCandidate: true, options.ExpressionEvaluator);
        var results = new List<CompiledCondition>();
        var conditions = aggregate.ResultConditions ?? [];
        for (var i = 0; i < conditions.Count; i++)
        {
            var compiled = ConditionCompiler.Compile(conditions[i], resultScope, _errors, $"{location}.resultConditions[{i}]", options.RegexTimeout);
            if (compiled is not null)
            {
                results.Add(compiled);
            }
        }

        if (input is null)
        {
            return null;
        }

        var node = new AggregateNode(
            _betaCount++,
            k,
            rule,
            input.Value.Memory,
            input.Value.Join,
            aggregate.Kind,
            path,
            Combine(results),
            string.Join(", ", results.Select(r => r.Description)));
        input.Value.Memory.Successors.Add(node);
        return node;
    }

    /// <summary>Splits a pattern's conditions into its alpha chain and its join (index key plus tests).</summary>
    private (AlphaMemoryNode Memory, JoinSpec Join)? CompileInput(
        PatternElement pattern, int k, string ruleName, Dictionary<string, int> visible, string?[] slotNames, string location)
    {
        if (string.IsNullOrWhiteSpace(pattern.FactType))
        {
            _errors.Add($"{location}.factType", "A pattern needs the fact type it matches, e.g. 'Order'.");
            return null;
        }

        var scope = new CompilationScope(SlotsWithOwn(slotNames, k, pattern.Variable), visible, hasCandidate: true, options.ExpressionEvaluator);
        var alpha = new List<CompiledCondition>();
        var beta = new List<CompiledCondition>();
        Func<Token, object>? leftKey = null;
        Func<Fact, object>? rightKey = null;
        var joinText = string.Empty;
        var conditions = pattern.Conditions ?? [];
        var errorsBefore = _errors.Errors.Count;
        for (var i = 0; i < conditions.Count; i++)
        {
            var conditionLocation = $"{location}.conditions[{i}]";
            if (leftKey is null
                && conditions[i] is FieldCondition { Operator: ConditionOperator.Equal, Value: ReferenceOperand reference } equality
                && FieldPath.TryParse(equality.Path, out var ownPath, out _))
            {
                var key = OperandCompiler.CompileJoinKey(reference, scope, _errors, conditionLocation);
                if (key is not null)
                {
                    leftKey = key;
                    rightKey = fact => Facts.ValueSemantics.IndexKey(ownPath.Resolve(fact));
                    joinText = RuleModelPrinter.Print(equality);
                    continue;
                }
            }

            var compiled = ConditionCompiler.Compile(conditions[i], scope, _errors, conditionLocation, options.RegexTimeout);
            if (compiled is not null)
            {
                (compiled.IsAlpha ? alpha : beta).Add(compiled);
            }
        }

        if (_errors.Errors.Count > errorsBefore)
        {
            return null;
        }

        // Structured conditions have no side effects, so their order is free: equality tests on literals go first,
        // where rules most often share them (e.g. region == "EU" before amount > 500).
        var ordered = alpha.Where(c => c.IsConstantEquality).Concat(alpha.Where(c => !c.IsConstantEquality)).ToList();
        var memory = AlphaChain(pattern.FactType, ordered, ruleName);
        var description = string.Join(", ", beta.Select(c => c.Description).Prepend(joinText).Where(t => t.Length > 0));
        return (memory, new JoinSpec(leftKey, rightKey, Combine(beta), description));
    }

    private AlphaMemoryNode AlphaChain(string factType, List<CompiledCondition> conditions, string ruleName)
    {
        if (!_typeNodes.TryGetValue(factType, out var typeNode))
        {
            typeNode = new TypeNode(factType);
            _typeNodes.Add(factType, typeNode);
        }

        if (conditions.Count == 0)
        {
            return typeNode.Memory ??= NewMemory();
        }

        var children = typeNode.Children;
        AlphaNode? node = null;
        foreach (var condition in conditions)
        {
            node = children.Find(child => child.Signature == condition.Signature);
            if (node is null)
            {
                node = new AlphaNode(condition.Signature, condition.Description, condition.Test)
                {
                    EqualityPath = condition.EqualityPath,
                    EqualityKey = condition.EqualityKey,
                };
                children.Add(node);
                _alphaNodes.Add(node);
                _alphaNodeCount++;
            }

            if (!node.RuleNames.Contains(ruleName))
            {
                node.RuleNames.Add(ruleName);
            }

            children = node.Children;
        }

        return node!.Memory ??= NewMemory();
    }

    private AlphaMemoryNode NewMemory()
    {
        var memory = new AlphaMemoryNode(_alphaMemories.Count);
        _alphaMemories.Add(memory);
        return memory;
    }

    private static string?[] SlotsWithOwn(string?[] slotNames, int k, string? own)
    {
        var names = new string?[k + 1];
        Array.Copy(slotNames, names, k);
        names[k] = own;
        return names;
    }

    private static Func<Token?, Fact, bool>? Combine(List<CompiledCondition> conditions)
    {
        switch (conditions.Count)
        {
            case 0:
                return null;
            case 1:
                return conditions[0].Test;
            default:
                var tests = conditions.Select(c => c.Test).ToArray();
                return (token, fact) =>
                {
                    foreach (var test in tests)
                    {
                        if (!test(token, fact))
                        {
                            return false;
                        }
                    }

                    return true;
                };
        }
    }
}
