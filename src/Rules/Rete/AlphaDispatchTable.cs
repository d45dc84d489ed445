using LowCode.Rules.Facts;

namespace LowCode.Rules.Rete;

/// <summary>Alpha nodes testing the same path for equality with different literals, keyed by the literal.</summary>
internal sealed record AlphaDispatchTable(FieldPath Path, Dictionary<object, AlphaNode> Nodes);
