using System.Net;
using LowCode.Engine.Webhooks;

namespace LowCode.Engine.Tests.Boundaries;

public sealed class OutboundPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.9", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::5", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::ffff:10.0.0.1", "private")]
    public void InsideAddressesAreClassified(string address, string kind)
    {
        Assert.Equal(kind, OutboundPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void PublicAddressesPass(string address)
    {
        Assert.Null(new OutboundPolicy([]).Refusal("example.com", IPAddress.Parse(address)));
    }

    [Fact]
    public void AnAllowListedHostMayUseAnInsideAddress()
    {
        var policy = new OutboundPolicy(["erp.internal"]);

        Assert.Null(policy.Refusal("erp.internal", IPAddress.Parse("10.0.0.7")));
        Assert.Contains("LowCode:Outbound:AllowedHosts", policy.Refusal("other.internal", IPAddress.Parse("10.0.0.7")), StringComparison.Ordinal);
    }
}
