using LowCode.Engine.Metadata;

namespace LowCode.Engine.Storage;

/// <summary>One stored version of a definition with its lifecycle metadata. Version 0 is the draft.</summary>
public sealed record DefinitionVersion(
    DefinitionKind Kind,
    string Key,
    int Version,
    DefinitionStatus Status,
    string Name,
    IDefinition Definition,
    string Json,
    string ETag,
    string CreatedBy,
    DateTime CreatedAt,
    string UpdatedBy,
    DateTime UpdatedAt,
    DateTime? PublishedAt,
    DateTime? RetiredAt);
