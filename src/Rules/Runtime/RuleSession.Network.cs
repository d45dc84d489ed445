using LowCode.Rules.Errors;
using LowCode.Rules.Facts;
using LowCode.Rules.Rete;

namespace LowCode.Rules.Runtime;

/// <summary>Propagation through the Rete network.</summary>
public sealed partial class RuleSession
{
    internal AlphaMemory AlphaMemoryOf(AlphaMemoryNode node) => _alphaMemories[node.Id] ??= new AlphaMemory();

    internal BetaMemory BetaMemoryOf(BetaNode node) => _betaMemories[node.Id] ??= new BetaMemory();

    /// <summary>Creates the child token of a match and passes it to the next node.</summary>
    internal void EmitChild(BetaNode child, Token parent, FactHandle? handle, Fact? fact)
    {
        Token token = child is TerminalNode ? new Activation(parent, handle, fact, child) : new MemoryToken(parent, handle, fact, child);
        parent.AddChild(token);
        handle?.AddToken(token);
        child.LeftActivate(this, token);
    }

    /// <summary>Removes a token and everything derived from it.</summary>
    internal void RetractToken(Token token)
    {
        while (token.FirstChild is not null)
        {
            RetractToken(token.FirstChild);
        }

        token.Consumer?.LeftRetract(this, token);
        token.Parent?.RemoveChild(token);
        token.Handle?.RemoveToken(token);
    }

    private void AssertToNetwork(FactHandle handle)
    {
        if (!_network.TypeNodes.TryGetValue(handle.Fact.Type, out var typeNode))
        {
            return;
        }

        if (typeNode.Memory is not null)
        {
            AddToMemory(handle, typeNode.Memory);
        }

        DispatchAlpha(handle, typeNode.Dispatch);
    }

    private void DispatchAlpha(FactHandle handle, AlphaDispatch dispatch)
    {
        var tables = dispatch.Tables;
        for (var i = 0; i < tables.Length; i++)
        {
            var key = ValueSemantics.IndexKey(tables[i].Path.Resolve(handle.Fact));
            if (tables[i].Nodes.TryGetValue(key, out var node))
            {
                PassAlpha(handle, node);
            }
        }

        var tested = dispatch.Tested;
        for (var i = 0; i < tested.Length; i++)
        {
            AssertAlpha(handle, tested[i]);
        }
    }

    private void AssertAlpha(FactHandle handle, AlphaNode node)
    {
        bool passed;
        try
        {
            passed = node.Test(null, handle.Fact);
        }
        catch (Exception exception) when (exception is not RulesException)
        {
            throw RuleConditionException.Create(node.RuleNames, node.Description, handle.Fact, null, exception);
        }

        if (passed)
        {
            PassAlpha(handle, node);
        }
    }

    private void PassAlpha(FactHandle handle, AlphaNode node)
    {
        if (node.Memory is not null)
        {
            AddToMemory(handle, node.Memory);
        }

        DispatchAlpha(handle, node.Dispatch);
    }

    private void AddToMemory(FactHandle handle, AlphaMemoryNode node)
    {
        if (node.StoresFacts)
        {
            AlphaMemoryOf(node).Add(handle);
        }

        if (node.TracksMembers)
        {
            (handle.Memories ??= []).Add(node);
        }

        var successors = node.Successors;
        for (var i = 0; i < successors.Count; i++)
        {
            successors[i].RightActivate(this, handle);
        }
    }

    private void RetractFromNetwork(FactHandle handle)
    {
        // Matches that contain the fact go first, so that nothing below re-derives from it.
        while (handle.FirstToken is not null)
        {
            RetractToken(handle.FirstToken);
        }

        if (handle.Memories is null)
        {
            return;
        }

        // Every memory forgets the fact before any not/exists/aggregate reacts, so no reaction can see it again.
        foreach (var memory in handle.Memories)
        {
            if (memory.StoresFacts)
            {
                AlphaMemoryOf(memory).Remove(handle);
            }

            foreach (var successor in memory.Successors)
            {
                successor.RemoveRight(this, handle);
            }
        }

        foreach (var memory in handle.Memories)
        {
            foreach (var successor in memory.Successors)
            {
                successor.PropagateRightRetract(this, handle);
            }
        }

        handle.Memories.Clear();
    }
}
