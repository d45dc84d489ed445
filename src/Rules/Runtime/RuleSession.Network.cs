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

        var children = typeNode.Children;
        for (var i = 0; i < children.Count; i++)
        {
            AssertAlpha(handle, children[i]);
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

        if (!passed)
        {
            return;
        }

        if (node.Memory is not null)
        {
            AddToMemory(handle, node.Memory);
        }

        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            AssertAlpha(handle, children[i]);
        }
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
