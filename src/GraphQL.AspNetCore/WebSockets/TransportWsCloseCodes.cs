namespace LowCode.GraphQL.AspNetCore.WebSockets;

/// <summary>The close codes of the <c>graphql-transport-ws</c> protocol, with the reasons the reference server sends.</summary>
public static class TransportWsCloseCodes
{
    public const int InternalServerError = 4500;
    public const int InvalidMessage = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The WebSocket subprotocol this server speaks.</summary>
    public const string Subprotocol = "graphql-transport-ws";
}
