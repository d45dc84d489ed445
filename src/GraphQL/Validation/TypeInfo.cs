using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Validation;

/// <summary>
/// Tracks, while walking a document, the output and input types in scope at each node (graphql-js TypeInfo):
/// parent type, field definition, expected input type, default value, argument and directive.
/// </summary>
internal sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _types = [];
    private readonly List<NamedType?> _parentTypes = [];
    private readonly List<FieldDefinition?> _fields = [];
    private readonly List<GraphQLType?> _inputTypes = [];
    private readonly List<bool> _defaults = [];

    public GraphQLType? Type => _types.Count > 0 ? _types[^1] : null;

    public NamedType? ParentType => _parentTypes.Count > 0 ? _parentTypes[^1] : null;

    public FieldDefinition? FieldDefinition => _fields.Count > 0 ? _fields[^1] : null;

    public GraphQLType? InputType => _inputTypes.Count > 0 ? _inputTypes[^1] : null;

    public GraphQLType? ParentInputType => _inputTypes.Count > 1 ? _inputTypes[^2] : null;

    public bool HasDefaultValue => _defaults.Count > 0 && _defaults[^1];

    public DirectiveDefinition? Directive { get; private set; }

    public InputValue? Argument { get; private set; }

    public EnumValueDefinition? EnumValue { get; private set; }

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                _parentTypes.Add(Type?.Named is ComplexType or UnionType ? Type.Named : null);
                break;
            case FieldNode field:
                var parent = ParentType;
                var definition = parent is null ? null : FindField(parent, field.Name.Value);
                _fields.Add(definition);
                _types.Add(definition is not null && definition.Type.IsOutputType ? definition.Type : null);
                break;
            case DirectiveNode directive:
                Directive = schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _types.Add(schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is null ? Type?.Named : schema.GetType(inline.TypeCondition.Name.Value);
                _types.Add(inlineType is not null && inlineType.IsOutputType ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = schema.GetType(fragment.TypeCondition.Name.Value);
                _types.Add(fragmentType is not null && fragmentType.IsOutputType ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = Execution.ValueCoercion.TypeFromAst(schema, variable.Type);
                _inputTypes.Add(variableType is not null && variableType.IsInputType ? variableType : null);
                break;
            case ArgumentNode argument:
                var argumentDefinition = Directive is not null
                    ? Directive.GetArgument(argument.Name.Value)
                    : FieldDefinition?.GetArgument(argument.Name.Value);
                Argument = argumentDefinition;
                _defaults.Add(argumentDefinition?.HasDefaultValue ?? false);
                _inputTypes.Add(argumentDefinition is not null && argumentDefinition.Type.IsInputType ? argumentDefinition.Type : null);
                break;
            case ListValueNode:
                var listType = InputType?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaults.Add(false);
                _inputTypes.Add(itemType is not null && itemType.IsInputType ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                var inputField = (InputType?.Named as InputObjectType)?.GetField(objectField.Name.Value);
                _defaults.Add(inputField?.HasDefaultValue ?? false);
                _inputTypes.Add(inputField is not null && inputField.Type.IsInputType ? inputField.Type : null);
                break;
            case EnumValueNode enumValue:
                EnumValue = (InputType?.Named as EnumType)?.GetValue(enumValue.Value);
                break;
            default:
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypes);
                break;
            case FieldNode:
                Pop(_fields);
                Pop(_types);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_types);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypes);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaults);
                Pop(_inputTypes);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaults);
                Pop(_inputTypes);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
            default:
                break;
        }
    }

    private FieldDefinition? FindField(NamedType parent, string name)
    {
        if (name == "__typename" && parent is ComplexType or UnionType)
        {
            return schema.TypeNameMetaField;
        }

        return parent is ComplexType complex ? Execution.FieldCollector.FindDefinition(schema, complex, name) : null;
    }

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
