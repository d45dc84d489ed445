using LowCode.Engine.Expressions;
using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Validation;

public sealed class SandboxExpressionCheckerVariablesTests
{
    private static readonly SandboxExpressionChecker Sandbox = new(ExpressionCompiler.Default);

    [Fact]
    public void Variables_AreTheScopeNamesInOrderOfFirstUse_WithTheirLineAndColumn()
    {
        var variables = Sandbox.Variables("zeta > 1 && sum(lines, 'cost') > Math.max(a,\n b, zeta)");

        Assert.Equal([new ExpressionVariable("zeta", 1, 1), new ExpressionVariable("lines", 1, 17), new ExpressionVariable("a", 1, 43), new ExpressionVariable("b", 2, 2)], variables);
    }

    [Fact]
    public void Variables_LeaveOutCallbackParametersAndLocals()
    {
        var variables = Sandbox.Variables("lines.filter(function (l) { var c = l.cost; return c > limit; }).length");

        Assert.Equal(["lines", "limit"], variables!.Select(v => v.Name));
    }

    [Fact]
    public void Variables_OfAnExpressionThatDoesNotCompile_AreUnknown()
    {
        Assert.Null(Sandbox.Variables("lines.some(l => l.cost > 5) && (class {})"));
        Assert.Null(Sandbox.Variables(" "));
    }

    [Fact]
    public void CompiledVariables_StaySortedByName()
    {
        var compiled = ExpressionCompiler.Default.Compile("zeta + alpha > 0");

        Assert.Equal(["alpha", "zeta"], compiled.Variables);
        Assert.Equal(["zeta", "alpha"], compiled.VariableUses.Select(v => v.Name));
    }
}
