using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Native;

namespace LowCode.Engine.Expressions;

/// <summary>
/// Builds JavaScript values inside the engine from JSON data: the only way facts enter a script.
/// A CLR object handed to Jint would expose reflection; these values are plain JS objects, arrays and
/// primitives. Sizes are capped here so a huge or deep input fails clearly before the script runs.
/// </summary>
internal sealed class InputConverter
{
    private readonly Jint.Engine _engine;
    private readonly ExpressionLimits _limits;
    private int _nodes;

    public InputConverter(Jint.Engine engine, ExpressionLimits limits)
    {
        _engine = engine;
        _limits = limits;
    }

    public void Reset() => _nodes = 0;

    public JsValue Convert(string name, ScopeValue value) => value.Kind switch
    {
        ScopeValueKind.Boolean => value.Number != 0 ? JsBoolean.True : JsBoolean.False,
        ScopeValueKind.Number => JsNumber.Create(value.Number),
        ScopeValueKind.Text => Text(value.Text!, name),
        ScopeValueKind.Element => FromElement(value.Element, name, 0),
        ScopeValueKind.Node => FromNode(value.Node, name, 0),
        _ => JsValue.Null,
    };

    private JsValue FromElement(JsonElement element, string path, int depth)
    {
        Count(path, depth);
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Text(element.GetString()!, path);
            case JsonValueKind.Number:
                return JsNumber.Create(element.GetDouble());
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Array:
            {
                var length = element.GetArrayLength();
                CheckLength(path, length);
                var items = new JsValue[length];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = FromElement(item, path, depth + 1);
                }

                return new JsArray(_engine, items);
            }

            case JsonValueKind.Object:
            {
                var target = new JsObject(_engine);
                foreach (var property in element.EnumerateObject())
                {
                    target.FastSetDataProperty(property.Name, FromElement(property.Value, path, depth + 1));
                }

                return target;
            }

            default:
                return JsValue.Null;
        }
    }

    private JsValue FromNode(JsonNode? node, string path, int depth)
    {
        Count(path, depth);
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonArray list:
            {
                CheckLength(path, list.Count);
                var items = new JsValue[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = FromNode(list[i], path, depth + 1);
                }

                return new JsArray(_engine, items);
            }

            case JsonObject record:
            {
                var target = new JsObject(_engine);
                foreach (var (key, item) in record)
                {
                    target.FastSetDataProperty(key, FromNode(item, path, depth + 1));
                }

                return target;
            }

            default:
                return FromValue((JsonValue)node, path);
        }
    }

    private JsValue FromValue(JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.TryGetValue<string>(out var text) ? Text(text, path) : Text(value.ToJsonString().Trim('"'), path);
            case JsonValueKind.Number:
                return JsNumber.Create(value.TryGetValue<double>(out var number)
                    ? number
                    : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            default:
                return JsValue.Null;
        }
    }

    private JsString Text(string text, string path)
    {
        if (text.Length > _limits.MaxStringLength)
        {
            throw Input(path, $"a string of {text.Length} characters is over the limit of {_limits.MaxStringLength}");
        }

        return JsString.Create(text);
    }

    private void Count(string path, int depth)
    {
        if (++_nodes > _limits.MaxInputNodes)
        {
            throw Input(path, $"the scope holds more than {_limits.MaxInputNodes} values");
        }

        if (depth > _limits.MaxInputDepth)
        {
            throw Input(path, $"it is nested more than {_limits.MaxInputDepth} levels deep");
        }
    }

    private void CheckLength(string path, int length)
    {
        if (length > _limits.MaxArrayLength)
        {
            throw Input(path, $"an array of {length} items is over the limit of {_limits.MaxArrayLength}");
        }
    }

    private static SandboxLimitException Input(string variable, string problem) => new(ExpressionErrorCategory.InputLimit,
        $"The variable '{variable}' is too large for the expression sandbox: {problem}.",
        "Pass less data to the expression, or raise ExpressionLimits for this use.");
}
