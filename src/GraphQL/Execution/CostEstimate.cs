using LowCode.GraphQL.Language.Ast;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// An operation's estimated cost, the response path of its most expensive field with that field's share of the
/// cost, and whether a list size was read from a variable.
/// </summary>
internal sealed record CostEstimate(long Cost, IReadOnlyList<object?> Path, FieldNode? Field, long FieldCost, bool ReadVariables);
