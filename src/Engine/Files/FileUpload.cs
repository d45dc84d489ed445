namespace LowCode.Engine.Files;

/// <summary>One file sent for a file field of a task's form; <see cref="FieldPath"/> is the field's dotted key path (<c>beneficialOwners.identityDocument</c>).</summary>
public sealed record FileUpload(string TaskId, string FieldPath, string FileName, string? ContentType, Stream Content);
