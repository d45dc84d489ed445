using System.Text.Json.Nodes;
using LowCode.Engine.Routing;
using LowCode.Engine.Tests.Routing;
using LowCode.Rules.Compilation;

namespace LowCode.Engine.Tests.Seed;

/// <summary>
/// The onboarding and IT access rule sets decide what their apps promise, run through the real compiler, sandbox and
/// rules engine (expense routing has its own scenarios in Routing/RoutingDeciderTests).
/// </summary>
public sealed class SeedRoutingTests
{
    private static readonly Lazy<CompiledRuleSet> Onboarding =
        new(() => RoutingTestSupport.Compile(RoutingTestSupport.SeedRuleSet("customer-onboarding", "onboarding-risk")));

    private static readonly Lazy<CompiledRuleSet> ItAccess =
        new(() => RoutingTestSupport.Compile(RoutingTestSupport.SeedRuleSet("it-access-request", "it-access-rules")));

    private static JsonObject Customer(string country, string riskRating = "low", int screeningHits = 0, bool politicallyExposedOwner = false) => JsonNode.Parse($$"""
        {
          "companyName": "Acme Trading",
          "contactName": "Grace Hopper",
          "customerEmail": "grace@acme.example",
          "country": "{{country}}",
          "riskRating": "{{riskRating}}",
          "screeningHits": {{screeningHits}},
          "politicallyExposedOwner": {{(politicallyExposedOwner ? "true" : "false")}}
        }
        """)!.AsObject();

    private static JsonObject Request(string system, string accessLevel, string? rejectedBy = null, string? neededUntil = null)
    {
        var data = JsonNode.Parse($$"""
            { "requesterName": "Alan Turing", "requesterEmail": "alan@corp.example", "system": "{{system}}", "accessLevel": "{{accessLevel}}", "neededFrom": "2026-03-02" }
            """)!.AsObject();
        if (rejectedBy is not null)
        {
            data["rejectedBy"] = rejectedBy;
        }

        if (neededUntil is not null)
        {
            data["neededUntil"] = neededUntil;
        }

        return data;
    }

    private static RoutingEvent Completed(string step, string? outcome = null) => new("taskCompleted", step, outcome);

    [Fact]
    public void Onboarding_ApprovedCustomerFromAHighRiskCountry_GoesToEnhancedDueDiligenceWithAnException()
    {
        var decision = RoutingDecider.Decide(Onboarding.Value, Customer("PA"), Completed("kycReview", "approved"));

        Assert.Equal("enhancedDueDiligence", decision.NextStep);
        Assert.Equal("high-risk-country-needs-edd", decision.RoutedBy);
        Assert.Contains(decision.Actions, a => a.Name == "raiseException" && (string?)a.Arguments["code"] == "HIGH_RISK_JURISDICTION");
    }

    [Theory]
    [InlineData("high", 0, false)]
    [InlineData("low", 2, false)]
    [InlineData("medium", 0, true)]
    public void Onboarding_ApprovedRiskyCustomerFromAnOrdinaryCountry_GoesToEnhancedDueDiligenceWithoutTheCountryException(string riskRating, int hits, bool pep)
    {
        var decision = RoutingDecider.Decide(Onboarding.Value, Customer("DE", riskRating, hits, pep), Completed("kycReview", "approved"));

        Assert.Equal("enhancedDueDiligence", decision.NextStep);
        Assert.DoesNotContain(decision.Actions, a => a.Name == "raiseException");
    }

    [Fact]
    public void Onboarding_ApprovedOrdinaryCustomer_HasTheirAccountOpened()
    {
        var decision = RoutingDecider.Decide(Onboarding.Value, Customer("NL"), Completed("kycReview", "approved"));

        Assert.Equal("openAccount", decision.NextStep);
        Assert.Equal("standard-customers-are-opened", decision.RoutedBy);
    }

    [Fact]
    public void Onboarding_RejectedOrMoreInformation_IsLeftToTheReviewsTransitions()
    {
        Assert.Null(RoutingDecider.Decide(Onboarding.Value, Customer("PA"), Completed("kycReview", "rejected")).NextStep);
        Assert.Null(RoutingDecider.Decide(Onboarding.Value, Customer("DE"), Completed("kycReview", "moreInformation")).NextStep);
    }

