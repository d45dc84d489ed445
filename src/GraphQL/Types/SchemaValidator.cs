using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Types;

/// <summary>
/// The type-system rules of spec §3 ("Type Validation" of each type kind), checked once when a schema is built,
/// with graphql-js's messages.
/// </summary>
internal static class SchemaValidator
{
    public static List<GraphQLError> Validate(Schema schema)
    {
        var errors = new List<GraphQLError>();
        void Report(string message, SyntaxNode? node) => errors.Add(new GraphQLError(
            message,
            node is null ? null : [new SourceLocation(node.Location.Line, node.Location.Column)]));

        foreach (var directive in schema.Directives.Where(d => !d.IsBuiltIn))
        {
            CheckName(directive.Name, directive.Definition?.Name, Report);
            foreach (var argument in directive.Arguments)
            {
                CheckName(argument.Name, argument.Definition?.Name, Report);
                if (!argument.Type.IsInputType)
                {
                    Report($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", argument.Definition?.Type);
                }

                if (argument.Type is NonNullType && argument.DeprecationReason is not null && !argument.HasDefaultValue)
                {
                    Report($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.", argument.Definition);
                }
            }
        }

        foreach (var type in schema.Types.Where(t => !t.IsBuiltIn))
        {
            CheckName(type.Name, type.Definition?.Name, Report);
            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex, Report);
                    ValidateInterfaces(schema, complex, Report);
                    break;
                case UnionType union:
                    if (union.Types.Count == 0)
                    {
                        Report($"Union type {union.Name} must define one or more member types.", union.Definition);
                    }

                    foreach (var duplicate in union.Types.GroupBy(t => t).Where(g => g.Count() > 1))
                    {
                        Report($"Union type {union.Name} can only include type {duplicate.Key.Name} once.", union.Definition);
                    }

                    break;
                case EnumType enumType:
                    if (enumType.Values.Count == 0)
                    {
                        Report($"Enum type {enumType.Name} must define one or more values.", enumType.Definition);
                    }

                    foreach (var value in enumType.Values)
                    {
                        CheckName(value.Name, value.Definition?.Name, Report);
                    }

                    break;
                case InputObjectType input:
                    ValidateInputObject(input, Report);
                    break;
                default:
                    break;
            }
        }

        ValidateInputCycles(schema, Report);
        return errors;
    }

    private static void CheckName(string name, SyntaxNode? node, Action<string, SyntaxNode?> report)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
        }
    }

    private static void ValidateFields(ComplexType type, Action<string, SyntaxNode?> report)
    {
        if (type.Fields.Count == 0)
        {
            report($"Type {type.Name} must define one or more fields.", type.Definition);
        }

        foreach (var field in type.Fields)
        {
            CheckName(field.Name, field.Definition?.Name, report);
            if (!field.Type.IsOutputType)
            {
                report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.Definition?.Type);
            }

            foreach (var argument in field.Arguments)
            {
                CheckName(argument.Name, argument.Definition?.Name, report);
                if (!argument.Type.IsInputType)
                {
                    report($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", argument.Definition?.Type);
                }

                if (argument.Type is NonNullType && argument.DeprecationReason is not null && !argument.HasDefaultValue)
                {
                    report($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.", argument.Definition);
                }
            }
        }
    }

    private static void ValidateInterfaces(Schema schema, ComplexType type, Action<string, SyntaxNode?> report)
    {
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                report($"Type {type.Name} cannot implement itself because it would create a circular reference.", type.Definition);
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    report(
                        ReferenceEquals(transitive, type)
                            ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                            : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                        type.Definition);
                }
            }

            foreach (var ifaceField in iface.Fields)
            {
                var field = type.GetField(ifaceField.Name);
                if (field is null)
                {
                    report($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.", type.Definition);
                    continue;
                }

                if (!schema.IsTypeSubTypeOf(field.Type, ifaceField.Type))
                {
                    report(
                        $"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.",
                        field.Definition?.Type);
                }

                foreach (var ifaceArgument in ifaceField.Arguments)
                {
                    var argument = field.GetArgument(ifaceArgument.Name);
                    if (argument is null)
                    {
                        report(
                            $"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expected but {type.Name}.{field.Name} does not provide it.",
                            field.Definition);
                        continue;
                    }

                    if (!GraphQLType.AreEqual(argument.Type, ifaceArgument.Type))
                    {
                        report(
                            $"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expects type {ifaceArgument.Type} but {type.Name}.{field.Name}({argument.Name}:) is type {argument.Type}.",
                            argument.Definition?.Type);
                    }
                }

                foreach (var argument in field.Arguments)
                {
                    if (argument.Type is NonNullType && !argument.HasDefaultValue && ifaceField.GetArgument(argument.Name) is null)
                    {
                        report(
                            $"Object field {type.Name}.{field.Name} includes required argument {argument.Name} that is missing from the Interface field {iface.Name}.{ifaceField.Name}.",
                            argument.Definition);
                    }
                }
            }
        }
    }

    private static void ValidateInputObject(InputObjectType input, Action<string, SyntaxNode?> report)
    {
        if (input.Fields.Count == 0)
        {
            report($"Input Object type {input.Name} must define one or more fields.", input.Definition);
        }

        foreach (var field in input.Fields)
        {
            CheckName(field.Name, field.Definition?.Name, report);
            if (!field.Type.IsInputType)
            {
                report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.Definition?.Type);
            }

            if (field.Type is NonNullType && field.DeprecationReason is not null && !field.HasDefaultValue)
            {
                report($"Required input field {input.Name}.{field.Name} cannot be deprecated.", field.Definition);
            }

            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    report($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.Definition?.Type);
                }

                if (field.HasDefaultValue)
                {
                    report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.Definition);
                }
            }
        }
    }

    private static void ValidateInputCycles(Schema schema, Action<string, SyntaxNode?> report)
    {
        var visited = new HashSet<InputObjectType>();
        foreach (var input in schema.Types.OfType<InputObjectType>())
        {
            var path = new List<InputValue>();
            var onPath = new Dictionary<InputObjectType, int>();
            Detect(input);

            void Detect(InputObjectType type)
            {
                if (!visited.Add(type))
                {
                    return;
                }

                onPath[type] = path.Count;
                foreach (var field in type.Fields)
                {
                    if (field.Type is not NonNullType { OfType: InputObjectType target })
                    {
                        continue;
                    }

                    path.Add(field);
                    if (!onPath.TryGetValue(target, out var index))
                    {
                        Detect(target);
                    }
                    else
                    {
                        var cycle = path.Skip(index).Select(f => f.Name);
                        report(
                            $"Cannot reference Input Object \"{target.Name}\" within itself through a series of non-null fields: \"{string.Join('.', cycle)}\".",
                            field.Definition);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                onPath.Remove(type);
            }
        }
    }
}
