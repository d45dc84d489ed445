using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation;

/// <summary>What a rule may ask while the document is walked: schema, document, types in scope, fragments, variable usages.</summary>
public sealed class ValidationContext
{
    private readonly TypeInfo _typeInfo;
    private readonly List<GraphQLError> _errors;
    private readonly int _maxErrors;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _spreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, List<FragmentDefinitionNode>> _recursiveFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, List<VariableUsage>> _usages = new(ReferenceEqualityComparer.Instance);

    internal ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, List<GraphQLError> errors, int maxErrors)
    {
        Schema = schema;
        Document = document;
        _typeInfo = typeInfo;
        _errors = errors;
        _maxErrors = maxErrors;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                _fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }
    }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>The output type at the current position (a field's type, a fragment's type condition).</summary>
    public GraphQLType? Type => _typeInfo.Type;

    /// <summary>The composite type whose selection set is being walked.</summary>
    public NamedType? ParentType => _typeInfo.ParentType;

    public FieldDefinition? FieldDefinition => _typeInfo.FieldDefinition;

    /// <summary>The input type expected for the current value.</summary>
    public GraphQLType? InputType => _typeInfo.InputType;

    /// <summary>The input type of the value enclosing the current one.</summary>
    public GraphQLType? ParentInputType => _typeInfo.ParentInputType;

    public DirectiveDefinition? Directive => _typeInfo.Directive;

    public InputValue? Argument => _typeInfo.Argument;

    public void ReportError(string message, params SyntaxNode[] nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
            throw new ValidationAbortedException(null);
        }

        _errors.Add(new GraphQLError(message, nodes.Length == 0 ? null : Execution.ErrorFactory.Locations(nodes)));
    }

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>Fragment spreads in a selection set, inline fragments included, nested fields not entered twice.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (_spreads.TryGetValue(node, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var stack = new Stack<SelectionSetNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            foreach (var selection in stack.Pop().Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } set }:
                        stack.Push(set);
                        break;
                    case InlineFragmentNode inline:
                        stack.Push(inline.SelectionSet);
                        break;
                    default:
                        break;
                }
            }
        }

        _spreads[node] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation reaches through spreads, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_recursiveFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var toVisit = new Stack<SelectionSetNode>();
        toVisit.Push(operation.SelectionSet);
        while (toVisit.Count > 0)
        {
            foreach (var spread in GetFragmentSpreads(toVisit.Pop()))
            {
                var name = spread.Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    toVisit.Push(fragment.SelectionSet);
                }
            }
        }

        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>Variables used in an operation or fragment (not in its variable definitions), with expected types.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (_usages.TryGetValue(node, out var cached))
        {
            return cached;
        }

        var usages = new List<VariableUsage>();
        var typeInfo = new TypeInfo(Schema);
        var insideDefinitions = 0;
        var walker = new DocumentWalker(
            typeInfo,
            entered =>
            {
                if (entered is VariableDefinitionNode)
                {
                    insideDefinitions++;
                }
                else if (entered is VariableNode variable && insideDefinitions == 0)
                {
                    usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.ParentInputType));
                }
            },
            left =>
            {
                if (left is VariableDefinitionNode)
                {
                    insideDefinitions--;
                }
            });
        walker.Walk(node);
        _usages[node] = usages;
        return usages;
    }

    /// <summary>Variable usages of an operation and of every fragment it reaches.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        return usages;
    }
}
