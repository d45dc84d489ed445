namespace LowCode.Engine.Storage.Records;

/// <summary>The bytes of a file stored in the database (the default), apart from its metadata so listing files never reads them.</summary>
public sealed class StoredFileContentRecord
{
    public required string FileId { get; set; }

    public required byte[] Content { get; set; }
}
