namespace LowCode.Engine.Metadata;

/// <summary>The three kinds of definition; each is keyed and versioned independently.</summary>
public enum DefinitionKind
{
    Form,
    Process,
    RuleSet,
}
