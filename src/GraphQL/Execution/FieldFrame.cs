using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>What completing a field needs from where it was resolved; the ResolveContext exists only when a resolver ran.</summary>
internal readonly record struct FieldFrame(ObjectType ParentType, object? Source, ResolveContext? Context);
