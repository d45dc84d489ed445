using System.Runtime.CompilerServices;

namespace LowCode.Engine.Tests;

/// <summary>
/// Compares text with <c>__snapshots__/&lt;Class&gt;.&lt;Method&gt;.snap</c> beside the test file. A missing snapshot is
/// written on a developer's machine and fails in CI (CI=true); a changed one always fails, and is rewritten
/// only when UPDATE_SNAPSHOTS=1, so an approved surface changes on purpose.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string testClass, [CallerMemberName] string method = "", [CallerFilePath] string file = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(file)!, "__snapshots__");
        var path = Path.Combine(folder, $"{testClass}.{method}.snap");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            Assert.False(ci, $"Snapshot {path} is missing. Run the test locally to create it, review it, and commit it.");
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, normalized);
            return;
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == normalized)
        {
            return;
        }

        if (update && !ci)
        {
            File.WriteAllText(path, normalized);
            return;
        }

        File.WriteAllText(path + ".received", normalized);
        Assert.Fail($"The output differs from the approved snapshot {path}. Compare it with {path}.received; if the change is intended, rerun with UPDATE_SNAPSHOTS=1 and commit the snapshot.");
    }
}
