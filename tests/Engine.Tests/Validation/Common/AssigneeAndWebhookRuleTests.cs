using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Common;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Common;

public sealed class AssigneeAndWebhookRuleTests
{
    private static IReadOnlyList<ValidationProblem> CheckStep(string stepJson) =>
        RuleRunner.RunCommon(new AssigneeAndWebhookRule(), Process($$"""[ {{stepJson}}, { "key": "done", "type": "end" } ]"""));

    private static IReadOnlyList<ValidationProblem> CheckAction(string actionJson) =>
        RuleRunner.RunCommon(new AssigneeAndWebhookRule(), Then($"[ {actionJson} ]"));

    [Theory]
    [InlineData("""{ "role": "manager" }""")]
    [InlineData("""{ "user": "ann" }""")]
    [InlineData("""{ "expression": "managerEmail" }""")]
    [InlineData("""{ "external": { "email": "customerEmail" } }""")]
    public void AssigneeOfOneKind_HasNoProblems(string assigneeJson)
    {
        ProblemAssert.None(CheckStep($$"""{ "key": "a", "type": "approval", "assignee": {{assigneeJson}} }"""));
    }

    [Theory]
    [InlineData("""{ }""")]
    [InlineData("""{ "role": "manager", "user": "ann" }""")]
    [InlineData("""{ "expression": "managerEmail", "external": { "email": "x" } }""")]
    public void StepAssigneeWithoutExactlyOneKind_IsReportedAtTheAssignee(string assigneeJson)
    {
        var problem = ProblemAssert.Single(CheckStep($$"""{ "key": "a", "type": "approval", "assignee": {{assigneeJson}} }"""), "$.steps[0].assignee", "assignee.shape");

        Assert.Contains("exactly one of 'role', 'user', 'expression' or 'external'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionAssigneeWithTwoKinds_IsReportedAtTheActionsAssignee()
    {
        ProblemAssert.Single(CheckAction("""{ "type": "notify", "assignee": { "role": "a", "user": "b" }, "message": "m" }"""), "$.rules[0].then[0].assignee", "assignee.shape");
    }

    [Theory]
    [InlineData("/api/hooks")]
    [InlineData(null)]
    public void NamedConnectionWithAPath_HasNoProblems(string? url)
    {
        var path = url is null ? string.Empty : $", \"url\": \"{url}\"";
        ProblemAssert.None(CheckStep($$"""{ "key": "a", "type": "webhook", "webhook": { "connection": "crm"{{path}}, "method": "PUT", "retries": 10 } }"""));
    }

    [Theory]
    [InlineData("https://crm.example.com/api/hooks")]
    [InlineData("http://localhost:8080/hook")]
    public void AbsoluteHttpUrlWithoutAConnection_IsAWarningThatSaysHowToMigrate(string url)
    {
        var problem = ProblemAssert.Single(CheckStep($$"""{ "key": "a", "type": "webhook", "webhook": { "url": "{{url}}" } }"""), "$.steps[0].webhook.url", "webhook.literalUrl");

        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("LowCode:Connections", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsoluteUrlBesideAConnection_IsReportedAtUrl()
    {
        ProblemAssert.Single(CheckStep("""{ "key": "a", "type": "webhook", "webhook": { "connection": "crm", "url": "https://crm.example.com/x" } }"""), "$.steps[0].webhook.url", "webhook.url");
    }

    [Theory]
    [InlineData("/api/hooks")]
    [InlineData("crm.example.com/hooks")]
    [InlineData("ftp://files.example.com/drop")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public void UrlThatIsNotAnAbsoluteHttpAddress_IsReportedAtUrl(string url)
    {
        var problem = ProblemAssert.Single(CheckStep($$"""{ "key": "a", "type": "webhook", "webhook": { "url": "{{url}}" } }"""), "$.steps[0].webhook.url", "webhook.url");

        Assert.Contains("https://", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionWebhookWithARelativeUrl_IsReportedAtTheActionsWebhookUrl()
    {
        ProblemAssert.Single(CheckAction("""{ "type": "callWebhook", "webhook": { "url": "hooks/crm" } }"""), "$.rules[0].then[0].webhook.url", "webhook.url");
    }

    [Theory]
    [InlineData("post")]
    [InlineData("SEND")]
    public void UnsupportedMethod_IsReported(string method)
    {
        ProblemAssert.Single(CheckStep($$"""{ "key": "a", "type": "webhook", "webhook": { "connection": "crm", "method": "{{method}}" } }"""), "$.steps[0].webhook.method", "webhook.method");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void RetriesOutsideZeroToTen_AreReported(int retries)
    {
        ProblemAssert.Single(CheckStep($$"""{ "key": "a", "type": "webhook", "webhook": { "connection": "crm", "retries": {{retries}} } }"""), "$.steps[0].webhook.retries", "webhook.retries");
    }

    [Fact]
    public void ZeroRetries_IsAllowed()
    {
        ProblemAssert.None(CheckStep("""{ "key": "a", "type": "webhook", "webhook": { "connection": "crm", "retries": 0 } }"""));
    }
}
