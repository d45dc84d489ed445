namespace LowCode.GraphQL.AspNetCore.WebSockets;

/// <summary>Why a connection must close: a <c>graphql-transport-ws</c> close code and its reason.</summary>
internal sealed record ProtocolViolation(int CloseCode, string Reason)
{
    public static ProtocolViolation InvalidMessage(string reason) => new(TransportWsCloseCodes.InvalidMessage, reason);
}
