namespace LowCode.Engine.Metadata;

/// <summary>What every definition body has: a stable key and a human name.</summary>
public interface IDefinition
{
    /// <summary>Lower-case identifier, unique per kind (e.g. <c>expense-claim</c>).</summary>
    string Key { get; }

    string Name { get; }

    DefinitionKind Kind { get; }
}
