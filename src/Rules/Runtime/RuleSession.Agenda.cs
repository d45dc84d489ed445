using System.Globalization;
using LowCode.Rules.Compilation;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Errors;
using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>The agenda: activation, conflict resolution, refraction, filters, exclusive groups and firing.</summary>
public sealed partial class RuleSession
{
    private const int LoopWindow = 64;

    private readonly ActionContext _actionContext;
    private readonly Dictionary<string, Activation> _groupWinners = new(StringComparer.Ordinal);
    private readonly CompiledRule?[] _recentFirings = new CompiledRule?[LoopWindow];
    private List<Activation>? _refractionStash;
    private int _updateDepth;
    private long _nextActivation;
    private bool _halted;
    private bool _firing;

    /// <summary>Fires activations until the agenda is empty or an action halts.</summary>
    /// <returns>The number of rules fired.</returns>
    public int Fire() => Fire(int.MaxValue);

    /// <summary>Fires at most <paramref name="maxRules"/> activations.</summary>
    public int Fire(int maxRules)
    {
        if (_firing)
        {
            throw new InvalidOperationException("Fire was called from inside a firing rule; actions change facts and the agenda picks up the consequences.");
        }

        _firing = true;
        _halted = false;
        var fired = 0;
        try
        {
            while (!_halted && fired < maxRules && TryPopFocused(out var activation))
            {
                var group = activation.Rule.ExclusiveGroup;
                if (group is not null && _groupWinners.TryGetValue(group, out var winner))
                {
                    TraceActivation(TraceEventKind.LostToExclusiveGroup, activation, DescribeWin(winner, activation));
                    continue;
                }

                if (fired >= Options.MaxFirings)
                {
                    throw Runaway();
                }

                FireOne(activation, fired);
                if (group is not null)
                {
                    _groupWinners[group] = activation;
                }

                fired++;
            }
        }
        finally
        {
            _firing = false;
        }

        return fired;
    }

    /// <summary>Stops the current <see cref="Fire()"/> after the running rule's actions.</summary>
    public void Halt() => _halted = true;

