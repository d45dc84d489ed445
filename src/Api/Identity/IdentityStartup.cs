using System.Text;
using Microsoft.Extensions.Options;

namespace LowCode.Api.Identity;

/// <summary>
/// Makes sure someone can sign in before the host accepts requests. In Development the first start creates one key
/// per permission and prints them once; elsewhere the start stops, saying what to configure, unless a JWT identity
/// provider is configured or an active API key exists.
/// </summary>
internal static class IdentityStartup
{
    public const string DevelopmentCreator = "lowcode-development-start";

    /// <summary>False (after logging what to configure) when the Api must not start; the keys to show once, if any.</summary>
    public static async Task<(bool Ready, IReadOnlyList<(string Permission, string Token, ApiPrincipal Principal)> NewKeys)> PrepareAsync(WebApplication app, ILogger logger)
    {
        var options = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (options.Jwt.Problem() is { } problem)
        {
            logger.LogCritical("Identity is misconfigured: {Problem}", problem);
            return (false, []);
        }

        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        if (app.Environment.IsDevelopment() && options.CreateDevelopmentKeys && !await keys.AnyAsync().ConfigureAwait(false))
        {
            var created = new List<(string, string, ApiPrincipal)>();
            var groups = options.DevelopmentUserGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var permission in PermissionNames.All)
            {
                var name = PermissionNames.Name(permission);
                var principal = new ApiPrincipal($"{name}@localhost", permission == Permissions.User ? [.. groups] : [], permission);
                var result = await keys.CreateAsync($"development {name}", principal, DevelopmentCreator).ConfigureAwait(false);
                created.Add((name, result.Token!, principal));
            }

            return (true, created);
        }

        if (!app.Environment.IsDevelopment() && !options.Jwt.IsConfigured && !await keys.AnyActiveAsync().ConfigureAwait(false))
        {
            logger.LogCritical(
                "Identity is not configured, so nobody could sign in. Create the first admin key with " +
                "`dotnet LowCode.Api.dll keys create --name first-admin --principal you@example.com --permissions admin` " +
                "(from the source: `dotnet run --project src/Api -- keys create ...`), or configure a JWT identity provider " +
                "with LowCode__Identity__Jwt__Authority and LowCode__Identity__Jwt__Audience (docs/operations.md, \"Identity\").");
            return (false, []);
        }

        return (true, []);
    }

    /// <summary>The Development keys, once, with how to use them; a few lines so the start-up log stays short.</summary>
    public static string Describe(IReadOnlyList<(string Permission, string Token, ApiPrincipal Principal)> keys, string address)
    {
        var text = new StringBuilder("Development API keys, shown this once (`dotnet run --project src/Api -- keys list` lists them, `keys create` makes more):");
        foreach (var (permission, token, principal) in keys)
        {
            var groups = principal.Groups.IsDefaultOrEmpty ? string.Empty : $" (groups {string.Join(',', principal.Groups)})";
            text.Append(Environment.NewLine).Append($"  {permission,-9} {token}  as {principal.Id}{groups}");
        }

        var example = keys.FirstOrDefault(k => k.Permission == "designer").Token ?? keys[0].Token;
        text.Append(Environment.NewLine).Append($"  GraphiQL: open {address}/graphql, Headers tab: {{\"Authorization\": \"Bearer {example}\"}}");
        text.Append(Environment.NewLine).Append($"  curl: curl {address}/graphql -H 'Authorization: Bearer {example}' -H 'Content-Type: application/json' -d '{{\"query\":\"{{ forms {{ key }} }}\"}}'");
        return text.ToString();
    }
}
