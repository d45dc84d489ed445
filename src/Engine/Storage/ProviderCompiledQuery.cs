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

/// <summary>The same for a query that returns rows: compiled once per provider, streamed by each context.</summary>
internal sealed class ProviderCompiledRows<TParam, TResult>(Expression<Func<LowCodeDbContext, TParam, IQueryable<TResult>>> query)
{
    private readonly Func<LowCodeDbContext, TParam, IAsyncEnumerable<TResult>> _sqlite = EF.CompileAsyncQuery(query);
    private readonly Func<LowCodeDbContext, TParam, IAsyncEnumerable<TResult>> _postgres = EF.CompileAsyncQuery(query);

    public IAsyncEnumerable<TResult> Run(LowCodeDbContext db, TParam parameter) =>
        (db is SqliteLowCodeDbContext ? _sqlite : _postgres)(db, parameter);
}
