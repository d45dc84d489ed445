using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Turns a script's result into a plain <see cref="ExpressionValue"/>. Only data properties are read, so
/// no script code (getters, toString) runs after the limits have stopped counting.
/// </summary>
internal sealed class ResultConverter
{
    private const int MaxDepth = 64;
    private readonly ExpressionLimits _limits;
    private int _nodes;

    private ResultConverter(ExpressionLimits limits)
    {
        _limits = limits;
    }

    public static ExpressionValue Convert(JsValue value, ExpressionLimits limits)
    {
        switch (value.Type)
        {
            case Types.Boolean:
                return ExpressionValue.FromBoolean(value.AsBoolean());
            case Types.Number:
                return ExpressionValue.FromNumber(value.AsNumber());
            case Types.String:
                return ExpressionValue.FromText(value.AsString());
            case Types.Null:
                return ExpressionValue.Null;
            case Types.Undefined or Types.Empty:
                return ExpressionValue.Undefined;
            default:
                break;
        }

        var target = value.AsObject();
        if (target is Jint.Native.Function.Function)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.TypeMismatch, "The expression returned a function, not a value.",
                "Did you forget the brackets of a call, e.g. today() rather than today?");
        }

        if (target is JsDate date)
        {
            return ExpressionValue.FromText(IsoDate(date.DateValue));
        }

        var converter = new ResultConverter(limits);
        return ExpressionValue.FromNode(converter.Node(target, 0)!);
    }

    internal static string IsoDate(double milliseconds)
        => double.IsNaN(milliseconds)
            ? "Invalid Date"
            : DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private JsonNode? Node(JsValue value, int depth)
    {
        if (++_nodes > _limits.MaxResultNodes)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                $"The result holds more than {_limits.MaxResultNodes} values.", "Return a smaller value.");
        }

        switch (value.Type)
        {
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.Number:
                return double.IsFinite(value.AsNumber()) ? JsonValue.Create(value.AsNumber()) : null;
            case Types.String:
                return JsonValue.Create(value.AsString());
            case Types.Object:
                break;
            default:
                return null;
        }

        if (depth >= MaxDepth)
        {
            throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                $"The result is nested more than {MaxDepth} levels deep (or refers to itself).", "Return a flatter value.");
        }

        var target = value.AsObject();
        switch (target)
        {
            case Jint.Native.Function.Function:
                return null;
            case JsDate date:
                return JsonValue.Create(IsoDate(date.DateValue));
            case JsArray array:
            {
                var length = array.Length;
                if (length > _limits.MaxArrayLength)
                {
                    throw new SandboxLimitException(ExpressionErrorCategory.MemoryLimit,
                        $"The result is an array of {length} items; the limit is {_limits.MaxArrayLength}.", "Return fewer items.");
                }

                var list = new JsonArray();
                for (uint i = 0; i < length; i++)
                {
                    var item = DataProperty(array, i.ToString(CultureInfo.InvariantCulture));
                    list.Add(item is null ? null : Node(item, depth + 1));
                }

                return list;
            }

            default:
            {
                var record = new JsonObject();
                foreach (var (key, descriptor) in target.GetOwnProperties().ToList<KeyValuePair<JsValue, Jint.Runtime.Descriptors.PropertyDescriptor>>())
                {
                    if (key.IsString() && key.AsString() is var name && descriptor.Enumerable && descriptor.IsDataDescriptor() && descriptor.Value is { } item
                        && !item.IsUndefined() && !(item.IsObject() && item.AsObject() is Jint.Native.Function.Function))
                    {
                        record[name] = Node(item, depth + 1);
                    }
                }

                return record;
            }
        }
    }

    private static JsValue? DataProperty(ObjectInstance target, string name)
    {
        var descriptor = target.GetOwnProperty(name);
        return descriptor != Jint.Runtime.Descriptors.PropertyDescriptor.Undefined && descriptor.IsDataDescriptor() ? descriptor.Value : null;
    }
}
