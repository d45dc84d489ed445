using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Introspection;

/// <summary>
/// The introspection system of spec §4: the __ types (declared in SDL below, built like any other types) and
/// the resolvers that read them from the type-system objects of a built <see cref="Schema"/>.
/// </summary>
internal static class IntrospectionSchema
{
    public const string Sdl = """
        "The whole schema: its types, directives and root operation types."
        type __Schema {
          description: String
          "Every named type of the schema."
          types: [__Type!]!
          "The type that query operations start from."
          queryType: __Type!
          "The type that mutation operations start from, if the schema has mutations."
          mutationType: __Type
          "The type that subscription operations start from, if the schema has subscriptions."
          subscriptionType: __Type
          "Every directive the schema accepts."
          directives: [__Directive!]!
        }

        "Any type of the schema, or a list or non-null wrapper of one; which fields are set depends on `kind`."
        type __Type {
          kind: __TypeKind!
          name: String
          description: String
          specifiedByURL: String
          fields(includeDeprecated: Boolean = false): [__Field!]
          interfaces: [__Type!]
          possibleTypes: [__Type!]
          enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
          inputFields(includeDeprecated: Boolean = false): [__InputValue!]
          ofType: __Type
          isOneOf: Boolean
        }

        "The kinds of type `__Type` can describe."
        enum __TypeKind {
          "A leaf value such as Int or String."
          SCALAR
          "An object with fields; may implement interfaces."
          OBJECT
          "A set of fields that object types implement."
          INTERFACE
          "One of several object types."
          UNION
          "One of a fixed set of values."
          ENUM
          "A structured argument value."
          INPUT_OBJECT
          "A list of another type (see `ofType`)."
          LIST
          "A non-null wrapper of another type (see `ofType`)."
          NON_NULL
        }

        "A field of an object or interface type."
        type __Field {
          name: String!
          description: String
          args(includeDeprecated: Boolean = false): [__InputValue!]!
          type: __Type!
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "An argument or input field, with its default value printed as GraphQL."
        type __InputValue {
          name: String!
          description: String
          type: __Type!
          "The default value printed in GraphQL syntax, if there is one."
          defaultValue: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "One value of an enum type."
        type __EnumValue {
          name: String!
          description: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "A directive the schema accepts, with where it may appear."
        type __Directive {
          name: String!
          description: String
          isRepeatable: Boolean!
          locations: [__DirectiveLocation!]!
          args(includeDeprecated: Boolean = false): [__InputValue!]!
        }

        "The places in documents and schemas where a directive may appear."
        enum __DirectiveLocation {
          QUERY
          MUTATION
          SUBSCRIPTION
          FIELD
          FRAGMENT_DEFINITION
          FRAGMENT_SPREAD
          INLINE_FRAGMENT
          VARIABLE_DEFINITION
          SCHEMA
          SCALAR
          OBJECT
          FIELD_DEFINITION
          ARGUMENT_DEFINITION
          INTERFACE
          UNION
          ENUM
          ENUM_VALUE
          INPUT_OBJECT
          INPUT_FIELD_DEFINITION
          DIRECTIVE_DEFINITION
        }
        """;

