using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LowCode.Engine.Expressions;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>
/// One evaluation of a form against data, in three passes: read and coerce the data into frames (one for the form,
/// one per row), run the visibility and value steps in dependency order, then walk the fields in document order to
/// check them and list their states. Not thread-safe; one per call.
/// </summary>
internal sealed partial class FormRun
{
    private readonly FormPlan _plan;
    private readonly IExpressionEvaluator _expressions;
    private readonly FormEvaluationOptions _options;
    private readonly DateTimeOffset _now;
    private readonly List<Frame>[] _frames;

    public FormRun(FormPlan plan, IExpressionEvaluator expressions, FormEvaluationOptions options)
    {
        _plan = plan;
        _expressions = expressions;
        _options = options;
        // The sandbox reads today() in the scope's time zone; the instant is also handed over in that zone so that
        // date-only values the runtime writes agree with it.
        _now = TimeZoneInfo.ConvertTime(options.Now, options.TimeZone);
        _frames = new List<Frame>[plan.Layout.Scopes.Length];
        for (var i = 0; i < _frames.Length; i++)
        {
            _frames[i] = [];
        }
    }

    public FormEvaluation Run(JsonObject? data)
    {
        var top = new Frame(_plan.Layout.Top, null, string.Empty);
        _frames[0].Add(top);
        Read(_plan.Layout.Top.Roots, data, top);
        foreach (var (node, cyclic) in _plan.Steps)
        {
            foreach (var frame in _frames[node.Field.Scope.Index])
            {
                if (node.IsValue)
                {
                    Compute(node.Field, frame, cyclic);
                }
                else
                {
                    Show(node.Field, frame, cyclic);
                }
            }
        }

        var states = ImmutableArray.CreateBuilder<FieldState>(_plan.Layout.Fields.Length);
        var errors = ImmutableArray.CreateBuilder<FormError>();
        Check(_plan.Layout.Top.Roots, top, false, states, errors);
        Validate(top, errors);
        return new FormEvaluation(Values(top), states.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>Pass 1: every input field's value from the data (or its default), coerced; a row frame per row.</summary>
    private void Read(IReadOnlyList<LayoutField> fields, JsonObject? container, Frame frame)
    {
        foreach (var field in fields)
        {
            var slot = frame.Slots[field.Slot];
            var plan = _plan.Fields[field.Order];
            JsonNode? raw = null;
            var given = container is not null && container.TryGetPropertyValue(field.Key, out raw);
            switch (field.Type)
            {
                case null or FieldType.Static or FieldType.Computed:
                    break;
                case FieldType.Group:
                    if (raw is not null and not JsonObject)
                    {
                        slot.Add(new(frame.PathOf(field), FormErrorCodes.Type, $"{field.Name} is a group: its data must be an object holding its fields, not {FieldCoercer.Describe(raw)}."));
                    }

                    Read(field.Children, raw as JsonObject, frame);
                    break;
                case FieldType.Repeating:
                    ReadRows(field, given ? raw : plan.Default?.DeepClone(), frame, slot);
                    break;
                default:
                    ReadInput(plan, given ? raw : plan.Default?.DeepClone(), frame, slot);
                    break;
            }
        }
    }

    private void ReadInput(FieldPlan plan, JsonNode? raw, Frame frame, Slot slot)
    {
        if (raw is null)
        {
            return;
        }

        var coerced = plan.Layout.Type == FieldType.File && _options.Files is { } files
            ? FileReferences.TryResolve(plan, raw, files, out var value, out var code, out var message)
            : FieldCoercer.TryCoerce(plan, raw, _options.TimeZone, out value, out code, out message);
        if (coerced)
        {
            slot.Value = value;
            return;
        }

        slot.Value = raw.DeepClone();
        slot.Valid = false;
        slot.Add(new(frame.PathOf(plan.Layout), code, message));
    }

    private void ReadRows(LayoutField table, JsonNode? raw, Frame frame, Slot slot)
    {
        slot.Rows = [];
        if (raw is null)
        {
            return;
        }

        var path = frame.PathOf(table);
        if (raw is not JsonArray rows)
        {
            slot.Valid = false;
            slot.Add(new(path, FormErrorCodes.Type, $"{table.Name} is a repeating group: its data must be a list of rows (objects), not {FieldCoercer.Describe(raw)}."));
            return;
        }

        var scope = table.RowScope!;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new Frame(scope, frame, $"{path}[{i}].");
            slot.Rows.Add(row);
            _frames[scope.Index].Add(row);
            if (rows[i] is not (null or JsonObject))
            {
                row.Errors = [new($"{path}[{i}]", FormErrorCodes.Type, $"Row {i + 1} of {table.Name} must be an object holding the row's fields, not {FieldCoercer.Describe(rows[i])}.")];
            }

            Read(scope.Roots, rows[i] as JsonObject, row);
        }
    }

    /// <summary>The value an expression reads for <paramref name="field"/>: empty while hidden or not coercible.</summary>
    private static JsonNode? Exposed(LayoutField field, Slot slot) =>
        !slot.Visible || !slot.Valid ? null
        : field.Type == FieldType.Repeating ? slot.RowValues
        : slot.Value;

    private static Slot ParentSlot(LayoutField field, Frame frame) =>
        field.Parent!.Scope == field.Scope ? frame.Slots[field.Parent.Slot] : frame.Outer!.Slots[field.Parent.Slot];
}
