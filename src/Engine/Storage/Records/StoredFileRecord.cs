namespace LowCode.Engine.Storage.Records;

/// <summary>
/// An uploaded file's metadata. It belongs to the task it was uploaded for (and so to that task's instance); a form's
/// file field holds its <see cref="Id"/>. The bytes are in <see cref="StoredFileContentRecord"/> or, when a directory
/// is configured, in a file named by the id.
/// </summary>
public sealed class StoredFileRecord
{
    public required string Id { get; set; }

    public required string TaskId { get; set; }

    public required string InstanceId { get; set; }

    /// <summary>The form field it was uploaded for, as a dotted key path (<c>beneficialOwners.identityDocument</c>).</summary>
    public required string FieldPath { get; set; }

    public required string Name { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary><c>database</c> or <c>directory</c>: where the bytes were written.</summary>
    public required string Storage { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }
}
