using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Introspection;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types.Scalars;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Builds and validates the schema; throws <see cref="SchemaBuildException"/> listing every problem.</summary>
    public Schema Build()
    {
        var state = new BuildState();
        foreach (var sdl in _sdl)
        {
            var parsed = Parser.Parse(sdl);
            if (parsed.Error is not null)
            {
                state.Errors.Add(parsed.Error with { Message = parsed.Error.Message + "\n" + parsed.Excerpt });
                continue;
            }

            foreach (var definition in parsed.Document!.Definitions)
            {
                if (definition is ExecutableDefinitionNode)
                {
                    state.Error("Executable definitions are not allowed in a schema; move operations and fragments to the client.", definition);
                    continue;
                }

                state.UserDefinitions.Add((TypeSystemDefinitionNode)definition);
            }
        }

        if (state.Errors.Count > 0)
        {
            throw new SchemaBuildException(state.Errors);
        }

        CreateTypes(state, state.UserDefinitions, builtIn: false);
        foreach (var scalar in _scalars.Values)
        {
            if (!state.Types.ContainsKey(scalar.Name))
            {
                state.AddType(scalar);
            }
        }

        var builtInDefinitions = ParseBuiltIn(BuiltInDirectives.Sdl).Concat(ParseBuiltIn(IntrospectionSchema.Sdl)).ToList();
        CreateTypes(state, builtInDefinitions, builtIn: true);
        FillTypes(state, state.UserDefinitions.Concat(builtInDefinitions));
        var (query, mutation, subscription, description) = FindRootTypes(state);
        BindResolvers(state);
        ApplyRootGuard(query, mutation, subscription);
        ApplyCosts(state);
        IntrospectionSchema.Bind(state.Types);
        ComputeDefaultValues(state);
        if (state.Errors.Count > 0)
        {
            throw new SchemaBuildException(state.Errors);
        }

        var directives = state.Directives.Values.Where(d => !d.IsBuiltIn)
            .Concat(state.Directives.Values.Where(d => d.IsBuiltIn))
            .ToList();
        var ordered = TypeOrder.Compute(state.DefinedOrder, query, mutation, subscription, directives, state.Types["__Schema"]);
        foreach (var type in ordered.OfType<EnumType>())
        {
            type.Freeze();
        }

        var meta = IntrospectionSchema.CreateMetaFields(state.Types);
        var schema = new Schema(query!, mutation, subscription, ordered, directives, description)
        {
            SchemaMetaField = meta.Schema,
            TypeMetaField = meta.Type,
            TypeNameMetaField = meta.TypeName,
        };
        var problems = SchemaValidator.Validate(schema);
        return problems.Count > 0 ? throw new SchemaBuildException(problems) : schema;
    }

    private static IEnumerable<TypeSystemDefinitionNode> ParseBuiltIn(string sdl) =>
        Parser.Parse(sdl).Document!.Definitions.Cast<TypeSystemDefinitionNode>();

    private void CreateTypes(BuildState state, IEnumerable<TypeSystemDefinitionNode> definitions, bool builtIn)
    {
        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode { IsExtension: false } node:
                    if (state.Types.TryGetValue(node.Name.Value, out var existing))
                    {
                        if (existing is ScalarType { IsBuiltIn: true } && node is ScalarTypeDefinitionNode && !builtIn)
                        {
                            state.DefinedOrder.Add(existing);
                            continue;
                        }

                        state.Error($"There can be only one type named \"{node.Name.Value}\".", existing.Definition?.Name, node.Name);
                        continue;
                    }

                    NamedType type = node switch
                    {
                        ScalarTypeDefinitionNode => _scalars.GetValueOrDefault(node.Name.Value)
                            ?? (ScalarType?)BuiltInScalars.All.FirstOrDefault(s => s.Name == node.Name.Value)
                            ?? new PassThroughScalar(node.Name.Value),
                        ObjectTypeDefinitionNode => new ObjectType(node.Name.Value),
                        InterfaceTypeDefinitionNode => new InterfaceType(node.Name.Value),
                        UnionTypeDefinitionNode => new UnionType(node.Name.Value),
                        EnumTypeDefinitionNode => new EnumType(node.Name.Value),
                        _ => new InputObjectType(node.Name.Value),
                    };
                    if (!type.IsBuiltIn || type is not ScalarType)
                    {
                        type.Description = node.Description?.Value ?? type.Description;
                        type.Definition = node;
                        type.IsBuiltIn |= builtIn;
                    }

                    state.AddType(type);
                    if (!builtIn)
                    {
                        state.DefinedOrder.Add(type);
                    }

                    break;
                case DirectiveDefinitionNode node:
                    if (state.Directives.TryGetValue(node.Name.Value, out var directive))
                    {
                        if (builtIn)
                        {
                            continue;
                        }

                        state.Error($"There can be only one directive named \"@{node.Name.Value}\".", directive.Definition?.Name, node.Name);
                        continue;
                    }

                    state.Directives.Add(node.Name.Value, new DirectiveDefinition(node.Name.Value)
                    {
                        Description = node.Description?.Value,
                        IsRepeatable = node.Repeatable,
                        Locations = node.Locations.Select(l => l.Value).ToList(),
                        IsBuiltIn = builtIn,
                        Definition = node,
                    });
                    break;
                default:
                    break;
            }
        }
    }

    private static void FillTypes(BuildState state, IEnumerable<TypeSystemDefinitionNode> definitions)
    {
        foreach (var definition in definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode node:
                    if (!state.Types.TryGetValue(node.Name.Value, out var type))
                    {
                        state.Error($"Cannot extend type \"{node.Name.Value}\" because it is not defined.{Suggestions.DidYouMean(Suggestions.List(node.Name.Value, state.Types.Keys))}", node.Name);
                        continue;
                    }

                    if (node.IsExtension && !ExtensionMatches(node, type))
                    {
                        state.Error($"Cannot extend non-{KindWord(node)} type \"{node.Name.Value}\".", node.Name);
                        continue;
                    }

                    if (type.IsBuiltIn && type is ScalarType && state.Types[type.Name].Definition != node)
                    {
                        continue;
                    }

                    FillType(state, type, node);
                    break;
                case DirectiveDefinitionNode node:
                    var directive = state.Directives[node.Name.Value];
                    if (directive.Definition != node)
                    {
                        continue;
                    }

                    foreach (var argument in node.Arguments)
                    {
                        if (!directive.AddArgument(BuildInputValue(state, argument)))
                        {
                            state.Error($"Argument \"@{node.Name.Value}({argument.Name.Value}:)\" can only be defined once.", argument.Name);
                        }
                    }

                    break;
                case SchemaDefinitionNode or SchemaExtensionNode:
                    state.SchemaNodes.Add(definition);
                    break;
                default:
                    break;
            }
        }
    }

    private static bool ExtensionMatches(TypeDefinitionNode node, NamedType type) => (node, type) switch
    {
        (ScalarTypeDefinitionNode, ScalarType) => true,
        (ObjectTypeDefinitionNode, ObjectType) => true,
        (InterfaceTypeDefinitionNode, InterfaceType) => true,
        (UnionTypeDefinitionNode, UnionType) => true,
        (EnumTypeDefinitionNode, EnumType) => true,
        (InputObjectTypeDefinitionNode, InputObjectType) => true,
        _ => false,
    };

    private static string KindWord(TypeDefinitionNode node) => node switch
    {
        ScalarTypeDefinitionNode => "scalar",
        ObjectTypeDefinitionNode => "object",
        InterfaceTypeDefinitionNode => "interface",
        UnionTypeDefinitionNode => "union",
        EnumTypeDefinitionNode => "enum",
        _ => "input object",
    };

    private static void FillType(BuildState state, NamedType type, TypeDefinitionNode node)
    {
        switch (node)
        {
            case ScalarTypeDefinitionNode when type is ScalarType scalar:
                var url = DirectiveArgument(node.Directives, "specifiedBy", "url");
                if (url is not null)
                {
                    scalar.SpecifiedByUrl = url;
                }

                break;
            case ObjectTypeDefinitionNode o:
                FillComplex(state, (ComplexType)type, o.Interfaces, o.Fields);
                break;
            case InterfaceTypeDefinitionNode i:
                FillComplex(state, (ComplexType)type, i.Interfaces, i.Fields);
                break;
            case UnionTypeDefinitionNode u:
                foreach (var member in u.Types)
                {
                    var resolved = state.ResolveNamed(member);
                    if (resolved is ObjectType objectType)
                    {
                        ((UnionType)type).AddType(objectType);
                    }
                    else if (resolved is not null)
                    {
                        state.Error($"Union type {type.Name} can only include Object types, it cannot include {resolved.Name}.", member);
                    }
                }

                break;
            case EnumTypeDefinitionNode e:
                foreach (var value in e.Values)
                {
                    var definition = new EnumValueDefinition(value.Name.Value)
                    {
                        Description = value.Description?.Value,
                        DeprecationReason = Deprecation(value.Directives),
                        Definition = value,
                    };
                    if (!((EnumType)type).AddValue(definition))
                    {
                        state.Error($"Enum value \"{type.Name}.{value.Name.Value}\" can only be defined once.", value.Name);
                    }
                }

                break;
            case InputObjectTypeDefinitionNode input:
                var inputType = (InputObjectType)type;
                inputType.IsOneOf |= input.Directives.Any(d => d.Name.Value == "oneOf");
                foreach (var field in input.Fields)
                {
                    if (!inputType.AddField(BuildInputValue(state, field)))
                    {
                        state.Error($"Field \"{type.Name}.{field.Name.Value}\" can only be defined once.", field.Name);
                    }
                }

                break;
            default:
                break;
        }
    }

    private static void FillComplex(BuildState state, ComplexType type, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (var reference in interfaces)
        {
            var resolved = state.ResolveNamed(reference);
            if (resolved is InterfaceType iface)
            {
                if (type.Interfaces.Contains(iface))
                {
                    state.Error($"Type {type.Name} can only implement {iface.Name} once.", reference);
                    continue;
                }

                type.AddInterface(iface);
            }
            else if (resolved is not null)
            {
                state.Error($"Type {type.Name} must only implement Interface types, it cannot implement {resolved.Name}.", reference);
            }
        }

        foreach (var fieldNode in fields)
        {
            var field = new FieldDefinition(fieldNode.Name.Value, state.Resolve(fieldNode.Type))
            {
                Description = fieldNode.Description?.Value,
                DeprecationReason = Deprecation(fieldNode.Directives),
                Definition = fieldNode,
            };
            foreach (var argument in fieldNode.Arguments)
            {
                if (!field.AddArgument(BuildInputValue(state, argument)))
                {
                    state.Error($"Argument \"{type.Name}.{fieldNode.Name.Value}({argument.Name.Value}:)\" can only be defined once.", argument.Name);
                }
            }

            if (!type.AddField(field))
            {
                state.Error($"Field \"{type.Name}.{fieldNode.Name.Value}\" can only be defined once.", fieldNode.Name);
            }
        }
    }

    private static InputValue BuildInputValue(BuildState state, InputValueDefinitionNode node) =>
        new(node.Name.Value, state.Resolve(node.Type))
        {
            Description = node.Description?.Value,
            DefaultValueLiteral = node.DefaultValue,
            DeprecationReason = Deprecation(node.Directives),
            Definition = node,
        };

    private static string? Deprecation(IReadOnlyList<DirectiveNode> directives)
    {
        if (!directives.Any(d => d.Name.Value == "deprecated"))
        {
            return null;
        }

        return DirectiveArgument(directives, "deprecated", "reason") ?? "No longer supported";
    }

    private static string? DirectiveArgument(IReadOnlyList<DirectiveNode> directives, string directive, string argument) =>
        directives.FirstOrDefault(d => d.Name.Value == directive)?.Arguments
            .FirstOrDefault(a => a.Name.Value == argument)?.Value is StringValueNode s ? s.Value : null;

    private static (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription, string? Description) FindRootTypes(BuildState state)
    {
        ObjectType? query = null, mutation = null, subscription = null;
        string? description = null;
        var definitions = state.SchemaNodes.OfType<SchemaDefinitionNode>().ToList();
        if (definitions.Count > 1)
        {
            state.Error("Must provide only one schema definition.", definitions[1]);
        }

        var operationTypes = state.SchemaNodes.SelectMany(n => n switch
        {
            SchemaDefinitionNode d => d.OperationTypes,
            SchemaExtensionNode e => e.OperationTypes,
            _ => [],
        }).ToList();
        if (definitions.Count == 0 && operationTypes.Count == 0)
        {
            query = state.Types.GetValueOrDefault("Query") as ObjectType;
            mutation = state.Types.GetValueOrDefault("Mutation") as ObjectType;
            subscription = state.Types.GetValueOrDefault("Subscription") as ObjectType;
        }

        description = definitions.FirstOrDefault()?.Description?.Value;
        var seen = new HashSet<OperationKind>();
        foreach (var operationType in operationTypes)
        {
            if (!seen.Add(operationType.Operation))
            {
                state.Error($"There can be only one {Printer.OperationName(operationType.Operation)} type in schema.", operationType);
                continue;
            }

            var resolved = state.ResolveNamed(operationType.Type);
            if (resolved is null)
            {
                continue;
            }

            if (resolved is not ObjectType objectType)
            {
                var kind = Printer.OperationName(operationType.Operation);
                state.Error($"{char.ToUpperInvariant(kind[0])}{kind[1..]} root type must be Object type, it cannot be {resolved.Name}.", operationType.Type);
                continue;
            }

            switch (operationType.Operation)
            {
                case OperationKind.Query: query = objectType; break;
                case OperationKind.Mutation: mutation = objectType; break;
                default: subscription = objectType; break;
            }
        }

        if (query is null)
        {
            state.Error("Query root type must be provided.");
        }

        return (query, mutation, subscription, description);
    }

    private void BindResolvers(BuildState state)
    {
        foreach (var ((typeName, fieldName), resolver) in _resolvers)
        {
            if (FindField(state, typeName, fieldName, "resolver") is { } field)
            {
                field.Resolver = resolver;
            }
        }

        foreach (var ((typeName, fieldName), subscriber) in _subscribers)
        {
            if (FindField(state, typeName, fieldName, "subscription stream") is { } field)
            {
                field.Subscriber = subscriber;
            }
        }

        foreach (var type in state.Types.Values.OfType<ObjectType>())
        {
            foreach (var field in type.Fields)
            {
                field.Resolver ??= type.Interfaces.Select(i => i.GetField(field.Name)?.Resolver).FirstOrDefault(r => r is not null);
            }
        }

        foreach (var (name, resolver) in _typeResolvers)
        {
            switch (state.Types.GetValueOrDefault(name))
            {
                case InterfaceType i: i.ResolveType = resolver; break;
                case UnionType u: u.ResolveType = resolver; break;
                default: state.Error($"Cannot bind a type resolver to \"{name}\": the schema has no interface or union of that name."); break;
            }
        }

        foreach (var (name, predicate) in _isTypeOf)
        {
            if (state.Types.GetValueOrDefault(name) is ObjectType o)
            {
                o.IsTypeOf = predicate;
            }
            else
            {
                state.Error($"Cannot bind IsTypeOf to \"{name}\": the schema has no object type of that name.");
            }
        }

        foreach (var (name, values) in _enumValues)
        {
            if (state.Types.GetValueOrDefault(name) is not EnumType enumType)
            {
                state.Error($"Cannot bind enum values to \"{name}\": the schema has no enum of that name.");
                continue;
            }

            foreach (var value in enumType.Values)
            {
                if (values.TryGetValue(value.Name, out var clr))
                {
                    value.Value = clr;
                }
                else
                {
                    state.Error($"Cannot bind enum \"{name}\": no CLR value for \"{value.Name}\".");
                }
            }
        }
    }

    private static FieldDefinition? FindField(BuildState state, string typeName, string fieldName, string what)
    {
        if (state.Types.GetValueOrDefault(typeName) is not ComplexType type)
        {
            state.Error($"Cannot bind a {what} to \"{typeName}.{fieldName}\": the schema has no object or interface type \"{typeName}\".{Suggestions.DidYouMean(Suggestions.List(typeName, state.Types.Keys))}");
            return null;
        }

        var field = type.GetField(fieldName);
        if (field is null)
        {
            state.Error($"Cannot bind a {what} to \"{typeName}.{fieldName}\": type \"{typeName}\" has no field \"{fieldName}\".{Suggestions.DidYouMean(Suggestions.List(fieldName, type.Fields.Select(f => f.Name)))}");
        }

        return field;
    }

    private static void ComputeDefaultValues(BuildState state)
    {
        IEnumerable<(string Owner, InputValue Value)> inputs = state.Types.Values.SelectMany(type => type switch
        {
            ComplexType c => c.Fields.SelectMany(f => f.Arguments.Select(a => ($"{c.Name}.{f.Name}({a.Name}:)", a))),
            InputObjectType i => i.Fields.Select(f => ($"{i.Name}.{f.Name}", f)),
            _ => [],
        }).Concat(state.Directives.Values.SelectMany(d => d.Arguments.Select(a => ($"@{d.Name}({a.Name}:)", a))));
        foreach (var (owner, input) in inputs)
        {
            if (input.DefaultValueLiteral is null)
            {
                continue;
            }

            var value = ValueCoercion.ValueFromAst(input.DefaultValueLiteral, input.Type, null);
            if (ReferenceEquals(value, ValueCoercion.Undefined))
            {
                state.Error($"{owner} has invalid default value: {Printer.Print(input.DefaultValueLiteral)}.", input.DefaultValueLiteral);
                continue;
            }

            input.DefaultValue = value;
        }
    }

    /// <summary>Mutable state of one <see cref="Build"/> call.</summary>
    private sealed class BuildState
    {
        public List<GraphQLError> Errors { get; } = [];

        public List<TypeSystemDefinitionNode> UserDefinitions { get; } = [];

        public Dictionary<string, NamedType> Types { get; } = new(StringComparer.Ordinal);

        public List<NamedType> DefinedOrder { get; } = [];

        public Dictionary<string, DirectiveDefinition> Directives { get; } = new(StringComparer.Ordinal);

        public List<TypeSystemDefinitionNode> SchemaNodes { get; } = [];

        public void AddType(NamedType type) => Types[type.Name] = type;

        public void Error(string message, params SyntaxNode?[] nodes) =>
            Errors.Add(new GraphQLError(
                message,
                nodes.Where(n => n is not null).Select(n => new SourceLocation(n!.Location.Line, n.Location.Column)).ToList() is { Count: > 0 } l ? l : null));

        public NamedType? ResolveNamed(NamedTypeNode node)
        {
            var name = node.Name.Value;
            if (Types.TryGetValue(name, out var type))
            {
                return type;
            }

            var builtIn = BuiltInScalars.All.FirstOrDefault(s => s.Name == name);
            if (builtIn is not null)
            {
                AddType(builtIn);
                return builtIn;
            }

            Error($"Unknown type \"{name}\".{Suggestions.DidYouMean(Suggestions.List(name, Types.Keys.Concat(BuiltInScalars.All.Select(s => s.Name)).Distinct()))}", node);
            return null;
        }

        public GraphQLType Resolve(TypeNode node) => node switch
        {
            NonNullTypeNode n => new NonNullType(Resolve(n.Type)),
            ListTypeNode l => new ListType(Resolve(l.Type)),
            NamedTypeNode named => ResolveNamed(named) ?? BuiltInScalars.String,
            _ => BuiltInScalars.String,
        };
    }
}
