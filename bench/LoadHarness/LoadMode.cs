namespace LowCode.LoadHarness;

/// <summary>How a round drives the Api (see <see cref="HarnessOptions.Help"/>).</summary>
internal enum LoadMode
{
    /// <summary>Closed loop: each client starts its next instance as soon as the last one is done.</summary>
    Max,

    /// <summary>Open loop: instances arrive at a fixed rate whatever the Api does.</summary>
    Rate,

    /// <summary>Closed loop while an admin republishes the routing rule set.</summary>
    Publish,

    /// <summary>Closed loop of <c>{ viewer { id } }</c> only: what authentication and the GraphQL path cost alone.</summary>
    Viewer,

    /// <summary>Closed loop of <c>evaluateForm</c> on the claim form only: the per-keystroke call of a front end.</summary>
    Evaluate,
}
