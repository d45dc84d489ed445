using LowCode.Api.Identity;
using LowCode.GraphQL.Execution;
using LowCode.GraphQL.Types;

namespace LowCode.Api.GraphQL;

/// <summary>The caller's own identity on the product schema (SDL in identity.graphql).</summary>
internal static class ViewerSchema
{
    public static SchemaBuilder BindViewer(this SchemaBuilder builder) => builder
        .Resolve("Query", "viewer", ctx => ApiUser.Current(ctx) ?? throw new GraphQLException("viewer needs a signed-in caller.", OperationRules.Unauthenticated))
        .Resolve("Viewer", "groups", ctx => ((ApiPrincipal)ctx.Parent!).Groups)
        .Resolve("Viewer", "permissions", ctx => PermissionsOf((ApiPrincipal)ctx.Parent!));

    /// <summary>Every permission the principal holds, admin expanded to all of them, as the SDL's enum names.</summary>
    private static string[] PermissionsOf(ApiPrincipal principal) =>
        [.. PermissionNames.All.Where(principal.Has).Select(p => PermissionNames.Name(p).ToUpperInvariant())];
}
