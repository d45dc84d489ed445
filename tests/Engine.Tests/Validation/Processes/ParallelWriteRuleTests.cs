using LowCode.Engine.Metadata;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Processes;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Processes;

public sealed class ParallelWriteRuleTests
{
    private static readonly IDefinitionCatalog Forms = Catalog(
        Form("""[ { "key": "comment", "type": "textarea" }, { "key": "note", "type": "static" }, { "key": "legal", "type": "group", "fields": [ { "key": "ok", "type": "boolean" } ] } ]""") with { Key = "legal-review" },
        Form("""[ { "key": "comment", "type": "textarea" }, { "key": "budget", "type": "number" } ]""") with { Key = "finance-review" },
        Form("""[ { "key": "note", "type": "static" }, { "key": "ok", "type": "boolean" } ]""") with { Key = "security-review" });

    [Fact]
    public void TwoBranchesWhoseFormsShareAFieldKey_AreWarnedAboutNamingBothStepsAndTheKey()
    {
        var process = Split("""{ "key": "legal", "type": "formTask", "form": "legal-review", "next": "join" }""", """{ "key": "finance", "type": "formTask", "form": "finance-review", "next": "join" }""");

        var problem = ProblemAssert.Single(RuleRunner.Run(new ParallelWriteRule(), process, Forms), "$.steps[0].branches[1]", "process.parallelWriteConflict");

        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("'legal' and 'finance'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'comment'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AScriptSetAndAFormFieldOnTheSameTopLevelKey_AreWarnedAbout()
    {
        var process = Split(
            """{ "key": "finance", "type": "formTask", "form": "finance-review", "next": "join" }""",
            """{ "key": "estimate", "type": "script", "set": [ { "path": "budget.total", "expression": "1" } ], "next": "join" }""");

        var problem = ProblemAssert.Single(RuleRunner.Run(new ParallelWriteRule(), process, Forms), "$.steps[0].branches[1]", "process.parallelWriteConflict");

        Assert.Contains("'budget'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'finance' and 'estimate'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConflictFurtherDownABranch_IsFoundByFollowingTheBranchToItsJoin()
    {
        var process = Split(
            """{ "key": "first", "type": "script", "set": [ { "path": "a", "expression": "1" } ], "next": "second" }, { "key": "second", "type": "script", "set": [ { "path": "total", "expression": "2" } ], "next": "join" }""",
            """{ "key": "other", "type": "script", "set": [ { "path": "total", "expression": "3" } ], "next": "join" }""");

        var problem = ProblemAssert.Single(RuleRunner.Run(new ParallelWriteRule(), process), "$.steps[0].branches[1]", "process.parallelWriteConflict");

        Assert.Contains("'second' and 'other'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BranchesThatWriteDifferentKeys_AndStepsAfterTheJoin_AreNotWarnedAbout()
    {
        var process = Process("""
            [
              { "key": "split", "type": "parallelSplit", "branches": [ "legal", "security" ] },
              { "key": "legal", "type": "formTask", "form": "finance-review", "next": "join" },
              { "key": "security", "type": "formTask", "form": "security-review", "next": "join" },
              { "key": "join", "type": "parallelJoin", "next": "after" },
              { "key": "after", "type": "script", "set": [ { "path": "comment", "expression": "'x'" }, { "path": "ok", "expression": "true" } ], "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);

        ProblemAssert.None(RuleRunner.Run(new ParallelWriteRule(), process, Forms));
    }

    [Fact]
    public void AStaticFieldWritesNothing_AndAGroupWritesItsOwnKey()
    {
        var process = Split(
            """{ "key": "legal", "type": "formTask", "form": "legal-review", "next": "join" }""",
            """{ "key": "security", "type": "formTask", "form": "security-review", "next": "join" }""");

        ProblemAssert.None(RuleRunner.Run(new ParallelWriteRule(), process, Forms));
    }

    [Fact]
    public void ANestedSplitsJoinDoesNotEndTheOuterBranch()
    {
        var process = Process("""
            [
              { "key": "split", "type": "parallelSplit", "branches": [ "inner", "other" ] },
              { "key": "inner", "type": "parallelSplit", "branches": [ "x", "y" ] },
              { "key": "x", "type": "script", "set": [ { "path": "x", "expression": "1" } ], "next": "innerJoin" },
              { "key": "y", "type": "script", "set": [ { "path": "y", "expression": "1" } ], "next": "innerJoin" },
              { "key": "innerJoin", "type": "parallelJoin", "next": "late" },
              { "key": "late", "type": "script", "set": [ { "path": "total", "expression": "1" } ], "next": "join" },
              { "key": "other", "type": "script", "set": [ { "path": "total", "expression": "2" } ], "next": "join" },
              { "key": "join", "type": "parallelJoin", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);

        var problem = ProblemAssert.Single(RuleRunner.Run(new ParallelWriteRule(), process), "$.steps[0].branches[1]", "process.parallelWriteConflict");

        Assert.Contains("'late' and 'other'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormTheCatalogDoesNotKnow_ContributesNoKeys()
    {
        var process = Split(
            """{ "key": "legal", "type": "formTask", "form": "legal-review", "next": "join" }""",
            """{ "key": "finance", "type": "formTask", "form": "finance-review", "next": "join" }""");

        ProblemAssert.None(RuleRunner.Run(new ParallelWriteRule(), process));
    }

    [Fact]
    public void TheValidatorReportsTheConflictAsAWarningBesideNoErrors()
    {
        var process = Split(
            """{ "key": "legal", "type": "formTask", "form": "legal-review", "assignee": { "role": "legal" }, "next": "join" }""",
            """{ "key": "finance", "type": "formTask", "form": "finance-review", "assignee": { "role": "finance" }, "next": "join" }""");

        var problems = new DefinitionValidator().Validate(process, Forms);

        var problem = Assert.Single(problems);
        Assert.Equal(("process.parallelWriteConflict", ProblemSeverity.Warning), (problem.Code, problem.Severity));
        Assert.StartsWith("warning: $.steps[0].branches[1]", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A split into two branches (each one step or more, written as JSON objects) and their join.</summary>
    private static ProcessDefinition Split(string left, string right)
    {
        var leftStart = KeyOf(left);
        var rightStart = KeyOf(right);
        return Process($$"""
            [
              { "key": "split", "type": "parallelSplit", "branches": [ "{{leftStart}}", "{{rightStart}}" ] },
              {{left}},
              {{right}},
              { "key": "join", "type": "parallelJoin", "next": "done" },
              { "key": "done", "type": "end" }
            ]
            """);
    }

    private static string KeyOf(string stepJson) => stepJson.Split('"')[3];
}
