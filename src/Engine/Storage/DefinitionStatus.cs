namespace LowCode.Engine.Storage;

/// <summary>Lifecycle of a definition version: draft → published (immutable, numbered) → retired.</summary>
public enum DefinitionStatus
{
    Draft,
    Published,
    Retired,
}
