using LowCode.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace LowCode.GraphQL.AspNetCore;

/// <summary>Builds the executor's <see cref="RequestContext"/> for one operation and lets the host add to it.</summary>
internal static class RequestContextFactory
{
    public static RequestContext Create(
        HttpContext httpContext,
        GraphQLHttpOptions options,
        IReadOnlySet<OperationKind>? allowedOperations,
        IReadOnlyDictionary<string, object?>? connectionInitPayload = null)
    {
        var context = new RequestContext
        {
            Services = httpContext.RequestServices,
            AllowedOperations = allowedOperations,
        };
        context.Items[GraphQLHttpOptions.HttpContextKey] = httpContext;
        if (connectionInitPayload is not null)
        {
            context.Items[GraphQLHttpOptions.ConnectionInitPayloadKey] = connectionInitPayload;
        }

        options.ConfigureRequestContext?.Invoke(httpContext, context);
        return context;
    }
}
