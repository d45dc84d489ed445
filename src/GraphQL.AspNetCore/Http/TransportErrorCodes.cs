namespace LowCode.GraphQL.AspNetCore.Http;

/// <summary>The <c>extensions.code</c> values of errors the transport itself reports.</summary>
public static class TransportErrorCodes
{
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidParameter = "INVALID_REQUEST_PARAMETER";
    public const string MissingQuery = "MISSING_QUERY";
    public const string EmptyBody = "EMPTY_REQUEST_BODY";
    public const string InvalidBody = "INVALID_REQUEST_BODY";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string WebSocketsDisabled = "WEBSOCKETS_DISABLED";
    public const string SubscriptionNotSupported = "SUBSCRIPTION_OVER_HTTP_NOT_SUPPORTED";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The code the executor answers when the operation kind is not allowed (mutation over GET).</summary>
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";
}
