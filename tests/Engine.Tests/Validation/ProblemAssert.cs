using LowCode.Engine.Validation;

namespace LowCode.Engine.Tests.Validation;

/// <summary>Assertions on validation problems that print every problem found when they fail.</summary>
internal static class ProblemAssert
{
    /// <summary>Exactly one problem, at <paramref name="path"/> with <paramref name="code"/>; returned for message checks.</summary>
    public static ValidationProblem Single(IReadOnlyList<ValidationProblem> problems, string path, string code)
    {
        Assert.True(
            problems.Count == 1 && problems[0].Path == path && problems[0].Code == code,
            $"Expected exactly one problem [{code}] at {path}, found {problems.Count}:{Environment.NewLine}{Describe(problems)}");
        return problems[0];
    }

    /// <summary>At least one problem at <paramref name="path"/> with <paramref name="code"/>.</summary>
    public static ValidationProblem Contains(IReadOnlyList<ValidationProblem> problems, string path, string code)
    {
        var match = problems.FirstOrDefault(p => p.Path == path && p.Code == code);
        Assert.True(match is not null, $"Expected a problem [{code}] at {path}, found:{Environment.NewLine}{Describe(problems)}");
        return match!;
    }

    public static void None(IReadOnlyList<ValidationProblem> problems) =>
        Assert.True(problems.Count == 0, $"Expected no problems, found:{Environment.NewLine}{Describe(problems)}");

    public static string Describe(IEnumerable<ValidationProblem> problems) =>
        string.Join(Environment.NewLine, problems.Select(p => $"  [{p.Code}] {p}"));
}
