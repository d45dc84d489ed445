namespace LowCode.Engine.Analytics;

/// <summary>The event log export's formats.</summary>
public enum ExportFormat
{
    /// <summary>XES (IEEE 1849) XML with the concept, time, lifecycle and org extensions.</summary>
    Xes,

    /// <summary>CSV (RFC 4180): case_id, activity, timestamp, lifecycle_transition, resource, then the picked attributes.</summary>
    Csv,
}
