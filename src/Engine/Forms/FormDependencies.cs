using System.Collections.Immutable;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>
/// The order a form's visibility and values are worked out in, from the names each expression reads. A field's value,
/// as expressions see it, depends on whether it is visible (a hidden field reads as empty); its visibility on its
/// <c>visibleWhen</c> and on its group's or table's; a computed field on what its expression reads; a repeating group's
/// rows on every column. Loops among these are reported as cycles: the form validator refuses them, and the evaluator
/// marks their fields with an expression error rather than guess an order.
/// </summary>
internal sealed class FormDependencies
{
    private FormDependencies(ImmutableArray<DependencyNode> order, ImmutableArray<ImmutableArray<DependencyNode>> cycles, ImmutableDictionary<DependencyNode, ImmutableArray<DependencyNode>> loops)
    {
        Order = order;
        Cycles = cycles;
        LoopOf = loops;
    }

    /// <summary>Every step, each after the steps it depends on; steps caught in a cycle come where their cycle was found.</summary>
    public ImmutableArray<DependencyNode> Order { get; }

    /// <summary>
    /// Every step caught in a loop, with the loop reported for its tangle of mutually dependent steps (a step can be in
    /// the tangle without being on that one loop).
    /// </summary>
    public ImmutableDictionary<DependencyNode, ImmutableArray<DependencyNode>> LoopOf { get; }

    /// <summary>Each loop as the steps around it, starting at the earliest one in document order that runs an expression.</summary>
    public ImmutableArray<ImmutableArray<DependencyNode>> Cycles { get; }

    /// <param name="layout">The form's fields.</param>
    /// <param name="variablesOf">The names an expression reads (null when it cannot be told, which adds no dependency).</param>
    public static FormDependencies Build(FormLayout layout, Func<string, IReadOnlyList<string>?> variablesOf)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(variablesOf);
        var count = layout.Fields.Length * 2;
        var edges = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            edges[i] = [];
        }

        foreach (var field in layout.Fields)
        {
            var visible = Id(field, false);
            if (field.Parent is { } parent)
            {
                edges[visible].Add(Id(parent, false));
            }

            AddReads(edges[visible], field, field.Definition.VisibleWhen, variablesOf);
            if (!field.HoldsValue)
            {
                continue;
            }

            var value = Id(field, true);
            edges[value].Add(visible);
            if (field.Type == FieldType.Computed)
            {
                AddReads(edges[value], field, field.Definition.Computed, variablesOf);
            }
            else if (field.Type == FieldType.Repeating)
            {
                edges[value].AddRange(field.RowScope!.Fields.Where(c => c.HoldsValue).Select(c => Id(c, true)));
            }
        }

        return Sort(layout, edges);
    }

    private static int Id(LayoutField field, bool value) => (field.Order * 2) + (value ? 1 : 0);

    private static DependencyNode Node(FormLayout layout, int id) => new(layout.Fields[id / 2], id % 2 == 1);

    private static void AddReads(List<int> into, LayoutField field, string? expression, Func<string, IReadOnlyList<string>?> variablesOf)
    {
        if (string.IsNullOrWhiteSpace(expression) || variablesOf(expression) is not { } names)
        {
            return;
        }

        foreach (var name in names)
        {
            if (field.Scope.Resolve(name) is { } target)
            {
                into.Add(Id(target.Field, true));
            }
        }
    }

    /// <summary>Tarjan's strongly connected components: each component comes out after every component it depends on.</summary>
    private static FormDependencies Sort(FormLayout layout, List<int>[] edges)
    {
        var count = edges.Length;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var order = ImmutableArray.CreateBuilder<DependencyNode>();
        var cycles = ImmutableArray.CreateBuilder<ImmutableArray<DependencyNode>>();
        var loops = ImmutableDictionary.CreateBuilder<DependencyNode, ImmutableArray<DependencyNode>>();
        var next = 0;

        // Iterative, so a long chain of fields cannot exhaust the thread's stack.
        var work = new Stack<(int Node, int Edge)>();
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0 || !Exists(layout, root))
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0)
                {
                    index[node] = low[node] = next++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                if (edge < edges[node].Count)
                {
                    work.Push((node, edge + 1));
                    var target = edges[node][edge];
                    if (index[target] < 0)
                    {
                        work.Push((target, 0));
                    }
                    else if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);

                    component.Sort();
                    order.AddRange(component.Select(id => Node(layout, id)));
                    if (component.Count > 1 || edges[node].Contains(node))
                    {
                        var loop = Loop(layout, edges, component);
                        cycles.Add(loop);
                        foreach (var id in component)
                        {
                            loops[Node(layout, id)] = loop;
                        }
                    }
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return new FormDependencies(order.ToImmutable(), cycles.ToImmutable(), loops.ToImmutable());
    }

    private static bool Exists(FormLayout layout, int id) => id % 2 == 0 || layout.Fields[id / 2].HoldsValue;

    /// <summary>One loop through the component, found breadth-first from its earliest step that runs an expression.</summary>
    private static ImmutableArray<DependencyNode> Loop(FormLayout layout, List<int>[] edges, List<int> component)
    {
        var members = component.ToHashSet();
        var start = component.FirstOrDefault(id => Node(layout, id).Expression is not null, component[0]);
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var target in edges[node])
            {
                if (!members.Contains(target) || previous.ContainsKey(target))
                {
                    continue;
                }

                previous[target] = node;
                if (target == start)
                {
                    queue.Clear();
                    break;
                }

                queue.Enqueue(target);
            }
        }

        var path = new List<int> { start };
        for (var at = previous[start]; at != start; at = previous[at])
        {
            path.Add(at);
        }

        path.Add(start);
        path.Reverse(1, path.Count - 2);
        return [.. path.Select(id => Node(layout, id))];
    }
}
