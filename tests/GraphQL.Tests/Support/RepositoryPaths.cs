namespace LowCode.GraphQL.Tests.Support;

/// <summary>Finds files of the repository from the test binaries (the folder that holds LowCode.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestsFolder => Path.Combine(Root, "tests", "GraphQL.Tests");

    public static string JsReference => Path.Combine(TestsFolder, "js-reference");

    public static string Differential => Path.Combine(TestsFolder, "Differential");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("LOWCODE_REPOSITORY_ROOT") is { Length: > 0 } configured)
        {
            return configured;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LowCode.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find LowCode.sln above " + AppContext.BaseDirectory);
    }
}
