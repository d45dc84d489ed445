using System.Net;
using System.Net.Sockets;

namespace LowCode.Engine.Webhooks;

/// <summary>
/// Keeps webhooks off the inside of the network: an address that is loopback, private (RFC 1918, unique-local
/// IPv6), link-local (cloud metadata endpoints live there), carrier-grade NAT or unspecified is refused unless its host
/// is allow-listed (<c>LowCode:Outbound:AllowedHosts</c>). Checked on the address actually connected to, so a name
/// that resolves to an inside address is caught too.
/// </summary>
public sealed class OutboundPolicy(IEnumerable<string> allowedHosts)
{
    private readonly HashSet<string> _allowed = new(allowedHosts.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when <paramref name="host"/> at <paramref name="address"/> may be called; otherwise why not.</summary>
    public string? Refusal(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_allowed.Contains(host) || _allowed.Contains(address.ToString()))
        {
            return null;
        }

        return Classify(address) is { } kind
            ? $"The outbound policy refused {host} ({address}): it is a {kind} address. Webhooks may only reach public addresses unless the host is listed in LowCode:Outbound:AllowedHosts."
            : null;
    }

    /// <summary>What kind of inside address <paramref name="address"/> is, or null for a public one.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal ? "link-local"
                : address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal ? "private"
                : address.Equals(IPAddress.IPv6None) ? "unspecified"
                : null;
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            10 => "private",
            172 when b[1] is >= 16 and <= 31 => "private",
            192 when b[1] == 168 => "private",
            169 when b[1] == 254 => "link-local",
            100 when b[1] is >= 64 and <= 127 => "carrier-grade NAT",
            0 => "unspecified",
            _ => null,
        };
    }
}

/// <summary>Thrown when the outbound policy refuses a webhook's address; never retried.</summary>
public sealed class OutboundRefusedException(string message) : Exception(message);
