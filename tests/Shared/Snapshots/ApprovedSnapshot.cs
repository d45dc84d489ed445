using System.Runtime.CompilerServices;
using Snapshooter;
using Snapshooter.Xunit;

namespace LowCode.Tests.Snapshots;

/// <summary>
/// Compares text with <c>__snapshots__/&lt;name&gt;</c> beside the calling test file through Snapshooter. A missing snapshot
/// is written on a developer's machine; under CI=true test.sh sets SNAPSHOOTER_STRICT_MODE, so a missing or different
/// one fails. UPDATE_SNAPSHOTS=1 (never under CI) approves new text by removing the old snapshot first, so an approved
/// surface changes only on purpose.
/// </summary>
internal static class ApprovedSnapshot
{
    public static void Match(string text, string snapshotFile, [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && !ci)
        {
            File.Delete(Path.Combine(folder, "__snapshots__", snapshotFile));
        }

        Snapshot.Match(text, new SnapshotFullName(snapshotFile, folder));
    }
}
