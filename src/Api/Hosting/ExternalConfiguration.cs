using LowCode.Engine.Files;
using LowCode.Engine.Tasks;

namespace LowCode.Api.Hosting;

/// <summary>
/// Reads <c>LowCode:ExternalLinks</c> (<c>BaseUrl</c>: the page a participant's link opens) and <c>LowCode:Files</c>
/// (<c>Directory</c>: store uploads there instead of the database, relative to the content root; <c>MaxUploadBytes</c>).
/// </summary>
internal static class ExternalConfiguration
{
    public static ExternalLinkOptions Links(IConfiguration configuration)
    {
        var options = new ExternalLinkOptions();
        if (configuration["LowCode:ExternalLinks:BaseUrl"] is { Length: > 0 } url)
        {
            options.BaseUrl = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? url.Trim()
                : throw new InvalidOperationException($"LowCode:ExternalLinks:BaseUrl is '{url}', which is not an absolute http(s) address. Set it to the page external participants open, e.g. 'https://forms.example.com/external'.");
        }

        return options;
    }

    public static FileStorageOptions Files(IConfiguration configuration, string contentRoot)
    {
        var options = new FileStorageOptions();
        if (configuration["LowCode:Files:Directory"] is { Length: > 0 } directory)
        {
            options.Directory = Path.GetFullPath(directory.Trim(), contentRoot);
        }

        if (configuration["LowCode:Files:MaxUploadBytes"] is { Length: > 0 } max)
        {
            options.MaxUploadBytes = long.TryParse(max, out var bytes) && bytes > 0
                ? bytes
                : throw new InvalidOperationException($"LowCode:Files:MaxUploadBytes is '{max}'; write a positive number of bytes, e.g. 26214400 for 25 MiB.");
        }

        return options;
    }
}