    internal void Activate(CompiledRule rule, Token token)
    {
        long recency = 0;
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current.Handle is not null && current.Handle.Recency > recency)
            {
                recency = current.Handle.Recency;
            }
        }

        var activation = (Activation)token;
        activation.Rule = rule;
        activation.Sequence = ++_nextActivation;
        activation.Recency = recency;
        activation.Live = true;
        if (_refractionStash is { Count: > 0 } && IsRefracted(activation))
        {
            activation.Fired = true;
            activation.FiredStamp = StampOf(token);
            TraceActivation(TraceEventKind.Refracted, activation, "already fired for these unchanged facts");
            return;
        }

        if ((rule.Filters.Length != 0 || _hasSessionFilters) && RejectingFilter(activation) is { } filter)
        {
            TraceActivation(TraceEventKind.Filtered, activation, $"agenda filter '{filter}' rejected it", filter);
            return;
        }

        AgendaOf(rule.AgendaGroup).Add(activation);
        TraceActivation(TraceEventKind.Matched, activation, null);
    }

    internal void Deactivate(Token token)
    {
        var activation = (Activation)token;
        if (!activation.Live)
        {
            return;
        }

        activation.Live = false;
        if (activation.Rule.HasChangeFilter && _updateDepth == 0)
        {
            ForgetChangeKeys(activation);
        }

        if (activation.Fired)
        {
            if (_updateDepth > 0)
            {
                _refractionStash!.Add(activation);
            }

            return;
        }

        if (activation.HeapIndex >= 0)
        {
            AgendaOf(activation.Rule.AgendaGroup).Remove(activation);
            TraceActivation(TraceEventKind.Cancelled, activation, "its facts changed or were retracted before it fired");
        }
    }

    private void FireOne(Activation activation, int firedSoFar)
    {
        activation.Fired = true;
        activation.FiredStamp = StampOf(activation.Token);
        _recentFirings[firedSoFar % LoopWindow] = activation.Rule;
        if (activation.Rule.HasChangeFilter)
        {
            RecordChangeKeys(activation);
        }

        TraceActivation(TraceEventKind.Fired, activation, null);
        _actionContext.Activation = activation;
        foreach (var action in activation.Rule.Actions)
        {
            try
            {
                action.Run(_actionContext);
            }
            catch (Exception exception) when (exception is not RulesException)
            {
                var facts = TokenFacts.Of(activation.Token);
                throw new RuleActionException(
                    $"Action '{action.Description}' of rule '{activation.Rule.Name}' failed on facts [{string.Join(", ", facts)}]: {exception.Message}",
                    activation.Rule.Name,
                    action.Description,
                    facts,
                    exception);
            }
        }

        if (_halted)
        {
            TraceActivation(TraceEventKind.Halted, activation, $"{PendingCount().ToString(CultureInfo.InvariantCulture)} activation(s) left on the agenda");
        }
    }

    private RunawayChainingException Runaway()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in _recentFirings)
        {
            if (rule is not null)
            {
                counts[rule.Name] = counts.GetValueOrDefault(rule.Name) + 1;
            }
        }

        var names = counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key).ToList();
        return new RunawayChainingException(
            $"Firing stopped after {Options.MaxFirings.ToString(CultureInfo.InvariantCulture)} rule firings: the rules keep re-activating each other. " +
            $"Rules in the loop: {string.Join(", ", names.Select(n => $"'{n}'"))}. " +
            "Add a condition that stops holding once a rule has done its work (e.g. check the field it sets), or raise SessionOptions.MaxFirings.",
            Options.MaxFirings,
            names);
    }

    private bool IsRefracted(Activation activation)
    {
        var stamp = StampOf(activation.Token);
        foreach (var previous in _refractionStash!)
        {
            if (previous.Rule == activation.Rule && previous.FiredStamp == stamp && SameFacts(previous.Token, activation.Token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameFacts(Token left, Token right)
    {
        for (Token? a = left, b = right; a is not null || b is not null; a = a.Parent, b = b.Parent)
        {
            if (a is null || b is null || a.Handle != b.Handle)
            {
                return false;
            }

            if (a.Handle is null && !ValueSemantics.AreEqual(a.Fact?["value"], b.Fact?["value"]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Combines the versions of the match's facts, so a change to any of them defeats refraction.</summary>
    private static long StampOf(Token token)
    {
        long stamp = 17;
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current.Handle is not null)
            {
                stamp = unchecked((stamp * 31) + current.Handle.Fact.Version);
            }
        }

        return stamp;
    }

    private static string DescribeWin(Activation winner, Activation loser)
    {
        var reason = winner.Rule.Salience != loser.Rule.Salience
            ? $"salience {winner.Rule.Salience.ToString(CultureInfo.InvariantCulture)} > {loser.Rule.Salience.ToString(CultureInfo.InvariantCulture)}"
            : "fired first at equal salience";
        return $"rule '{winner.Rule.Name}' of exclusive group '{winner.Rule.ExclusiveGroup}' won ({reason})";
    }

    private void TraceActivation(TraceEventKind kind, Activation activation, string? detail, string? filter = null)
    {
        if (Trace is null)
        {
            return;
        }

        var rule = activation.Rule;
        var facts = new List<TracedFact>();
        var slot = rule.SlotNames.Length - 1;
        for (var token = activation.Token; token is not null && slot >= 0; token = token.Parent, slot--)
        {
            if (token.Fact is null)
            {
                continue;
            }

            var value = token.Handle is null ? FactValue.ToJson(token.Fact["value"]) : null;
            facts.Add(new TracedFact(rule.SlotNames[slot], token.Fact.Type, token.Fact.Id, token.Handle?.Id, value));
        }

        facts.Reverse();
        Trace.Add(kind, rule.Name, rule.Salience, facts, detail, filter);
    }
}
