namespace LowCode.Engine.Forms;

/// <summary>One object of a data scope during an evaluation: the form's data, or one row of a repeating group.</summary>
internal sealed class Frame
{
    public Frame(LayoutScope scope, Frame? outer, string prefix)
    {
        Scope = scope;
        Outer = outer;
        Prefix = prefix;
        Slots = new Slot[scope.Fields.Count];
        for (var i = 0; i < Slots.Length; i++)
        {
            Slots[i] = new Slot();
        }
    }

    public LayoutScope Scope { get; }

    /// <summary>The frame around this row; null for the form's own.</summary>
    public Frame? Outer { get; }

    /// <summary>What this frame's field paths start with: empty, or <c>lines[2].</c>.</summary>
    public string Prefix { get; }

    public Slot[] Slots { get; }

    /// <summary>Errors of the row itself (a row that is not an object).</summary>
    public List<FormError>? Errors { get; set; }

    public Frame Up(int levels)
    {
        var frame = this;
        for (var i = 0; i < levels; i++)
        {
            frame = frame.Outer!;
        }

        return frame;
    }

    public string PathOf(LayoutField field) => Prefix + field.RelativePath;
}
