using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;

namespace LowCode.GraphQL.Execution;

/// <summary>Everything a resolver may read about the field it computes (graphql-js: source, args, context, info).</summary>
public sealed class ResolveContext
{
    private readonly OperationContext _execution;

    internal ResolveContext(
        OperationContext execution,
        ObjectType parentType,
        FieldDefinition field,
        IReadOnlyList<FieldNode> fieldNodes,
        object? parent,
        IReadOnlyDictionary<string, object?> arguments,
        ResponsePath path)
    {
        _execution = execution;
        ParentType = parentType;
        Field = field;
        FieldNodes = fieldNodes;
        Parent = parent;
        Arguments = arguments;
        Path = path;
    }

    /// <summary>The value of the parent object (the root value for root fields, the event for subscription fields).</summary>
    public object? Parent { get; }

    /// <summary>Coerced argument values by name; arguments neither given nor defaulted are absent.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public ObjectType ParentType { get; }

    public FieldDefinition Field { get; }

    /// <summary>The field nodes merged into this field (same response name).</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; }

    public ResponsePath Path { get; }

    public RequestContext RequestContext => _execution.RequestContext;

    public IServiceProvider? Services => _execution.RequestContext.Services;

    public IDictionary<string, object?> Items => _execution.RequestContext.Items;

    public CancellationToken CancellationToken => _execution.CancellationToken;

    public Schema Schema => _execution.Schema;

    public OperationDefinitionNode Operation => _execution.Operation;

    /// <summary>Coerced variable values of the operation.</summary>
    public IReadOnlyDictionary<string, object?> Variables => _execution.Variables;

    /// <summary>The request's DataLoaders: batch and cache loads for the duration of one request.</summary>
    public DataLoaderScope DataLoaders => _execution.DataLoaders;

    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>
    /// An argument converted to <typeparamref name="T"/> (numbers convert between numeric types);
    /// <paramref name="defaultValue"/> when absent or null.
    /// </summary>
    public T? GetArgument<T>(string name, T? defaultValue = default)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return defaultValue;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string text)
        {
            return (T)Enum.Parse(target, text, ignoreCase: true);
        }

        return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A required service from <see cref="Services"/>; throws with the missing type's name.</summary>
    public T GetRequiredService<T>()
        where T : notnull
    {
        var service = Services?.GetService(typeof(T));
        return service is T typed
            ? typed
            : throw new InvalidOperationException($"Resolver for {ParentType.Name}.{Field.Name} needs a service {typeof(T).FullName}, which RequestContext.Services does not provide.");
    }
}
