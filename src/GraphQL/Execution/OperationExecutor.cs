using System.Collections;
using LowCode.GraphQL.Language.Ast;
using LowCode.GraphQL.Types;
using LowCode.GraphQL.Utilities;

namespace LowCode.GraphQL.Execution;

/// <summary>
/// Spec §6.3–§6.4: executes selection sets, resolves and completes field values, and propagates nulls.
/// Works synchronously while resolvers return completed tasks and switches to async only where one does not,
/// so a synchronous query allocates no tasks. A completion returns <see cref="Invalid"/> when a non-null
/// position got null (the error is already recorded); the nearest nullable position turns it into null.
/// </summary>
internal sealed partial class OperationExecutor(OperationContext context, bool subscriptionEvent = false)
{
    /// <summary>Marks "null in a non-null position": the parent must become null in turn.</summary>
    internal static readonly object Invalid = new();

    private readonly OperationContext _context = context;
    private readonly bool _subscriptionEvent = subscriptionEvent;

    public async Task<ExecutionResult> ExecuteAsync(ObjectType rootType)
    {
        var fields = FieldCollector.CollectRoot(_context, rootType, _context.Operation.SelectionSet);
        var serial = _context.Operation.Operation == OperationKind.Mutation;
        var pending = ExecuteSelectionSet(rootType, _context.RootValue, fields, null, serial);
        var data = pending.IsCompletedSuccessfully ? pending.Result : await DriveAsync(pending).ConfigureAwait(false);
        return new ExecutionResult
        {
            Data = ReferenceEquals(data, Invalid) ? null : data,
            HasData = true,
            Errors = _context.Errors,
        };
    }

    /// <summary>Waits for the operation while dispatching DataLoader batches whenever loads are queued.</summary>
    private async Task<object?> DriveAsync(ValueTask<object?> pending)
    {
        var task = pending.AsTask();
        var loaders = _context.DataLoaders;
        while (!task.IsCompleted)
        {
            if (loaders.HasPending)
            {
                // A walk under way on another thread (a resolver's value being completed) may still queue keys.
                await loaders.WhenNoWalk().ConfigureAwait(false);
                await loaders.DispatchAsync(_context.CancellationToken).ConfigureAwait(false);
                continue;
            }

            await Task.WhenAny(task, loaders.WhenWorkQueued()).ConfigureAwait(false);
            if (!task.IsCompleted && loaders.HasPending)
            {
                // Let loads that other continuations are about to queue join the same batch.
                await Task.Yield();
            }
        }

        return await task.ConfigureAwait(false);
    }

    private ValueTask<object?> ExecuteSelectionSet(ObjectType type, object? source, CollectedField[] fields, ResponsePath? path, bool serial)
    {
        var result = new ResultDictionary(fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Definition is null)
            {
                continue;
            }

            var pending = ExecuteField(type, source, field, path);
            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueSelectionSetAsync(type, source, fields, path, serial, result, i, pending);
            }

            var value = pending.Result;
            if (ReferenceEquals(value, Invalid))
            {
                return new ValueTask<object?>(Invalid);
            }

