using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Engine.Storage;

/// <summary>
/// An EF Core compiled query for a statement on the hot path of every step: translated once instead of on every
/// call. EF binds a compiled query to the first model it runs against, and each provider's context has its own model,
/// so the query is compiled once per provider and each context runs its own.
/// </summary>
internal sealed class ProviderCompiledQuery<TParam, TResult>(Expression<Func<LowCodeDbContext, TParam, CancellationToken, TResult>> query)
{
    private readonly Func<LowCodeDbContext, TParam, CancellationToken, Task<TResult>> _sqlite = EF.CompileAsyncQuery(query);
    private readonly Func<LowCodeDbContext, TParam, CancellationToken, Task<TResult>> _postgres = EF.CompileAsyncQuery(query);

    public Task<TResult> RunAsync(LowCodeDbContext db, TParam parameter, CancellationToken cancellationToken) =>
        (db is SqliteLowCodeDbContext ? _sqlite : _postgres)(db, parameter, cancellationToken);
}

/// <summary>
/// The same for any compiled query delegate (several parameters, rows streamed): <c>compile</c> runs once per provider.
/// </summary>
internal sealed class ProviderCompiled<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly TQuery _sqlite = compile();
    private readonly TQuery _postgres = compile();

    public TQuery For(LowCodeDbContext db) => db is SqliteLowCodeDbContext ? _sqlite : _postgres;
}
