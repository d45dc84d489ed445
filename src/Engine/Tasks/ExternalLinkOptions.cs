namespace LowCode.Engine.Tasks;

/// <summary>How links to external participants are written; bound from <c>LowCode:ExternalLinks</c>.</summary>
public sealed class ExternalLinkOptions
{
    /// <summary>
    /// The page an external participant opens. The token goes after <c>#token=</c>: a fragment never reaches a server,
    /// so it stays out of access logs and proxies; the page reads it and calls the GraphQL operations with it.
    /// </summary>
    public string BaseUrl { get; set; } = "http://localhost:5000/external";

    public string Url(string token) => $"{BaseUrl.TrimEnd('#')}#token={Uri.EscapeDataString(token)}";
}
