using LowCode.Rules.Compilation;
using LowCode.Rules.Diagnostics;
using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>
/// A working memory over a compiled rule set: insert, update and retract facts, then <see cref="Fire()"/>.
/// Cheap to create (memories are allocated as facts arrive). Not thread-safe: use one session per decision or
/// per thread; the compiled rule set it came from is shared safely.
/// </summary>
public sealed partial class RuleSession
{
    private readonly ReteNetwork _network;
    private readonly AlphaMemory?[] _alphaMemories;
    private readonly BetaMemory?[] _betaMemories;
    private readonly Dictionary<Fact, FactHandle> _handles = new(ReferenceEqualityComparer.Instance);
    private readonly List<RuleOutput> _outputs = [];
    private long _nextHandleId;
    private long _nextRecency;

    internal RuleSession(CompiledRuleSet ruleSet, SessionOptions options)
    {
        RuleSet = ruleSet;
        Options = options;
        _network = ruleSet.Network;
        _alphaMemories = new AlphaMemory?[_network.AlphaMemoryCount];
        _betaMemories = new BetaMemory?[_network.BetaNodeCount];
        _actionContext = new ActionContext(this);
        _groupAgendas = _network.AgendaGroups.Length > 1 ? new Agenda?[_network.AgendaGroups.Length] : null;
        _hasSessionFilters = options.AgendaFilters is { Count: > 0 };
        Trace = options.Trace ? new DecisionTrace(ruleSet.Name, ruleSet.Version) : null;
        Root = new Token(null, null, null, null);

        // Rules opening with not/exists/aggregate hold from the start (e.g. "no Order at all"): seed their roots.
        foreach (var first in _network.FirstNodes)
        {
            if (first is not JoinNode)
            {
                first.LeftActivate(this, new MemoryToken(null, null, null, first));
            }
        }
    }

    /// <summary>The rule set (and version) this session evaluates.</summary>
    public CompiledRuleSet RuleSet { get; }

    public SessionOptions Options { get; }

    /// <summary>The decision trace, when <see cref="SessionOptions.Trace"/> is on.</summary>
    public DecisionTrace? Trace { get; }

    /// <summary>What fired rules emitted, in firing order.</summary>
    public IReadOnlyList<RuleOutput> Outputs => _outputs;

    /// <summary>The facts in the session.</summary>
    public IEnumerable<Fact> Facts => _handles.Keys;

    public int FactCount => _handles.Count;

    /// <summary>Activations waiting to fire, in every agenda group.</summary>
    public int PendingActivations => PendingCount();

    internal Token Root { get; }

    public bool Contains(Fact fact) => _handles.ContainsKey(fact);

    /// <summary>Adds a fact and matches it against every rule.</summary>
    public void Insert(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (_handles.ContainsKey(fact))
        {
            throw new ArgumentException(
                $"Fact {fact} is already in the session; call Update after changing it instead of inserting it again.",
                nameof(fact));
        }

        var handle = new FactHandle(fact, ++_nextHandleId, ++_nextRecency);
        _handles.Add(fact, handle);
        AssertToNetwork(handle);
    }

    public void InsertAll(IEnumerable<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var fact in facts)
        {
            Insert(fact);
        }
    }

    /// <summary>
    /// Re-matches a fact after it changed. Activations over it that already fired fire again only if the fact's
    /// <see cref="Fact.Version"/> (or any other fact of the match) changed since (refraction).
    /// </summary>
    public void Update(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var handle = HandleOf(fact, "update");
        _refractionStash ??= [];
        _updateDepth++;
        try
        {
            RetractFromNetwork(handle);
            handle.Recency = ++_nextRecency;
            AssertToNetwork(handle);
        }
        finally
        {
            if (--_updateDepth == 0)
            {
                _refractionStash.Clear();
            }
        }
    }

    /// <summary>Removes a fact; activations over it are cancelled.</summary>
    public void Retract(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var handle = HandleOf(fact, "retract");
        RetractFromNetwork(handle);
        _handles.Remove(fact);
    }

    internal void AddOutput(RuleOutput output) => _outputs.Add(output);

    private FactHandle HandleOf(Fact fact, string operation) =>
        _handles.TryGetValue(fact, out var handle)
            ? handle
            : throw new ArgumentException(
                $"Cannot {operation} fact {fact}: it is not in the session. Insert it first.",
                nameof(fact));
}
