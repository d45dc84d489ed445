namespace LowCode.Rules.Runtime;

/// <summary>
/// The activations waiting to fire, as a binary heap ordered by conflict resolution: higher salience first, then
/// more recent facts, then earlier rule order, then earlier creation. Supports O(log n) removal.
/// </summary>
internal sealed class Agenda
{
    private readonly List<Activation> _heap = [];

    public int Count => _heap.Count;

    public void Add(Activation activation)
    {
        activation.HeapIndex = _heap.Count;
        _heap.Add(activation);
        SiftUp(activation.HeapIndex);
    }

    public bool TryPop(out Activation activation)
    {
        if (_heap.Count == 0)
        {
            activation = null!;
            return false;
        }

        activation = _heap[0];
        RemoveAt(0);
        return true;
    }

    public void Remove(Activation activation)
    {
        if (activation.HeapIndex >= 0)
        {
            RemoveAt(activation.HeapIndex);
        }
    }

    private void RemoveAt(int index)
    {
        var removed = _heap[index];
        var last = _heap.Count - 1;
        if (index != last)
        {
            _heap[index] = _heap[last];
            _heap[index].HeapIndex = index;
        }

        _heap.RemoveAt(last);
        removed.HeapIndex = -1;
        if (index < _heap.Count)
        {
            SiftDown(index);
            SiftUp(index);
        }
    }

    private static bool Before(Activation a, Activation b)
    {
        if (a.Rule.Salience != b.Rule.Salience)
        {
            return a.Rule.Salience > b.Rule.Salience;
        }

        if (a.Recency != b.Recency)
        {
            return a.Recency > b.Recency;
        }

        if (a.Rule.Order != b.Rule.Order)
        {
            return a.Rule.Order < b.Rule.Order;
        }

        return a.Sequence < b.Sequence;
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(_heap[index], _heap[parent]))
            {
                return;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= _heap.Count)
            {
                return;
            }

            var best = left;
            var right = left + 1;
            if (right < _heap.Count && Before(_heap[right], _heap[left]))
            {
                best = right;
            }

            if (!Before(_heap[best], _heap[index]))
            {
                return;
            }

            Swap(index, best);
            index = best;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _heap[a].HeapIndex = a;
        _heap[b].HeapIndex = b;
    }
}