    [Fact]
    public void Onboarding_LateDocuments_RaiseAnExceptionAndTellTheAccountManager()
    {
        var decision = RoutingDecider.Decide(Onboarding.Value, Customer("DE"), new RoutingEvent("slaBreached", "uploadDocuments"));

        Assert.Null(decision.NextStep);
        Assert.Contains(decision.Actions, a => a.Name == "raiseException" && (string?)a.Arguments["code"] == "CUSTOMER_DOCUMENTS_OVERDUE");
        var notify = Assert.Single(decision.Actions, a => a.Name == "notify");
        Assert.Equal("account-manager", notify.Arguments["role"]);
    }

    [Fact]
    public void ItAccess_ARejectionIsRecordedForTheJoin()
    {
        var decision = RoutingDecider.Decide(ItAccess.Value, Request("crm", "read"), Completed("securityApproval", "rejected"));

        Assert.Null(decision.NextStep);
        Assert.Equal("security", decision.Data["rejectedBy"]!.GetValue<string>());
    }

    [Fact]
    public void ItAccess_ASecondRejection_KeepsTheFirstOnRecord()
    {
        var decision = RoutingDecider.Decide(ItAccess.Value, Request("crm", "read", rejectedBy: "manager"), Completed("securityApproval", "rejected"));

        Assert.Equal("manager", decision.Data["rejectedBy"]!.GetValue<string>());
        Assert.DoesNotContain("security-rejection-is-recorded", decision.FiredRules);
    }

    [Fact]
    public void ItAccess_AnyRejection_StopsTheRequestEvenForPrivilegedAccess()
    {
        var decision = RoutingDecider.Decide(ItAccess.Value, Request("prodServers", "admin", rejectedBy: "manager"), Completed("approvalsDone"));

        Assert.Equal("recordRejection", decision.NextStep);
        Assert.Equal("any-rejection-stops-the-request", decision.RoutedBy);
    }

    [Theory]
    [InlineData("prodServers", "read")]
    [InlineData("financeDb", "write")]
    [InlineData("crm", "admin")]
    public void ItAccess_ApprovedPrivilegedAccess_GoesToTheSecurityLead(string system, string accessLevel)
    {
        var decision = RoutingDecider.Decide(ItAccess.Value, Request(system, accessLevel), Completed("approvalsDone"));

        Assert.Equal("securityLeadReview", decision.NextStep);
        Assert.True(decision.Data["privileged"]!.GetValue<bool>());
    }

    [Fact]
    public void ItAccess_ApprovedOrdinaryAccess_FollowsTheJoinToProvisioning()
    {
        var decision = RoutingDecider.Decide(ItAccess.Value, Request("crm", "read"), Completed("approvalsDone"));

        Assert.Null(decision.NextStep);
    }

    [Fact]
    public void ItAccess_PrivilegedRequest_IsFlaggedAndTheSecurityLeadTold()
    {
        var decision = RoutingDecider.Decide(ItAccess.Value, Request("prodServers", "admin"), Completed("request"));

        Assert.Null(decision.NextStep);
        Assert.Contains(decision.Actions, a => a.Name == "raiseException" && (string?)a.Arguments["code"] == "PRIVILEGED_ACCESS_REQUESTED");
        var notify = Assert.Single(decision.Actions, a => a.Name == "notify");
        Assert.Equal("Privileged access to prodServers requested by Alan Turing.", notify.Arguments["value"]);
    }

    [Fact]
    public void ItAccess_TemporaryGrant_WaitsForItsExpiry_AndAPermanentOneEnds()
    {
        var temporary = RoutingDecider.Decide(ItAccess.Value, Request("financeDb", "read", neededUntil: "2026-04-30"), Completed("recordGrant"));
        var permanent = RoutingDecider.Decide(ItAccess.Value, Request("crm", "read"), Completed("recordGrant"));

        Assert.Equal("waitForExpiry", temporary.NextStep);
        Assert.Null(permanent.NextStep);
    }
}
