using System.Collections.Concurrent;
using LowCode.Api.GraphQL;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.Api.Identity;

/// <summary>
/// The one place permissions are enforced: every root field of the product schema declares who may run it with
/// <c>@allow(permissions: [...])</c> in the SDL, and this guard (bound with <c>SchemaBuilder.GuardRootFields</c>)
/// refuses everyone else before the resolver runs. A root field without <c>@allow</c> is refused to all but admins,
/// and the permission matrix test fails until it has one.
/// </summary>
internal static class OperationRules
{
    public const string Directive = "allow";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    private static readonly ConcurrentDictionary<FieldDefinition, Permissions?> Rules = new();

    /// <summary>The permissions <c>@allow</c> names on a field (any one suffices; admin always may); null when it has none.</summary>
    public static Permissions? AllowedFor(FieldDefinition field) => Rules.GetOrAdd(field, static f =>
    {
        var applied = f.Definition?.Directives.FirstOrDefault(d => d.Name.Value == Directive);
        if (applied?.Arguments.FirstOrDefault(a => a.Name.Value == "permissions")?.Value is not { } value)
        {
            return null;
        }

        var names = value switch
        {
            ListValueNode list => list.Values.OfType<EnumValueNode>().Select(v => v.Value),
            EnumValueNode single => [single.Value],
            _ => [],
        };
        return PermissionNames.Parse(names).Permissions;
    });

    public static Exception? Check(ResolveContext context)
    {
        var where = $"{context.ParentType.Name}.{context.Field.Name}";
        if (ApiUser.Current(context) is not { } principal)
        {
            if (LinkHolders.Accepts(context.Field))
            {
                return null;
            }

            return new GraphQLException(
                $"{where} needs a signed-in caller: send an API key (Authorization: Bearer lc_…) or a JWT from the identity provider.",
                Unauthenticated);
        }

        var allowed = AllowedFor(context.Field);
        if (allowed is { } permissions && principal.Has(permissions))
        {
            return null;
        }

        if (allowed is null && principal.Has(Permissions.Admin))
        {
            return null;
        }

        var needs = allowed is { } p && p != Permissions.None ? $"one of the permissions {Describe(p | Permissions.Admin)}" : "the admin permission";
        var has = principal.Permissions == Permissions.None ? "none" : PermissionNames.Format(principal.Permissions);
        return new GraphQLException($"{where} needs {needs}; {principal.Id} has {has}. Ask an admin for a key with one of them.", Forbidden);
    }

    private static string Describe(Permissions permissions) => string.Join(", ", PermissionNames.All.Where(p => permissions.HasFlag(p)).Select(PermissionNames.Name));
}
