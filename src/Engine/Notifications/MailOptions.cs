namespace LowCode.Engine.Notifications;

/// <summary>How e-mail leaves; bound from <c>LowCode:Mail</c> (docs/operations.md).</summary>
public sealed class MailOptions
{
    /// <summary><c>Capture</c> (the development sink: mails are stored and listed, nothing is sent) or <c>Smtp</c>.</summary>
    public string Mode { get; set; } = "Capture";

    public string From { get; set; } = "LowCode <lowcode@localhost>";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Delay before the second attempt of a failed mail; each later attempt waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool Captures => string.Equals(Mode, "Capture", StringComparison.OrdinalIgnoreCase);
}
