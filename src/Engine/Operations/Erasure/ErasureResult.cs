namespace LowCode.Engine.Operations.Erasure;

/// <summary>What an erasure rewrote: the instance, how many of its events and tasks lost their personal values.</summary>
public sealed record ErasureResult(string InstanceId, int Events, int Tasks);
