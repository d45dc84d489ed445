using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Types;

/// <summary>Names the object type of a value returned for an interface or union field (spec ResolveAbstractType).</summary>
public delegate string? TypeResolver(object value, ResolveContext context);
