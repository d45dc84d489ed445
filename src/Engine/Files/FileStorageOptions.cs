namespace LowCode.Engine.Files;

/// <summary>Where uploads go and how large they may be; bound from <c>LowCode:Files</c>.</summary>
public sealed class FileStorageOptions
{
    /// <summary>
    /// Null (the default): contents are stored in the database, so every node behind a load balancer sees them. A
    /// directory: contents are written there instead (one file per upload, named by its id), e.g. a shared volume
    /// when the database should stay small; every node must see the same directory.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The largest upload of all (a file field's <c>maxSizeBytes</c> can only lower it): 25 MiB by default.</summary>
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;
}
