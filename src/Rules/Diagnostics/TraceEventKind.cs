using System.Text.Json.Serialization;

namespace LowCode.Rules.Diagnostics;

/// <summary>What happened to an activation (a rule matched with particular facts).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TraceEventKind>))]
public enum TraceEventKind
{
    /// <summary>The rule matched these facts; an activation went on the agenda.</summary>
    Matched,

    /// <summary>The activation fired: the rule's actions ran.</summary>
    Fired,

    /// <summary>The facts stopped matching (changed or retracted) before the activation fired.</summary>
    Cancelled,

    /// <summary>The rule matched the same, unchanged facts again after it had fired: refraction kept it from firing twice.</summary>
    Refracted,

    /// <summary>Another rule of the same exclusive group fired first (higher salience, or more recent facts, or earlier rule order).</summary>
    LostToExclusiveGroup,

    /// <summary>A rule's action halted firing; activations still on the agenda stay there.</summary>
    Halted,

    /// <summary>An agenda filter (named in <see cref="TraceEntry.Filter"/>) kept the activation off the agenda.</summary>
    Filtered,

    /// <summary>
    /// An agenda group took the focus. <see cref="TraceEntry.Rule"/> is the rule whose action gave it (empty when the
    /// host called <c>SetFocus</c> outside firing); <see cref="TraceEntry.Detail"/> names the groups.
    /// </summary>
    FocusGained,

    /// <summary>The focused group's agenda ran empty and the focus returned to the group below (<see cref="TraceEntry.Detail"/>).</summary>
    FocusReturned,
}
