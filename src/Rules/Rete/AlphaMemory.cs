namespace LowCode.Rules.Rete;

/// <summary>A session's facts that passed one alpha memory node's conditions; O(1) add and remove.</summary>
internal sealed class AlphaMemory
{
    private readonly Dictionary<FactHandle, int> _positions = [];

    public List<FactHandle> Facts { get; } = [];

    public void Add(FactHandle handle)
    {
        _positions[handle] = Facts.Count;
        Facts.Add(handle);
    }

    public void Remove(FactHandle handle)
    {
        if (!_positions.Remove(handle, out var position))
        {
            return;
        }

        var last = Facts.Count - 1;
        if (position != last)
        {
            var moved = Facts[last];
            Facts[position] = moved;
            _positions[moved] = position;
        }

        Facts.RemoveAt(last);
    }
}
