using LowCode.Engine.Expressions;
using LowCode.Engine.Validation;
using LowCode.Engine.Validation.Forms;
using static LowCode.Engine.Tests.Validation.Definitions;

namespace LowCode.Engine.Tests.Validation.Forms;

public sealed class ComputedCycleRuleTests
{
    private static readonly SandboxExpressionChecker Checker = new(ExpressionCompiler.Default);

    private static IReadOnlyList<ValidationProblem> Check(string fieldsJson) =>
        RuleRunner.Run(new ComputedCycleRule(), Form(fieldsJson), expressions: Checker);

    [Fact]
    public void ComputedFieldsThatReadEachOther_AreReportedOnceAtTheFirstAndTheLoopIsNamed()
    {
        var problems = Check("""
            [
              { "key": "a", "type": "computed", "computed": "b + 1" },
              { "key": "b", "type": "computed", "computed": "c * 2" },
              { "key": "c", "type": "computed", "computed": "a - 1" }
            ]
            """);

        var problem = ProblemAssert.Single(problems, "$.fields[0].computed", "form.computedCycle");
        Assert.Contains("computed 'a' → computed 'b' → computed 'c' → computed 'a'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AComputedFieldThatReadsItself_IsACycle()
    {
        var problems = Check("""[ { "key": "a", "type": "computed", "computed": "a + 1" } ]""");

        ProblemAssert.Single(problems, "$.fields[0].computed", "form.computedCycle");
    }

    [Fact]
    public void AVisibleWhenThatReadsItsOwnField_IsACycleBecauseHidingEmptiesIt()
    {
        var problems = Check("""[ { "key": "note", "type": "text", "visibleWhen": "!isEmpty(note)" } ]""");

        var problem = ProblemAssert.Single(problems, "$.fields[0].visibleWhen", "form.computedCycle");
        Assert.Contains("the visibleWhen of 'note' → 'note' (empty while hidden) → the visibleWhen of 'note'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AColumnComputedFromATotalOfItsOwnTable_IsACycleThroughTheTable()
    {
        var problems = Check("""
            [
              { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" }, { "key": "share", "type": "computed", "computed": "amount / total" } ] },
              { "key": "total", "type": "computed", "computed": "sum(lines, 'amount')" }
            ]
            """);

        var problem = ProblemAssert.Single(problems, "$.fields[0].fields[1].computed", "form.computedCycle");
        Assert.Contains("the rows of 'lines'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoopThroughVisibilityAndAComputedField_IsACycle()
    {
        var problems = Check("""
            [
              { "key": "extra", "type": "number", "visibleWhen": "total > 10" },
              { "key": "total", "type": "computed", "computed": "coalesce(extra, 0) + 5" }
            ]
            """);

        ProblemAssert.Single(problems, "$.fields[0].visibleWhen", "form.computedCycle");
    }

    [Fact]
    public void AChainWithoutALoop_HasNoProblems()
    {
        var problems = Check("""
            [
              { "key": "lines", "type": "repeating", "fields": [ { "key": "amount", "type": "number" }, { "key": "gross", "type": "computed", "computed": "amount * rate" } ] },
              { "key": "rate", "type": "number" },
              { "key": "total", "type": "computed", "computed": "sum(lines, 'gross')" },
              { "key": "justification", "type": "textarea", "visibleWhen": "total > 1000", "requiredWhen": "justification === '' && total > 1000" }
            ]
            """);

        ProblemAssert.None(problems);
    }

    [Fact]
    public void WithoutAnExpressionChecker_NothingIsReported()
    {
        var problems = RuleRunner.Run(new ComputedCycleRule(), Form("""[ { "key": "a", "type": "computed", "computed": "a + 1" } ]"""));

        ProblemAssert.None(problems);
    }
}
