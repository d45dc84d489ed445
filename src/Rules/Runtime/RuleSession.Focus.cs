using LowCode.Rules.Diagnostics;
using LowCode.Rules.Model;

namespace LowCode.Rules.Runtime;

/// <summary>Agenda groups: one agenda per group and the focus stack that decides which of them fires.</summary>
public sealed partial class RuleSession
{
    // The main group's agenda; the other groups' agendas, by group index, exist only when the rule set has groups
    // (and each is made on first use), so a session without groups allocates nothing for them.
    private readonly Agenda _agenda = new();
    private readonly Agenda?[]? _groupAgendas;

    // Null until something takes the focus: a session whose rules use no groups never allocates it.
    private List<int>? _focusStack;

    /// <summary>The agenda group whose activations fire next (<see cref="AgendaGroups.Main"/> unless focus was set).</summary>
    public string Focus => _network.AgendaGroups[_focusStack is null ? 0 : _focusStack[^1]];

    /// <summary>The focus stack, bottom (always <see cref="AgendaGroups.Main"/>) first.</summary>
    public IReadOnlyList<string> FocusStack => _focusStack is null
        ? [AgendaGroups.Main]
        : [.. _focusStack.Select(index => _network.AgendaGroups[index])];

    /// <summary>
    /// Gives <paramref name="group"/> the focus by pushing it on the focus stack (nothing happens when it already has
    /// the focus). <see cref="Fire()"/> fires only the focused group's activations; when that group's agenda is
    /// empty the focus returns to the group below, down to the main group, which is never popped.
    /// </summary>
    public void SetFocus(string group)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        var index = Array.IndexOf(_network.AgendaGroups, group);
        if (index < 0)
        {
            throw new ArgumentException(
                $"Rule set '{RuleSet.Name}' has no agenda group '{group}'; its groups are: {string.Join(", ", _network.AgendaGroups)}. " +
                "Fix the name or put a rule in the group (RuleDefinition.AgendaGroup).",
                nameof(group));
        }

        FocusGroup(index);
    }

    internal void FocusGroup(int group)
    {
        _focusStack ??= [0];
        if (_focusStack[^1] != group)
        {
            // While firing, only a rule's action can be asking: the trace names it, so a reader sees why the order changed.
            var by = _firing ? _actionContext.Activation?.Rule : null;
            Trace?.Add(TraceEventKind.FocusGained, by?.Name ?? string.Empty, by?.Salience ?? 0, [], $"focus {_network.AgendaGroups[_focusStack[^1]]} -> {_network.AgendaGroups[group]}", null);
            _focusStack.Add(group);
        }
    }

    private Agenda AgendaOf(int group) => group == 0 ? _agenda : _groupAgendas![group] ??= new Agenda();

    private int PendingCount()
    {
        var count = _agenda.Count;
        if (_groupAgendas is not null)
        {
            foreach (var agenda in _groupAgendas)
            {
                count += agenda?.Count ?? 0;
            }
        }

        return count;
    }

    /// <summary>Takes the next activation of the focused group, popping groups whose agenda is empty.</summary>
    private bool TryPopFocused(out Activation activation)
    {
        if (_focusStack is null)
        {
            return _agenda.TryPop(out activation);
        }

        while (true)
        {
            var top = _focusStack[^1];
            var agenda = top == 0 ? _agenda : _groupAgendas![top];
            if (agenda is not null && agenda.TryPop(out activation))
            {
                return true;
            }

            if (_focusStack.Count == 1)
            {
                activation = null!;
                return false;
            }

            _focusStack.RemoveAt(_focusStack.Count - 1);
            Trace?.Add(TraceEventKind.FocusReturned, string.Empty, 0, [], $"focus {_network.AgendaGroups[top]} -> {_network.AgendaGroups[_focusStack[^1]]}: its agenda is empty", null);
        }
    }
}
