namespace LowCode.Engine.Storage;

/// <summary>
/// An EF Core compiled query for a statement on a hot path: translated once instead of on every call. EF binds a
/// compiled query to the first model it runs against, and each provider's context has its own model, so
/// <c>compile</c> runs once per provider and each context runs its own.
/// </summary>
internal sealed class ProviderCompiled<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly TQuery _sqlite = compile();
    private readonly TQuery _postgres = compile();

    public TQuery For(LowCodeDbContext db) => db is SqliteLowCodeDbContext ? _sqlite : _postgres;
}
