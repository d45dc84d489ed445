using System.Collections.Immutable;
using System.Globalization;
using LowCode.Engine.Metadata;

namespace LowCode.Engine.Forms;

/// <summary>Pass 3: required and readonly, the built-in constraints, the field states, and the cross-field validations.</summary>
internal sealed partial class FormRun
{
    private void Check(IReadOnlyList<LayoutField> fields, Frame frame, bool parentReadonly, ImmutableArray<FieldState>.Builder states, ImmutableArray<FormError>.Builder errors)
    {
        foreach (var field in fields)
        {
            var slot = frame.Slots[field.Slot];
            var plan = _plan.Fields[field.Order];
            var path = frame.PathOf(field);
            if (_plan.CycleMessages[field.Order] is { } loop)
            {
                errors.Add(new(path, FormErrorCodes.Expression, $"{plan.Layout.DefinitionPath}: {loop}"));
            }

            if (!slot.Visible || field.Type is null)
            {
                // Hidden fields are neither validated nor stored; their own fields are listed as hidden too.
                states.Add(new(path, field.Key, false, false, field.Type == FieldType.Computed, field.Type == FieldType.Computed ? null : slot.Value));
                if (field.Type == FieldType.Group)
                {
                    Check(field.Children, frame, parentReadonly, states, errors);
                }

                continue;
            }

            var isReadonly = field.Type == FieldType.Computed || parentReadonly
                || (plan.ReadonlyWhen is { } ro && (Condition(ro, frame, slot, path) ?? false));
            var required = (field.TakesInput || field.Type == FieldType.Repeating)
                && (field.Definition.Required || (plan.RequiredWhen is { } rw && (Condition(rw, frame, slot, path) ?? false)));
            if (slot.Errors is { } found)
            {
                errors.AddRange(found);
            }

            switch (field.Type)
            {
                case FieldType.Group:
                    states.Add(new(path, field.Key, true, false, isReadonly, null));
                    Check(field.Children, frame, isReadonly, states, errors);
                    break;
                case FieldType.Static:
                    states.Add(new(path, field.Key, true, false, false, null));
                    break;
                case FieldType.Repeating:
                    states.Add(new(path, field.Key, true, required, isReadonly, null));
                    CheckRows(plan, slot, path, required, isReadonly, states, errors);
                    break;
                default:
                    states.Add(new(path, field.Key, true, required, isReadonly, slot.Value));
                    if (slot.Valid && FieldCoercer.IsEmpty(slot.Value))
                    {
                        // A person cannot fill in a read-only field, so an empty one is not their error to fix.
                        if (required && !isReadonly)
                        {
                            errors.Add(new(path, FormErrorCodes.Required, $"{field.Name} is required."));
                        }
                    }
                    else if (slot.Valid && field.TakesInput)
                    {
                        FieldConstraints.Check(plan, slot.Value!, path, _options.TimeZone, errors, _options.Files);
                    }

                    break;
            }
        }
    }

    private void CheckRows(FieldPlan plan, Slot slot, string path, bool required, bool isReadonly, ImmutableArray<FieldState>.Builder states, ImmutableArray<FormError>.Builder errors)
    {
        var table = plan.Layout;
        var count = slot.Rows!.Count;
        if (slot.Valid)
        {
            var definition = table.Definition;
            if (count == 0 && required && !isReadonly)
            {
                errors.Add(new(path, FormErrorCodes.Required, $"{table.Name} needs at least one row."));
            }
            else if (count < definition.MinRows)
            {
                errors.Add(new(path, FormErrorCodes.MinRows, string.Create(CultureInfo.InvariantCulture, $"{table.Name} needs at least {definition.MinRows} row{(definition.MinRows == 1 ? "" : "s")}; it has {count}.")));
            }

            if (count > definition.MaxRows)
            {
                errors.Add(new(path, FormErrorCodes.MaxRows, string.Create(CultureInfo.InvariantCulture, $"{table.Name} takes at most {definition.MaxRows} rows; it has {count}. Remove {count - definition.MaxRows}.")));
            }
        }

        foreach (var row in slot.Rows)
        {
            if (row.Errors is { } rowErrors)
            {
                errors.AddRange(rowErrors);
            }

            Check(table.RowScope!.Roots, row, isReadonly, states, errors);
        }
    }

    private void Validate(Frame top, ImmutableArray<FormError>.Builder errors)
    {
        foreach (var (definition, expression, fields) in _plan.Validations)
        {
            if (expression is null || (!fields.IsEmpty && fields.All(f => !Shown(f, top))))
            {
                // A check on fields nobody can see would block a submission nobody can fix.
                continue;
            }

            var paths = fields.Where(f => Shown(f, top)).Select(top.PathOf).DefaultIfEmpty(string.Empty).ToList();
            var probe = new Slot();
            var passed = Condition(expression, top, probe, string.Empty);
            if (passed is null)
            {
                var failure = probe.Errors![0];
                errors.AddRange(paths.Select(p => failure with { Path = p }));
            }
            else if (!passed.Value)
            {
                errors.AddRange(paths.Select(p => new FormError(p, FormErrorCodes.Validation, definition.Message)));
            }
        }
    }

    private static bool Shown(LayoutField field, Frame top) => top.Slots[field.Slot].Visible;
}
