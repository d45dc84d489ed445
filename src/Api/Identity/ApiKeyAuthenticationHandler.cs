using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LowCode.Api.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer lc_…</c> (or <c>X-Api-Key: lc_…</c>) against <see cref="ApiKeyStore"/>.
/// A request without a key is not authenticated (no result); a wrong, unknown or revoked key fails.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await keys.AuthenticateAsync(token, Context.RequestAborted).ConfigureAwait(false);
        return principal is null
            ? AuthenticateResult.Fail("The API key is not valid: it is unknown, mistyped or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal.ToClaims(SchemeName), SchemeName));
    }

    /// <summary>The key a request carries, in <c>X-Api-Key</c> or as an <c>lc_</c> bearer token.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString().Trim() is { Length: > 0 } header)
        {
            return header;
        }

        return BearerToken(request.Headers.Authorization.ToString()) is { } bearer && ApiKeyToken.LooksLikeKey(bearer) ? bearer : null;
    }

    public static string? BearerToken(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim() is { Length: > 0 } token ? token : null
            : null;
}
