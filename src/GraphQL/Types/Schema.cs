using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Types;

/// <summary>
/// A built, validated schema (spec §3.3). Immutable and thread-safe once <see cref="SchemaBuilder.Build"/> returns it.
/// </summary>
public sealed partial class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, ObjectType[]> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, ComplexType[]> _implementations = [];

    internal Schema(
        ObjectType query,
        ObjectType? mutation,
        ObjectType? subscription,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        string? description)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Types = types;
        Directives = directives;
        Description = description;
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _directives = directives.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            switch (type)
            {
                case UnionType union:
                    _possibleTypes[union] = [.. union.Types];
                    break;
                case InterfaceType iface:
                    _possibleTypes[iface] = [.. types.OfType<ObjectType>().Where(o => Implements(o, iface))];
                    _implementations[iface] = [.. types.OfType<ComplexType>().Where(o => o.Interfaces.Contains(iface))];
                    break;
                default:
                    break;
            }
        }
    }

    public ObjectType Query { get; }

    /// <summary>The __schema meta field of spec §4.1 (answered by the query root only).</summary>
    internal FieldDefinition SchemaMetaField { get; init; } = null!;

    /// <summary>The __type(name:) meta field of spec §4.1.</summary>
    internal FieldDefinition TypeMetaField { get; init; } = null!;

    /// <summary>The __typename meta field of spec §4.1 (answered by every object, interface and union).</summary>
    internal FieldDefinition TypeNameMetaField { get; init; } = null!;

    public ObjectType? Mutation { get; }

    public ObjectType? Subscription { get; }

    public string? Description { get; }

    /// <summary>All named types, built-in and introspection types included, in graphql-js type-map order.</summary>
    public IReadOnlyList<NamedType> Types { get; }

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationKind kind) => kind switch
    {
        OperationKind.Query => Query,
        OperationKind.Mutation => Mutation,
        _ => Subscription,
    };

    /// <summary>The object types a value of an abstract type may have at runtime.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) =>
        abstractType switch
        {
            ObjectType o => [o],
            _ => _possibleTypes.GetValueOrDefault(abstractType) ?? [],
        };

    /// <summary>Objects and interfaces that declare they implement <paramref name="type"/>.</summary>
    public IReadOnlyList<ComplexType> GetImplementations(InterfaceType type) =>
        _implementations.GetValueOrDefault(type) ?? [];

    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) =>
        abstractType switch
        {
            ObjectType o => ReferenceEquals(o, objectType),
            _ => _possibleTypes.TryGetValue(abstractType, out var possible) && Array.IndexOf(possible, objectType) >= 0,
        };

    /// <summary>Spec IsSubType for abstract types: an object or interface that is a possible type of <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) =>
        maybeSubType switch
        {
            ObjectType o => IsPossibleType(abstractType, o),
            InterfaceType i when abstractType is InterfaceType a => i.Interfaces.Contains(a),
            _ => false,
        };

    /// <summary>Spec IsTypeSubTypeOf (covariant output types).</summary>
    public bool IsTypeSubTypeOf(GraphQLType maybeSubType, GraphQLType superType)
    {
        ArgumentNullException.ThrowIfNull(maybeSubType);
        ArgumentNullException.ThrowIfNull(superType);
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType is InterfaceType or UnionType
            && maybeSubType is ObjectType or InterfaceType
            && IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>The schema as SDL, laid out like graphql-js printSchema.</summary>
    public string Print() => SchemaPrinter.Print(this);

    /// <summary>Creates the executor for this schema (document cache, limits, pipeline).</summary>
    public IRequestExecutor CreateExecutor(ExecutorOptions? options = null) => new RequestExecutor(this, options ?? new ExecutorOptions());

    private static bool Implements(ComplexType type, InterfaceType iface) => type.Interfaces.Contains(iface);
}
