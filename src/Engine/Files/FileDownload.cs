namespace LowCode.Engine.Files;

/// <summary>A file and its bytes, for a principal allowed to see them; the caller disposes <see cref="Content"/>.</summary>
public sealed record FileDownload(StoredFile File, Stream Content);
