using System.Text.Json;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>Pass 2: the visibility and value steps, and running expressions.</summary>
internal sealed partial class FormRun
{
    private void Show(LayoutField field, Frame frame, bool cyclic)
    {
        var slot = frame.Slots[field.Slot];
        var visible = field.Parent is null || ParentSlot(field, frame).Visible;
        if (visible && !cyclic && _plan.Fields[field.Order].VisibleWhen is { } condition)
        {
            // A visibleWhen that fails leaves the field shown: hiding it would silently drop what was typed into it.
            visible = Condition(condition, frame, slot, frame.PathOf(field)) ?? true;
        }

        slot.Visible = visible;
    }

    private void Compute(LayoutField field, Frame frame, bool cyclic)
    {
        var slot = frame.Slots[field.Slot];
        if (!slot.Visible)
        {
            return;
        }

        if (field.Type == FieldType.Computed)
        {
            slot.Value = null;
            if (!cyclic && _plan.Fields[field.Order].Computed is { } expression)
            {
                var result = Run(expression, frame, ExpectedType.Any);
                if (result.IsSuccess)
                {
                    slot.Value = result.Value.ToJsonNode();
                }
                else
                {
                    slot.Add(new(frame.PathOf(field), FormErrorCodes.Expression, result.Error!.ToString()));
                }
            }
        }
        else if (field.Type == FieldType.Repeating && slot.Valid)
        {
            var rows = new JsonArray();
            foreach (var row in slot.Rows!)
            {
                rows.Add(Values(row));
            }

            slot.RowValues = rows;
        }
    }

    /// <summary>A condition's verdict; null and undefined (typically an empty field) count as false; null when it failed (reported).</summary>
    private bool? Condition(PlanExpression condition, Frame frame, Slot slot, string path)
    {
        var result = Run(condition, frame, ExpectedType.Any);
        if (result.IsSuccess)
        {
            switch (result.Value.Kind)
            {
                case ExpressionValueKind.Boolean:
                    return result.Value.AsBoolean();
                case ExpressionValueKind.Null or ExpressionValueKind.Undefined:
                    return false;
            }

            slot.Add(new(path, FormErrorCodes.Expression,
                $"{condition.Label}: the expression `{condition.Compiled.Source}` returned {result.Value.Describe()}, but a condition must give true or false. Compare explicitly, e.g. amount > 0 or status === 'open'."));
            return null;
        }

        slot.Add(new(path, FormErrorCodes.Expression, result.Error!.ToString()));
        return null;
    }

    private ExpressionResult Run(PlanExpression expression, Frame frame, ExpectedType expected)
    {
        var scope = new ExpressionScope(_now, _options.TimeZone);
        foreach (var (name, field, up) in expression.Reads)
        {
            // Primitives go in as CLR values: the sandbox converts them without inspecting a JSON node.
            switch (Exposed(field, frame.Up(up).Slots[field.Slot]))
            {
                case JsonValue value when value.GetValueKind() is var kind && kind != JsonValueKind.Object:
                    _ = kind switch
                    {
                        JsonValueKind.Number => scope.Set(name, JsonRead.Number(value)),
                        JsonValueKind.String => scope.Set(name, JsonRead.Text(value)),
                        JsonValueKind.True => scope.Set(name, true),
                        JsonValueKind.False => scope.Set(name, false),
                        _ => scope.Set(name, (JsonNode?)null),
                    };
                    break;
                case var node:
                    scope.Set(name, node);
                    break;
            }
        }

        return _expressions.Evaluate(expression.Compiled, scope, expected, expression.Label);
    }

    /// <summary>What an object of a scope stores: visible fields, groups nested, rows as arrays, hidden and static fields left out.</summary>
    private static JsonObject Values(Frame frame)
    {
        var target = new JsonObject();
        Values(frame.Scope.Roots, frame, target);
        return target;
    }

    private static void Values(IReadOnlyList<LayoutField> fields, Frame frame, JsonObject target)
    {
        foreach (var field in fields)
        {
            var slot = frame.Slots[field.Slot];
            if (!slot.Visible || field.Type is null or FieldType.Static)
            {
                continue;
            }

            switch (field.Type)
            {
                case FieldType.Group:
                    var group = new JsonObject();
                    Values(field.Children, frame, group);
                    target[field.Key] = group;
                    break;
                case FieldType.Repeating:
                    // The rows were built once for expressions to read; the first owner takes them, any other a copy.
                    target[field.Key] = slot.RowValues is { Parent: null } rows ? rows : slot.RowValues?.DeepClone();
                    break;
                default:
                    target[field.Key] = slot.Valid ? slot.Value?.DeepClone() : null;
                    break;
            }
        }
    }
}
