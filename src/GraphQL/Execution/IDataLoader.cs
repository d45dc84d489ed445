namespace LowCode.GraphQL.Execution;

/// <summary>A loader the request's <see cref="DataLoaderScope"/> can dispatch.</summary>
internal interface IDataLoader
{
    Task DispatchAsync(CancellationToken cancellationToken);
}
