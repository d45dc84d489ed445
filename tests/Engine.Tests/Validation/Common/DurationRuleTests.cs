using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class DurationRuleTests
{
    private static IReadOnlyList<ValidationProblem> CheckProcess(string stepsJson, string? extraJson = null) =>
        RuleRunner.RunCommon(new DurationRule(), Process(stepsJson, extraJson: extraJson));

    [Fact]
    public void WellFormedDurationsEverywhere_HaveNoProblems()
    {
        var problems = CheckProcess("""
            [
              { "key": "upload", "type": "formTask", "sla": "PT48H", "assignee": { "external": { "email": "customerEmail", "linkValidFor": "P14D" } } },
              { "key": "wait", "type": "timer", "duration": "P1W" },
              { "key": "call", "type": "webhook", "webhook": { "url": "https://example.com", "timeout": "PT30S" } },
              { "key": "done", "type": "end" }
            ]
            """, "\"sla\": \"P1DT12H\"");

        ProblemAssert.None(problems);
    }

    [Theory]
    [InlineData("""{ "key": "a", "type": "approval", "sla": "48h" }""", "$.steps[0].sla")]
    [InlineData("""{ "key": "a", "type": "timer", "duration": "P2 D" }""", "$.steps[0].duration")]
    [InlineData("""{ "key": "a", "type": "formTask", "assignee": { "external": { "email": "e", "linkValidFor": "7 days" } } }""", "$.steps[0].assignee.external.linkValidFor")]
    [InlineData("""{ "key": "a", "type": "webhook", "webhook": { "url": "https://example.com", "timeout": "30s" } }""", "$.steps[0].webhook.timeout")]
    public void MalformedStepDuration_IsReportedAtItsPath(string stepJson, string path)
    {
        var problem = ProblemAssert.Single(CheckProcess($$"""[ {{stepJson}}, { "key": "done", "type": "end" } ]"""), path, "duration.format");

        Assert.Contains("ISO-8601", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedProcessSla_IsReportedAtSla()
    {
        ProblemAssert.Single(CheckProcess("""[ { "key": "done", "type": "end" } ]""", "\"sla\": \"P\""), "$.sla", "duration.format");
    }

    [Fact]
    public void DurationInMonths_IsReportedWithAdviceToUseDays()
    {
        var problem = ProblemAssert.Single(CheckProcess("""[ { "key": "done", "type": "end" } ]""", "\"sla\": \"P1M\""), "$.sla", "duration.format");

        Assert.Contains("days", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedWebhookTimeoutOfARuleAction_IsReportedAtItsPath()
    {
        var ruleSet = Then("""[ { "type": "notify", "assignee": { "role": "r" }, "message": "m" }, { "type": "callWebhook", "webhook": { "url": "https://example.com", "timeout": "PT" } } ]""");

        ProblemAssert.Single(RuleRunner.RunCommon(new DurationRule(), ruleSet), "$.rules[0].then[1].webhook.timeout", "duration.format");
    }

    // Regression: DurationRule walked webhook timeouts of rule actions but not the link lifetime of an external assignee.
    [Fact]
    public void MalformedLinkValidForOfARuleActionsExternalAssignee_IsReportedAtItsPath()
    {
        var ruleSet = Then("""[ { "type": "assign", "assignee": { "external": { "email": "supplierEmail", "linkValidFor": "two weeks" } } } ]""");

        ProblemAssert.Single(RuleRunner.RunCommon(new DurationRule(), ruleSet), "$.rules[0].then[0].assignee.external.linkValidFor", "duration.format");
    }
}
