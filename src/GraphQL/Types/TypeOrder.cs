namespace LowCode.GraphQL.Types;

/// <summary>
/// Orders a schema's types the way graphql-js fills its type map (defined types, then everything reachable from the
/// roots, directive arguments and __Schema), so SDL printing and introspection list types in the same order.
/// </summary>
internal static class TypeOrder
{
    public static IReadOnlyList<NamedType> Compute(
        IReadOnlyList<NamedType> defined,
        ObjectType? query,
        ObjectType? mutation,
        ObjectType? subscription,
        IReadOnlyList<DirectiveDefinition> directives,
        NamedType schemaType)
    {
        var order = new List<NamedType>(defined.Distinct());
        var seen = new HashSet<NamedType>(order);
        foreach (var type in defined.Distinct().ToList())
        {
            order.Remove(type);
            seen.Remove(type);
            Collect(type, order, seen);
        }

        foreach (var root in new[] { query, mutation, subscription })
        {
            if (root is not null)
            {
                Collect(root, order, seen);
            }
        }

        foreach (var argument in directives.SelectMany(d => d.Arguments))
        {
            Collect(argument.Type, order, seen);
        }

        Collect(schemaType, order, seen);
        return order;
    }

    private static void Collect(GraphQLType type, List<NamedType> order, HashSet<NamedType> seen)
    {
        var named = type.Named;
        if (!seen.Add(named))
        {
            return;
        }

        order.Add(named);
        switch (named)
        {
            case UnionType union:
                foreach (var member in union.Types)
                {
                    Collect(member, order, seen);
                }

                break;
            case ComplexType complex:
                foreach (var iface in complex.Interfaces)
                {
                    Collect(iface, order, seen);
                }

                foreach (var field in complex.Fields)
                {
                    Collect(field.Type, order, seen);
                    foreach (var argument in field.Arguments)
                    {
                        Collect(argument.Type, order, seen);
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields)
                {
                    Collect(field.Type, order, seen);
                }

                break;
            default:
                break;
        }
    }
}
