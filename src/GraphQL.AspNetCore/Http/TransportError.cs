using Microsoft.AspNetCore.Http;

namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>A request the transport refuses before the executor sees it, with the status and the error code it answers.</summary>
internal sealed record TransportError(int StatusCode, string Code, string Message)
{
    public static TransportError BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}
