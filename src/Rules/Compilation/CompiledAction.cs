using LowCode.Rules.Runtime;

namespace LowCode.Rules.Compilation;

/// <summary>An action compiled to a delegate over the firing activation.</summary>
internal sealed record CompiledAction(string Description, Action<ActionContext> Run);