            result.Add(field.ResponseName, value);
        }

        return new ValueTask<object?>(result);
    }

    private async ValueTask<object?> ContinueSelectionSetAsync(
        ObjectType type,
        object? source,
        CollectedField[] fields,
        ResponsePath? path,
        bool serial,
        ResultDictionary result,
        int index,
        ValueTask<object?> first)
    {
        if (serial)
        {
            var value = await first.ConfigureAwait(false);
            if (ReferenceEquals(value, Invalid))
            {
                return Invalid;
            }

            result.Add(fields[index].ResponseName, value);
            for (var i = index + 1; i < fields.Length; i++)
            {
                var field = fields[i];
                if (field.Definition is null)
                {
                    continue;
                }

                ValueTask<object?> next;
                _context.DataLoaders.BeginWalk();
                try
                {
                    next = ExecuteField(type, source, field, path);
                }
                finally
                {
                    _context.DataLoaders.EndWalk();
                }

                value = await next.ConfigureAwait(false);
                if (ReferenceEquals(value, Invalid))
                {
                    return Invalid;
                }

                result.Add(field.ResponseName, value);
            }

            return result;
        }

        var pending = new ValueTask<object?>[fields.Length - index];
        pending[0] = first;
        for (var i = index + 1; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Definition is not null)
            {
                pending[i - index] = ExecuteField(type, source, field, path);
            }
        }

        var invalid = false;
        for (var i = index; i < fields.Length; i++)
        {
            if (fields[i].Definition is null)
            {
                continue;
            }

            var value = await pending[i - index].ConfigureAwait(false);
            if (ReferenceEquals(value, Invalid))
            {
                invalid = true;
            }
            else if (!invalid)
            {
                result.Add(fields[i].ResponseName, value);
            }
        }

        return invalid ? Invalid : result;
    }

    private ValueTask<object?> ExecuteField(ObjectType parentType, object? source, CollectedField field, ResponsePath? parentPath)
    {
        var definition = field.Definition!;
        _context.CancellationToken.ThrowIfCancellationRequested();

        // A leaf read from its parent needs its path only if it fails; most fields of a large result are such leaves.
        var needsPath = definition.Resolver is not null || definition.Type.Named is not (ScalarType or EnumType) || definition.Type.Nullable is ListType;
        var path = new LazyPath(parentPath, field.ResponseName, needsPath ? new ResponsePath(parentPath, field.ResponseName) : null);
        try
        {
            var arguments = field.ConstantArguments ?? GetArguments(definition, field);
            var resolver = definition.Resolver;
            ResolveContext? resolveContext = null;
            ValueTask<object?> resolved;
            if (resolver is null)
            {
                // Fields read from their parent need no ResolveContext: most fields of a large result take this path.
                resolved = new ValueTask<object?>(_subscriptionEvent && parentPath is null ? source : DefaultResolver.Resolve(source, definition.Name));
            }
            else
            {
                resolveContext = new ResolveContext(_context, parentType, definition, field.Nodes, source, arguments, path.Value);
                resolved = resolver(resolveContext);
            }

            var frame = new FieldFrame(parentType, source, resolveContext);
            if (!resolved.IsCompletedSuccessfully)
            {
                return AwaitResolvedAsync(resolved, definition.Type, field, frame, path);
            }

            return CompleteField(definition.Type, field, frame, resolved.Result, path);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return new ValueTask<object?>(HandleFieldError(exception, definition.Type, field, path));
        }
    }

    private IReadOnlyDictionary<string, object?> GetArguments(FieldDefinition definition, CollectedField field)
    {
        var node = field.Nodes[0];
        var arguments = ValueCoercion.CoerceArgumentValues(definition.Arguments, node.Arguments, _context.Variables, node);
        if (!field.ArgumentsUseVariables && !_context.Document.HasVariableConditions)
        {
            if (UsesVariables(node.Arguments))
            {
                field.ArgumentsUseVariables = true;
            }
            else
            {
                field.ConstantArguments = arguments;
            }
        }

        return arguments;
    }

    private static bool UsesVariables(IReadOnlyList<ArgumentNode> arguments)
    {
        foreach (var argument in arguments)
        {
            if (UsesVariables(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool UsesVariables(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(UsesVariables),
        ObjectValueNode obj => obj.Fields.Any(f => UsesVariables(f.Value)),
        _ => false,
    };

    private async ValueTask<object?> AwaitResolvedAsync(
        ValueTask<object?> resolved,
        GraphQLType type,
        CollectedField field,
        FieldFrame frame,
        LazyPath path)
    {
        object? value;
        try
        {
            value = await resolved.ConfigureAwait(false);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return HandleFieldError(exception, type, field, path);
        }

        // Completing the value walks its sub-selections, queuing their loads; a dispatch waits for the walk to end so
        // that every sibling's key joins one batch, whichever thread the resolver resumed on.
        ValueTask<object?> completed;
        _context.DataLoaders.BeginWalk();
        try
        {
            completed = CompleteField(type, field, frame, value, path);
        }
        finally
        {
            _context.DataLoaders.EndWalk();
        }

        return await completed.ConfigureAwait(false);
    }

    /// <summary>CompleteValue for a field, with its errors handled at the field (spec §6.4.4).</summary>
    private ValueTask<object?> CompleteField(GraphQLType type, CollectedField field, FieldFrame frame, object? value, LazyPath path)
    {
        try
        {
            var completed = CompleteValue(type, field, frame, value, path);
            if (completed.IsCompletedSuccessfully)
            {
                return new ValueTask<object?>(Nullify(type, completed.Result));
            }

            return AwaitCompletedAsync(completed, type, field, path);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return new ValueTask<object?>(HandleFieldError(exception, type, field, path));
        }
    }

    private async ValueTask<object?> AwaitCompletedAsync(ValueTask<object?> completed, GraphQLType type, CollectedField field, LazyPath path)
    {
        try
        {
            return Nullify(type, await completed.ConfigureAwait(false));
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return HandleFieldError(exception, type, field, path);
        }
    }

    private static object? Nullify(GraphQLType type, object? value) =>
        ReferenceEquals(value, Invalid) && type is not NonNullType ? null : value;

    private bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException && _context.CancellationToken.IsCancellationRequested;

    private object? HandleFieldError(Exception exception, GraphQLType type, CollectedField field, LazyPath path)
    {
        _context.AddError(ErrorFactory.FromException(exception, field.Nodes, path.Value, _context.Options.ExposeExceptionMessages));
        return type is NonNullType ? Invalid : null;
    }

    private ValueTask<object?> CompleteValue(GraphQLType type, CollectedField field, FieldFrame frame, object? value, LazyPath path)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValue(nonNull.OfType, field, frame, value, path);
            if (inner.IsCompletedSuccessfully)
            {
                return new ValueTask<object?>(CheckNonNull(inner.Result, frame, field, path));
            }

            return CheckNonNullAsync(inner, frame, field, path);
        }

        if (value is null)
        {
            return new ValueTask<object?>((object?)null);
        }

        switch (type)
        {
            case ScalarType scalar:
                return new ValueTask<object?>(scalar.Serialize(value));
            case EnumType enumType:
                return new ValueTask<object?>(enumType.FindByClrValue(value)?.Name
                    ?? throw new GraphQLException($"Enum \"{enumType.Name}\" cannot represent value: {Inspect.Format(value)}"));
            case ObjectType objectType:
                return CompleteObject(objectType, field, value, path);
            case ListType list:
                return CompleteList(list, field, frame, value, path);
            default:
                var runtimeType = AbstractTypes.Resolve(_context.Schema, (NamedType)type, value, frame.Context ?? CreateContext(frame, field, path));
                return CompleteObject(runtimeType, field, value, path);
        }
    }

    private ResolveContext CreateContext(FieldFrame frame, CollectedField field, LazyPath path) =>
        new(_context, frame.ParentType, field.Definition!, field.Nodes, frame.Source, field.ConstantArguments ?? ValueCoercion.Empty, path.Value);

    private object? CheckNonNull(object? value, FieldFrame frame, CollectedField field, LazyPath path)
    {
        if (value is null)
        {
            _context.AddError(ErrorFactory.Create(
                $"Cannot return null for non-nullable field {frame.ParentType.Name}.{field.Definition!.Name}.", field.Nodes, path.Value));
            return Invalid;
        }

        return value;
    }

    private async ValueTask<object?> CheckNonNullAsync(ValueTask<object?> inner, FieldFrame frame, CollectedField field, LazyPath path) =>
        CheckNonNull(await inner.ConfigureAwait(false), frame, field, path);

    private ValueTask<object?> CompleteObject(ObjectType type, CollectedField field, object value, LazyPath path)
    {
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(value))
        {
            throw new GraphQLException($"Expected value of type \"{type.Name}\" but got: {Inspect.Format(value)}.");
        }

        var subfields = FieldCollector.CollectSubfields(_context, type, field);
        return ExecuteSelectionSet(type, value, subfields, path.Value, serial: false);
    }

    private ValueTask<object?> CompleteList(ListType type, CollectedField field, FieldFrame frame, object value, LazyPath path)
    {
        if (value is string || value is not IEnumerable items || ValueCoercion.IsMap(value))
        {
            throw new GraphQLException(
                $"Expected Iterable, but did not find one for field \"{frame.ParentType.Name}.{field.Definition!.Name}\".");
        }

        var itemType = type.OfType;
        var result = new List<object?>(value is ICollection collection ? collection.Count : 4);
        var enumerator = items.GetEnumerator();
        var listPath = path.Value;
        var index = 0;
        while (enumerator.MoveNext())
        {
            var completed = CompleteItem(itemType, field, frame, enumerator.Current, LazyPath.Of(new ResponsePath(listPath, index++)));
            if (!completed.IsCompletedSuccessfully)
            {
                return ContinueListAsync(itemType, field, frame, enumerator, index, listPath, result, completed);
            }

            var itemValue = completed.Result;
            if (ReferenceEquals(itemValue, Invalid))
            {
                (enumerator as IDisposable)?.Dispose();
                return new ValueTask<object?>(Invalid);
            }

            result.Add(itemValue);
        }

        (enumerator as IDisposable)?.Dispose();
        return new ValueTask<object?>(result);
    }

    private ValueTask<object?> CompleteItem(GraphQLType itemType, CollectedField field, FieldFrame frame, object? item, LazyPath path)
    {
        try
        {
            var completed = CompleteValue(itemType, field, frame, item, path);
            if (completed.IsCompletedSuccessfully)
            {
                return new ValueTask<object?>(Nullify(itemType, completed.Result));
            }

            return AwaitCompletedAsync(completed, itemType, field, path);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return new ValueTask<object?>(HandleFieldError(exception, itemType, field, path));
        }
    }

    private async ValueTask<object?> ContinueListAsync(
        GraphQLType itemType,
        CollectedField field,
        FieldFrame frame,
        IEnumerator enumerator,
        int index,
        ResponsePath path,
        List<object?> result,
        ValueTask<object?> first)
    {
        // Start every remaining item before awaiting any, so sibling items run (and batch their loads) together.
        var pending = new List<ValueTask<object?>> { first };
        while (enumerator.MoveNext())
        {
            pending.Add(CompleteItem(itemType, field, frame, enumerator.Current, LazyPath.Of(new ResponsePath(path, index++))));
        }

        (enumerator as IDisposable)?.Dispose();
        var invalid = false;
        foreach (var task in pending)
        {
            var value = await task.ConfigureAwait(false);
            if (ReferenceEquals(value, Invalid))
            {
                invalid = true;
            }
            else
            {
                result.Add(value);
            }
        }

        return invalid ? Invalid : result;
    }
}
