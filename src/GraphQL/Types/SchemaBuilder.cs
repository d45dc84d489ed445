using LowCode.GraphQL.Execution;

namespace LowCode.GraphQL.Types;

/// <summary>
/// Builds a schema the one way this library supports: schema-first. The SDL declares every type; resolvers,
/// custom scalars, enum values and type resolvers are bound to it by name, and <see cref="Build"/> checks that
/// every binding names something the SDL declares and that the schema obeys spec §3.
/// </summary>
/// <example>
/// <code>
/// var schema = SchemaBuilder.FromSdl("type Query { hello(name: String = \"World\"): String! }")
///     .Resolve("Query", "hello", ctx => $"Hello, {ctx.GetArgument&lt;string&gt;("name")}!")
///     .Build();
/// var executor = schema.CreateExecutor();
/// </code>
/// </example>
public sealed partial class SchemaBuilder
{
    private readonly List<string> _sdl = [];
    private readonly Dictionary<string, ScalarType> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Field), FieldResolver> _resolvers = [];
    private readonly Dictionary<(string Type, string Field), SubscriptionResolver> _subscribers = [];
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<object, bool>> _isTypeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, object>> _enumValues = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Field), int> _costs = [];

    private SchemaBuilder()
    {
    }

    /// <summary>Starts a schema from SDL text (type-system definitions and extensions).</summary>
    public static SchemaBuilder FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl);

    /// <summary>Adds more SDL, for example <c>extend type Query { ... }</c> from another module.</summary>
    public SchemaBuilder AddSdl(string sdl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sdl);
        _sdl.Add(sdl);
        return this;
    }

    /// <summary>Registers a custom scalar (such as <see cref="Scalars.DateTimeScalar"/>); the SDL may declare it with <c>scalar Name</c>.</summary>
    public SchemaBuilder AddScalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        _scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Binds the resolver of <paramref name="typeName"/>.<paramref name="fieldName"/>.</summary>
    public SchemaBuilder Bind(string typeName, string fieldName, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers[(typeName, fieldName)] = resolver;
        return this;
    }

    /// <summary>Binds a synchronous resolver. Returning a Task here is a mistake <see cref="ResolveAsync{T}"/> exists for.</summary>
    public SchemaBuilder Resolve(string typeName, string fieldName, Func<ResolveContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Bind(typeName, fieldName, context =>
        {
            var value = resolver(context);
            return value is Task
                ? throw new InvalidOperationException($"The resolver of {typeName}.{fieldName} returned a Task; bind it with ResolveAsync.")
                : new ValueTask<object?>(value);
        });
    }

    /// <summary>Binds an asynchronous resolver.</summary>
    public SchemaBuilder ResolveAsync<T>(string typeName, string fieldName, Func<ResolveContext, Task<T>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Bind(typeName, fieldName, async context => await resolver(context).ConfigureAwait(false));
    }

    /// <summary>
    /// Binds the source stream of a subscription field. Each event becomes the field's value, unless a resolver is
    /// also bound to the field, in which case the resolver sees the event as <see cref="ResolveContext.Parent"/>.
    /// </summary>
    public SchemaBuilder Subscribe<T>(string typeName, string fieldName, Func<ResolveContext, IAsyncEnumerable<T>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        _subscribers[(typeName, fieldName)] = context => new ValueTask<IAsyncEnumerable<object?>>(BoxAsync(subscribe(context), context.CancellationToken));
        return this;
    }

    /// <summary>
    /// As <see cref="Subscribe{T}"/>, for a source stream that needs awaiting first (an access check against a store): an
    /// exception thrown before the stream is returned is the subscription's error, and no stream starts.
    /// </summary>
    public SchemaBuilder SubscribeAsync<T>(string typeName, string fieldName, Func<ResolveContext, Task<IAsyncEnumerable<T>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        _subscribers[(typeName, fieldName)] = async context => BoxAsync(await subscribe(context).ConfigureAwait(false), context.CancellationToken);
        return this;
    }

    /// <summary>
    /// Sets what selecting <paramref name="typeName"/>.<paramref name="fieldName"/> adds to an operation's estimated
    /// cost (the default is 1; list multipliers apply on top). Wins over an <c>@cost</c> directive on the same field.
    /// </summary>
    public SchemaBuilder Cost(string typeName, string fieldName, int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        _costs[(typeName, fieldName)] = weight;
        return this;
    }

    /// <summary>Names the object type of values of an interface or union.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, TypeResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _typeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>Tells whether a value belongs to an object type (used for abstract types without a type resolver).</summary>
    public SchemaBuilder IsTypeOf(string objectTypeName, Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        _isTypeOf[objectTypeName] = predicate;
        return this;
    }

    /// <summary>Maps enum value names to the CLR values resolvers receive and return.</summary>
    public SchemaBuilder BindEnum(string enumName, IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _enumValues[enumName] = values;
        return this;
    }

    /// <summary>Maps a GraphQL enum to a CLR enum by name (case and underscores ignored: IN_PROGRESS is InProgress).</summary>
    public SchemaBuilder BindEnum<TEnum>(string enumName)
        where TEnum : struct, Enum
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            values[Normalize(value.ToString())] = value;
        }

        _enumValues[enumName] = new NormalizedNames(values);
        return this;
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static async IAsyncEnumerable<object?> BoxAsync<T>(
        IAsyncEnumerable<T> source,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>Looks enum names up after normalising them the way <see cref="BindEnum{TEnum}"/> does.</summary>
    private sealed class NormalizedNames(Dictionary<string, object> inner) : IReadOnlyDictionary<string, object>
    {
        public object this[string key] => inner[Normalize(key)];

        public IEnumerable<string> Keys => inner.Keys;

        public IEnumerable<object> Values => inner.Values;

        public int Count => inner.Count;

        public bool ContainsKey(string key) => inner.ContainsKey(Normalize(key));

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out object value) =>
            inner.TryGetValue(Normalize(key), out value);

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
