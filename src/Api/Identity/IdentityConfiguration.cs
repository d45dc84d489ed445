using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LowCode.Api.Identity;

/// <summary>
/// Registers authentication: one policy scheme that sends <c>lc_</c> keys to <see cref="ApiKeyAuthenticationHandler"/>
/// and other bearer tokens to JWT bearer validation (when <c>LowCode:Identity:Jwt</c> is configured). Everything is
/// read when the container is built, so test hosts can set configuration after Program registered its services.
/// </summary>
internal static class IdentityConfiguration
{
    public const string Scheme = "LowCode";

    public static IServiceCollection AddLowCodeIdentity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section);
        services.AddSingleton(sp => new ApiKeyStore(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LowCode.Engine.Storage.LowCodeDbContext>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ApiKeyStore>>(),
            TimeSpan.FromSeconds(Math.Max(0, sp.GetRequiredService<IOptions<IdentityOptions>>().Value.ApiKeyCacheSeconds))));
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or JWT", options => options.ForwardDefaultSelector = http =>
                ApiKeyAuthenticationHandler.TokenOf(http.Request) is null
                && http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.Jwt.IsConfigured
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityOptions>>((options, identity) => ConfigureJwt(options, identity.Value.Jwt));
        return services;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtIdentityOptions jwt)
    {
        if (!jwt.IsConfigured)
        {
            return;
        }

        options.MapInboundClaims = false;
        options.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
        options.Audience = jwt.Audience;
        options.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
            NameClaimType = jwt.IdClaim,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (FromJwt(context.Principal, jwt) is { } principal)
                {
                    context.Principal = principal.ToClaims(JwtBearerDefaults.AuthenticationScheme);
                }
                else
                {
                    context.Fail($"The token has no '{jwt.IdClaim}' claim to take the caller's id from (LowCode:Identity:Jwt:IdClaim).");
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The principal in a validated token's claims, read through the configured claim names.</summary>
    public static ApiPrincipal? FromJwt(ClaimsPrincipal? token, JwtIdentityOptions jwt)
    {
        if (token?.FindFirst(jwt.IdClaim)?.Value is not { Length: > 0 } id)
        {
            return null;
        }

        var groups = Values(token, jwt.GroupsClaim);
        var (permissions, _) = PermissionNames.Parse(Values(token, jwt.PermissionsClaim));
        return new ApiPrincipal(id, [.. groups], permissions);
    }

    /// <summary>A claim's values whether repeated, a JSON array, or one comma- or space-separated string.</summary>
    private static IEnumerable<string> Values(ClaimsPrincipal token, string type) => token.FindAll(type).SelectMany(c =>
    {
        var value = c.Value.Trim();
        if (value.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(value) ?? [];
            }
            catch (JsonException)
            {
                return [];
            }
        }

        return value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }).Distinct(StringComparer.Ordinal);
}
