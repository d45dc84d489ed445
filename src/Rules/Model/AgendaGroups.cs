namespace LowCode.Rules.Model;

/// <summary>Names of agenda groups the engine defines.</summary>
public static class AgendaGroups
{
    /// <summary>
    /// The group of every rule that names none. It is always at the bottom of the focus stack, so its activations
    /// fire whenever no other group has the focus.
    /// </summary>
    public const string Main = "MAIN";
}
