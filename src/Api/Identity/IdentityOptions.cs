namespace LowCode.Api.Identity;

/// <summary>
/// <c>LowCode:Identity</c>: how callers prove who they are. API keys always work; JWT bearer tokens from an identity
/// provider work when <see cref="Jwt"/> names an authority or a signing key (docs/operations.md, "Identity").
/// </summary>
internal sealed class IdentityOptions
{
    public const string Section = "LowCode:Identity";

    public JwtIdentityOptions Jwt { get; set; } = new();

    /// <summary>
    /// How long a node trusts an API key it has checked before reading it again (default 10 s; 0 reads every time): the
    /// longest a key revoked on another node goes on working here. A key revoked on this node stops at once.
    /// </summary>
    public double ApiKeyCacheSeconds { get; set; } = 10;

    /// <summary>Development only: create one key per permission on the first start and print them once (default true).</summary>
    public bool CreateDevelopmentKeys { get; set; } = true;

    /// <summary>The groups of the Development <c>user</c> key: the roles the seed apps assign tasks to.</summary>
    public string DevelopmentUserGroups { get; set; } = "employee,manager,finance,security,it";
}

/// <summary><c>LowCode:Identity:Jwt</c>: where tokens come from, and the claims that carry the principal.</summary>
internal sealed class JwtIdentityOptions
{
    /// <summary>The identity provider's URL (OpenID Connect discovery finds its signing keys), e.g. https://login.example.com/tenant.</summary>
    public string? Authority { get; set; }

    /// <summary>The expected <c>iss</c>; required with <see cref="SigningKey"/>, taken from discovery with <see cref="Authority"/> when left out.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected <c>aud</c>: this API's identifier at the provider.</summary>
    public string? Audience { get; set; }

    /// <summary>A symmetric HMAC-SHA256 key (at least 32 bytes of text) for providers that share a secret, and for tests.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The claim holding the principal's id (an e-mail address).</summary>
    public string IdClaim { get; set; } = "email";

    /// <summary>The claim holding the groups: repeated, a JSON array, or a comma- or space-separated string.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>The claim holding the permissions (admin, designer, analyst, user), in the same forms as the groups.</summary>
    public string PermissionsClaim { get; set; } = "permissions";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem()
    {
        if (!IsConfigured)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            return "LowCode:Identity:Jwt:Audience is empty; set it to this API's identifier at the identity provider (the tokens' 'aud').";
        }

        if (!string.IsNullOrWhiteSpace(SigningKey) && string.IsNullOrWhiteSpace(Authority))
        {
            if (SigningKey.Length < 32)
            {
                return "LowCode:Identity:Jwt:SigningKey is shorter than 32 characters; HMAC-SHA256 needs at least 32 bytes of key.";
            }

            if (string.IsNullOrWhiteSpace(Issuer))
            {
                return "LowCode:Identity:Jwt:Issuer is empty; with a SigningKey, set the issuer the tokens carry ('iss').";
            }
        }

        return null;
    }
}
