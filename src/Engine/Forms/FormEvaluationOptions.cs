namespace LowCode.Engine.Forms;

/// <summary>What one evaluation needs besides the form and its data: the instant and the time zone its expressions see.</summary>
public sealed record FormEvaluationOptions
{
    /// <summary>The instant <c>now()</c> and <c>today()</c> see; the caller's <see cref="TimeProvider"/> gives it, so a replay gives the same answer.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The zone of date-only values: <c>today()</c>, and the calendar date a datetime value is compared with <c>minDate</c>/<c>maxDate</c> on.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// The uploads a submission may refer to, by id (a task's completion passes its instance's files). When set, a file
    /// field's value must be such an id (or a list of them), and <c>accept</c> and <c>maxSizeBytes</c> are checked
    /// against what was uploaded; when null (a preview), ids are taken as given and file objects are checked as sent.
    /// </summary>
    public IReadOnlyDictionary<string, FormFile>? Files { get; init; }
}