    /// <summary>Binds the resolvers of the introspection types and returns the three meta fields of spec §4.</summary>
    public static void Bind(IReadOnlyDictionary<string, NamedType> types)
    {
        var kinds = (EnumType)types["__TypeKind"];
        foreach (var value in kinds.Values)
        {
            value.Value = Enum.Parse<TypeKind>(value.Name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
        }

        Set(types, "__Schema", "description", c => ((Schema)c.Parent!).Description);
        Set(types, "__Schema", "types", c => ((Schema)c.Parent!).Types);
        Set(types, "__Schema", "queryType", c => ((Schema)c.Parent!).Query);
        Set(types, "__Schema", "mutationType", c => ((Schema)c.Parent!).Mutation);
        Set(types, "__Schema", "subscriptionType", c => ((Schema)c.Parent!).Subscription);
        Set(types, "__Schema", "directives", c => ((Schema)c.Parent!).Directives);

        Set(types, "__Type", "kind", c => c.Parent switch
        {
            ListType => TypeKind.List,
            NonNullType => TypeKind.NonNull,
            NamedType n => n.Kind,
            _ => null,
        });
        Set(types, "__Type", "name", c => (c.Parent as NamedType)?.Name);
        Set(types, "__Type", "description", c => (c.Parent as NamedType)?.Description);
        Set(types, "__Type", "specifiedByURL", c => (c.Parent as ScalarType)?.SpecifiedByUrl);
        Set(types, "__Type", "fields", c => c.Parent is ComplexType t
            ? t.Fields.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToList()
            : null);
        Set(types, "__Type", "interfaces", c => (c.Parent as ComplexType)?.Interfaces);
        Set(types, "__Type", "possibleTypes", c => c.Parent is InterfaceType or UnionType ? c.Schema.GetPossibleTypes((NamedType)c.Parent) : null);
        Set(types, "__Type", "enumValues", c => c.Parent is EnumType e
            ? e.Values.Where(v => IncludeDeprecated(c) || v.DeprecationReason is null).ToList()
            : null);
        Set(types, "__Type", "inputFields", c => c.Parent is InputObjectType i
            ? i.Fields.Where(f => IncludeDeprecated(c) || f.DeprecationReason is null).ToList()
            : null);
        Set(types, "__Type", "ofType", c => c.Parent switch
        {
            ListType l => l.OfType,
            NonNullType n => n.OfType,
            _ => null,
        });
        Set(types, "__Type", "isOneOf", c => c.Parent is InputObjectType i ? i.IsOneOf : null);

        Set(types, "__Field", "name", c => ((FieldDefinition)c.Parent!).Name);
        Set(types, "__Field", "description", c => ((FieldDefinition)c.Parent!).Description);
        Set(types, "__Field", "args", c => ((FieldDefinition)c.Parent!).Arguments
            .Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToList());
        Set(types, "__Field", "type", c => ((FieldDefinition)c.Parent!).Type);
        Set(types, "__Field", "isDeprecated", c => ((FieldDefinition)c.Parent!).DeprecationReason is not null);
        Set(types, "__Field", "deprecationReason", c => ((FieldDefinition)c.Parent!).DeprecationReason);

        Set(types, "__InputValue", "name", c => ((InputValue)c.Parent!).Name);
        Set(types, "__InputValue", "description", c => ((InputValue)c.Parent!).Description);
        Set(types, "__InputValue", "type", c => ((InputValue)c.Parent!).Type);
        Set(types, "__InputValue", "defaultValue", c => c.Parent is InputValue { HasDefaultValue: true } input
            ? ValuePrinter.Print(input.DefaultValue, input.Type) ?? Printer.Print(input.DefaultValueLiteral!)
            : null);
        Set(types, "__InputValue", "isDeprecated", c => ((InputValue)c.Parent!).DeprecationReason is not null);
        Set(types, "__InputValue", "deprecationReason", c => ((InputValue)c.Parent!).DeprecationReason);

        Set(types, "__EnumValue", "name", c => ((EnumValueDefinition)c.Parent!).Name);
        Set(types, "__EnumValue", "description", c => ((EnumValueDefinition)c.Parent!).Description);
        Set(types, "__EnumValue", "isDeprecated", c => ((EnumValueDefinition)c.Parent!).DeprecationReason is not null);
        Set(types, "__EnumValue", "deprecationReason", c => ((EnumValueDefinition)c.Parent!).DeprecationReason);

        Set(types, "__Directive", "name", c => ((DirectiveDefinition)c.Parent!).Name);
        Set(types, "__Directive", "description", c => ((DirectiveDefinition)c.Parent!).Description);
        Set(types, "__Directive", "isRepeatable", c => ((DirectiveDefinition)c.Parent!).IsRepeatable);
        Set(types, "__Directive", "locations", c => ((DirectiveDefinition)c.Parent!).Locations);
        Set(types, "__Directive", "args", c => ((DirectiveDefinition)c.Parent!).Arguments
            .Where(a => IncludeDeprecated(c) || a.DeprecationReason is null).ToList());
    }

    /// <summary>The meta fields __schema, __type and __typename (spec §4.1), which every query root answers.</summary>
    public static (FieldDefinition Schema, FieldDefinition Type, FieldDefinition TypeName) CreateMetaFields(IReadOnlyDictionary<string, NamedType> types)
    {
        var schemaField = new FieldDefinition("__schema", new NonNullType(types["__Schema"]))
        {
            Description = "Access the current type schema of this server.",
            Resolver = c => new ValueTask<object?>(c.Schema),
        };
        var typeField = new FieldDefinition("__type", types["__Type"])
        {
            Description = "Request the type information of a single type.",
            Resolver = c => new ValueTask<object?>(c.Schema.GetType((string)c.Arguments["name"]!)),
        };
        typeField.AddArgument(new InputValue("name", new NonNullType(Types.Scalars.BuiltInScalars.String)));
        var typeNameField = new FieldDefinition("__typename", new NonNullType(Types.Scalars.BuiltInScalars.String))
        {
            Description = "The name of the current Object type at runtime.",
            Resolver = c => new ValueTask<object?>(c.ParentType.Name),
        };
        return (schemaField, typeField, typeNameField);
    }

    private static bool IncludeDeprecated(ResolveContext context) => context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    private static void Set(IReadOnlyDictionary<string, NamedType> types, string type, string field, Func<ResolveContext, object?> resolve) =>
        ((ComplexType)types[type]).GetField(field)!.Resolver = context => new ValueTask<object?>(resolve(context));
}
