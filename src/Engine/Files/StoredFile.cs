namespace LowCode.Engine.Files;

/// <summary>An upload as callers see it. A form's file field holds its <see cref="Id"/>.</summary>
public sealed record StoredFile(
    string Id,
    string TaskId,
    string InstanceId,
    string FieldPath,
    string Name,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt);
