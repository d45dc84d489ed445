using System.Text.RegularExpressions;

namespace LowCode.Engine.Analytics;

/// <summary>
/// What to export: the events of one process in a window (each case's events that occurred in it), in a format, with
/// the instance data fields a user picked (dotted paths such as <c>total</c> or <c>employee.department</c>) as case attributes.
/// </summary>
public sealed partial record ExportRequest(AnalyticsWindow Window, ExportFormat Format, IReadOnlyList<string> Attributes)
{
    public const int MaxAttributes = 20;

    /// <summary>A clear message when the request cannot be served, else null.</summary>
    public string? Problem()
    {
        if (Window.Problem() is { } window)
        {
            return window;
        }

        if (Attributes.Count > MaxAttributes)
        {
            return $"At most {MaxAttributes} attributes can be picked; {Attributes.Count} were given.";
        }

        var bad = Attributes.FirstOrDefault(a => !AttributePath().IsMatch(a));
        return bad is null
            ? null
            : $"The attribute '{bad}' is not a data field path; give field keys separated by dots, e.g. total or employee.department.";
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63}){0,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePath();
}
