using System.Collections.Immutable;
using System.Security.Claims;
using LowCode.Engine.Tasks;

namespace LowCode.Api.Identity;

/// <summary>
/// Who is calling: an id (an e-mail address), its groups (the business roles tasks go to) and its permissions.
/// It comes from an API key or a JWT; <see cref="Has"/> treats <c>admin</c> as every permission.
/// </summary>
internal sealed record ApiPrincipal(string Id, ImmutableArray<string> Groups, Permissions Permissions)
{
    public const string IdClaim = "lowcode:id";
    public const string GroupClaim = "lowcode:group";
    public const string PermissionClaim = "lowcode:permission";

    public bool Has(Permissions permission) => Permissions.HasFlag(Permissions.Admin) || (Permissions & permission) != 0;

    /// <summary>The caller as the process runtime sees it.</summary>
    public Principal ToRuntime() => new(Id, Groups);

    /// <summary>The claims an authentication handler issues for this principal, read back by <see cref="From"/>.</summary>
    public ClaimsPrincipal ToClaims(string scheme)
    {
        var claims = new List<Claim> { new(IdClaim, Id), new(ClaimTypes.Name, Id) };
        claims.AddRange(Groups.Select(g => new Claim(GroupClaim, g)));
        claims.AddRange(PermissionNames.All.Where(p => Permissions.HasFlag(p)).Select(p => new Claim(PermissionClaim, PermissionNames.Name(p))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, IdClaim, null));
    }

    /// <summary>The principal of an authenticated request (the claims of <see cref="ToClaims"/>), or null.</summary>
    public static ApiPrincipal? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirst(IdClaim)?.Value is not { Length: > 0 } id)
        {
            return null;
        }

        var (permissions, _) = PermissionNames.Parse(user.FindAll(PermissionClaim).Select(c => c.Value));
        return new ApiPrincipal(id, [.. user.FindAll(GroupClaim).Select(c => c.Value)], permissions);
    }
}
