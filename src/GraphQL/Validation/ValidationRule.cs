using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Validation;

/// <summary>
/// One validation rule of spec §5. A new instance checks each document: the walker calls the Enter/Leave methods
/// in document order while <see cref="Context"/> tracks the types in scope (graphql-js TypeInfo).
/// </summary>
public abstract class ValidationRule
{
    private bool _skipRequested;

    /// <summary>The document, the schema and the types at the walker's position.</summary>
    protected ValidationContext Context { get; private set; } = null!;

    internal void Attach(ValidationContext context) => Context = context;

    /// <summary>Tells the walker not to visit the children of the node being entered (for this rule only).</summary>
    protected void SkipChildren() => _skipRequested = true;

    internal bool TakeSkipRequest()
    {
        var requested = _skipRequested;
        _skipRequested = false;
        return requested;
    }

    protected void Report(string message, params SyntaxNode[] nodes) => Context.ReportError(message, nodes);

    public virtual void EnterDocument(DocumentNode node)
    {
    }

    public virtual void LeaveDocument(DocumentNode node)
    {
    }

    /// <summary>Any top-level definition, executable or not.</summary>
    public virtual void EnterDefinition(DefinitionNode node)
    {
    }

    public virtual void EnterOperation(OperationDefinitionNode node)
    {
    }

    public virtual void LeaveOperation(OperationDefinitionNode node)
    {
    }

    public virtual void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    public virtual void LeaveFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    public virtual void EnterVariableDefinition(VariableDefinitionNode node)
    {
    }

    public virtual void LeaveVariableDefinition(VariableDefinitionNode node)
    {
    }

    public virtual void EnterSelectionSet(SelectionSetNode node)
    {
    }

    public virtual void LeaveSelectionSet(SelectionSetNode node)
    {
    }

    public virtual void EnterField(FieldNode node)
    {
    }

    public virtual void LeaveField(FieldNode node)
    {
    }

    public virtual void EnterFragmentSpread(FragmentSpreadNode node)
    {
    }

    public virtual void LeaveFragmentSpread(FragmentSpreadNode node)
    {
    }

    public virtual void EnterInlineFragment(InlineFragmentNode node)
    {
    }

    public virtual void LeaveInlineFragment(InlineFragmentNode node)
    {
    }

    public virtual void EnterDirective(DirectiveNode node)
    {
    }

    public virtual void LeaveDirective(DirectiveNode node)
    {
    }

    public virtual void EnterArgument(ArgumentNode node)
    {
    }

    public virtual void LeaveArgument(ArgumentNode node)
    {
    }

    /// <summary>Every value node: variables, literals, lists and input objects.</summary>
    public virtual void EnterValue(ValueNode node)
    {
    }

    public virtual void LeaveValue(ValueNode node)
    {
    }

    public virtual void EnterObjectField(ObjectFieldNode node)
    {
    }

    public virtual void LeaveObjectField(ObjectFieldNode node)
    {
    }

    public virtual void EnterNamedType(NamedTypeNode node)
    {
    }
}
