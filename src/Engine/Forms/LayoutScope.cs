namespace LowCode.Engine.Forms;

/// <summary>
/// One data scope of a form: the form's own data, or one row of a repeating group. Groups only arrange fields, so a
/// group's fields belong to the scope around it and expressions read them by their own keys (as
/// <c>Validation.Common.FormScopes</c> checks at save time); a row sees its own columns first, then the names around it.
/// </summary>
internal sealed class LayoutScope(LayoutField? table, LayoutScope? outer)
{
    /// <summary>The repeating group whose rows this scope describes; null for the form's own scope.</summary>
    public LayoutField? Table { get; } = table;

    public LayoutScope? Outer { get; } = outer;

    /// <summary>Every field whose value lives in an object of this scope, in document order (groups and static content included).</summary>
    public List<LayoutField> Fields { get; } = [];

    /// <summary>The fields directly in an object of this scope (not inside one of its groups), in document order.</summary>
    public List<LayoutField> Roots { get; } = [];

    /// <summary>The names expressions read at this level: fields that hold a value, by key; the first one wins.</summary>
    public Dictionary<string, LayoutField> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>Index of the scope in <see cref="FormLayout.Scopes"/>.</summary>
    public int Index { get; set; }

    /// <summary>The field <paramref name="name"/> reads from here and how many scopes out it lives, or null when no field has that name.</summary>
    public (LayoutField Field, int Up)? Resolve(string name)
    {
        var up = 0;
        for (var scope = this; scope is not null; scope = scope.Outer, up++)
        {
            if (scope.Names.TryGetValue(name, out var field))
            {
                return (field, up);
            }
        }

        return null;
    }
}
