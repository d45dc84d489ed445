using LowCode.Engine.Tasks;

namespace LowCode.Engine.Processes;

/// <summary>Which tasks a list shows; every set property narrows it (all translated to SQL).</summary>
public sealed record TaskQuery
{
    /// <summary>Tasks assigned to, claimed by or completed by this principal id.</summary>
    public string? Assignee { get; init; }

    /// <summary>Tasks offered to this group.</summary>
    public string? Group { get; init; }

    public IReadOnlyList<WorkTaskStatus>? Statuses { get; init; }

    public string? ProcessKey { get; init; }

    public string? InstanceId { get; init; }

    public DateTimeOffset? DueBefore { get; init; }

    public DateTimeOffset? DueAfter { get; init; }

    /// <summary>When set, only tasks this principal may see: its own, and its groups' (analysts and admins pass null).</summary>
    public Principal? VisibleTo { get; init; }

    public ListOrder Order { get; init; } = new(ListSort.CreatedAt, Descending: false);
}

/// <summary>Which instances a list shows; every set property narrows it (all translated to SQL).</summary>
public sealed record InstanceQuery
{
    public string? ProcessKey { get; init; }

    /// <summary><c>running</c> or <c>completed</c>.</summary>
    public string? Status { get; init; }

    public string? BusinessKey { get; init; }

    public string? StartedBy { get; init; }

    public DateTimeOffset? StartedAfter { get; init; }

    public DateTimeOffset? StartedBefore { get; init; }

    /// <summary>When set, only instances this principal started or holds or may take a task of.</summary>
    public Principal? VisibleTo { get; init; }

    public ListOrder Order { get; init; } = new(ListSort.StartedAt, Descending: true);
}

/// <summary>What a list is sorted by; ties are broken by id, so pages never overlap.</summary>
public sealed record ListOrder(ListSort Field, bool Descending);

/// <summary>
/// An item's place in a sorted list: its sort key (null for a task without a due date) and its id. A page after a
/// position holds the items that sort after it, whatever was inserted or removed since (keyset paging).
/// </summary>
public sealed record ListPosition(DateTime? Key, string Id);

public enum ListSort
{
    CreatedAt,
    DueAt,
    StartedAt,
}

/// <summary>One page of a list: its items with their positions, how many match in all, and whether more follow.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, IReadOnlyList<ListPosition> Positions, int TotalCount, bool HasNextPage);
