namespace LowCode.Api.Identity;

/// <summary>
/// What a principal may do, combinable: <c>admin</c> (everything, keys included), <c>designer</c> (definitions and
/// their tools), <c>analyst</c> (instances, read-only), <c>user</c> (runtime work on its own and its groups' tasks).
/// </summary>
[Flags]
internal enum Permissions
{
    None = 0,
    User = 1,
    Analyst = 2,
    Designer = 4,
    Admin = 8,
}

/// <summary>Reading and writing <see cref="Permissions"/> as the lower-case names keys, JWT claims and the CLI use.</summary>
internal static class PermissionNames
{
    public static readonly IReadOnlyList<Permissions> All = [Permissions.Admin, Permissions.Designer, Permissions.Analyst, Permissions.User];

    public static string Name(Permissions permission) => permission.ToString().ToLowerInvariant();

    public static string Format(Permissions permissions) =>
        string.Join(',', All.Where(p => permissions.HasFlag(p)).Select(Name));

    /// <summary>Names separated by commas or spaces, any case; the unknown ones are returned so the caller can say which.</summary>
    public static (Permissions Permissions, IReadOnlyList<string> Unknown) Parse(IEnumerable<string> names)
    {
        var result = Permissions.None;
        var unknown = new List<string>();
        foreach (var name in names.SelectMany(n => n.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var match = All.FirstOrDefault(p => string.Equals(Name(p), name, StringComparison.OrdinalIgnoreCase));
            if (match == Permissions.None)
            {
                unknown.Add(name);
            }
            else
            {
                result |= match;
            }
        }

        return (result, unknown);
    }
}
