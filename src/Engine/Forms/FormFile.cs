namespace LowCode.Engine.Forms;

/// <summary>An uploaded file as a form evaluation sees it: what <c>accept</c> and <c>maxSizeBytes</c> are checked against.</summary>
public sealed record FormFile(string Id, string Name, string ContentType, long Size);
