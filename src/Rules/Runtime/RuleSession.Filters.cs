using LowCode.Rules.Compilation;
using LowCode.Rules.Errors;
using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>Agenda filters: the session's, then the rule's, and the state of change filters.</summary>
public sealed partial class RuleSession
{
    private readonly bool _hasSessionFilters;
    private AgendaActivation? _filterView;

    // Change filters: the key values recorded when a rule last fired for a combination of facts.
    private Dictionary<ChangeKey, object?[]>? _changeKeys;

    /// <summary>The name of the first filter that rejects the activation, or null when every filter accepts it.</summary>
    private string? RejectingFilter(Activation activation)
    {
        var view = _filterView ??= new AgendaActivation(this);
        view.Activation = activation;
        var current = string.Empty;
        try
        {
            var sessionFilters = Options.AgendaFilters;
            for (var i = 0; i < sessionFilters.Count; i++)
            {
                current = sessionFilters[i].Name;
                if (!sessionFilters[i].Accept(view))
                {
                    return current;
                }
            }

            foreach (var filter in activation.Rule.Filters)
            {
                current = filter.Name;
                if (!(filter.IsChangeFilter ? KeysChanged(filter, activation) : filter.Predicate!(view)))
                {
                    return current;
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is not RulesException)
        {
            var facts = TokenFacts.Of(activation);
            throw new RuleFilterException(
                $"Agenda filter '{current}' failed on an activation of rule '{activation.Rule.Name}' over facts [{string.Join(", ", facts)}]: {exception.Message}",
                activation.Rule.Name,
                current,
                facts,
                exception);
        }
    }

    private bool KeysChanged(CompiledFilter filter, Activation activation)
    {
        if (_changeKeys is null || !_changeKeys.TryGetValue(new ChangeKey(filter, activation), out var recorded))
        {
            return true;
        }

        var current = filter.KeyValues(activation);
        for (var i = 0; i < current.Length; i++)
        {
            if (!ValueSemantics.AreEqual(recorded[i], current[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Remembers the change keys' values as the activation fires (NRules records them on selection).</summary>
    private void RecordChangeKeys(Activation activation)
    {
        _changeKeys ??= [];
        foreach (var filter in activation.Rule.Filters)
        {
            if (filter.IsChangeFilter)
            {
                _changeKeys[new ChangeKey(filter, activation)] = filter.KeyValues(activation);
            }
        }
    }

    /// <summary>Forgets the recorded keys of a match that is gone for good (not merely re-created by an update).</summary>
    private void ForgetChangeKeys(Activation activation)
    {
        if (_changeKeys is null)
        {
            return;
        }

        foreach (var filter in activation.Rule.Filters)
        {
            if (filter.IsChangeFilter)
            {
                _changeKeys.Remove(new ChangeKey(filter, activation));
            }
        }
    }

    /// <summary>A change filter and the session facts of a match (aggregate results count by position only).</summary>
    private sealed class ChangeKey : IEquatable<ChangeKey>
    {
        private readonly CompiledFilter _filter;
        private readonly FactHandle?[] _handles;
        private readonly int _hash;

        public ChangeKey(CompiledFilter filter, Token token)
        {
            _filter = filter;
            var count = 0;
            for (var current = token; current.Parent is not null; current = current.Parent)
            {
                count++;
            }

            _handles = new FactHandle?[count];
            var hash = new HashCode();
            hash.Add(filter);
            var i = 0;
            for (var current = token; current.Parent is not null; current = current.Parent)
            {
                _handles[i++] = current.Handle;
                hash.Add(current.Handle);
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(ChangeKey? other) =>
            other is not null && ReferenceEquals(_filter, other._filter) && _handles.AsSpan().SequenceEqual(other._handles);

        public override bool Equals(object? obj) => Equals(obj as ChangeKey);

        public override int GetHashCode() => _hash;
    }
}
